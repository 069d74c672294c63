import GRDB
import RaschetCore

/// How one entity maps to its table: column names and the values of a row, in the same order.
struct TableCodec<Entity>: Sendable {
    let kind: EntityKind
    /// Table columns, natural key columns first in `kind.keyColumns` order is not required.
    let columns: [String]
    let values: @Sendable (Entity) -> [(any DatabaseValueConvertible)?]

    var table: String { kind.name }

    /// `INSERT ... ON CONFLICT (key) DO UPDATE ... WHERE something differs`: an unchanged row is
    /// not touched, so re-importing the same file changes nothing and counts nothing.
    var upsertSQL: String {
        let quoted = columns.map { "\"\($0)\"" }
        let keys = kind.keyColumns.map { "\"\($0)\"" }
        let others = zip(columns, quoted).filter { !kind.keyColumns.contains($0.0) }.map(\.1)
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        var sql = "INSERT INTO \(table) (\(quoted.joined(separator: ", "))) VALUES (\(placeholders))"
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

extension ExactDecimal {
    var stored: Int64 { micros }
}

extension CivilDate {
    var stored: String { isoString }
}

/// The codecs of every entity.
enum TableCodecs {
    static let suppliers = TableCodec<Supplier>(
        kind: .suppliers,
        columns: ["supplier_id", "name", "inn", "kpp", "bank_name", "bic", "corr_account", "account", "address", "phone"]
    ) { [$0.id, $0.name, $0.inn, $0.kpp, $0.bankName, $0.bic, $0.correspondentAccount, $0.account, $0.address, $0.phone] }

    static let services = TableCodec<Service>(
        kind: .services,
        columns: ["service_id", "name", "unit", "supplier_id", "method", "vat_mode", "absence_recalc", "group"]
    ) { [$0.id, $0.name, $0.unit, $0.supplierID, $0.method.rawValue, $0.vatMode.rawValue, $0.absenceRecalc, $0.group] }

    static let tariffs = TableCodec<Tariff>(
        kind: .tariffs,
        columns: ["service_id", "valid_from", "valid_to", "price", "zone", "category", "norm", "coefficient"]
    ) {
        [$0.serviceID, $0.validFrom.stored, $0.validTo?.stored, $0.price.stored, $0.zone.rawValue, $0.category.rawValue,
         $0.norm?.stored, $0.coefficient.stored]
    }

    static let accounts = TableCodec<Account>(
        kind: .accounts,
        columns: ["account_id", "kind", "name", "address", "inn", "contract_no", "contract_date", "postal_address", "area",
                  "residents", "email", "email_confirmed", "e_receipt", "delivery_route", "opened", "closed"]
    ) {
        [$0.id, $0.kind.rawValue, $0.name, $0.address, $0.inn, $0.contractNumber, $0.contractDate?.stored, $0.postalAddress,
         $0.area?.stored, $0.residents, $0.email, $0.emailConfirmed, $0.eReceipt, $0.deliveryRoute, $0.opened?.stored,
         $0.closed?.stored]
    }

    static let accountServices = TableCodec<AccountService>(
        kind: .accountServices,
        columns: ["account_id", "service_id", "valid_from", "valid_to", "quantity", "installation"]
    ) { [$0.accountID, $0.serviceID, $0.validFrom.stored, $0.validTo?.stored, $0.quantity?.stored, $0.installation] }

    static let meters = TableCodec<Meter>(
        kind: .meters,
        columns: ["meter_id", "account_id", "service_id", "zones", "digits", "installed", "removed", "verification_due"]
    ) {
        [$0.id, $0.accountID, $0.serviceID, $0.zones, $0.digits, $0.installed?.stored, $0.removed?.stored,
         $0.verificationDue?.stored]
    }

    static let readings = TableCodec<Reading>(
        kind: .readings, columns: ["meter_id", "date", "zone", "value", "source", "rollover"]
    ) { [$0.meterID, $0.date.stored, $0.zone.rawValue, $0.value.stored, $0.source?.rawValue, $0.rollover] }

    static let volumes = TableCodec<Volume>(
        kind: .volumes, columns: ["account_id", "service_id", "period", "quantity", "installation"]
    ) { [$0.accountID, $0.serviceID, $0.period.code, $0.quantity.stored, $0.installation] }

    static let payments = TableCodec<Payment>(
        kind: .payments, columns: ["payment_id", "account_id", "date", "amount", "source", "period"]
    ) { [$0.id, $0.accountID, $0.date.stored, $0.amount.kopecks, $0.source, $0.period?.code] }

    static let absences = TableCodec<Absence>(
        kind: .absences, columns: ["account_id", "date_from", "date_to", "persons", "document"]
    ) { [$0.accountID, $0.dateFrom.stored, $0.dateTo.stored, $0.persons, $0.document] }

    static let keyRates = TableCodec<KeyRate>(kind: .keyRates, columns: ["valid_from", "rate"]) {
        [$0.validFrom.stored, $0.rate.stored]
    }
}
