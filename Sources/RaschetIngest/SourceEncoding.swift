/// Text encodings an input file can be in.
///
/// `automatic` is only a request: readers report what they detected (`utf8` or `cp1251`).
public enum SourceEncoding: String, Sendable {
    /// Detect: UTF-8 (with or without a BOM) when the bytes are valid UTF-8, else windows-1251.
    case automatic
    /// UTF-8, with or without a byte order mark.
    case utf8
    /// windows-1251 (Cyrillic), as Russian spreadsheets and bank registers export it.
    case cp1251
}
