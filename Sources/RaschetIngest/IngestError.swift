public import RaschetCore

/// A problem with input data, located in its source: `FILE:LINE: column: message`.
///
/// This is the one public error type of the ingest module; as a `RaschetFailure` it is shown as
/// `text` with exit code 65 (bad input data), 66 (missing input) or 74 (its temporary file failed).
public struct IngestError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure, for the exit code.
    public enum Code: Sendable, Hashable {
        /// The data is malformed or invalid (exit 65).
        case badData
        /// The file cannot be read (exit 66).
        case missingInput
        /// The import's own temporary file cannot be written or read back (exit 74).
        case ioError
    }

    public var code: Code
    /// The file as the user named it.
    public var file: String
    /// 1-based line of the row (CSV) or element (XML); nil when the problem is the whole file.
    public var line: Int?
    /// The column (CSV header name / XML attribute) at fault, if one is.
    public var column: String?
    /// What is wrong and how to fix it (from the message catalog).
    public var message: Message

    public init(_ code: Code = .badData, file: String, line: Int? = nil, column: String? = nil, message: Message) {
        self.code = code
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `FILE:LINE: column: message` in both languages.
    public var text: Message { .located(file: file, line: line, column: column, message) }

    /// The English text (logs; the front end shows `text` in its language).
    public var description: String { text.english }
}

extension IngestError: RaschetFailure {
    public var exitStatus: ExitStatus {
        switch code {
        case .badData: .badData
        case .missingInput: .missingInput
        case .ioError: .ioError
        }
    }

    public var userText: Message { text }
}
