/// The columns of one entity, in SPEC section 3 order: the one table from which the importer's
/// header checks, the store's tables and codecs and the synthetic files' headers are derived.
///
/// Adding a column is one edit here (with `addedBy:` naming its migration) plus registering
/// that migration in the store.
public struct EntityColumns: Sendable, Hashable {
    public let kind: EntityKind
    /// Every column, in SPEC order.
    public let columns: [Column]

    init(_ kind: EntityKind, _ columns: [Column]) {
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
    static let suppliers = EntityColumns(.suppliers, [
        Column("supplier_id", .text, key: true),
        Column("name", .text, required: true),
        Column("inn", .text, required: true),
        Column("kpp", .text),
        Column("bank_name", .text),
        Column("bic", .text),
        Column("corr_account", .text),
        Column("account", .text),
        Column("address", .text),
        Column("phone", .text),
    ])

    static let services = EntityColumns(.services, [
        Column("service_id", .text, key: true),
        Column("name", .text, required: true),
        Column("unit", .text, required: true),
        Column("supplier_id", .text, required: true, references: .suppliers),
        Column("method", .choice(of: CalculationMethod.self), required: true),
        Column("vat_mode", .choice(of: VATMode.self), default: VATMode.included.rawValue),
        Column("absence_recalc", .boolean, default: "0"),
        Column("group", .text),
    ])

    static let tariffs = EntityColumns(.tariffs, [
        Column("service_id", .text, key: true, references: .services),
        Column("valid_from", .date, key: true),
        Column("price", .decimal, required: true),
        Column("valid_to", .date),
        Column("zone", .choice(of: Zone.self), key: true, default: Zone.single.rawValue),
        Column("category", .choice(of: ConsumerCategory.self), key: true, default: ConsumerCategory.household.rawValue),
        Column("norm", .decimal),
        Column("coefficient", .decimal, default: "1"),
    ])

    static let accounts = EntityColumns(.accounts, [
        Column("account_id", .text, key: true),
        Column("kind", .choice(of: AccountKind.self), required: true),
        Column("name", .text, required: true),
        Column("address", .text, required: true),
        Column("inn", .text),
        Column("contract_no", .text),
        Column("contract_date", .date),
        Column("postal_address", .text),
        Column("area", .decimal),
        Column("residents", .integer),
        Column("email", .text),
        Column("email_confirmed", .boolean, default: "0"),
        Column("e_receipt", .boolean, default: "0"),
        Column("delivery_route", .text),
        Column("opened", .date),
        Column("closed", .date),
    ])

    static let accountServices = EntityColumns(.accountServices, [
        Column("account_id", .text, key: true, references: .accounts),
        Column("service_id", .text, key: true, references: .services),
        Column("valid_from", .date, key: true),
        Column("valid_to", .date),
        Column("quantity", .decimal),
        Column("installation", .text),
    ])

    static let meters = EntityColumns(.meters, [
        Column("meter_id", .text, key: true),
        Column("account_id", .text, required: true, references: .accounts),
        Column("service_id", .text, required: true, references: .services),
        Column("zones", .integer, default: "1"),
        Column("digits", .integer),
        Column("installed", .date),
        Column("removed", .date),
        Column("verification_due", .date),
    ])

    static let readings = EntityColumns(.readings, [
        Column("meter_id", .text, key: true, references: .meters),
        Column("date", .date, key: true),
        Column("value", .decimal, required: true),
        Column("zone", .choice(of: Zone.self), key: true, default: Zone.single.rawValue),
        Column("source", .choice(of: ReadingSource.self)),
        Column("rollover", .boolean, default: "0"),
    ])

    static let volumes = EntityColumns(.volumes, [
        Column("account_id", .text, key: true, references: .accounts),
        Column("service_id", .text, key: true, references: .services),
        Column("period", .period, key: true),
        Column("quantity", .decimal, required: true),
        Column("installation", .text),
    ])

    static let payments = EntityColumns(.payments, [
        Column("payment_id", .text, key: true),
        Column("account_id", .text, required: true, references: .accounts),
        Column("date", .date, required: true),
        Column("amount", .money, required: true),
        Column("source", .text),
        Column("period", .period),
    ])

    static let absences = EntityColumns(.absences, [
        Column("account_id", .text, key: true, references: .accounts),
        Column("date_from", .date, key: true),
        Column("date_to", .date, required: true),
        Column("persons", .integer, required: true),
        Column("document", .text),
    ])

    static let keyRates = EntityColumns(.keyRates, [
        Column("valid_from", .date, key: true),
        Column("rate", .decimal, required: true),
    ])
}
