/// The names a document's data offers, checked when a template is compiled so that a misspelt
/// field fails with its file, line and column instead of printing nothing.
public indirect enum TemplateSchema: Sendable, Hashable {
    /// A printable value (text, money, number, date, period).
    case scalar
    /// A condition.
    case flag
    /// Named fields.
    case record([String: TemplateSchema])
    /// A list whose items have these fields.
    case list([String: TemplateSchema])

    /// The fields of a record or of a list's items.
    var fields: [String: TemplateSchema]? {
        switch self {
        case .record(let fields), .list(let fields): return fields
        case .scalar, .flag: return nil
        }
    }

    /// Resolves a dotted path against scopes (innermost last); nil when a part is unknown.
    static func resolve(_ path: [Substring], in scopes: [[String: TemplateSchema]]) -> TemplateSchema? {
        guard let first = path.first else { return nil }
        for scope in scopes.reversed() {
            guard var schema = scope[String(first)] else { continue }
            for name in path.dropFirst() {
                guard case .record(let fields) = schema, let next = fields[String(name)] else { return nil }
                schema = next
            }
            return schema
        }
        return nil
    }
}
