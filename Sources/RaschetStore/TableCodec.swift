import GRDB
import RaschetCore

/// How one entity maps to its table: how each column of the column table is bound from an
/// entity's field (by name; the order is the table's), and how a stored row decodes back.
struct TableCodec<Entity>: Sendable {
    typealias Bind = @Sendable (Entity, inout ParameterBinder) -> Void

    let kind: EntityKind
    /// The table's columns in stored order (`Schema.storedColumns`): the order of `upsertSQL`'s
    /// parameters, of `selectList` and of `SELECT *`.
    let columns: [String]
    private let binders: [Bind]
    /// Decodes a row selected as `selectList` (or `SELECT *`).
    let decode: @Sendable (Row) -> Entity

    /// - Parameters:
    ///   - bind: one binding per column of the column table, by name.
    ///   - decoder: makes the decoder, given each column's position in a stored row (looked up
    ///     once here, not per row: GRDB's lookup by name hashes the name on every access, which
    ///     the close would pay millions of times).
    /// - Precondition: `bind` names every column of the table once (a test checks every codec).
    init(_ kind: EntityKind, bind: KeyValuePairs<String, Bind>,
         decoder: (_ position: (String) -> Int) -> @Sendable (Row) -> Entity) {
        let columns = Schema.storedColumns(kind).map(\.name)
        precondition(bind.map(\.key).sorted() == columns.sorted(), "TableCodecs.\(kind): bind every column of the table once")
        self.kind = kind
        self.columns = columns
        self.binders = columns.map { name in bind.first { $0.key == name }!.value }
        self.decode = decoder { name in
            guard let position = columns.firstIndex(of: name) else { preconditionFailure("\(kind.name) has no column \(name)") }
            return position
        }
    }

    var table: String { kind.name }

    /// The columns, for `SELECT \(selectList) FROM table`: what `decode` reads.
    var selectList: String { columns.map(Schema.quoted).joined(separator: ", ") }

    /// Binds an entity's values to `upsertSQL`'s parameters.
    func bind(_ value: Entity, _ binder: inout ParameterBinder) {
        for bind in binders { bind(value, &binder) }
    }

    /// `INSERT ... ON CONFLICT (key) DO UPDATE ... WHERE something differs`: an unchanged row is
    /// not touched, so re-importing the same file changes nothing and counts nothing.
    var upsertSQL: String {
        let quoted = columns.map(Schema.quoted)
        let keys = kind.keyColumns.map(Schema.quoted)
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
