/// Horizontal alignment of lines in a paragraph or a table cell.
public enum TextAlignment: Sendable, Hashable {
    case left, center, right
    /// Lines but the last are stretched to the full width (at spaces); the last line is left-aligned.
    case justified
}
