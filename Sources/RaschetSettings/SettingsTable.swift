import RaschetCore
import TOMLKit

/// A table of `raschet.toml` with its dotted name, reading typed values and naming the key of any
/// wrong one in the error.
///
/// Rates and factors are exact decimals: an integer (`22`) or a string (`"9.5"`); a TOML float is
/// refused, because binary floating point never touches a rate.
struct SettingsTable {
    let table: TOMLTable
    /// The dotted name: `billing`, `billing.vat[2]`.
    let name: String
    let file: String

    init(_ table: TOMLTable, name: String, file: String) {
        self.table = table
        self.name = name
        self.file = file
    }

    /// An error about `key` of this table.
    func error(_ key: String, _ message: Message) -> SettingsError {
        SettingsError(file: file, key: name + "." + key, message: message)
    }

    func contains(_ key: String) -> Bool { table.contains(key: key) }

    /// Refuses any key not in `known`: a typo must not silently keep a default.
    func checkKeys(_ known: [String]) throws(SettingsError) {
        for key in table.keys.sorted() where !known.contains(key) {
            throw error(key, .unknownSettingsKey(known: known))
        }
    }

    /// A whole number in `range`, or nil when the key is absent.
    func int(_ key: String, _ range: ClosedRange<Int>) throws(SettingsError) -> Int? {
        guard let value = table[key] else { return nil }
        guard let number = value.int, range.contains(number) else {
            throw error(key, .wholeNumberIn(range.lowerBound, range.upperBound))
        }
        return number
    }

    /// A string in quotes, or nil when the key is absent (an error when `required`, as is a
    /// required string of spaces only: the payee's name and bank go on every receipt and QR code).
    func string(_ key: String, required: Bool) throws(SettingsError) -> String? {
        guard let value = table[key] else {
            if required { throw error(key, .settingMissing) }
            return nil
        }
        guard let string = value.string else { throw error(key, .mustBeQuotedString) }
        if required && string.allSatisfy(\.isWhitespace) { throw error(key, .settingBlank) }
        return string
    }

    /// A non-negative exact decimal from an integer (`22`) or a string (`"9.5"`) within `range` (a
    /// value outside it is an error naming the key and the range), or nil when absent.
    func decimal(_ key: String, _ range: ClosedRange<ExactDecimal>) throws(SettingsError) -> ExactDecimal? {
        guard let value = table[key] else { return nil }
        func outOfRange(_ value: String) -> Message {
            .settingOutOfRange(value, low: range.lowerBound.machineString, high: range.upperBound.machineString)
        }
        var parsed: ExactDecimal?
        if let number = value.int {
            guard number.magnitude <= 1_000_000_000_000 else { throw error(key, outOfRange(String(number))) }
            parsed = ExactDecimal(number)
        }
        if let text = value.string { parsed = ExactDecimal(parsing: text) }
        guard let number = parsed, number >= .zero else {
            throw error(key, .mustBeExactNumber)
        }
        guard range.contains(number) else { throw error(key, outOfRange(number.machineString)) }
        return number
    }

    /// A required exact decimal within `range` (see `decimal(_:_:)`).
    func requiredDecimal(_ key: String, _ range: ClosedRange<ExactDecimal>) throws(SettingsError) -> ExactDecimal {
        guard let number = try decimal(key, range) else {
            throw error(key, .mustBeExactNumber)
        }
        return number
    }

    /// The rows of an array of inline tables, each named `key[N]` and holding only `keys` (a typo
    /// in a row must not silently leave a rate or a divisor out), or nil when the key is absent.
    func rows(_ key: String, keys: [String]) throws(SettingsError) -> [SettingsTable]? {
        guard let value = table[key] else { return nil }
        guard let array = value.array else { throw error(key, .mustBeArrayOfTables) }
        var result: [SettingsTable] = []
        for (index, element) in array.enumerated() {
            let rowName = "\(name).\(key)[\(index + 1)]"
            guard let row = element.table else {
                throw SettingsError(file: file, key: rowName, message: .mustBeInlineTable)
            }
            let rowTable = SettingsTable(row, name: rowName, file: file)
            try rowTable.checkKeys(keys)
            result.append(rowTable)
        }
        guard !result.isEmpty else { throw error(key, .needsOneRow) }
        return result
    }

    /// A table of values by period from rows `{ from = "YYYY-MM", valueKey = ... }`, or nil when the
    /// key is absent.
    func periodTable<Value>(_ key: String, valueKey: String, _ value: (SettingsTable) throws(SettingsError) -> Value)
        throws(SettingsError) -> PeriodTable<Value>? {
        guard let rows = try rows(key, keys: ["from", valueKey]) else { return nil }
        var entries: [PeriodTable<Value>.Entry] = []
        for row in rows {
            guard let text = row.table["from"]?.string else { throw row.error("from", .mustBeQuotedPeriod) }
            guard let from = Period(parsing: text) else {
                throw row.error("from", Self.hasForm(text, dashes: [4]) ? .periodNotInCalendar(text) : .mustBeQuotedPeriod)
            }
            guard !entries.contains(where: { $0.from == from }) else {
                throw row.error("from", .periodTwice(from))
            }
            entries.append(.init(from: from, value: try value(row)))
        }
        return PeriodTable(entries)
    }

    /// The dates `from` ... `to` of a row (`{ from = "YYYY-MM-DD", to = "YYYY-MM-DD" }`).
    func dateRange() throws(SettingsError) -> ClosedRange<CivilDate> {
        let from = try date("from", wrongForm: .mustBeQuotedDate)
        let to = try date("to", wrongForm: .mustBeQuotedEndDate)
        guard from <= to else { throw error("to", .mustBeQuotedEndDate) }
        return from...to
    }

    /// The date of `key`: `wrongForm` when it is not a quoted `YYYY-MM-DD`, another error naming it
    /// when it has the form but is no day of the calendar (`2026-02-29`).
    private func date(_ key: String, wrongForm: Message) throws(SettingsError) -> CivilDate {
        guard let text = table[key]?.string else { throw error(key, wrongForm) }
        if let date = CivilDate(parsing: text) { return date }
        throw error(key, Self.hasForm(text, dashes: [4, 7]) ? .dateNotInCalendar(text) : wrongForm)
    }

    /// Whether `text` is digits with a dash at each of `dashes`, and as long as `YYYY-MM` (one dash)
    /// or `YYYY-MM-DD` (two): the form of a period or a date, whatever its numbers.
    private static func hasForm(_ text: String, dashes: Set<Int>) -> Bool {
        text.utf8.count == 4 + 3 * dashes.count && text.utf8.enumerated().allSatisfy { index, byte in
            dashes.contains(index) ? byte == UInt8(ascii: "-") : (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
    }
}
