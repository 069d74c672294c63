/// A short ASCII text written from its last byte to its first into a buffer on the stack: the printed
/// forms of amounts, whose digits come out of a number lowest first. A text of up to 15 bytes then
/// becomes a `String` held inline, with no allocation; exports and receipts print millions of them.
struct BackwardText {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private var start: Int

    private init(buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
        start = buffer.count
    }

    /// The text `write` prepends into a buffer of `capacity` bytes (it must not write more).
    static func make(capacity: Int, _ write: (inout BackwardText) -> Void) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var text = BackwardText(buffer: buffer)
            write(&text)
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[text.start...]), as: UTF8.self)
        }
    }

    /// Puts `byte` before what is written so far.
    mutating func prepend(_ byte: UInt8) {
        start -= 1
        buffer[start] = byte
    }

    /// Puts the decimal digits of `value` before what is written so far: at least `count` of them
    /// (leading zeros), with `groupSeparator` between groups of three when given.
    mutating func prependDigits(_ value: UInt64, count: Int = 1, groupSeparator: UInt8? = nil) {
        var rest = value
        var written = 0
        repeat {
            if let groupSeparator, written > 0, written % 3 == 0 { prepend(groupSeparator) }
            prepend(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
            written += 1
        } while rest > 0 || written < count
    }
}
