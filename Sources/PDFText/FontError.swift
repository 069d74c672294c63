/// A font that could not be loaded, shaped or subset; carries the font file path when known.
public struct FontError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, with the fix when there is one.
    public let message: String
    /// The font file, when the error concerns one.
    public let path: String?

    /// Creates an error.
    public init(_ message: String, path: String? = nil) {
        self.message = message
        self.path = path
    }

    public var description: String { path.map { "\($0): \(message)" } ?? message }
}
