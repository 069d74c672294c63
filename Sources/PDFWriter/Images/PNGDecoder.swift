/// Decodes PNG files (ISO/IEC 15948) into ``PDFImage`` samples: 8-bit gray, gray+alpha, RGB, RGBA and
/// palette images, non-interlaced.
///
/// The IDAT zlib data is inflated and the per-row filters undone (§9 of the PNG spec), so alpha can be
/// split into a soft mask and the samples recompressed with the document's own settings.
public enum PNGDecoder {
    /// Why a PNG was refused (told in the message catalog's words by the caller).
    public enum Failure: Error, Sendable, Hashable {
        /// The file does not start with the PNG signature.
        case notPNG
        /// A chunk (its four-letter type) runs past the end of the file.
        case truncatedChunk(String)
        /// There is no IHDR chunk, or it gives no size.
        case missingHeader
        /// A bit depth other than 8.
        case unsupportedBitDepth(Int)
        /// An interlaced image.
        case interlaced
        /// A colour type this decoder does not read.
        case unsupportedColourType(Int)
        /// The IDAT data does not inflate.
        case badImageData
        /// The IDAT data is shorter than the image.
        case imageDataTooShort
        /// A palette index past the palette's end.
        case paletteIndexOutOfRange
        /// A row filter type other than 0...4.
        case unknownRowFilter(Int)
    }

    /// Decodes `data` (a whole PNG file).
    /// - Complexity: O(width x height).
    public static func decode(_ data: [UInt8]) throws(Failure) -> PDFImage {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard data.count > 8, Array(data[0..<8]) == signature else { throw Failure.notPNG }
        var position = 8
        var width = 0, height = 0, bitDepth = 0, colorType = 0, interlace = 0
        var palette: [UInt8] = []
        var transparency: [UInt8] = []
        var compressed: [UInt8] = []
        func u32(_ at: Int) -> Int {
            Int(data[at]) << 24 | Int(data[at + 1]) << 16 | Int(data[at + 2]) << 8 | Int(data[at + 3])
        }
        while position + 8 <= data.count {
            let length = u32(position)
            let type = String(decoding: data[(position + 4)..<(position + 8)], as: UTF8.self)
            let start = position + 8
            guard start + length + 4 <= data.count else { throw Failure.truncatedChunk(type) }
            let body = data[start..<(start + length)]
            switch type {
            case "IHDR":
                width = u32(start)
                height = u32(start + 4)
                bitDepth = Int(data[start + 8])
                colorType = Int(data[start + 9])
                interlace = Int(data[start + 12])
            case "PLTE": palette = Array(body)
            case "tRNS": transparency = Array(body)
            case "IDAT": compressed += body
            default: break
            }
            position = start + length + 4
            if type == "IEND" { break }
        }
        guard width > 0, height > 0 else { throw Failure.missingHeader }
        guard bitDepth == 8 else { throw Failure.unsupportedBitDepth(bitDepth) }
        guard interlace == 0 else { throw Failure.interlaced }
        let channels: Int
        switch colorType {
        case 0: channels = 1
        case 2: channels = 3
        case 3: channels = 1
        case 4: channels = 2
        case 6: channels = 4
        default: throw Failure.unsupportedColourType(colorType)
        }
        guard let raw = Flate.decompress(compressed) else { throw Failure.badImageData }
        let stride = width * channels
        guard raw.count >= (stride + 1) * height else { throw Failure.imageDataTooShort }
        let pixels = try unfilter(raw, stride: stride, height: height, bytesPerPixel: channels)

        var samples: [UInt8] = []
        var alpha: [UInt8]? = nil
        switch colorType {
        case 0, 2:
            samples = pixels
        case 3:
            samples.reserveCapacity(width * height * 3)
            var mask: [UInt8] = []
            for index in pixels {
                let i = Int(index)
                guard i * 3 + 2 < palette.count else { throw Failure.paletteIndexOutOfRange }
                samples += palette[(i * 3)...(i * 3 + 2)]
                mask.append(i < transparency.count ? transparency[i] : 255)
            }
            if !transparency.isEmpty { alpha = mask }
        default:
            let colorChannels = channels - 1
            var mask: [UInt8] = []
            mask.reserveCapacity(width * height)
            samples.reserveCapacity(width * height * colorChannels)
            var i = 0
            while i < pixels.count {
                samples += pixels[i..<(i + colorChannels)]
                mask.append(pixels[i + colorChannels])
                i += channels
            }
            alpha = mask.allSatisfy { $0 == 255 } ? nil : mask
        }
        let components = (colorType == 0 || colorType == 4) ? 1 : 3
        return PDFImage(width: width, height: height, components: components, samples: samples, alpha: alpha)
    }

    /// Undoes the per-row filters None, Sub, Up, Average and Paeth.
    private static func unfilter(_ raw: [UInt8], stride: Int, height: Int, bytesPerPixel bpp: Int) throws(Failure) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: stride * height)
        for row in 0..<height {
            let filter = raw[row * (stride + 1)]
            let source = row * (stride + 1) + 1
            let target = row * stride
            for x in 0..<stride {
                let value = raw[source + x]
                let left = x >= bpp ? Int(out[target + x - bpp]) : 0
                let up = row > 0 ? Int(out[target - stride + x]) : 0
                let upLeft = (row > 0 && x >= bpp) ? Int(out[target - stride + x - bpp]) : 0
                let predictor: Int
                switch filter {
                case 0: predictor = 0
                case 1: predictor = left
                case 2: predictor = up
                case 3: predictor = (left + up) / 2
                case 4:
                    let p = left + up - upLeft
                    let pa = abs(p - left), pb = abs(p - up), pc = abs(p - upLeft)
                    predictor = (pa <= pb && pa <= pc) ? left : (pb <= pc ? up : upLeft)
                default: throw Failure.unknownRowFilter(Int(filter))
                }
                out[target + x] = value &+ UInt8(truncatingIfNeeded: predictor)
            }
        }
        return out
    }
}
