import PDFWriter
import RaschetCore

extension PNGDecoder.Failure {
    /// Why the image was refused, in the message catalog's words.
    var message: Message {
        switch self {
        case .notPNG: .pngSignatureMissing
        case .truncatedChunk(let type): .pngChunkTruncated(type)
        case .missingHeader: .pngHeaderMissing
        case .unsupportedBitDepth(let depth): .pngBitDepthUnsupported(depth)
        case .interlaced: .pngInterlaced
        case .unsupportedColourType(let type): .pngColourTypeUnsupported(type)
        case .badImageData: .pngImageDataBroken
        case .imageDataTooShort: .pngImageDataShort
        case .paletteIndexOutOfRange: .pngPaletteIndexOutOfRange
        case .unknownRowFilter(let filter): .pngRowFilterUnknown(filter)
        }
    }
}
