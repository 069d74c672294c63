/// One column of an entity (SPEC section 3): its name in files, XML attributes and the store,
/// the kind of value it holds, and whether a row must fill it.
public struct Column: Sendable, Hashable {
    /// The name in CSV headers, XML attributes and SQL (`valid_from`).
    public let name: String
    public let type: ColumnType
    /// Every row must fill it (a missing column or an empty cell is refused). A key column
    /// is required unless it has a default.
    public let required: Bool
    /// Part of the entity's natural key (re-importing a row with the same key updates it).
    public let key: Bool
    /// The value an empty cell stands for, as written in a file (`"0"`, `"single"`); nil when
    /// an empty cell means "none".
    public let defaultValue: String?
    /// The entity whose key this column holds (a tariff's `service_id`), if any.
    public let references: EntityKind?
    /// The migration that added the column to an existing store, or nil for one the first
    /// schema (`v1-reference-data`) already had.
    public let addedBy: String?
    /// What a value must satisfy beyond its type (digit counts, ranges, signs), in the order checked.
    public let checks: [ColumnCheck]

    public init(_ name: String, _ type: ColumnType, required: Bool = false, key: Bool = false,
                default defaultValue: String? = nil, references: EntityKind? = nil, addedBy: String? = nil,
                checks: [ColumnCheck] = []) {
        self.name = name
        self.type = type
        self.required = required || (key && defaultValue == nil)
        self.key = key
        self.defaultValue = defaultValue
        self.references = references
        self.addedBy = addedBy
        self.checks = checks
    }

    /// Whether every stored row holds a value: a required column, or one with a default.
    public var alwaysFilled: Bool { required || defaultValue != nil }
}

/// The kind of value a column holds, which fixes how it is written in files and stored
/// (money as integer kopecks, decimals as integer millionths, dates as `YYYY-MM-DD`, periods as
/// `YYYY-MM`, booleans as 0/1).
public enum ColumnType: Sendable, Hashable {
    case text
    /// Rubles with at most 2 decimals (`Money`).
    case money
    /// A quantity, price or rate with at most 6 decimals (`ExactDecimal`).
    case decimal
    case integer
    /// 1/0, true/false or да/нет.
    case boolean
    /// `YYYY-MM-DD` or `DD.MM.YYYY`.
    case date
    /// `YYYY-MM`.
    case period
    /// One of a fixed list of codes (an enum's raw values).
    case choice([String])

    /// The codes of a `String` enum, in declaration order.
    public static func choice<T: RawRepresentable & CaseIterable>(of _: T.Type) -> ColumnType where T.RawValue == String {
        .choice(T.allCases.map(\.rawValue))
    }

    /// Whether the store keeps the value as an integer (otherwise as text).
    public var storedAsInteger: Bool {
        switch self {
        case .money, .decimal, .integer, .boolean: true
        case .text, .date, .period, .choice: false
        }
    }
}
