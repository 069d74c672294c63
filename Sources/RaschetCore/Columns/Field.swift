/// One column of an entity's table bound to the entity's field: the column as files and the
/// store see it, and the typed key path the importer writes and the store binds and decodes.
/// The column's type follows from the field's (`String` is text, `ExactDecimal` a decimal, an
/// enum a choice of its codes).
public struct Field<Entity>: Sendable {
    public let column: Column
    public let access: FieldAccess<Entity>

    private init(_ name: String, _ type: ColumnType, _ access: FieldAccess<Entity>, _ options: Options) {
        self.column = Column(name, type, required: options.required, key: options.key, default: options.defaultValue,
                             references: options.references, addedBy: options.addedBy, checks: options.checks)
        self.access = access
    }

    /// `Column`'s flags, as the overloads below pass them on.
    private struct Options {
        var required: Bool, key: Bool, defaultValue: String?, references: EntityKind?, addedBy: String?, checks: [ColumnCheck]
    }

    public init(_ name: String, _ path: WritableKeyPath<Entity, String>, required: Bool = false, key: Bool = false,
                references: EntityKind? = nil, checks: [ColumnCheck] = []) {
        self.init(name, .text, .text(path), Options(required: required, key: key, defaultValue: nil,
                                                    references: references, addedBy: nil, checks: checks))
    }

    public init(_ name: String, _ path: WritableKeyPath<Entity, String?>, references: EntityKind? = nil,
                addedBy: String? = nil, checks: [ColumnCheck] = []) {
        self.init(name, .text, .optionalText(path), Options(required: false, key: false, defaultValue: nil,
                                                            references: references, addedBy: addedBy, checks: checks))
    }

    public init(_ name: String, _ path: WritableKeyPath<Entity, Money>, required: Bool, checks: [ColumnCheck] = []) {
        self.init(name, .money, .money(path), Options(required: required, key: false, defaultValue: nil,
                                                      references: nil, addedBy: nil, checks: checks))
    }

    public init(_ name: String, _ path: WritableKeyPath<Entity, ExactDecimal>, required: Bool = false,
                default defaultValue: String? = nil, checks: [ColumnCheck] = []) {
        self.init(name, .decimal, .decimal(path), Options(required: required, key: false, defaultValue: defaultValue,
                                                          references: nil, addedBy: nil, checks: checks))
    }

    public init(_ name: String, _ path: WritableKeyPath<Entity, ExactDecimal?>, addedBy: String? = nil,
                checks: [ColumnCheck] = []) {
        self.init(name, .decimal, .optionalDecimal(path), Options(required: false, key: false, defaultValue: nil,
                                                                  references: nil, addedBy: addedBy, checks: checks))
    }

    public init(_ name: String, _ path: WritableKeyPath<Entity, CivilDate>, required: Bool = false, key: Bool = false,
                checks: [ColumnCheck] = []) {
        self.init(name, .date, .date(path), Options(required: required, key: key, defaultValue: nil,
                                                    references: nil, addedBy: nil, checks: checks))
    }

    public init(_ name: String, _ path: WritableKeyPath<Entity, CivilDate?>, addedBy: String? = nil,
                checks: [ColumnCheck] = []) {
        self.init(name, .date, .optionalDate(path), Options(required: false, key: false, defaultValue: nil,
                                                            references: nil, addedBy: addedBy, checks: checks))
    }

    public init(_ name: String, _ path: WritableKeyPath<Entity, Period>, required: Bool = false, key: Bool = false) {
        self.init(name, .period, .period(path), Options(required: required, key: key, defaultValue: nil,
                                                        references: nil, addedBy: nil, checks: []))
    }

    public init(_ name: String, _ path: WritableKeyPath<Entity, Period?>, addedBy: String? = nil) {
        self.init(name, .period, .optionalPeriod(path), Options(required: false, key: false, defaultValue: nil,
                                                                references: nil, addedBy: addedBy, checks: []))
    }

    /// A yes/no field; an empty cell stands for `default`.
    public init(_ name: String, _ path: WritableKeyPath<Entity, Bool>, default defaultValue: String) {
        self.init(name, .boolean, .bool(path), Options(required: false, key: false, defaultValue: defaultValue,
                                                       references: nil, addedBy: nil, checks: []))
    }

    public init(_ name: String, _ path: WritableKeyPath<Entity, Int>, required: Bool = false,
                default defaultValue: String? = nil, checks: [ColumnCheck] = []) {
        self.init(name, .integer, .int(path), Options(required: required, key: false, defaultValue: defaultValue,
                                                      references: nil, addedBy: nil, checks: checks))
    }

    public init(_ name: String, _ path: WritableKeyPath<Entity, Int?>, addedBy: String? = nil, checks: [ColumnCheck] = []) {
        self.init(name, .integer, .optionalInt(path), Options(required: false, key: false, defaultValue: nil,
                                                              references: nil, addedBy: addedBy, checks: checks))
    }

    public init<T: RawRepresentable & CaseIterable>(_ name: String, _ path: WritableKeyPath<Entity, T>,
                                                    required: Bool = false, key: Bool = false, default defaultValue: T? = nil)
    where T.RawValue == String {
        self.init(name, .choice(of: T.self), .choice(ChoiceAccess(path)),
                  Options(required: required, key: key, defaultValue: defaultValue?.rawValue,
                          references: nil, addedBy: nil, checks: []))
    }

    public init<T: RawRepresentable & CaseIterable>(_ name: String, _ path: WritableKeyPath<Entity, T?>,
                                                    addedBy: String? = nil) where T.RawValue == String {
        self.init(name, .choice(of: T.self), .choice(ChoiceAccess(path)),
                  Options(required: false, key: false, defaultValue: nil, references: nil, addedBy: addedBy, checks: []))
    }
}
