import PDFWriter
import Testing

@Suite("PNG images")
struct PNGDecoderTests {
    /// Builds a PNG with the given colour type from unfiltered rows (filter byte 0 each row).
    func png(width: Int, height: Int, colorType: UInt8, rows: [[UInt8]], filter: UInt8 = 0) -> [UInt8] {
        func chunk(_ type: String, _ body: [UInt8]) -> [UInt8] {
            let n = body.count
            return [UInt8(n >> 24), UInt8(n >> 16 & 255), UInt8(n >> 8 & 255), UInt8(n & 255)] + Array(type.utf8) + body + [0, 0, 0, 0]
        }
        let ihdr: [UInt8] = [0, 0, 0, UInt8(width), 0, 0, 0, UInt8(height), 8, colorType, 0, 0, 0]
        let raw = rows.flatMap { [filter] + $0 }
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", ihdr)
            + chunk("IDAT", Flate.compress(raw)) + chunk("IEND", [])
    }

    @Test("an RGB PNG decodes to its samples")
    func rgb() throws {
        let image = try PNGDecoder.decode(png(width: 2, height: 1, colorType: 2, rows: [[1, 2, 3, 4, 5, 6]]))
        #expect(image.samples == [1, 2, 3, 4, 5, 6])
        #expect(image.alpha == nil)
    }

    @Test("RGBA splits alpha into a soft mask")
    func rgba() throws {
        let image = try PNGDecoder.decode(png(width: 1, height: 2, colorType: 6, rows: [[9, 8, 7, 128], [1, 1, 1, 255]]))
        #expect(image.samples == [9, 8, 7, 1, 1, 1])
        #expect(image.alpha == [128, 255])
    }

    @Test("the Sub filter is undone")
    func subFilter() throws {
        let image = try PNGDecoder.decode(png(width: 3, height: 1, colorType: 0, rows: [[10, 5, 5]], filter: 1))
        #expect(image.samples == [10, 15, 20])
    }

    @Test("a file that is not a PNG is refused")
    func notPNG() {
        #expect(throws: PNGDecoder.Failure.self) { try PNGDecoder.decode(Array("GIF89a....".utf8)) }
        #expect(throws: PNGDecoder.Failure.notPNG) { try PNGDecoder.decode(Array("GIF89a....".utf8)) }
    }
}
