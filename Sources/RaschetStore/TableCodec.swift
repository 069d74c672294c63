import RaschetCore

/// How one entity maps to its table: column names, and the binding of a row's values in the
/// same order.
struct TableCodec<Entity>: Sendable {
    let kind: EntityKind
    let columns: [String]
    let bind: @Sendable (Entity, inout ParameterBinder) -> Void

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

/// The codecs of every entity. Money is stored as kopecks, quantities as millionths (see `Schema`).
enum TableCodecs {
    static let suppliers = TableCodec<Supplier>(
        kind: .suppliers,
        columns: ["supplier_id", "name", "inn", "kpp", "bank_name", "bic", "corr_account", "account", "address", "phone"]
    ) { v, b in
        b.add(v.id); b.add(v.name); b.add(v.inn); b.add(v.kpp); b.add(v.bankName); b.add(v.bic)
        b.add(v.correspondentAccount); b.add(v.account); b.add(v.address); b.add(v.phone)
    }

    static let services = TableCodec<Service>(
        kind: .services,
        columns: ["service_id", "name", "unit", "supplier_id", "method", "vat_mode", "absence_recalc", "group"]
    ) { v, b in
        b.add(v.id); b.add(v.name); b.add(v.unit); b.add(v.supplierID); b.add(v.method.rawValue)
        b.add(v.vatMode.rawValue); b.add(v.absenceRecalc); b.add(v.group)
    }

    static let tariffs = TableCodec<Tariff>(
        kind: .tariffs,
        columns: ["service_id", "valid_from", "valid_to", "price", "zone", "category", "norm", "coefficient"]
    ) { v, b in
        b.add(v.serviceID); b.add(v.validFrom); b.add(v.validTo); b.add(v.price); b.add(v.zone.rawValue)
        b.add(v.category.rawValue); b.add(v.norm); b.add(v.coefficient)
    }

    static let accounts = TableCodec<Account>(
        kind: .accounts,
        columns: ["account_id", "kind", "name", "address", "inn", "contract_no", "contract_date", "postal_address", "area",
                  "residents", "email", "email_confirmed", "e_receipt", "delivery_route", "opened", "closed"]
    ) { v, b in
        b.add(v.id); b.add(v.kind.rawValue); b.add(v.name); b.add(v.address); b.add(v.inn); b.add(v.contractNumber)
        b.add(v.contractDate); b.add(v.postalAddress); b.add(v.area); b.add(v.residents); b.add(v.email)
        b.add(v.emailConfirmed); b.add(v.eReceipt); b.add(v.deliveryRoute); b.add(v.opened); b.add(v.closed)
    }

    static let accountServices = TableCodec<AccountService>(
        kind: .accountServices,
        columns: ["account_id", "service_id", "valid_from", "valid_to", "quantity", "installation"]
    ) { v, b in
        b.add(v.accountID); b.add(v.serviceID); b.add(v.validFrom); b.add(v.validTo); b.add(v.quantity); b.add(v.installation)
    }

    static let meters = TableCodec<Meter>(
        kind: .meters,
        columns: ["meter_id", "account_id", "service_id", "zones", "digits", "installed", "removed", "verification_due"]
    ) { v, b in
        b.add(v.id); b.add(v.accountID); b.add(v.serviceID); b.add(v.zones); b.add(v.digits); b.add(v.installed)
        b.add(v.removed); b.add(v.verificationDue)
    }

    static let readings = TableCodec<Reading>(
        kind: .readings, columns: ["meter_id", "date", "zone", "value", "source", "rollover"]
    ) { v, b in
        b.add(v.meterID); b.add(v.date); b.add(v.zone.rawValue); b.add(v.value); b.add(v.source?.rawValue); b.add(v.rollover)
    }

    static let volumes = TableCodec<Volume>(
        kind: .volumes, columns: ["account_id", "service_id", "period", "quantity", "installation"]
    ) { v, b in
        b.add(v.accountID); b.add(v.serviceID); b.add(v.period.code); b.add(v.quantity); b.add(v.installation)
    }

    static let payments = TableCodec<Payment>(
        kind: .payments, columns: ["payment_id", "account_id", "date", "amount", "source", "period"]
    ) { v, b in
        b.add(v.id); b.add(v.accountID); b.add(v.date); b.add(v.amount.kopecks); b.add(v.source); b.add(v.period?.code)
    }

    static let absences = TableCodec<Absence>(
        kind: .absences, columns: ["account_id", "date_from", "date_to", "persons", "document"]
    ) { v, b in
        b.add(v.accountID); b.add(v.dateFrom); b.add(v.dateTo); b.add(v.persons); b.add(v.document)
    }

    static let keyRates = TableCodec<KeyRate>(kind: .keyRates, columns: ["valid_from", "rate"]) { v, b in
        b.add(v.validFrom); b.add(v.rate)
    }
}
