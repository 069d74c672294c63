/// A font that could not be loaded, shaped or subset; carries the font file path when known.
public struct FontError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Why a font file could not be loaded, for a caller to say in its user's words; `library` for
    /// failures of the font libraries themselves (`message` holds their account).
    public enum Reason: Sendable, Hashable {
        case cannotOpen, empty, cannotRead, notAFont, notTrueTypeOutlines, library
    }

    /// What went wrong, with the fix when there is one.
    public let message: String
    /// The font file, when the error concerns one.
    public let path: String?
    public let reason: Reason

    /// Creates an error.
    public init(_ message: String, path: String? = nil, reason: Reason = .library) {
        self.message = message
        self.path = path
        self.reason = reason
    }

    public var description: String { path.map { "\($0): \(message)" } ?? message }
}
