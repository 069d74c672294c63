/// Text written into XML (element content or a double-quoted attribute value) so that a parser reads
/// it back as it was: `&`, `<`, `>` and `"` as entities, tab and line ends as character references
/// (attribute-value normalization keeps them), and the characters XML 1.0 does not allow (other
/// control characters, U+FFFE, U+FFFF) as U+FFFD, so that the document stays well-formed.
public enum XMLEscaping {
    /// Appends `value`, escaped, to `text`.
    public static func append(_ value: String, to text: inout String) {
        if needsEscaping(value) { appendScalarByScalar(value, to: &text) } else { text += value }
    }

    /// Appends `value`, escaped, to the UTF-8 bytes `bytes`: the same bytes as `append(_:to:)` gives a text.
    public static func append(_ value: String, to bytes: inout [UInt8]) {
        guard needsEscaping(value) else {
            bytes.append(contentsOf: value.utf8)
            return
        }
        var escaped = ""
        appendScalarByScalar(value, to: &escaped)
        bytes.append(contentsOf: escaped.utf8)
    }

    /// `append` one scalar at a time, each escaped, replaced or kept: what `needsEscaping` lets a text
    /// skip when it would change nothing.
    static func appendScalarByScalar(_ value: String, to text: inout String) {
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": text += "&amp;"
            case "<": text += "&lt;"
            case ">": text += "&gt;"
            case "\"": text += "&quot;"
            case "\t": text += "&#9;"
            case "\n": text += "&#10;"
            case "\r": text += "&#13;"
            default: text.unicodeScalars.append(isAllowed(scalar) ? scalar : "\u{FFFD}")
            }
        }
    }

    /// Whether `value` holds a character written otherwise than as it is: a byte below 0x20, one of
    /// `& < > "`, DEL, U+0080–U+009F (C1 controls: `C2 80`–`C2 9F`), U+FFFE or U+FFFF (`EF BF BE`,
    /// `EF BF BF`). False for most text, guillemets and no-break spaces included, which is then
    /// appended whole.
    static func needsEscaping(_ value: String) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in value.utf8 {
            if byte < 0x20 || byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x7F
                || (previous == 0xC2 && byte < 0xA0) || (beforePrevious == 0xEF && previous == 0xBF && byte >= 0xBE) {
                return true
            }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    /// Whether XML 1.0 allows `scalar` as it is in text (no control character but tab, LF and CR,
    /// none of U+007F–U+009F, U+FFFE, U+FFFF).
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return value == 0x09 || value == 0x0A || value == 0x0D }
        return !(0x7F...0x9F).contains(value) && value != 0xFFFE && value != 0xFFFF
    }
}
