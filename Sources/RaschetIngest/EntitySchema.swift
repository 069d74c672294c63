public import RaschetCore

/// The columns a file of one entity may carry and which of them are required, as the column
/// table (`EntityKind.columns`, SPEC section 3) declares them.
public struct EntitySchema: Sendable {
    public let kind: EntityKind
    /// All accepted columns, in SPEC order.
    public let columns: [String]
    /// The columns every row must fill.
    public let required: Set<String>
    /// Per column (in schema order), the UTF-8 bytes of the value an empty or absent cell stands
    /// for, if any (`zone`: `single`).
    let defaultCells: [[UInt8]?]
    /// Per column (in schema order), whether every row must fill it.
    let requiredAt: [Bool]

    init(_ table: EntityColumns) {
        self.kind = table.kind
        self.columns = table.names
        self.required = Set(table.columns.filter(\.required).map(\.name))
        self.defaultCells = table.columns.map { $0.defaultValue.map { Array($0.utf8) } }
        self.requiredAt = table.columns.map(\.required)
    }

    /// The schema of an entity.
    public static func of(_ kind: EntityKind) -> EntitySchema { all[kind.position] }

    /// Built once per entity: a file's layout asks for its schema once per header or element.
    private static let all = EntityKind.allCases.map { EntitySchema($0.columns) }
}
