import NIOCore
import NIOSSL
import RaschetCore

/// The end of the pipeline: splits the server's bytes into lines (CRLF, or a bare LF from a sloppy
/// server), assembles replies and hands them, in order, to whoever asks with `nextReply(timeout:)`.
/// Replies that arrive before anyone asks are kept; a failure (a broken connection, a TLS error, a
/// timeout, a line longer than RFC 5321's 512-octet limit many times over) fails every pending and
/// future request. Used only on its channel's event loop.
final class SMTPReplyHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    static let maximumLineLength = 8192

    /// The bytes of a line whose end has not come yet.
    private var unfinishedLine: ByteBuffer?
    private var parser = SMTPReplyParser()
    private var replies = CircularBuffer<SMTPReply>()
    private var waiting = CircularBuffer<EventLoopPromise<SMTPReply>>()
    private var failure: SMTPError?
    private var context: ChannelHandlerContext?

    func handlerAdded(context: ChannelHandlerContext) { self.context = context }
    func handlerRemoved(context: ChannelHandlerContext) { self.context = nil }

    /// Whether the server has sent anything no one has asked for yet: a reply, part of one, part of
    /// a line. Nothing may be left when TLS starts (RFC 3207, section 6): what came before the
    /// handshake must not be taken as coming through it.
    var holdsUnreadInput: Bool { !replies.isEmpty || parser.isInsideReply || unfinishedLine != nil }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        if var unfinished = unfinishedLine {
            unfinished.writeBuffer(&buffer)
            buffer = unfinished
        }
        do throws(SMTPError) {
            while let newline = buffer.readableBytesView.firstIndex(of: 0x0A) {
                var bytes = Array(buffer.readableBytesView[..<newline])
                buffer.moveReaderIndex(to: newline + 1)
                if bytes.last == 0x0D { bytes.removeLast() }
                if let reply = try parser.feed(String(decoding: bytes, as: UTF8.self)) {
                    if let promise = waiting.popFirst() { promise.succeed(reply) } else { replies.append(reply) }
                }
            }
            if buffer.readableBytes > Self.maximumLineLength {
                throw SMTPError(.protocolViolation, .replyLineTooLong(maximum: Self.maximumLineLength))
            }
            unfinishedLine = buffer.readableBytes > 0 ? buffer : nil
        } catch {
            fail(error, context: context)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        let smtpError: SMTPError
        switch error {
        case let error as SMTPError: smtpError = error
        case is NIOSSLError, is BoringSSLError:
            smtpError = SMTPError(.tls, .tlsFailed(NetworkCause.of(error)))
        default: smtpError = SMTPError(.connectionLost, .connectionBroke(NetworkCause.of(error)))
        }
        fail(smtpError, context: context)
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(SMTPError(.connectionLost, .serverClosedConnection), context: context)
        context.fireChannelInactive()
    }

    /// The next reply, failed with `.timeout` (and the connection closed) when none comes in time.
    func nextReply(timeout: TimeAmount, on eventLoop: any EventLoop) -> EventLoopFuture<SMTPReply> {
        if let reply = replies.popFirst() { return eventLoop.makeSucceededFuture(reply) }
        if let failure { return eventLoop.makeFailedFuture(failure) }
        let promise = eventLoop.makePromise(of: SMTPReply.self)
        waiting.append(promise)
        let timer = eventLoop.assumeIsolated().scheduleTask(in: timeout) { [weak self] in
            guard let self, let context = self.context else { return }
            self.fail(SMTPError(.timeout, .serverDidNotAnswer(seconds: timeout.nanoseconds / 1_000_000_000)), context: context)
        }
        promise.futureResult.whenComplete { _ in timer.cancel() }
        return promise.futureResult
    }

    private func fail(_ error: SMTPError, context: ChannelHandlerContext) {
        if failure == nil { failure = error }
        while let promise = waiting.popFirst() { promise.fail(failure ?? error) }
        context.close(promise: nil)
    }
}
