import RaschetCore

/// What an import's files hold: one entity of SPEC section 3 for all of them, or `auto` (each file's
/// entity from its name or its XML content).
public struct ImportEntity: Sendable, Hashable, CustomStringConvertible {
    /// nil for `auto`.
    let kind: EntityKind?

    /// `auto` or an entity name (`accounts`, `readings`...); nil for anything else.
    public init?(_ name: String) {
        if name == "auto" {
            kind = nil
        } else if let kind = EntityKind(name: name) {
            self.kind = kind
        } else {
            return nil
        }
    }

    /// The entity names, in dependency order.
    public static var entityNames: [String] { EntityKind.allCases.map(\.name) }

    /// `auto` and the entity names.
    public static var allNames: [String] { ["auto"] + entityNames }

    public var description: String { kind?.name ?? "auto" }
}
