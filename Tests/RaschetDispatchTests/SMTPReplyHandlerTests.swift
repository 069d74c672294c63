import NIOCore
import NIOEmbedded
import RaschetCore
@testable import RaschetDispatch
import Testing

@Suite struct SMTPReplyHandlerTests {
    /// Lines split across reads, ended by CRLF or a bare LF, make replies in order; until the last
    /// is asked for, the handler holds unread input (what must not be left when TLS starts).
    @Test func linesSplitAcrossReadsMakeRepliesInOrder() async throws {
        let handler = SMTPReplyHandler()
        let channel = EmbeddedChannel(handler: handler)
        #expect(!handler.holdsUnreadInput)
        try channel.writeInbound(ByteBuffer(string: "250-mx.example\r\n25"))
        #expect(handler.holdsUnreadInput)
        try channel.writeInbound(ByteBuffer(string: "0 STARTTLS\n220 2.0.0 go"))
        #expect(handler.holdsUnreadInput)
        try channel.writeInbound(ByteBuffer(string: " ahead\r\n"))
        let first = try await handler.nextReply(timeout: .seconds(5), on: channel.eventLoop).get()
        #expect(first.code == 250 && first.lines == ["mx.example", "STARTTLS"])
        #expect(handler.holdsUnreadInput)
        let second = try await handler.nextReply(timeout: .seconds(5), on: channel.eventLoop).get()
        #expect(second.code == 220 && second.lines == ["2.0.0 go ahead"])
        #expect(!handler.holdsUnreadInput)
    }

    /// A line without an end beyond 8,192 bytes fails the conversation instead of filling memory.
    @Test func aLineLongerThanTheLimitFailsTheConversation() async throws {
        let handler = SMTPReplyHandler()
        let channel = EmbeddedChannel(handler: handler)
        try channel.writeInbound(ByteBuffer(string: "250 " + String(repeating: "x", count: SMTPReplyHandler.maximumLineLength)))
        await #expect(throws: SMTPError(.protocolViolation, .replyLineTooLong(maximum: 8192))) {
            try await handler.nextReply(timeout: .seconds(5), on: channel.eventLoop).get()
        }
    }
}
