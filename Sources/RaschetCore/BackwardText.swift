/// A short text written from its last byte to its first into a buffer on the stack: the printed
/// forms of amounts, whose digits come out of a number lowest first. A text of up to 15 bytes then
/// becomes a `String` held inline, with no allocation; exports and receipts print millions of them.
public struct BackwardText {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private var start: Int

    private init(buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
        start = buffer.count
    }

    /// The text `write` prepends into a buffer of `capacity` bytes (it must not write more).
    public static func make(capacity: Int, _ write: (inout BackwardText) -> Void) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var text = BackwardText(buffer: buffer)
            write(&text)
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[text.start...]), as: UTF8.self)
        }
    }

    /// Puts `scalar`, as UTF-8, before what is written so far.
    public mutating func prepend(_ scalar: Unicode.Scalar) {
        for byte in scalar.utf8.reversed() {
            start -= 1
            buffer[start] = byte
        }
    }

    /// Puts the decimal digits of `value` before what is written so far: at least `count` of them
    /// (leading zeros), with `groupSeparator` between groups of three when given.
    public mutating func prependDigits(_ value: UInt64, count: Int = 1, groupSeparator: Unicode.Scalar? = nil) {
        var rest = value
        var written = 0
        repeat {
            if let groupSeparator, written > 0, written % 3 == 0 { prepend(groupSeparator) }
            prepend(Unicode.Scalar(UInt8(ascii: "0") + UInt8(rest % 10)))
            rest /= 10
            written += 1
        } while rest > 0 || written < count
    }
}
