public import RaschetCore

/// A dispatch failure that is not the server's: a missing receipt or template, bad settings.
public struct DispatchError: Error, Sendable, Hashable, CustomStringConvertible, RaschetFailure {
    public enum Code: Sendable, Hashable {
        /// A file the dispatch needs is missing (exit 66).
        case missingInput
        /// The input is unusable: a broken template, a malformed address (exit 65).
        case badInput
    }

    public var code: Code
    /// What is wrong and the fix, from the message catalog.
    public var message: Message

    public init(_ code: Code, _ message: Message) {
        self.code = code
        self.message = message
    }

    public var description: String { message.english }

    public var exitStatus: ExitStatus { code == .missingInput ? .missingInput : .badData }

    public var userText: Message { message }
}
