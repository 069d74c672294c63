import GRDB
import RaschetCore

/// Decodes stored rows back into entities (the inverse of `TableCodecs`), by column name.
///
/// A value the schema guarantees but that does not parse (an edited database) decodes to a
/// neutral value rather than crashing; imports never store such values.
enum StoredRows {
    static func date(_ text: String?) -> CivilDate? { text.flatMap { CivilDate(parsing: $0) } }
    static func date(_ text: String) -> CivilDate { CivilDate(parsing: text) ?? CivilDate(year: 1900, month: 1, day: 1)! }
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

    static func account(_ row: Row) -> Account {
        Account(id: row["account_id"], kind: AccountKind(rawValue: row["kind"]) ?? .person, name: row["name"],
                address: row["address"], inn: row["inn"], contractNumber: row["contract_no"],
                contractDate: date(row["contract_date"] as String?), postalAddress: row["postal_address"],
                area: decimal(row["area"]), residents: row["residents"], email: row["email"],
                emailConfirmed: row["email_confirmed"], eReceipt: row["e_receipt"], deliveryRoute: row["delivery_route"],
                opened: date(row["opened"] as String?), closed: date(row["closed"] as String?))
    }

    static func accountService(_ row: Row) -> AccountService {
        AccountService(accountID: row["account_id"], serviceID: row["service_id"], validFrom: date(row["valid_from"] as String),
                       validTo: date(row["valid_to"] as String?), quantity: decimal(row["quantity"]),
                       installation: row["installation"])
    }

    static func meter(_ row: Row) -> Meter {
        Meter(id: row["meter_id"], accountID: row["account_id"], serviceID: row["service_id"], zones: row["zones"],
              digits: row["digits"], installed: date(row["installed"] as String?), removed: date(row["removed"] as String?),
              verificationDue: date(row["verification_due"] as String?))
    }

    static func reading(_ row: Row) -> Reading {
        Reading(meterID: row["meter_id"], date: date(row["date"] as String), value: ExactDecimal(micros: row["value"]),
                zone: Zone(rawValue: row["zone"]) ?? .single,
                source: (row["source"] as String?).flatMap { ReadingSource(rawValue: $0) }, rollover: row["rollover"])
    }

    static func volume(_ row: Row) -> Volume {
        Volume(accountID: row["account_id"], serviceID: row["service_id"], period: period(row["period"]),
               quantity: ExactDecimal(micros: row["quantity"]), installation: row["installation"])
    }

    static func payment(_ row: Row) -> Payment {
        Payment(id: row["payment_id"], accountID: row["account_id"], date: date(row["date"] as String),
                amount: Money(kopecks: row["amount"]), source: row["source"],
                period: (row["period"] as String?).flatMap { Period(parsing: $0) })
    }

    static func absence(_ row: Row) -> Absence {
        Absence(accountID: row["account_id"], dateFrom: date(row["date_from"] as String), dateTo: date(row["date_to"] as String),
                persons: row["persons"], document: row["document"])
    }

    static func keyRate(_ row: Row) -> KeyRate {
        KeyRate(validFrom: date(row["valid_from"] as String), rate: ExactDecimal(micros: row["rate"]))
    }

    /// The columns of `charge_lines` after `account_id, period, seq`, in insert order.
    static let chargeLineColumns = ["service_id", "supplier_id", "kind", "ref_period", "zone", "component", "basis",
                                    "quantity", "unit", "price", "vat_mode", "vat_rate", "net", "vat", "gross",
                                    "installation"]

    static func chargeLineValues(_ line: ChargeLine, seq: Int) -> [(any DatabaseValueConvertible)?] {
        [line.accountID, line.period.code, seq, line.serviceID, line.supplierID, line.kind.rawValue, line.refPeriod.code,
         line.zone.rawValue, line.component.rawValue, line.basis.rawValue, line.quantity.micros, line.unit,
         line.price.micros, line.vatMode.rawValue, line.vatRate.micros, line.net.kopecks, line.vat.kopecks,
         line.gross.kopecks, line.installation]
    }

    static func chargeLine(_ row: Row) -> ChargeLine {
        ChargeLine(accountID: row["account_id"], serviceID: row["service_id"], supplierID: row["supplier_id"],
                   period: period(row["period"]), kind: ChargeKind(rawValue: row["kind"]) ?? .charge,
                   refPeriod: period(row["ref_period"]), zone: Zone(rawValue: row["zone"]) ?? .single,
                   component: ChargeComponent(rawValue: row["component"]) ?? .base,
                   basis: ChargeBasis(rawValue: row["basis"]) ?? .fixed, quantity: ExactDecimal(micros: row["quantity"]),
                   unit: row["unit"], price: ExactDecimal(micros: row["price"]),
                   vatMode: VATMode(rawValue: row["vat_mode"]) ?? .included, vatRate: ExactDecimal(micros: row["vat_rate"]),
                   amounts: VATAmounts(net: Money(kopecks: row["net"]), vat: Money(kopecks: row["vat"]),
                                       gross: Money(kopecks: row["gross"])),
                   installation: row["installation"])
    }

    static func balance(_ row: Row) -> AccountBalance {
        AccountBalance(opening: Money(kopecks: row["opening"]), charged: Money(kopecks: row["charged"]),
                       recalc: Money(kopecks: row["recalc"]), penalty: Money(kopecks: row["penalty"]),
                       paid: Money(kopecks: row["paid"]))
    }
}
