import NIOCore
import RaschetCore

/// Splits the server's byte stream into lines (CRLF, or a bare LF from a sloppy server), refusing
/// a line longer than RFC 5321's 512-octet reply line limit many times over.
struct SMTPLineDecoder: ByteToMessageDecoder {
    typealias InboundOut = String

    static let maximumLineLength = 8192

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let newline = buffer.readableBytesView.firstIndex(of: 0x0A) else {
            if buffer.readableBytes > Self.maximumLineLength {
                throw SMTPError(.protocolViolation, .replyLineTooLong(maximum: Self.maximumLineLength))
            }
            return .needMoreData
        }
        let length = newline - buffer.readerIndex
        var line = buffer.readSlice(length: length + 1)!
        var bytes = line.readBytes(length: length)!
        if bytes.last == 0x0D { bytes.removeLast() }
        context.fireChannelRead(wrapInboundOut(String(decoding: bytes, as: UTF8.self)))
        return .continue
    }
}
