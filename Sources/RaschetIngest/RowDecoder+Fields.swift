import RaschetCore

/// Decoding a row into its entity by walking the entity's columns (`EntityTables`): each cell
/// parsed by its field's kind, checked by its column's checks, and written to the field.
/// A column left unwritten (an empty optional cell, or a value that did not parse, in a row that
/// is refused) keeps the table's blank value.
extension RowDecoder {
    mutating func decode<Entity>(_ table: EntityTable<Entity>) -> Entity {
        var entity = table.blank
        for index in table.fields.indices {
            let field = table.fields[index]
            let column = field.column
            guard let cell = cell(index) else { continue }
            let name = column.name
            switch field.access {
            case .text(let path):
                if let value = text(cell, name) { entity[keyPath: path] = value; check(column, text: value) }
            case .optionalText(let path):
                if let value = text(cell, name) { entity[keyPath: path] = value; check(column, text: value) }
            case .money(let path):
                if let value = money(cell, column) { entity[keyPath: path] = value; check(column, money: value) }
            case .decimal(let path):
                if let value = decimal(cell, column) { entity[keyPath: path] = value; check(column, decimal: value) }
            case .optionalDecimal(let path):
                if let value = decimal(cell, column) { entity[keyPath: path] = value; check(column, decimal: value) }
            case .date(let path):
                if let value = date(cell, name) { entity[keyPath: path] = value; check(column, date: value, in: table) }
            case .optionalDate(let path):
                if let value = date(cell, name) { entity[keyPath: path] = value; check(column, date: value, in: table) }
            case .period(let path):
                if let value = period(cell, name) { entity[keyPath: path] = value }
            case .optionalPeriod(let path):
                if let value = period(cell, name) { entity[keyPath: path] = value }
            case .bool(let path):
                if let value = bool(cell, name) { entity[keyPath: path] = value }
            case .int(let path):
                if let value = integer(cell, column) { entity[keyPath: path] = value; check(column, integer: value) }
            case .optionalInt(let path):
                if let value = integer(cell, column) { entity[keyPath: path] = value; check(column, integer: value) }
            case .choice(let choice):
                let code = string(cell)
                if !choice.set(&entity, code) {
                    fail(name, .notOneOf(code, column.type.codes))
                }
            }
        }
        return entity
    }
}

extension RowDecoder {
    /// The cell of the schema's column at `index` (its default when empty); a required column
    /// left empty is a problem.
    mutating func cell(_ index: Int) -> Cell? {
        guard let cell = raw(at: index) else {
            if layout.schema.requiredAt[index] { fail(layout.schema.columns[index], .requiredValueEmpty) }
            return nil
        }
        return cell
    }

    /// An enum value by its code, matched against the cell's bytes; a code the enum lacks is a
    /// problem listing the codes.
    mutating func choice<T: RawRepresentable & CaseIterable>(_ cell: Cell, _ column: Column) -> T? where T.RawValue == String {
        let match = withBytes(cell) { bytes in
            T.allCases.first { value in
                var code = value.rawValue
                return code.withUTF8 { $0.holdsSameBytes(as: bytes) }
            }
        }
        if let value = match {
            return value
        }
        fail(column.name, .notOneOf(string(cell), column.type.codes))
        return nil
    }
}

extension ColumnType {
    /// A choice's codes; none for other types.
    var codes: [String] {
        if case .choice(let codes) = self { codes } else { [] }
    }
}
