/// Where a column's value lives in its entity: a typed key path to the field, by the kind of
/// value (the importer parses, and the store binds and decodes, each kind its own way).
///
/// Key paths to stored properties are immutable values, safe to share between threads.
public enum FieldAccess<Entity>: @unchecked Sendable {
    case text(WritableKeyPath<Entity, String>)
    case optionalText(WritableKeyPath<Entity, String?>)
    case money(WritableKeyPath<Entity, Money>)
    case decimal(WritableKeyPath<Entity, ExactDecimal>)
    case optionalDecimal(WritableKeyPath<Entity, ExactDecimal?>)
    case date(WritableKeyPath<Entity, CivilDate>)
    case optionalDate(WritableKeyPath<Entity, CivilDate?>)
    case period(WritableKeyPath<Entity, Period>)
    case optionalPeriod(WritableKeyPath<Entity, Period?>)
    case bool(WritableKeyPath<Entity, Bool>)
    case int(WritableKeyPath<Entity, Int>)
    case optionalInt(WritableKeyPath<Entity, Int?>)
    /// An enum field, read and written through its codes (raw values).
    case choice(ChoiceAccess<Entity>)

    /// Whether the field can hold "no value" (nil).
    public var isOptional: Bool {
        switch self {
        case .optionalText, .optionalDecimal, .optionalDate, .optionalPeriod, .optionalInt: true
        case .choice(let choice): choice.isOptional
        case .text, .money, .decimal, .date, .period, .bool, .int: false
        }
    }
}

/// An enum field of an entity, through its `String` codes.
public struct ChoiceAccess<Entity>: @unchecked Sendable {
    /// The field's code, or nil when the field holds none.
    public let code: (Entity) -> String?
    /// Sets the field to the value with this code; false (the field untouched) when no value has it.
    public let set: (inout Entity, String) -> Bool
    public let isOptional: Bool

    init<T: RawRepresentable>(_ path: WritableKeyPath<Entity, T>) where T.RawValue == String {
        code = { $0[keyPath: path].rawValue }
        set = { entity, code in
            guard let value = T(rawValue: code) else { return false }
            entity[keyPath: path] = value
            return true
        }
        isOptional = false
    }

    init<T: RawRepresentable>(_ path: WritableKeyPath<Entity, T?>) where T.RawValue == String {
        code = { $0[keyPath: path]?.rawValue }
        set = { entity, code in
            guard let value = T(rawValue: code) else { return false }
            entity[keyPath: path] = value
            return true
        }
        isOptional = true
    }
}
