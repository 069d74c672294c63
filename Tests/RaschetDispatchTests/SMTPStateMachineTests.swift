import RaschetCore
import RaschetDispatch
import Testing

@Suite struct SMTPStateMachineTests {
    static func reply(_ code: Int, _ lines: String...) -> SMTPReply { SMTPReply(code: code, lines: lines) }
    static func send(_ text: String) -> SMTPStateMachine.Action { .send(Array(text.utf8)) }

    static let ehloWithEverything = reply(250, "mail.example.ru", "SIZE 10240000", "8BITMIME", "STARTTLS", "AUTH LOGIN PLAIN")
    static let ehloAfterTLS = reply(250, "mail.example.ru", "SIZE 10240000", "8BITMIME", "AUTH PLAIN LOGIN")

    @Test func aSessionGreetsUpgradesAuthenticatesWithPlainAndSendsAMessage() {
        var machine = SMTPStateMachine(clientName: "rkc.local", tls: .required, credentials: (user: "user", password: "secret"))
        #expect(machine.start() == .awaitReply)
        #expect(machine.receive(Self.reply(220, "mail.example.ru ESMTP")) == Self.send("EHLO rkc.local\r\n"))
        #expect(machine.receive(Self.ehloWithEverything) == Self.send("STARTTLS\r\n"))
        #expect(machine.receive(Self.reply(220, "Ready to start TLS")) == .startTLS)
        #expect(machine.tlsEstablished() == Self.send("EHLO rkc.local\r\n"))
        #expect(machine.receive(Self.ehloAfterTLS) == Self.send("AUTH PLAIN AHVzZXIAc2VjcmV0\r\n"))
        #expect(machine.receive(Self.reply(235, "2.7.0 Authentication successful")) == .ready)
        #expect(machine.capabilities.maximumSize == 10_240_000 && machine.capabilities.eightBitMIME)

        let envelope = SMTPEnvelope(sender: "rkc@example.ru", recipient: "a@b.ru", data: Array("Subject: x\r\n\r\n.hi\r\nbye".utf8))
        #expect(machine.beginMessage(envelope) == Self.send("MAIL FROM:<rkc@example.ru> SIZE=22\r\n"))
        #expect(machine.receive(Self.reply(250, "2.1.0 Ok")) == Self.send("RCPT TO:<a@b.ru>\r\n"))
        #expect(machine.receive(Self.reply(250, "2.1.5 Ok")) == Self.send("DATA\r\n"))
        #expect(machine.receive(Self.reply(354, "End data with <CR><LF>.<CR><LF>")) == .awaitingData)
        #expect(machine.sendData() == Self.send("Subject: x\r\n\r\n..hi\r\nbye\r\n.\r\n"))
        let accepted = Self.reply(250, "2.0.0 Ok: queued as 4F1A")
        #expect(machine.receive(accepted) == .delivered(accepted))
        #expect(machine.quit() == Self.send("QUIT\r\n"))
        #expect(machine.receive(Self.reply(221, "2.0.0 Bye")) == .close)
    }

    @Test func authLoginSendsTheUserAndThePasswordInTurn() {
        var machine = SMTPStateMachine(clientName: "h", tls: .off, credentials: (user: "user", password: "secret"))
        _ = machine.receive(Self.reply(220, "hi"))
        #expect(machine.receive(Self.reply(250, "h", "AUTH LOGIN")) == Self.send("AUTH LOGIN\r\n"))
        #expect(machine.receive(Self.reply(334, "VXNlcm5hbWU6")) == Self.send("dXNlcg==\r\n"))
        #expect(machine.receive(Self.reply(334, "UGFzc3dvcmQ6")) == Self.send("c2VjcmV0\r\n"))
        #expect(machine.receive(Self.reply(235, "ok")) == .ready)
    }

    @Test func aRefusedPasswordFailsTheSessionAsAnAuthenticationError() {
        var machine = SMTPStateMachine(clientName: "h", tls: .off, credentials: (user: "user", password: "wrong"))
        _ = machine.receive(Self.reply(220, "hi"))
        _ = machine.receive(Self.reply(250, "h", "AUTH PLAIN"))
        guard case .fail(let error) = machine.receive(Self.reply(535, "5.7.8 Authentication credentials invalid")) else {
            Issue.record("expected a failure"); return
        }
        #expect(error.kind == .authentication && !error.isTransient && error.reply?.code == 535)
    }

    @Test func requiredStartTLSThatIsNotOfferedFailsAndOptionalGoesOnInPlainText() {
        var required = SMTPStateMachine(clientName: "h", tls: .required, credentials: nil)
        _ = required.receive(Self.reply(220, "hi"))
        guard case .fail(let error) = required.receive(Self.reply(250, "h", "SIZE 100")) else { Issue.record("expected a failure"); return }
        #expect(error.kind == .tls)

        var optional = SMTPStateMachine(clientName: "h", tls: .optional, credentials: nil)
        _ = optional.receive(Self.reply(220, "hi"))
        #expect(optional.receive(Self.reply(250, "h", "SIZE 100")) == .ready)
    }

