/// A failure of the embedded database: missing, unreadable, or a failed statement.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public enum Code: Sendable {
        /// The database file does not exist (exit 66).
        case missing
        /// The database refused an operation (exit 70, or 65 for a data conflict).
        case failed
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
