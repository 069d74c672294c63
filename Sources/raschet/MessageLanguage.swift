import ArgumentParser
import Foundation
import RaschetApp

/// The language of every message and help text: the locale's (`LC_ALL`, `LC_MESSAGES`, `LANG`),
/// read once at start-up.
let language = Language.ofLocale(ProcessInfo.processInfo.environment)

extension Message {
    /// The text in the locale's language.
    var localized: String { rendered(in: language) }
}

/// An argument's help in the locale's language.
func help(_ text: Message, valueName: String? = nil, visibility: ArgumentVisibility = .default) -> ArgumentHelp {
    ArgumentHelp(text.localized, valueName: valueName, visibility: visibility)
}
