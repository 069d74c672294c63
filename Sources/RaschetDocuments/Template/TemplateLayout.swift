import Synchronization

/// The fields of one kind of record of a document's data (a receipt, a supplier block, a service
/// row) in a fixed order, with what each holds. A record built on a layout keeps its values by position
/// (``TemplateRecord/init(_:_:)``); a template compiled after the layout was made finds each field
/// there by its position instead of hashing its name (``FieldPath``). Layouts are made once (static
/// constants of the documents' fields) and numbered in the order they were made.
public final class TemplateLayout: Sendable {
    /// The layout's number among every layout made in this process.
    let id: Int
    /// The field names, in the order a record's values are given.
    public let names: [String]
    /// What each field holds, by name (the schema templates are checked against).
    public let schema: [String: TemplateSchema]
    /// Each name's position.
    let positions: [String: Int]

    /// A layout of `fields`, in that order.
    /// - Precondition: the names are distinct.
    public convenience init(_ fields: KeyValuePairs<String, TemplateSchema>) {
        self.init(fields: fields.map { $0 })
    }

    /// A layout of `fields`, in that order.
    /// - Precondition: the names are distinct.
    init(fields: [(key: String, value: TemplateSchema)]) {
        names = fields.map(\.key)
        schema = Dictionary(uniqueKeysWithValues: fields.map { ($0.key, $0.value) })
        let positions = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        self.positions = positions
        id = Self.made.withLock { made in
            made.append(positions)
            return made.count - 1
        }
    }

    /// The positions of the fields of every layout made so far, by layout number.
    static var madeSoFar: [[String: Int]] { made.withLock { $0 } }

    private static let made = Mutex<[[String: Int]]>([])
}
