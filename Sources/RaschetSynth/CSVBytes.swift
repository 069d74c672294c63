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
    mutating func put(_ value: Int, width: Int = 1) {
        precondition(value >= 0)
        var digits = 1
        var rest = value
        while rest >= 10 { rest /= 10; digits += 1 }
        let total = Swift.max(digits, width)
        for _ in 0..<total { append(UInt8(ascii: "0")) }
        var index = count - 1
        rest = value
        while rest > 0 {
            self[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
            index -= 1
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
        put(date.year, width: 4)
        append(UInt8(ascii: "-"))
        put(date.month, width: 2)
        append(UInt8(ascii: "-"))
        put(date.day, width: 2)
    }

    /// `YYYY-MM`.
    mutating func put(_ period: Period) {
        put(period.year, width: 4)
        append(UInt8(ascii: "-"))
        put(period.month, width: 2)
    }
}
