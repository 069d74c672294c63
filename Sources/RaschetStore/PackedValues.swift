/// The pieces the store's packed values are made of (`PackedChargeLines`, `PackedDebts`): a length
/// is a LEB128 varint, every other number a zigzag LEB128 varint, a text its UTF-8 length then its
/// bytes.
enum PackedWriter {
    /// `text`'s UTF-8 length plus `lengthBias` (1 where a 0 means none), then its bytes.
    static func appendText(_ text: String, lengthBias: UInt64 = 0, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            appendUnsigned(UInt64(utf8.count) + lengthBias, to: &bytes)
            bytes.append(contentsOf: utf8)
        }
    }

    static func appendNumber(_ value: Int64, to bytes: inout [UInt8]) {
        appendUnsigned(UInt64(bitPattern: (value << 1) ^ (value >> 63)), to: &bytes)
    }

    static func appendUnsigned(_ value: UInt64, to bytes: inout [UInt8]) {
        guard value >= 0x80 else { return bytes.append(UInt8(value)) }
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }
}

/// Reads `PackedWriter`'s pieces from the front; every read is nil past the end or on a malformed value.
struct PackedReader {
    let bytes: UnsafeRawBufferPointer
    var position = 0

    init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var isAtEnd: Bool { position == bytes.count }

    /// The count of items after the version byte a packed value starts with; nil when the version is
    /// another or the count cannot fit in the bytes.
    mutating func count(version: UInt8) -> Int? {
        guard byte() == version, let count = number(), count >= 0, count <= Int64(bytes.count) else { return nil }
        return Int(count)
    }

    mutating func byte() -> UInt8? {
        guard position < bytes.count else { return nil }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func unsigned() -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while let next = byte() {
            guard shift < 64, shift < 63 || next <= 1 else { return nil }
            value |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return value }
            shift += 7
        }
        return nil
    }

    mutating func number() -> Int64? {
        guard let zigzag = unsigned() else { return nil }
        return Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1)
    }

    /// A one-byte enumeration code: the case at that position of `table`.
    mutating func code<T>(_ table: [T]) -> T? {
        guard let index = byte(), Int(index) < table.count else { return nil }
        return table[Int(index)]
    }

    mutating func text() -> String? {
        guard let length = unsigned() else { return nil }
        return utf8(length)
    }

    /// A text written with `lengthBias` 1: nil for 0, else a text of the length less one. The outer
    /// nil is malformed.
    mutating func optionalText() -> String?? {
        guard let length = unsigned() else { return nil }
        if length == 0 { return .some(nil) }
        guard let text = utf8(length - 1) else { return nil }
        return .some(text)
    }

    private mutating func utf8(_ length: UInt64) -> String? {
        guard length <= UInt64(bytes.count - position) else { return nil }
        let start = position
        position += Int(length)
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    }
}
