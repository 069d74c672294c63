import RaschetCore

/// How one entity maps to its table, derived from the entity's columns (`EntityTables`): each
/// column bound from its field through the field's key path, and a stored row decoded back by
/// writing each column's value to its field.
struct TableCodec<Entity> {
    let kind: EntityKind
    /// The entity's columns in stored order (`Schema.storedColumns`): the order of `upsertSQL`'s
    /// parameters (the leading key's after them), of `selectList` and of `SELECT *` (which gives a
    /// leading key before them).
    let columns: [String]
    /// Each column's field, in stored order.
    private let fields: [FieldAccess<Entity>]
    private let blank: Entity
    /// A hand-written binding for the tables of many rows (`TableCodecs`), used instead of walking
    /// `fields`; the round-trip tests check it binds what the fields would.
    private let fastBind: (@Sendable (Entity, inout ParameterBinder) -> Void)?
    /// A key column the table has besides the entity's columns, derived from the entity, first in its
    /// key (readings: their quarter, `ReadingQuarters`); nil for the others.
    private let leadingKey: LeadingKey?

    /// A stored key column derived from the entity: its name and how its value is bound, after the
    /// entity's columns.
    struct LeadingKey {
        let column: String
        let bind: @Sendable (Entity, inout ParameterBinder) -> Void
    }

    init(_ table: EntityTable<Entity>, leadingKey: LeadingKey? = nil,
         fastBind: (@Sendable (Entity, inout ParameterBinder) -> Void)? = nil) where Entity: Sendable {
        let columns = Schema.storedColumns(table.kind).map(\.name)
        self.kind = table.kind
        self.columns = columns
        self.fields = columns.map { name in table.fields.first { $0.column.name == name }!.access }
        self.blank = table.blank
        self.fastBind = fastBind
        self.leadingKey = leadingKey
    }

    var table: String { kind.name }

    /// The leading key's column, nil without one.
    var leadingColumn: String? { leadingKey?.column }

    /// The columns, for `SELECT \(selectList) FROM table`: what `decode` reads.
    var selectList: String { columns.map(Schema.quoted).joined(separator: ", ") }

    /// Binds an entity's values to `upsertSQL`'s parameters, the leading key's last.
    func bind(_ value: Entity, _ binder: inout ParameterBinder) {
        if let fastBind { fastBind(value, &binder) } else { bindFields(value, &binder) }
        leadingKey?.bind(value, &binder)
    }

    /// Binds an entity's values by walking its columns' fields.
    func bindFields(_ value: Entity, _ binder: inout ParameterBinder) {
        for field in fields {
            switch field {
            case .text(let path): binder.add(value[keyPath: path])
            case .optionalText(let path): binder.add(value[keyPath: path])
            case .money(let path): binder.add(value[keyPath: path].kopecks)
            case .decimal(let path): binder.add(value[keyPath: path])
            case .optionalDecimal(let path): binder.add(value[keyPath: path])
            case .date(let path): binder.add(value[keyPath: path])
            case .optionalDate(let path): binder.add(value[keyPath: path])
            case .period(let path): binder.add(value[keyPath: path].code)
            case .optionalPeriod(let path): binder.add(value[keyPath: path]?.code)
            case .bool(let path): binder.add(value[keyPath: path])
            case .int(let path): binder.add(value[keyPath: path])
            case .optionalInt(let path): binder.add(value[keyPath: path])
            case .choice(let choice): binder.add(choice.code(value))
            }
        }
    }

    /// Decodes a row selected as `selectList` (or `SELECT *`), by column position (GRDB's
    /// lookup by name hashes the name on every access, which the close would pay millions of
    /// times). A stored value that does not parse (an edited database) decodes to a neutral
    /// value (dates 1900-01-01, enums the blank entity's) rather than crashing.
    func decode(_ row: some StoredRow) -> Entity {
        var entity = blank
        for index in fields.indices {
            switch fields[index] {
            case .text(let path): entity[keyPath: path] = row.text(index)
            case .optionalText(let path): entity[keyPath: path] = row.optionalText(index)
            case .money(let path): entity[keyPath: path] = Money(kopecks: row.int64(index))
            case .decimal(let path): entity[keyPath: path] = ExactDecimal(micros: row.int64(index))
            case .optionalDecimal(let path): entity[keyPath: path] = row.optionalInt64(index).map { ExactDecimal(micros: $0) }
            case .date(let path): entity[keyPath: path] = row.date(index) ?? StoredRows.neutralDate
            case .optionalDate(let path): entity[keyPath: path] = row.date(index)
            case .period(let path): entity[keyPath: path] = row.period(index) ?? StoredRows.neutralPeriod
            case .optionalPeriod(let path): entity[keyPath: path] = row.period(index)
            case .bool(let path): entity[keyPath: path] = row.int64(index) != 0
            case .int(let path): entity[keyPath: path] = Int(truncatingIfNeeded: row.int64(index))
            case .optionalInt(let path): entity[keyPath: path] = row.optionalInt64(index).map { Int(truncatingIfNeeded: $0) }
            case .choice(let choice): if let code = row.optionalText(index) { _ = choice.set(&entity, code) }
            }
        }
        return entity
    }

    /// `INSERT ... ON CONFLICT (key) DO UPDATE ... WHERE something differs`: an unchanged row is
    /// not touched, so re-importing the same file changes nothing and counts nothing.
    var upsertSQL: String { upsertSQL(rows: 1) }

    /// `upsertSQL` for `rows` rows at once (`VALUES (...), (...)`, parameters row after row):
    /// SQLite upserts them in order, as that many single-row statements would, with one statement
    /// start and one cursor per table instead of one per row.
    func upsertSQL(rows: Int) -> String {
        let quoted = columns.map(Schema.quoted)
        let leading = leadingKey.map { [Schema.quoted($0.column)] } ?? []
        let keys = leading + kind.keyColumns.map(Schema.quoted)
        let others = zip(columns, quoted).filter { !kind.keyColumns.contains($0.0) }.map(\.1)
        var sql = "INSERT INTO \(table) (\((quoted + leading).joined(separator: ", "))) VALUES "
            + Schema.valuesPlaceholders(columns: columns.count + leading.count, rows: rows)
        sql += " ON CONFLICT (\(keys.joined(separator: ", "))) DO "
        if others.isEmpty {
            sql += "NOTHING"
        } else {
            sql += "UPDATE SET " + others.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
            sql += " WHERE " + others.map { "\(table).\($0) IS NOT excluded.\($0)" }.joined(separator: " OR ")
        }
        return sql
    }
}

extension TableCodec: Sendable where Entity: Sendable {}
