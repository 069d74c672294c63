/// The importable entities of SPEC section 3, in dependency order (an entity only references
/// entities before it).
public enum EntityKind: String, Sendable, Hashable, CaseIterable, Comparable {
    case suppliers, services, tariffs, accounts
    case accountServices = "account_services"
    case meters, readings, volumes, payments, absences
    case keyRates = "key_rates"

    /// The collection name, as in file names (`tariffs.csv`), XML collections and SQL tables.
    public var name: String { rawValue }

    /// The XML element name of one row (`tariff`).
    public var rowElementName: String {
        switch self {
        case .suppliers: "supplier"
        case .services: "service"
        case .tariffs: "tariff"
        case .accounts: "account"
        case .accountServices: "account_service"
        case .meters: "meter"
        case .readings: "reading"
        case .volumes: "volume"
        case .payments: "payment"
        case .absences: "absence"
        case .keyRates: "key_rate"
        }
    }

    /// The columns that form the natural key (re-importing a row with the same key updates it).
    public var keyColumns: [String] { columns.keyColumns }

    public static func < (a: EntityKind, b: EntityKind) -> Bool { a.position < b.position }

    /// The entity's place in dependency order, from 0 (for arrays indexed by entity).
    public var position: Int {
        switch self {
        case .suppliers: 0
        case .services: 1
        case .tariffs: 2
        case .accounts: 3
        case .accountServices: 4
        case .meters: 5
        case .readings: 6
        case .volumes: 7
        case .payments: 8
        case .absences: 9
        case .keyRates: 10
        }
    }

    /// The entity named by a collection name (`"tariffs"`), if any.
    public init?(name: some StringProtocol) { self.init(rawValue: String(name)) }
}
