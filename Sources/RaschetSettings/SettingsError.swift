public import RaschetCore

/// A problem with `raschet.toml`, named by file and key: `raschet.toml: billing.vat[1].rate: ...`.
public struct SettingsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The settings file as the user named it.
    public var file: String
    /// The dotted key at fault (`penalties.rate_caps[2].cap`); nil when the problem is the whole file.
    public var key: String?
    /// What is wrong and how to fix it (from the message catalog).
    public var message: Message
    /// Whether the file itself could not be read (exit 66) rather than holding a bad value (exit 65).
    public var fileIsMissing: Bool

    public init(file: String, key: String? = nil, message: Message, fileIsMissing: Bool = false) {
        self.file = file
        self.key = key
        self.message = message
        self.fileIsMissing = fileIsMissing
    }

    /// `FILE: key: message` in both languages.
    public var text: Message { .settingsProblem(file: file, key: key, message) }

    public var description: String { text.english }
}

extension SettingsError: RaschetFailure {
    public var exitStatus: ExitStatus { fileIsMissing ? .missingInput : .badData }
    public var userText: Message { text }
}
