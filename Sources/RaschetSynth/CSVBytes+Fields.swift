import RaschetCore

/// Field writers built on the table data: account ids, names, INNs.
extension Array where Element == UInt8 {
    /// Fields joined by `;`, ended by `endRow`; for the fixed tables, whose texts need no quoting.
    mutating func putRow(_ fields: [String], _ kind: EntityKind) {
        for (i, field) in fields.enumerated() {
            if i > 0 { separator() }
            append(contentsOf: field.utf8)
        }
        endRow(kind)
    }

    /// Ends a row of `kind` whose first-schema columns are written: an empty cell for each
    /// column added later (`Column.addedBy`, last in the column table), then the newline.
    mutating func endRow(_ kind: EntityKind) {
        append(contentsOf: SyntheticDataSet.addedColumnCells[kind.position])
        newline()
    }

    mutating func putAccountID(_ p: AccountProfile) {
        put(p.isBusiness ? "50" : "30")
        put(p.index + 1, width: 8)
    }

    /// Surname, first name and patronymic in the account holder's gender.
    mutating func putPersonName(_ p: AccountProfile) {
        let surname = NameTables.surnames[p.surname]
        put(p.female ? surname.1 : surname.0)
        append(UInt8(ascii: " "))
        put(p.female ? NameTables.femaleNames[p.firstName] : NameTables.maleNames[p.firstName])
        append(UInt8(ascii: " "))
        let patronymic = NameTables.patronymics[p.patronymic]
        put(p.female ? patronymic.1 : patronymic.0)
    }

    /// A Vologda-region INN (`35…`) with valid check digits: 10 digits (organization) or 12
    /// (individual entrepreneur).
    mutating func putINN(_ r: inout SplitMix64, digits: Int) {
        var d = [3, 5]
        for _ in 0..<(digits == 10 ? 7 : 8) { d.append(r.below(10)) }
        func check(_ weights: [Int]) -> Int {
            var sum = 0
            for (digit, weight) in zip(d, weights) { sum += digit * weight }
            return sum % 11 % 10
        }
        if digits == 10 {
            d.append(check([2, 4, 10, 3, 5, 9, 4, 6, 8]))
        } else {
            d.append(check([7, 2, 4, 10, 3, 5, 9, 4, 6, 8]))
            d.append(check([3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]))
        }
        for digit in d { append(UInt8(ascii: "0") + UInt8(digit)) }
    }
}
