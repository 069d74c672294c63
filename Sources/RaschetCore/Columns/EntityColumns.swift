/// The columns of one entity, in SPEC section 3 order, without their fields: derived from the
/// one table (`EntityTables`) from which the importer's header checks and decoding, the store's
/// tables and codecs and the synthetic files' headers are all derived.
public struct EntityColumns: Sendable, Hashable {
    public let kind: EntityKind
    /// Every column, in SPEC order.
    public let columns: [Column]

    public init(_ kind: EntityKind, _ columns: [Column]) {
        self.kind = kind
        self.columns = columns
    }

    /// The column names, in SPEC order.
    public var names: [String] { columns.map(\.name) }

    /// The natural key's columns, in SPEC order.
    public var keyColumns: [String] { columns.filter(\.key).map(\.name) }

    /// The column named `name`, if the entity has one.
    public func column(_ name: String) -> Column? { columns.first { $0.name == name } }

    /// The position of the column named `name` in `names`.
    /// - Precondition: the entity has such a column (a misspelt name in code is a bug, caught at
    ///   the first use).
    public func position(of name: String) -> Int {
        guard let position = columns.firstIndex(where: { $0.name == name }) else {
            preconditionFailure("\(kind.name) has no column \(name)")
        }
        return position
    }
}

extension EntityKind {
    /// The entity's columns (SPEC section 3).
    public var columns: EntityColumns {
        switch self {
        case .suppliers: .suppliers
        case .services: .services
        case .tariffs: .tariffs
        case .accounts: .accounts
        case .accountServices: .accountServices
        case .meters: .meters
        case .readings: .readings
        case .volumes: .volumes
        case .payments: .payments
        case .absences: .absences
        case .keyRates: .keyRates
        }
    }
}

extension EntityColumns {
    static let suppliers = EntityTables.suppliers.columns
    static let services = EntityTables.services.columns
    static let tariffs = EntityTables.tariffs.columns
    static let accounts = EntityTables.accounts.columns
    static let accountServices = EntityTables.accountServices.columns
    static let meters = EntityTables.meters.columns
    static let readings = EntityTables.readings.columns
    static let volumes = EntityTables.volumes.columns
    static let payments = EntityTables.payments.columns
    static let absences = EntityTables.absences.columns
    static let keyRates = EntityTables.keyRates.columns
}

/// The column table: every entity's columns (SPEC section 3, in SPEC order), each bound to its
/// entity's field, with the checks its values must pass.
///
/// Adding an optional column is one line here (with `addedBy:` naming its migration), plus
/// registering that migration in the store, plus the entity's field itself.
public enum EntityTables {
    public static let suppliers = EntityTable<Supplier>(.suppliers, blank: Supplier(id: "", name: "", inn: ""), [
        Field("supplier_id", \Supplier.id, key: true),
        Field("name", \Supplier.name, required: true),
        Field("inn", \Supplier.inn, required: true, checks: [.digits([10, 12])]),
        Field("kpp", \Supplier.kpp, checks: [.digits([9])]),
        Field("bank_name", \Supplier.bankName),
        Field("bic", \Supplier.bic, checks: [.digits([9])]),
        Field("corr_account", \Supplier.correspondentAccount, checks: [.digits([20])]),
        Field("account", \Supplier.account, checks: [.digits([20])]),
        Field("address", \Supplier.address),
        Field("phone", \Supplier.phone),
    ])

    public static let services = EntityTable<Service>(.services, blank: Service(id: "", name: "", unit: "", supplierID: "",
                                                                                  method: .fixed), [
        Field("service_id", \Service.id, key: true),
        Field("name", \Service.name, required: true),
        Field("unit", \Service.unit, required: true),
        Field("supplier_id", \Service.supplierID, required: true, references: .suppliers),
        Field("method", \Service.method, required: true),
        Field("vat_mode", \Service.vatMode, default: VATMode.included),
        Field("absence_recalc", \Service.absenceRecalc, default: "0"),
        Field("group", \Service.group),
    ])

    public static let tariffs = EntityTable<Tariff>(.tariffs, blank: Tariff(serviceID: "", validFrom: .placeholder, price: .zero), [
        Field("service_id", \Tariff.serviceID, key: true, references: .services),
        Field("valid_from", \Tariff.validFrom, key: true),
        Field("price", \Tariff.price, required: true, checks: [.nonNegative, .quantityRange]),
        Field("valid_to", \Tariff.validTo, checks: [.notBefore("valid_from")]),
        Field("zone", \Tariff.zone, key: true, default: Zone.single),
        Field("category", \Tariff.category, key: true, default: ConsumerCategory.household),
        Field("norm", \Tariff.norm, checks: [.nonNegative, .quantityRange]),
        Field("coefficient", \Tariff.coefficient, default: "1", checks: [.positive(note: nil), .quantityRange]),
    ])

