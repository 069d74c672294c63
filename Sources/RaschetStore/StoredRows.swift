import RaschetCore

/// Decodes stored rows back into values, by column position: a query selects `<entity>Columns`
/// (GRDB's lookup by name hashes the name on every access, which the close pays millions of
/// times). Entities decode through their `TableCodecs`; the close's own tables decode here. Each
/// decoder reads any `StoredRow`: a GRDB `Row` or a `StatementRow` stepped through the C API.
///
/// A value the schema guarantees but that does not parse (an edited database) decodes to a
/// neutral value rather than crashing; imports never store such values.
enum StoredRows {
    /// What a date that does not parse decodes to.
    static let neutralDate = CivilDate(year: 1900, month: 1, day: 1)!
    /// What a period that does not parse decodes to.
    static let neutralPeriod = Period(year: 1900, month: 1)!

    static func date(_ text: String) -> CivilDate { isoDate(text) ?? neutralDate }

    /// Parses the stored `YYYY-MM-DD` form in place (the close decodes millions of dates;
    /// `CivilDate(parsing:)` copies the bytes into an array first).
    static func isoDate(_ text: String) -> CivilDate? {
        var text = text
        return text.withUTF8(isoDate)
    }

    /// `isoDate` of a text's UTF-8 bytes; another form falls back to `CivilDate(parsing:)`.
    static func isoDate(_ bytes: UnsafeBufferPointer<UInt8>) -> CivilDate? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
            return CivilDate(parsing: String(decoding: bytes, as: UTF8.self))
        }
        guard let year = number(bytes, 0..<4), let month = number(bytes, 5..<7), let day = number(bytes, 8..<10) else {
            return nil
        }
        return CivilDate(year: year, month: month, day: day)
    }

    static func period(_ text: String) -> Period { Period(parsing: text) ?? neutralPeriod }

    /// Parses a `YYYY-MM` period from a text's UTF-8 bytes in place, as `Period(parsing:)` does.
    static func period(_ bytes: UnsafeBufferPointer<UInt8>) -> Period? {
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"),
              let year = number(bytes, 0..<4), let month = number(bytes, 5..<7) else { return nil }
        return Period(year: year, month: month)
    }

    /// The decimal digits at `range` of `bytes` as a number; nil when one is not a digit.
    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var value = 0
        for position in range {
            let digit = Int(bytes[position]) &- 48
            guard digit >= 0 && digit <= 9 else { return nil }
            value = value &* 10 &+ digit
        }
        return value
    }

    // The entities' decoders live in `TableCodecs`; these are the close's names for them. A
    // row must be selected as `<entity>Columns` (or `SELECT *`).

    static func service(_ row: some StoredRow) -> Service { TableCodecs.services.decode(row) }
    static func tariff(_ row: some StoredRow) -> Tariff { TableCodecs.tariffs.decode(row) }
    static func keyRate(_ row: some StoredRow) -> KeyRate { TableCodecs.keyRates.decode(row) }

    static let accountColumns = TableCodecs.accounts.selectList
    static func account(_ row: some StoredRow) -> Account { TableCodecs.accounts.decode(row) }

    static let accountServiceColumns = TableCodecs.accountServices.selectList
    /// Decoded column by column rather than through the codec's key paths (the close decodes an
    /// account's connections and readings for every account); `TableCodecRoundTripTests` checks
    /// that both decode the same.
    static func accountService(_ row: some StoredRow) -> AccountService {
        AccountService(accountID: row.text(0), serviceID: row.text(1), validFrom: row.date(2) ?? neutralDate,
                       validTo: row.date(3), quantity: row.optionalInt64(4).map { ExactDecimal(micros: $0) },
                       installation: row.optionalText(5))
    }

    static let meterColumns = TableCodecs.meters.selectList
    static func meter(_ row: some StoredRow) -> Meter { TableCodecs.meters.decode(row) }

    static let readingColumns = TableCodecs.readings.selectList
    /// Decoded column by column, as ``accountService(_:)``.
    static func reading(_ row: some StoredRow) -> Reading { reading(row, meterID: row.text(0)) }

    /// A reading whose meter id (column 0) the caller has read, e.g. with `StatementRow.text(_:reusing:)`.
    static func reading(_ row: some StoredRow, meterID: String) -> Reading {
        Reading(meterID: meterID, date: row.date(1) ?? neutralDate, value: ExactDecimal(micros: row.int64(3)),
                zone: row.choice(2, of: Zone.self) ?? .single, source: row.choice(4, of: ReadingSource.self),
                rollover: row.int64(5) != 0)
    }

    static let volumeColumns = TableCodecs.volumes.selectList
    static func volume(_ row: some StoredRow) -> Volume { TableCodecs.volumes.decode(row) }

    static let paymentColumns = TableCodecs.payments.selectList
    static func payment(_ row: some StoredRow) -> Payment { TableCodecs.payments.decode(row) }

    static let absenceColumns = TableCodecs.absences.selectList
    static func absence(_ row: some StoredRow) -> Absence { TableCodecs.absences.decode(row) }

    static let balanceColumns = "opening, charged, recalc, penalty, paid"

    static func balance(_ row: some StoredRow) -> AccountBalance {
        AccountBalance(opening: Money(kopecks: row.int64(0)), charged: Money(kopecks: row.int64(1)),
                       recalc: Money(kopecks: row.int64(2)), penalty: Money(kopecks: row.int64(3)), paid: Money(kopecks: row.int64(4)))
    }
}
