import RaschetCore

/// Appending CSV fields straight into a byte buffer: no `String` per field, no formatter.
///
/// Every writer here emits ASCII digits or bytes of fixed UTF-8 tables; the generator never
/// writes a value containing `;`, `"` or a line break, so no field needs quoting.
extension Array where Element == UInt8 {
    @inline(__always) mutating func separator() { append(UInt8(ascii: ";")) }
    @inline(__always) mutating func newline() { append(UInt8(ascii: "\n")) }

    @inline(__always) mutating func put(_ text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }
    }

    @inline(__always) mutating func put(_ bytes: [UInt8]) { append(contentsOf: bytes) }

    /// A non-negative integer in decimal, at least `width` digits (zero-padded).
    /// Digits are formed on the stack and appended at once (one capacity check per number).
    mutating func put(_ value: Int, width: Int = 1) {
        precondition(value >= 0 && width <= 20)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = 20
            var rest = value
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            } while rest > 0
            while 20 - start < width {
                start -= 1
                digits[start] = UInt8(ascii: "0")
            }
            append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// A non-negative fixed-point value: `units` / 10^decimals with exactly `decimals` digits
    /// after the point ("54.30" for 5430, 2).
    mutating func put(fixed units: Int, decimals: Int) {
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        put(units / scale)
        guard decimals > 0 else { return }
        append(UInt8(ascii: "."))
        put(units % scale, width: decimals)
    }

    /// `YYYY-MM-DD`.
    mutating func put(_ date: CivilDate) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 10) { text in
            let zero = UInt8(ascii: "0")
            var year = date.year
            for i in stride(from: 3, through: 0, by: -1) {
                text[i] = zero &+ UInt8(truncatingIfNeeded: year % 10)
                year /= 10
            }
            text[4] = UInt8(ascii: "-")
            text[5] = zero &+ UInt8(truncatingIfNeeded: date.month / 10)
            text[6] = zero &+ UInt8(truncatingIfNeeded: date.month % 10)
            text[7] = UInt8(ascii: "-")
            text[8] = zero &+ UInt8(truncatingIfNeeded: date.day / 10)
            text[9] = zero &+ UInt8(truncatingIfNeeded: date.day % 10)
            append(contentsOf: UnsafeBufferPointer(text))
        }
    }

    /// `YYYY-MM`.
    mutating func put(_ period: Period) {
        put(period.year, width: 4)
        append(UInt8(ascii: "-"))
        put(period.month, width: 2)
    }
}
