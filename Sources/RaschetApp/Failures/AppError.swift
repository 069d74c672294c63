public import RaschetCore

/// The one error a use case throws: our sentence (what, where, the fix, then the cause) and the
/// exit code of SPEC section 5. Every module's `RaschetFailure` passes through unchanged; any other
/// error (Foundation, the PDF stack) is wrapped with our sentence first, so a front end never
/// shows a foreign text alone.
public struct AppError: Error, RaschetFailure, CustomStringConvertible {
    public let exitStatus: ExitStatus
    public let userMessage: String

    public init(_ exitStatus: ExitStatus, _ message: String) {
        self.exitStatus = exitStatus
        self.userMessage = message
    }

    /// `error` as the user reads it: a `RaschetFailure` as it is, anything else as an internal error
    /// (a bug: a foreign error that a use case did not name) with its cause.
    public init(_ error: any Error) {
        if let failure = error as? any RaschetFailure {
            self.init(failure.exitStatus, failure.userMessage)
        } else {
            self.init(.internalError, "internal error (please report it with the command you ran): " + Self.cause(of: error))
        }
    }

    /// The exit code, for front ends that do not import `RaschetCore`.
    public var exitCode: Int32 { exitStatus.rawValue }

    public var description: String { userMessage }
}
