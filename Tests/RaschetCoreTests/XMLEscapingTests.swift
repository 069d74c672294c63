@testable import RaschetCore
import Testing

@Suite("XML escaping")
struct XMLEscapingTests {
    /// Characters escaped, replaced or kept, and their neighbours in UTF-8: guillemets and the no-break
    /// space share the lead byte `C2` with the C1 controls, U+FFFD and U+EFFF share bytes with U+FFFE.
    static let alphabet: [Unicode.Scalar] = [
        "a", "Я", "&", "<", ">", "\"", "'", "\t", "\n", "\r", "\u{01}", "\u{1F}", "\u{7F}", "\u{80}", "\u{9F}",
        "\u{A0}", "\u{AB}", "\u{BB}", "\u{BF}", "\u{2116}", "\u{EFFF}", "\u{FFFD}", "\u{FFFE}", "\u{FFFF}", "\u{1F600}",
    ]

    /// The escaped text, one scalar at a time (what `append` does when a text needs escaping).
    static func escapedScalarByScalar(_ value: String) -> String {
        var text = ""
        XMLEscaping.appendScalarByScalar(value, to: &text)
        return text
    }

    @Test func aTextNeedsEscapingExactlyWhenEscapingChangesIt() {
        var generator = SystemRandomNumberGenerator()
        for length in 0..<6 {
            for _ in 0..<2_000 {
                var value = ""
                for _ in 0..<length { value.unicodeScalars.append(Self.alphabet.randomElement(using: &generator)!) }
                let escaped = Self.escapedScalarByScalar(value)
                #expect(XMLEscaping.needsEscaping(value) == (escaped != value), "\(value.unicodeScalars.map { $0.value })")
                var appended = "x"
                XMLEscaping.append(value, to: &appended)
                #expect(appended == "x" + escaped)
                var bytes: [UInt8] = [UInt8(ascii: "x")]
                XMLEscaping.append(value, to: &bytes)
                #expect(bytes == Array(("x" + escaped).utf8))
            }
        }
        #expect(!XMLEscaping.needsEscaping("ООО «ЕРЦ Северный», 1\u{A0}234,56"))
        #expect(XMLEscaping.needsEscaping("a\u{85}b"))
        #expect(XMLEscaping.needsEscaping("a\u{FFFE}"))
    }
}
