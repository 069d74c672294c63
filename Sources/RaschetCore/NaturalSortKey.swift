/// A text's sort key in which every run of decimal digits compares by its value: «кв. 3» before
/// «кв. 24», «д. 9» before «д. 10», as a postman walks a street (print batches by route and
/// address). Other bytes compare as they are (UTF-8 order); leading zeros do not count.
public struct NaturalSortKey: Comparable, Sendable {
    private let bytes: [UInt8]

    public init(_ text: String) {
        var key: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        key.reserveCapacity(utf8.count + 4)
        while let byte = utf8.first {
            guard Self.isDigit(byte) else {
                key.append(byte)
                utf8 = utf8.dropFirst()
                continue
            }
            let run = utf8.prefix(while: Self.isDigit)
            utf8 = utf8.dropFirst(run.count)
            let digits = run.drop { $0 == UInt8(ascii: "0") }
            // The run's length first (below every printable byte), so that a longer number sorts after.
            key.append(UInt8(clamping: digits.count))
            key.append(contentsOf: digits)
        }
        bytes = key
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    public static func < (a: NaturalSortKey, b: NaturalSortKey) -> Bool { a.bytes.lexicographicallyPrecedes(b.bytes) }
}
