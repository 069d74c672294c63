/// The language of the messages a user reads (SPEC section 5): Russian for a Russian locale,
/// English otherwise.
public enum Language: String, Sendable, Hashable, CaseIterable {
    case english = "en"
    case russian = "ru"

    /// The language of a process's locale variables, in the POSIX order: `LC_ALL`, then
    /// `LC_MESSAGES`, then `LANG` (an empty variable counts as unset). A value starting with `ru`
    /// (`ru_RU.UTF-8`, `ru_RU`, `ru`) is Russian; anything else, or none, English. Core reads no
    /// environment: the front end passes its own.
    public init(environment: [String: String]) {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            self = value.lowercased().hasPrefix("ru") ? .russian : .english
            return
        }
        self = .english
    }
}
