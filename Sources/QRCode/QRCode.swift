internal import CQREncode

/// QR code encoding (ISO/IEC 18004) in 8-bit byte mode, through libqrencode.
///
/// Payment codes (ГОСТ Р 56042-2014) carry UTF-8 text in byte mode without an ECI header, at error
/// correction level M; the smallest version that fits is chosen. Level M uses the project's own encoder
/// (faster mask selection); L, Q and H go through libqrencode.
public enum QRCode {
    /// Error correction level (ISO/IEC 18004 §6.5.1).
    public enum ErrorCorrection: Sendable, Hashable {
        case low, medium, quartile, high
    }

    /// Why a payload could not be encoded: it is empty (`byteCount` 0) or too long for a QR code at
    /// the level; the front end words it from `byteCount`.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// The payload's size in bytes.
        public let byteCount: Int
        public var description: String {
            byteCount == 0 ? "QR code: empty payload" : "QR code: payload of \(byteCount) bytes does not fit a QR code at this level"
        }
    }

    /// Encodes `bytes` in byte mode: level M with the project's own encoder (``QREncoder``), the other
    /// levels with libqrencode.
    public static func encode(bytes: [UInt8], errorCorrection: ErrorCorrection = .medium) throws(Failure) -> QRMatrix {
        guard !bytes.isEmpty else { throw Failure(byteCount: 0) }
        if errorCorrection == .medium {
            guard let matrix = QREncoder.encode(bytes) else {
                throw Failure(byteCount: bytes.count)
            }
            return matrix
        }
        return try libqrencode(bytes: bytes, errorCorrection: errorCorrection)
    }

    /// Encodes with libqrencode (all levels; the reference the own encoder is tested against).
    static func libqrencode(bytes: [UInt8], errorCorrection: ErrorCorrection) throws(Failure) -> QRMatrix {
        guard !bytes.isEmpty else { throw Failure(byteCount: 0) }
        let level: QRecLevel
        switch errorCorrection {
        case .low: level = QR_ECLEVEL_L
        case .medium: level = QR_ECLEVEL_M
        case .quartile: level = QR_ECLEVEL_Q
        case .high: level = QR_ECLEVEL_H
        }
        // QRcode_encodeData encodes the whole buffer in 8-bit mode, NUL bytes included.
        guard let code = bytes.withUnsafeBufferPointer({ QRcode_encodeData(Int32($0.count), $0.baseAddress, 0, level) })
        else { throw Failure(byteCount: bytes.count) }
        defer { QRcode_free(code) }
        let size = Int(code.pointee.width)
        let data = UnsafeBufferPointer(start: code.pointee.data, count: size * size)
        return QRMatrix(size: size, version: Int(code.pointee.version), modules: data.map { $0 & 1 == 1 })
    }

    /// Encodes the UTF-8 bytes of `text` in byte mode.
    public static func encode(_ text: String, errorCorrection: ErrorCorrection = .medium) throws(Failure) -> QRMatrix {
        try encode(bytes: Array(text.utf8), errorCorrection: errorCorrection)
    }
}
