import Mustache

/// A set of named values: the data one template renders (a receipt), or one item of a list in it
/// (a supplier, a service row). Names are looked up, never iterated, so output order does not
/// depend on hashing. Built from names, or on a ``TemplateLayout`` with its values by position (the
/// receipts', whose fields a compiled template finds without hashing their names).
public struct TemplateRecord: Sendable, Hashable {
    private enum Storage: Sendable {
        case named([String: TemplateValue])
        /// A value per field of the layout, nil where the record has none.
        case laidOut(TemplateLayout, [TemplateValue?])
    }

    private var storage: Storage

    /// A record of `fields`.
    public init(_ fields: [String: TemplateValue] = [:]) { storage = .named(fields) }

    /// A record on `layout` with `values`, one per field in the layout's order (nil: no value).
    /// - Precondition: as many values as the layout has fields.
    public init(_ layout: TemplateLayout, _ values: [TemplateValue?]) {
        precondition(values.count == layout.names.count, "TemplateRecord: \(values.count) values for \(layout.names.count) fields")
        storage = .laidOut(layout, values)
    }

    /// The values by name.
    public var fields: [String: TemplateValue] {
        switch storage {
        case .named(let fields): return fields
        case .laidOut(let layout, let values): return Self.fields(layout, values)
        }
    }

    /// The values of a record on `layout` by name.
    private static func fields(_ layout: TemplateLayout, _ values: [TemplateValue?]) -> [String: TemplateValue] {
        var fields: [String: TemplateValue] = [:]
        for (name, value) in zip(layout.names, values) { fields[name] = value }
        return fields
    }

    public subscript(name: String) -> TemplateValue? {
        get {
            switch storage {
            case .named(let fields): return fields[name]
            case .laidOut(let layout, let values): return layout.positions[name].flatMap { values[$0] }
            }
        }
        set {
            // Each payload is bound, then `storage` let go of it before the change, which is then made
            // in place instead of on a copy.
            switch storage {
            case .named(var fields):
                storage = .named([:])
                fields[name] = newValue
                storage = .named(fields)
            case .laidOut(let layout, var values):
                storage = .named([:])
                if let position = layout.positions[name] {
                    values[position] = newValue
                    storage = .laidOut(layout, values)
                } else {
                    var fields = Self.fields(layout, values)
                    fields[name] = newValue
                    storage = .named(fields)
                }
            }
        }
    }

    /// The value of `path`'s name at `index` in this record: by position when the record is on a layout
    /// the path was compiled with, else by name.
    func value(_ path: FieldPath, at index: Int) -> TemplateValue? {
        switch storage {
        case .named(let fields): return fields[path.names[index]]
        case .laidOut(let layout, let values):
            let positions = path.positions[index]
            guard layout.id < positions.count else { return self[path.names[index]] }
            let position = Int(positions[layout.id])
            return position < 0 ? nil : values[position]
        }
    }

    public static func == (lhs: TemplateRecord, rhs: TemplateRecord) -> Bool { lhs.fields == rhs.fields }

    public func hash(into hasher: inout Hasher) { hasher.combine(fields) }
}

/// The records in scope while a template renders: the document's, then each list item entered,
/// innermost last. A name is looked up from the innermost outwards, as in Mustache.
struct TemplateScope: MustacheParent {
    var records: [TemplateRecord]

    /// The value at `path`, or nil when any part is missing.
    func value(_ path: FieldPath) -> TemplateValue? {
        guard !path.names.isEmpty else { return nil }
        for record in records.reversed() {
            guard var value = record.value(path, at: 0) else { continue }
            for index in 1..<path.names.count {
                guard case .record(let inner) = value, let next = inner.value(path, at: index) else { return nil }
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
            if let value = record[name] { return Self.mustacheObject(value) }
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
