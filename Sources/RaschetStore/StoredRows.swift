import GRDB
import RaschetCore

/// Decodes stored rows back into entities (the inverse of `TableCodecs`), by column position: a
/// query selects `<entity>Columns` (GRDB's lookup by name hashes the name on every access, which
/// the close pays millions of times).
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

    static func service(_ row: Row) -> Service {
        Service(id: row["service_id"], name: row["name"], unit: row["unit"], supplierID: row["supplier_id"],
                method: CalculationMethod(rawValue: row["method"]) ?? .fixed,
                vatMode: VATMode(rawValue: row["vat_mode"]) ?? .included, absenceRecalc: row["absence_recalc"],
                group: row["group"])
    }

    static func tariff(_ row: Row) -> Tariff {
        Tariff(serviceID: row["service_id"], validFrom: date(row["valid_from"] as String), validTo: date(row["valid_to"] as String?),
               price: ExactDecimal(micros: row["price"]), zone: Zone(rawValue: row["zone"]) ?? .single,
               category: ConsumerCategory(rawValue: row["category"]) ?? .household, norm: decimal(row["norm"]),
               coefficient: ExactDecimal(micros: row["coefficient"]))
    }

    static let accountColumns = "account_id, kind, name, address, inn, contract_no, contract_date, postal_address, area, residents, email, email_confirmed, e_receipt, delivery_route, opened, closed"

    static func account(_ row: Row) -> Account {
        Account(id: row[0], kind: AccountKind(rawValue: row[1]) ?? .person, name: row[2], address: row[3], inn: row[4],
                contractNumber: row[5], contractDate: date(row[6] as String?), postalAddress: row[7], area: decimal(row[8]),
                residents: row[9], email: row[10], emailConfirmed: row[11], eReceipt: row[12], deliveryRoute: row[13],
                opened: date(row[14] as String?), closed: date(row[15] as String?))
    }

    static let accountServiceColumns = "account_id, service_id, valid_from, valid_to, quantity, installation"

    static func accountService(_ row: Row) -> AccountService {
        AccountService(accountID: row[0], serviceID: row[1], validFrom: date(row[2] as String), validTo: date(row[3] as String?),
                       quantity: decimal(row[4]), installation: row[5])
    }

    static let meterColumns = "meter_id, account_id, service_id, zones, digits, installed, removed, verification_due"

    static func meter(_ row: Row) -> Meter {
        Meter(id: row[0], accountID: row[1], serviceID: row[2], zones: row[3], digits: row[4], installed: date(row[5] as String?),
              removed: date(row[6] as String?), verificationDue: date(row[7] as String?))
    }

    static let readingColumns = "meter_id, date, zone, value, source, rollover"

    static func reading(_ row: Row) -> Reading {
        Reading(meterID: row[0], date: date(row[1] as String), value: ExactDecimal(micros: row[3]),
                zone: Zone(rawValue: row[2]) ?? .single, source: (row[4] as String?).flatMap { ReadingSource(rawValue: $0) },
                rollover: row[5])
    }

    static let volumeColumns = "account_id, service_id, period, quantity, installation"

    static func volume(_ row: Row) -> Volume {
        Volume(accountID: row[0], serviceID: row[1], period: period(row[2]), quantity: ExactDecimal(micros: row[3]),
               installation: row[4])
    }

    static let paymentColumns = "payment_id, account_id, date, amount, source, period"

    static func payment(_ row: Row) -> Payment {
        Payment(id: row[0], accountID: row[1], date: date(row[2] as String), amount: Money(kopecks: row[3]), source: row[4],
                period: (row[5] as String?).flatMap { Period(parsing: $0) })
    }

    static let absenceColumns = "account_id, date_from, date_to, persons, document"

    static func absence(_ row: Row) -> Absence {
        Absence(accountID: row[0], dateFrom: date(row[1] as String), dateTo: date(row[2] as String), persons: row[3],
                document: row[4])
    }

    static func keyRate(_ row: Row) -> KeyRate {
        KeyRate(validFrom: date(row["valid_from"] as String), rate: ExactDecimal(micros: row["rate"]))
    }

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
