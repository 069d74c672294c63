/// A document's number from the gapless series of one organization and year (SPEC section 6):
/// assigned once, when the document is first issued, and printed on every reprint.
public struct DocumentNumber: Sendable, Hashable, Comparable, Codable {
    /// The calendar year of the series.
    public var year: Int
    /// The position in the year's series, from 1, with no gaps.
    public var sequence: Int

    public init(year: Int, sequence: Int) {
        self.year = year
        self.sequence = sequence
    }

    /// The printed form: the year and the sequence padded to six digits, `2026-000123`.
    public var text: String {
        let digits = String(sequence)
        return String(year) + "-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    public static func < (a: DocumentNumber, b: DocumentNumber) -> Bool { (a.year, a.sequence) < (b.year, b.sequence) }
}
