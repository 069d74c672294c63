/// One data row read from a CSV line or an XML element, before it is typed.
public struct SourceRecord: Sendable, Hashable {
    /// 1-based line where the row (CSV) or element (XML) starts.
    public var line: Int
    /// Column names and values in source order. Empty CSV cells are present with an empty value.
    public var fields: [SourceField]

    public init(line: Int, fields: [SourceField]) {
        self.line = line
        self.fields = fields
    }
}

/// One named value of a `SourceRecord`.
public struct SourceField: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
