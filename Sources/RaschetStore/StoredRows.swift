import GRDB
import RaschetCore

/// Decodes stored rows back into values, by column position: a query selects `<entity>Columns`
/// (GRDB's lookup by name hashes the name on every access, which the close pays millions of
/// times). Entities decode through their `TableCodecs`; the close's own tables decode here.
///
/// A value the schema guarantees but that does not parse (an edited database) decodes to a
/// neutral value rather than crashing; imports never store such values.
enum StoredRows {
    static func date(_ text: String?) -> CivilDate? { text.flatMap { isoDate($0) } }
    static func date(_ text: String) -> CivilDate { isoDate(text) ?? CivilDate(year: 1900, month: 1, day: 1)! }

    /// Parses the stored `YYYY-MM-DD` form in place (the close decodes millions of dates;
    /// `CivilDate(parsing:)` copies the bytes into an array first).
    static func isoDate(_ text: String) -> CivilDate? {
        var text = text
        return text.withUTF8 { bytes -> CivilDate? in
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
                return CivilDate(parsing: String(decoding: bytes, as: UTF8.self))
            }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for position in range {
                    let digit = Int(bytes[position]) &- 48
                    guard digit >= 0 && digit <= 9 else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
            return CivilDate(year: year, month: month, day: day)
        }
    }

    static func period(_ text: String) -> Period { Period(parsing: text) ?? Period(year: 1900, month: 1)! }
    static func decimal(_ micros: Int64?) -> ExactDecimal? { micros.map { ExactDecimal(micros: $0) } }

    // The entities' decoders live in `TableCodecs`; these are the close's names for them. A
    // row must be selected as `<entity>Columns` (or `SELECT *`).

    static func service(_ row: Row) -> Service { TableCodecs.services.decode(row) }
    static func tariff(_ row: Row) -> Tariff { TableCodecs.tariffs.decode(row) }
    static func keyRate(_ row: Row) -> KeyRate { TableCodecs.keyRates.decode(row) }

    static let accountColumns = TableCodecs.accounts.selectList
    static func account(_ row: Row) -> Account { TableCodecs.accounts.decode(row) }

    static let accountServiceColumns = TableCodecs.accountServices.selectList
    static func accountService(_ row: Row) -> AccountService { TableCodecs.accountServices.decode(row) }

    static let meterColumns = TableCodecs.meters.selectList
    static func meter(_ row: Row) -> Meter { TableCodecs.meters.decode(row) }

    static let readingColumns = TableCodecs.readings.selectList
    static func reading(_ row: Row) -> Reading { TableCodecs.readings.decode(row) }

    static let volumeColumns = TableCodecs.volumes.selectList
    static func volume(_ row: Row) -> Volume { TableCodecs.volumes.decode(row) }

    static let paymentColumns = TableCodecs.payments.selectList
    static func payment(_ row: Row) -> Payment { TableCodecs.payments.decode(row) }

    static let absenceColumns = TableCodecs.absences.selectList
    static func absence(_ row: Row) -> Absence { TableCodecs.absences.decode(row) }

    /// The columns of `charge_lines` after `period, account_id, seq`, in insert order.
    static let chargeLineInsertColumns = ["service_id", "supplier_id", "kind", "ref_period", "zone", "component", "basis",
                                    "quantity", "unit", "price", "vat_mode", "vat_rate", "net", "vat", "gross",
                                    "installation"]


    static let chargeLineColumns = "account_id, period, service_id, supplier_id, kind, ref_period, zone, component, basis, quantity, unit, price, vat_mode, vat_rate, net, vat, gross, installation"

    static func chargeLine(_ row: Row) -> ChargeLine {
        ChargeLine(accountID: row[0], serviceID: row[2], supplierID: row[3], period: period(row[1]),
                   kind: ChargeKind(rawValue: row[4]) ?? .charge, refPeriod: period(row[5]), zone: Zone(rawValue: row[6]) ?? .single,
                   component: ChargeComponent(rawValue: row[7]) ?? .base, basis: ChargeBasis(rawValue: row[8]) ?? .fixed,
                   quantity: ExactDecimal(micros: row[9]), unit: row[10], price: ExactDecimal(micros: row[11]),
                   vatMode: VATMode(rawValue: row[12]) ?? .included, vatRate: ExactDecimal(micros: row[13]),
                   amounts: VATAmounts(net: Money(kopecks: row[14]), vat: Money(kopecks: row[15]), gross: Money(kopecks: row[16])),
                   installation: row[17])
    }

    static let balanceColumns = "opening, charged, recalc, penalty, paid"

    static func balance(_ row: Row) -> AccountBalance {
        AccountBalance(opening: Money(kopecks: row[0]), charged: Money(kopecks: row[1]), recalc: Money(kopecks: row[2]),
                       penalty: Money(kopecks: row[3]), paid: Money(kopecks: row[4]))
    }
}
