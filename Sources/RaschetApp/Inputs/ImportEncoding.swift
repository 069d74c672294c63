/// The text encoding of imported files.
public enum ImportEncoding: String, Sendable, Hashable, CaseIterable {
    /// UTF-8 when the bytes are valid UTF-8, else windows-1251.
    case automatic
    case utf8
    case cp1251
}
