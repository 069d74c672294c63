/// A growable byte buffer with the PDF lexical writers: numbers, names, strings (ISO 32000-1 §7.3).
///
/// Every PDF token the project writes goes through one of these functions, so there is exactly one
/// number formatter (no exponent, no `-0`) and one escaping rule per token kind.
public struct PDFBytes: Sendable {
    /// The bytes written so far.
    public var bytes: [UInt8]

    /// Creates an empty buffer with room for `capacity` bytes.
    public init(capacity: Int = 0) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// The number of bytes written so far.
    public var count: Int { bytes.count }

    /// Appends raw ASCII text (operators, keywords, already formatted tokens).
    @inlinable
    public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends the UTF-8 bytes of `text` unchanged (callers guarantee it is a valid token).
    @inlinable
    public mutating func rawString(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Appends raw bytes.
    @inlinable
    public mutating func append(_ data: [UInt8]) {
        bytes.append(contentsOf: data)
    }

    /// Appends one byte.
    @inlinable
    public mutating func byte(_ value: UInt8) {
        bytes.append(value)
    }

    /// Appends a decimal integer (§7.3.3).
    public mutating func int(_ value: Int) {
        if value < 0 { bytes.append(0x2D) }
        digits(value.magnitude, fraction: 0, fractionDigits: 0)
    }

    /// `value` in thousandths, rounded as ``number(_:)`` writes it.
    public static func thousandths(_ value: Double) -> Int {
        precondition(value.isFinite, "PDF numbers must be finite")
        return Int((value * 1000).rounded())
    }

    /// Appends a real number rounded to 3 decimals, trailing zeros trimmed, never an exponent or `-0`
    /// (§7.3.3 forbids exponents).
    public mutating func number(_ value: Double) {
        let scaled = Self.thousandths(value)
        if scaled < 0 { bytes.append(0x2D) }
        let magnitude = scaled.magnitude
        let fraction = magnitude % 1000
        let fractionDigits = fraction == 0 ? 0 : fraction % 10 != 0 ? 3 : fraction % 100 != 0 ? 2 : 1
        digits(magnitude / 1000, fraction: fraction, fractionDigits: fractionDigits)
    }

    /// Appends the decimal digits of `integer`, then, when `fractionDigits` is 1 to 3, a point and the
    /// first `fractionDigits` digits of `fraction` (thousandths). Formed in a buffer on the stack and
    /// appended at once: page content writes several numbers per text and rectangle.
    private mutating func digits(_ integer: UInt, fraction: UInt, fractionDigits: Int) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buffer in
            var end = 20
            if fractionDigits > 0 {
                buffer[20] = 0x2E
                var rest = fraction
                for index in stride(from: 23, through: 21, by: -1) {
                    buffer[index] = UInt8(truncatingIfNeeded: rest % 10) &+ 0x30
                    rest /= 10
                }
                end = 21 + fractionDigits
            }
            var start = 20
            var rest = integer
            repeat {
                start -= 1
                buffer[start] = UInt8(truncatingIfNeeded: rest % 10) &+ 0x30
                rest /= 10
            } while rest != 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<end]))
        }
    }

    /// Appends a name object `/Name`, escaping bytes outside `!`...`~`, delimiters and `#` as `#xx` (§7.3.5).
    public mutating func name(_ value: String) {
        bytes.append(0x2F)
        for b in value.utf8 {
            switch b {
            case 0x21...0x7E where !PDFBytes.isDelimiter(b) && b != 0x23:
                bytes.append(b)
            default:
                bytes.append(0x23)
                bytes.append(PDFBytes.hexDigit(b >> 4))
                bytes.append(PDFBytes.hexDigit(b & 0x0F))
            }
        }
    }

    /// Appends a literal string `(...)`, escaping `\`, `(`, `)` and bytes outside printable ASCII in octal
    /// (§7.3.4.2).
    public mutating func literalString(_ value: [UInt8]) {
        bytes.append(0x28)
        for b in value {
            switch b {
            case 0x28, 0x29, 0x5C:
                bytes.append(0x5C)
                bytes.append(b)
            case 0x20...0x7E:
                bytes.append(b)
            default:
                bytes.append(0x5C)
                bytes.append(0x30 + (b >> 6))
                bytes.append(0x30 + ((b >> 3) & 7))
                bytes.append(0x30 + (b & 7))
            }
        }
        bytes.append(0x29)
    }

    /// Appends a hexadecimal string `<...>` with upper-case digits (§7.3.4.3).
    public mutating func hexString(_ value: [UInt8]) {
        bytes.append(0x3C)
        hexDigits(value)
        bytes.append(0x3E)
    }

    /// Appends two hex digits per byte of `value`, nothing around them (ASCIIHex data, §7.4.2).
    public mutating func hexDigits(_ value: [UInt8]) {
        for b in value {
            bytes.append(PDFBytes.hexDigit(b >> 4))
            bytes.append(PDFBytes.hexDigit(b & 0x0F))
        }
    }

    /// Appends a text string (§7.9.2.2): PDFDocEncoding-compatible ASCII as a literal string, anything else
    /// as UTF-16BE with a byte order mark, in hex.
    public mutating func textString(_ value: String) {
        if value.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            literalString(Array(value.utf8))
        } else {
            var data: [UInt8] = [0xFE, 0xFF]
            for unit in value.utf16 {
                data.append(UInt8(unit >> 8))
                data.append(UInt8(unit & 0xFF))
            }
            hexString(data)
        }
    }

    /// Appends `value` as one byte inside a literal string: as it is, except `(`, `)` and `\` escaped and
    /// a carriage return written `\r` (§7.3.4.2).
    @inlinable
    public mutating func stringByte(_ value: UInt8) {
        switch value {
        case 0x28, 0x29, 0x5C:
            bytes.append(0x5C)
            bytes.append(value)
        case 0x0D:
            bytes.append(0x5C)
            bytes.append(0x72)
        default:
            bytes.append(value)
        }
    }

    /// Appends the 4-digit upper-case hex of a 16-bit code, without brackets (the ToUnicode CMap).
    @inlinable
    public mutating func hex16(_ value: UInt16) {
        bytes.append(PDFBytes.hexDigit(UInt8(value >> 12)))
        bytes.append(PDFBytes.hexDigit(UInt8((value >> 8) & 0x0F)))
        bytes.append(PDFBytes.hexDigit(UInt8((value >> 4) & 0x0F)))
        bytes.append(PDFBytes.hexDigit(UInt8(value & 0x0F)))
    }

    @usableFromInline
    static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? 0x30 + nibble : 0x41 + nibble - 10
    }

    static func isDelimiter(_ b: UInt8) -> Bool {
        switch b {
        case 0x28, 0x29, 0x3C, 0x3E, 0x5B, 0x5D, 0x7B, 0x7D, 0x2F, 0x25: true
        default: false
        }
    }
}