    @Test func aRefusedRecipientIsPerMessageAndTheNextMessageStartsWithRSET() {
        var machine = SMTPStateMachine(clientName: "h", tls: .off, credentials: nil)
        _ = machine.receive(Self.reply(220, "hi"))
        _ = machine.receive(Self.reply(250, "h"))
        let envelope = SMTPEnvelope(sender: "s@x.ru", recipient: "nobody@x.ru", data: Array("x\r\n".utf8))
        #expect(machine.beginMessage(envelope) == Self.send("MAIL FROM:<s@x.ru>\r\n"))
        _ = machine.receive(Self.reply(250, "ok"))
        guard case .refused(let error) = machine.receive(Self.reply(550, "5.1.1 <nobody@x.ru>: Recipient address rejected")) else {
            Issue.record("expected a refusal"); return
        }
        #expect(error.kind == .recipientRefused && error.isPerMessage && !error.isTransient)
        #expect(machine.beginMessage(envelope) == Self.send("RSET\r\n"))
        #expect(machine.receive(Self.reply(250, "ok")) == Self.send("MAIL FROM:<s@x.ru>\r\n"))
        _ = machine.receive(Self.reply(250, "ok"))
        guard case .refused(let busy) = machine.receive(Self.reply(451, "4.3.0 try later")) else { Issue.record("expected a refusal"); return }
        #expect(busy.isTransient)
    }

    @Test func aMessageLargerThanTheAdvertisedSizeIsRefusedBeforeMailFrom() {
        var machine = SMTPStateMachine(clientName: "h", tls: .off, credentials: nil)
        _ = machine.receive(Self.reply(220, "hi"))
        _ = machine.receive(Self.reply(250, "h", "SIZE 10"))
        guard case .refused(let error) = machine.beginMessage(SMTPEnvelope(sender: "a@b", recipient: "c@d", data: Array(repeating: 65, count: 11))) else {
            Issue.record("expected a refusal"); return
        }
        #expect(error.kind == .messageRefused)
    }

    @Test func aGreetingOf554RefusesTheSession() {
        var machine = SMTPStateMachine(clientName: "h", tls: .off, credentials: nil)
        guard case .fail(let error) = machine.receive(Self.reply(554, "no service")) else { Issue.record("expected a failure"); return }
        #expect(error.kind == .sessionRefused && error.description == "the server refused the connection (server: 554 no service)")
    }
}

@Suite struct SMTPReplyTests {
    @Test func multiLineRepliesAreAssembledAtTheirLastLine() throws {
        var lines = ["250-mail.example.ru", "250-SIZE 1000", "250 AUTH PLAIN"]
        var parser = SMTPReplyParser()
        #expect(try parser.feed(lines.removeFirst()) == nil)
        #expect(try parser.feed(lines.removeFirst()) == nil)
        #expect(try parser.feed(lines.removeFirst()) == SMTPReply(code: 250, lines: ["mail.example.ru", "SIZE 1000", "AUTH PLAIN"]))
    }

    @Test(arguments: ["hello", "25", "250x", "650 no", "099 no"])
    func aLineThatIsNotAReplyIsAProtocolViolation(line: String) {
        var parser = SMTPReplyParser()
        #expect(throws: SMTPError.self) { try parser.feed(line) }
    }

    @Test func codesAreClassifiedAsPositiveTransientOrPermanent() {
        #expect(SMTPReply(code: 354, lines: []).isPositive)
        #expect(SMTPReply(code: 421, lines: []).isTransient && !SMTPReply(code: 421, lines: []).isPermanent)
        #expect(SMTPReply(code: 554, lines: []).isPermanent)
        #expect(SMTPError(.connectionLost, .verbatim("x")).isTransient && !SMTPError(.authentication, .verbatim("x")).isTransient)
        #expect(SMTPError(.recipientRefused, .verbatim("x"), reply: SMTPReply(code: 450, lines: [])).isTransient)
    }

    @Test func dataIsDotStuffedAndTerminated() {
        #expect(SMTPEnvelope(sender: "", recipient: "", data: Array(".a\r\nb\r\n..c\r\n".utf8)).stuffedData == Array("..a\r\nb\r\n...c\r\n.\r\n".utf8))
        #expect(SMTPEnvelope(sender: "", recipient: "", data: Array("a".utf8)).stuffedData == Array("a\r\n.\r\n".utf8))
    }

    @Test func ehloKeywordsGiveTheCapabilities() {
        let capabilities = SMTPServerCapabilities(ehlo: SMTPReply(code: 250, lines: ["x", "size 0", "STARTTLS", "AUTH=LOGIN"]))
        #expect(capabilities.maximumSize == 0 && capabilities.startTLS && capabilities.authLogin && !capabilities.authPlain)
    }
}
