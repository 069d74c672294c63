public import RaschetCore

/// The one error a use case throws: our sentence (what, where, the fix, then the cause) and the
/// exit code of SPEC section 5. Every module's `RaschetFailure` passes through unchanged; any other
/// error (Foundation, the PDF stack) is wrapped with our sentence first, so a front end never
/// shows a foreign text alone.
public struct AppError: Error, RaschetFailure, CustomStringConvertible {
    public let exitStatus: ExitStatus
    public let userText: Message

    public init(_ exitStatus: ExitStatus, _ message: Message) {
        self.exitStatus = exitStatus
        self.userText = message
    }

    /// `error` as the user reads it: a `RaschetFailure` as it is, anything else as an internal error
    /// (a bug: a foreign error that a use case did not name) with its cause.
    public init(_ error: any Error) {
        if let failure = error as? any RaschetFailure {
            self.init(failure.exitStatus, failure.userText)
        } else {
            self.init(.internalError, .internalError(Self.cause(of: error)))
        }
    }

    /// The exit code, for front ends that do not import `RaschetCore`.
    public var exitCode: Int32 { exitStatus.rawValue }

    /// The text in `language`, for front ends that do not import `RaschetCore`.
    public func message(in language: Language) -> String { userText.text(in: language) }

    public var description: String { userText.english }
}
