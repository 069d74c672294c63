/// An error that reaches the user: one sentence of ours (what happened, where, the fix, then the
/// cause when a library gave one) and the exit code it ends the command with.
///
/// Every module's public error type conforms; the application layer wraps any other error
/// (Foundation, the PDF stack) in one that does, so a front end never shows a foreign text alone.
/// The sentence comes from the message catalog (`Messages/`) in both languages; the front end
/// picks the language of its locale.
public protocol RaschetFailure: Error, Sendable {
    /// The exit code of SPEC section 5.
    var exitStatus: ExitStatus { get }
    /// The whole text shown to the user, without the program-name prefix, in both languages.
    var userText: Message { get }
}

extension RaschetFailure {
    /// The text shown to the user in `language`.
    public func userMessage(in language: Language) -> String { userText.text(in: language) }

    /// The English text (tests, logs).
    public var userMessage: String { userText.english }
}
