/// A direct PDF object (§7.3): the value side of dictionaries and arrays.
///
/// Dictionaries keep their keys in insertion order, so output never depends on hashing.
public indirect enum PDFValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case real(Double)
    case name(String)
    /// A byte string written as a literal string `(...)`.
    case string([UInt8])
    /// A byte string written in hex `<...>`.
    case hexString([UInt8])
    /// A text string (§7.9.2.2): ASCII literal or UTF-16BE hex.
    case text(String)
    case array([PDFValue])
    case dictionary(PDFDictionary)
    case reference(PDFObjectID)
    /// A value serialized once and written as these bytes (a font's `/W`, the same in every file of a run).
    case serialized([UInt8])

    /// Serializes the value.
    public func write(to out: inout PDFBytes) {
        switch self {
        case .null: out.raw("null")
        case .bool(let value): value ? out.raw("true") : out.raw("false")
        case .int(let value): out.int(value)
        case .real(let value): out.number(value)
        case .name(let value): out.name(value)
        case .string(let value): out.literalString(value)
        case .hexString(let value): out.hexString(value)
        case .text(let value): out.textString(value)
        case .array(let values):
            out.byte(0x5B)
            for (index, value) in values.enumerated() {
                if index > 0 { out.byte(0x20) }
                value.write(to: &out)
            }
            out.byte(0x5D)
        case .dictionary(let dictionary): dictionary.write(to: &out)
        case .reference(let id):
            out.int(id.number)
            out.raw(" 0 R")
        case .serialized(let bytes): out.append(bytes)
        }
    }
}

extension PDFValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self = .int(value) }
}

extension PDFValue: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: PDFValue...) { self = .array(elements) }
}
