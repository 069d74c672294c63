public import RaschetCore

/// A document that cannot be produced: a template that does not parse or names an unknown field,
/// a missing template or image file, a payload that does not fit a QR code. Carries the template
/// file, line and column when the problem is in a template.
public struct DocumentError: Error, Sendable, Hashable, CustomStringConvertible, RaschetFailure {
    /// The template file (as given to ``TemplateDirectory``, for example `receipt.tmpl`), if any.
    public let file: String?
    /// 1-based line in `file` (0 when the problem is not at one place).
    public let line: Int
    /// 1-based column in `file` (0 when the problem is not at one place).
    public let column: Int
    /// What is wrong and how to fix it (from the message catalog).
    public let message: Message

    /// Creates an error at a place in a template (or nowhere in particular).
    public init(file: String?, line: Int = 0, column: Int = 0, message: Message) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `receipt.tmpl:12:5: message` in both languages, as the CLI prints it.
    public var text: Message { .inTemplate(file: file, line: line, column: column, message) }

    public var description: String { text.english }

    /// A template or its data is wrong (65): the user fixes the template or the data.
    public var exitStatus: ExitStatus { .badData }

    public var userText: Message { text }
}
