/// One text the user reads, in both languages: an entry of the message catalog.
///
/// The catalog is the `Message+*.swift` files of this folder, one per area, and, for what the command
/// line prints and its help, `Sources/RaschetApp/Messages/` (`CommandText`, `HelpText`); each entry is
/// a static function (or constant) that builds its English and Russian text side by side from its
/// values, so a translator sees both. The initializer is for those catalog files only.
/// Values from data (file names, account ids, a library's own words) are the same in both languages.
public struct Message: Sendable, Hashable, CustomStringConvertible {
    /// The text for an English locale.
    public let english: String
    /// The text for a Russian locale.
    public let russian: String

    package init(english: String, russian: String) {
        self.english = english
        self.russian = russian
    }

    /// The text in `language`.
    public func text(in language: Language) -> String {
        switch language {
        case .english: english
        case .russian: russian
        }
    }

    /// A text that is the same in every language: a value from data or a library's own words
    /// (SQLite's reason, the system's error text), never a sentence of ours.
    public static func verbatim(_ text: String) -> Message {
        Message(english: text, russian: text)
    }

    /// The English text (logs, debugging); a front end shows `text(in:)`.
    public var description: String { english }
}
