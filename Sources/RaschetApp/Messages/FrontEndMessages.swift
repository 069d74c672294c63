public import RaschetCore

/// The language of the messages (Russian for a Russian locale, English otherwise), for front ends
/// that do not import `RaschetCore`.
public typealias Language = RaschetCore.Language

/// A text of the message catalog in both languages.
public typealias Message = RaschetCore.Message

extension Language {
    /// The language of a process's locale variables (`LC_ALL`, then `LC_MESSAGES`, then `LANG`), as
    /// `Language(environment:)` reads them, for front ends that do not import `RaschetCore`.
    public static func ofLocale(_ environment: [String: String]) -> Language {
        Language(environment: environment)
    }
}

extension Message {
    /// The text in `language`, for front ends that do not import `RaschetCore`.
    public func rendered(in language: Language) -> String { text(in: language) }
}

extension Message {
    /// The English text, for front ends that do not import `RaschetCore`.
    public var englishText: String { english }
    /// The Russian text, for front ends that do not import `RaschetCore`.
    public var russianText: String { russian }
}

extension Language {
    /// Whether the messages are Russian, for front ends that do not import `RaschetCore`.
    public var isRussian: Bool { self == .russian }
}
