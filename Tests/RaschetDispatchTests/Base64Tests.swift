import Foundation
@testable import RaschetDispatch
import Testing

@Suite struct Base64Tests {
    /// RFC 4648 section 10.
    @Test(arguments: [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="),
                      ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy")])
    func theRFCTestVectors(input: String, encoded: String) {
        #expect(String(decoding: Base64.encode(Array(input.utf8)), as: UTF8.self) == encoded)
        var lines: [UInt8] = []
        Base64.encodeLines(Array(input.utf8), into: &lines)
        #expect(String(decoding: lines, as: UTF8.self) == (encoded.isEmpty ? "" : encoded + "\r\n"))
    }

    /// 57 bytes make a line of 76 characters; 58 a full line and one of 4 characters, padded.
    @Test func linesBreakEvery57BytesAfterWhatIsAlreadyThere() {
        var out = Array("x:".utf8)
        Base64.encodeLines(Array(repeating: 0xFF, count: 58), into: &out)
        #expect(String(decoding: out, as: UTF8.self) == "x:" + String(repeating: "/", count: 76) + "\r\n/w==\r\n")
    }

    /// Foundation's encoder, an independent one, on every length up to 400 with scrambled bytes.
    @Test func itAgreesWithFoundation() {
        for count in 0..<400 {
            let bytes = (0..<count).map { UInt8(truncatingIfNeeded: (($0 &+ count) &* 0x9E37_79B1) >> 11) }
            let data = Data(bytes)
            #expect(Base64.encode(bytes) == Array(data.base64EncodedString().utf8))
            var lines: [UInt8] = []
            Base64.encodeLines(bytes, into: &lines)
            let expected = data.base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
            #expect(lines == Array((expected.isEmpty ? "" : expected + "\r\n").utf8), "\(count) bytes")
        }
    }
}
