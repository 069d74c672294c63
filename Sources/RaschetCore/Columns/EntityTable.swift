/// The columns of one entity bound to its fields (SPEC section 3, in SPEC order): what the
/// importer decodes a row into and the store binds and decodes, column by column.
public struct EntityTable<Entity: Sendable>: Sendable {
    public let kind: EntityKind
    /// The value decoding starts from before it writes each column's field. Its enum fields
    /// hold the neutral value a stored code that does not parse decodes to.
    public let blank: Entity
    /// Every column, in SPEC order.
    public let fields: [Field<Entity>]

    init(_ kind: EntityKind, blank: Entity, _ fields: [Field<Entity>]) {
        self.kind = kind
        self.blank = blank
        self.fields = fields
    }

    /// The columns without their fields.
    public var columns: EntityColumns { EntityColumns(kind, fields.map(\.column)) }
}
