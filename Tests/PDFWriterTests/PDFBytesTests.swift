import PDFWriter
import Testing

@Suite("PDF lexical writers")
struct PDFBytesTests {
    func written(_ body: (inout PDFBytes) -> Void) -> String {
        var out = PDFBytes()
        body(&out)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    @Test("numbers have no exponent and no negative zero", arguments: [
        (0.0, "0"), (-0.0, "0"), (1e-7, "0"), (-0.0004, "0"), (1.5, "1.5"), (-2.25, "-2.25"),
        (595.2756, "595.276"), (1e7, "10000000"), (0.1, "0.1"), (-0.0006, "-0.001"), (12.0, "12"),
        (0.05, "0.05"), (0.007, "0.007"), (-1234.5, "-1234.5"), (100.0, "100"), (10.01, "10.01"), (-0.5, "-0.5"),
    ])
    func numbers(value: Double, expected: String) {
        #expect(written { $0.number(value) } == expected)
    }

    @Test("integers", arguments: [(0, "0"), (7, "7"), (-42, "-42"), (1234567890, "1234567890"), (10, "10"),
                                  (Int.max, "9223372036854775807"), (Int.min, "-9223372036854775808")])
    func integers(value: Int, expected: String) {
        #expect(written { $0.int(value) } == expected)
    }

    /// Numbers against their thousandths printed by the standard library, point inserted, zeros trimmed.
    @Test func numbersMatchTheirThousandths() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let value = Double(Int.random(in: -2_000_000_000...2_000_000_000, using: &generator)) / 1000
                / Double([1, 10, 100, 1000].randomElement(using: &generator)!)
            let scaled = Int((value * 1000).rounded())
            var digits = String(scaled.magnitude)
            while digits.count < 4 { digits = "0" + digits }
            var fraction = String(digits.suffix(3))
            while fraction.last == "0" { fraction.removeLast() }
            let expected = (scaled < 0 ? "-" : "") + digits.dropLast(3) + (fraction.isEmpty ? "" : "." + fraction)
            #expect(written { $0.number(value) } == expected)
        }
    }

    @Test("names escape delimiters, # and non-ASCII as #xx")
    func names() {
        #expect(written { $0.name("Type") } == "/Type")
        #expect(written { $0.name("text/xml") } == "/text#2Fxml")
        #expect(written { $0.name("A B#(") } == "/A#20B#23#28")
        #expect(written { $0.name("Я") } == "/#D0#AF")
    }

    @Test("literal strings escape parentheses, backslash and control bytes")
    func literalStrings() {
        #expect(written { $0.literalString(Array("a(b)c\\d".utf8)) } == "(a\\(b\\)c\\\\d)")
        #expect(written { $0.literalString([0x0A, 0xFF]) } == "(\\012\\377)")
    }

    @Test("text strings are ASCII literals or UTF-16BE hex with a BOM")
    func textStrings() {
        #expect(written { $0.textString("Raschet") } == "(Raschet)")
        #expect(written { $0.textString("Ж") } == "<FEFF0416>")
    }

    @Test("dictionaries keep insertion order")
    func dictionaryOrder() {
        let dictionary = PDFDictionary(["Z": 1, "A": .name("B"), "M": [1, .real(2.5), .reference(PDFObjectID(3))]])
        #expect(written { PDFValue.dictionary(dictionary).write(to: &$0) } == "<</Z 1/A /B/M [1 2.5 3 0 R]>>")
    }

    @Test("dates are UTC in PDF and XMP form")
    func dates() {
        let date = PDFDate(secondsSinceEpoch: 1_793_000_000)
        #expect(date.pdfString == "D:20261026073320+00'00'")
        #expect(date.xmpString == "2026-10-26T07:33:20+00:00")
        #expect(PDFDate(secondsSinceEpoch: 0).pdfString == "D:19700101000000+00'00'")
        #expect(PDFDate(secondsSinceEpoch: -1).xmpString == "1969-12-31T23:59:59+00:00")
    }

    @Test("the stable hash is fixed across runs")
    func stableHash() {
        var hash = StableHash()
        hash.combine("abc")
        #expect(hash.digest.count == 16)
        var again = StableHash()
        again.combine(Array("abc".utf8))
        #expect(hash.digest == again.digest)
        // The digest depends on the bytes only, not on how they were split between calls.
        let bytes = (0..<100).map { UInt8(truncatingIfNeeded: $0 &* 37) }
        var whole = StableHash()
        whole.combine(bytes)
        for cut in [1, 3, 8, 13, 64, 99] {
            var split = StableHash()
            split.combine(bytes[..<cut])
            split.combine(Array(bytes[cut...]))
            #expect(split.digest == whole.digest, "cut at \(cut)")
        }
        var shorter = StableHash()
        shorter.combine(bytes.dropLast())
        #expect(shorter.digest != whole.digest)
        var zeros = StableHash(), moreZeros = StableHash()
        zeros.combine([UInt8](repeating: 0, count: 7))
        moreZeros.combine([UInt8](repeating: 0, count: 8))
        #expect(zeros.digest != moreZeros.digest)
    }
}