    public static let accounts = EntityTable<Account>(.accounts, blank: Account(id: "", kind: .person, name: "", address: ""), [
        Field("account_id", \Account.id, key: true),
        Field("kind", \Account.kind, required: true),
        Field("name", \Account.name, required: true),
        Field("address", \Account.address, required: true),
        Field("inn", \Account.inn, checks: [.digits([10, 12])]),
        Field("contract_no", \Account.contractNumber),
        Field("contract_date", \Account.contractDate),
        Field("postal_address", \Account.postalAddress),
        Field("area", \Account.area, checks: [.nonNegative, .quantityRange]),
        Field("residents", \Account.residents, checks: [.range(0...1000)]),
        Field("email", \Account.email, checks: [.email]),
        Field("email_confirmed", \Account.emailConfirmed, default: "0"),
        Field("e_receipt", \Account.eReceipt, default: "0"),
        Field("delivery_route", \Account.deliveryRoute),
        Field("opened", \Account.opened),
        Field("closed", \Account.closed, checks: [.notBefore("opened")]),
        Field("changed_from", \Account.changedFrom, addedBy: "v15-premises-history"),
    ])

    public static let accountServices = EntityTable<AccountService>(
        .accountServices, blank: AccountService(accountID: "", serviceID: "", validFrom: .placeholder), [
        Field("account_id", \AccountService.accountID, key: true, references: .accounts),
        Field("service_id", \AccountService.serviceID, key: true, references: .services),
        Field("valid_from", \AccountService.validFrom, key: true),
        Field("valid_to", \AccountService.validTo, checks: [.notBefore("valid_from")]),
        Field("quantity", \AccountService.quantity, checks: [.nonNegative, .quantityRange]),
        Field("installation", \AccountService.installation),
    ])

    public static let meters = EntityTable<Meter>(.meters, blank: Meter(id: "", accountID: "", serviceID: ""), [
        Field("meter_id", \Meter.id, key: true),
        Field("account_id", \Meter.accountID, required: true, references: .accounts),
        Field("service_id", \Meter.serviceID, required: true, references: .services),
        Field("zones", \Meter.zones, default: "1", checks: [.range(1...3)]),
        Field("digits", \Meter.digits, checks: [.range(1...12)]),
        Field("installed", \Meter.installed),
        Field("removed", \Meter.removed),
        Field("verification_due", \Meter.verificationDue),
    ])

    public static let readings = EntityTable<Reading>(.readings, blank: Reading(meterID: "", date: .placeholder, value: .zero), [
        Field("meter_id", \Reading.meterID, key: true, references: .meters),
        Field("date", \Reading.date, key: true),
        Field("value", \Reading.value, required: true, checks: [.nonNegative, .readingRange]),
        Field("zone", \Reading.zone, key: true, default: Zone.single),
        Field("source", \Reading.source),
        Field("rollover", \Reading.rollover, default: "0"),
    ])

    public static let volumes = EntityTable<Volume>(
        .volumes, blank: Volume(accountID: "", serviceID: "", period: CivilDate.placeholder.period, quantity: .zero), [
        Field("account_id", \Volume.accountID, key: true, references: .accounts),
        Field("service_id", \Volume.serviceID, key: true, references: .services),
        Field("period", \Volume.period, key: true),
        Field("quantity", \Volume.quantity, required: true, checks: [.nonNegative, .quantityRange]),
        Field("installation", \Volume.installation),
    ])

    public static let payments = EntityTable<Payment>(
        .payments, blank: Payment(id: "", accountID: "", date: .placeholder, amount: .zero), [
        Field("payment_id", \Payment.id, key: true),
        Field("account_id", \Payment.accountID, required: true, references: .accounts),
        Field("date", \Payment.date, required: true),
        Field("amount", \Payment.amount, required: true,
              checks: [.nonZero(note: .paymentSign), .moneyRange]),
        Field("source", \Payment.source),
        Field("period", \Payment.period),
    ])

    public static let absences = EntityTable<Absence>(
        .absences, blank: Absence(accountID: "", dateFrom: .placeholder, dateTo: .placeholder, persons: 1), [
        Field("account_id", \Absence.accountID, key: true, references: .accounts),
        Field("date_from", \Absence.dateFrom, key: true),
        Field("date_to", \Absence.dateTo, required: true, checks: [.notBefore("date_from")]),
        Field("persons", \Absence.persons, required: true, checks: [.range(1...1000)]),
        Field("document", \Absence.document),
    ])

    public static let keyRates = EntityTable<KeyRate>(.keyRates, blank: KeyRate(validFrom: .placeholder, rate: .zero), [
        Field("valid_from", \KeyRate.validFrom, key: true),
        Field("rate", \KeyRate.rate, required: true, checks: [.nonNegative, .percentRange]),
    ])
}

extension CivilDate {
    /// The date a blank entity holds until decoding writes the row's own (1970-01-01).
    static let placeholder = CivilDate(year: 1970, month: 1, day: 1)!
}
