import Mustache

/// A set of named values: the data one template renders (a receipt), or one item of a list in it
/// (a supplier, a service row). Names are looked up, never iterated, so output order does not
/// depend on hashing.
public struct TemplateRecord: Sendable, Hashable {
    public var fields: [String: TemplateValue]

    /// Creates a record.
    public init(_ fields: [String: TemplateValue] = [:]) { self.fields = fields }

    public subscript(name: String) -> TemplateValue? {
        get { fields[name] }
        set { fields[name] = newValue }
    }
}

/// The records in scope while a template renders: the document's, then each list item entered,
/// innermost last. A name is looked up from the innermost outwards, as in Mustache.
struct TemplateScope: MustacheParent {
    var records: [TemplateRecord]

    /// The names of a dotted path (`payee.inn`), as ``value(_:)`` takes them: split once, when a
    /// template is compiled.
    static func path(_ dotted: String) -> [String] {
        dotted.split(separator: ".").map(String.init)
    }

    /// The value at a dotted path (``path(_:)``), or nil when any part is missing.
    func value(_ path: [String]) -> TemplateValue? {
        guard let first = path.first else { return nil }
        for record in records.reversed() {
            guard var value = record.fields[first] else { continue }
            for name in path.dropFirst() {
                guard case .record(let inner) = value, let next = inner.fields[name] else { return nil }
                value = next
            }
            return value
        }
        return nil
    }

    func pushing(_ record: TemplateRecord) -> TemplateScope {
        TemplateScope(records: records + [record])
    }

    func child(named name: String) -> Any? {
        for record in records.reversed() {
            if let value = record.fields[name] { return Self.mustacheObject(value) }
        }
        return nil
    }

    static func mustacheObject(_ value: TemplateValue) -> Any {
        switch value {
        case .flag(let flag): return flag
        case .record(let record): return TemplateScope(records: [record])
        case .list(let list): return list.map { TemplateScope(records: [$0]) }
        default: return MustacheScalar(value: value)
        }
    }
}
