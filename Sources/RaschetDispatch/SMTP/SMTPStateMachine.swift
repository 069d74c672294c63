import RaschetCore

/// The client side of an SMTP session as a state machine (events in, actions out), free of I/O so
/// that every path is tested without sockets; `SMTPConnection` performs its actions over NIO.
///
/// A session: greeting → EHLO → [STARTTLS → EHLO] → [AUTH PLAIN | AUTH LOGIN] → ready; then per
/// message MAIL FROM (with `SIZE=` when advertised) → RCPT TO → DATA → (`awaitingData`: the caller
/// records the attempt) → data with dot-stuffing and the terminator → ready; QUIT at the end.
/// A transaction refused halfway (a refused recipient) is cleared with RSET before the next
/// message (RFC 5321 section 4.1.1.5); after a completed one the next MAIL FROM starts a new one.
public struct SMTPStateMachine: Sendable {
    /// Whether and how the session is encrypted with STARTTLS (implicit TLS is the connection's
    /// business and looks like `.off` here).
    public enum TLSPolicy: Sendable, Hashable {
        /// Refuse to go on unless the server offers STARTTLS.
        case required
        /// Upgrade when offered, else go on in plain text.
        case optional
        /// Never upgrade.
        case off
    }

    /// What the caller must do next.
    public enum Action: Sendable, Hashable {
        /// Write these bytes, then feed the server's next reply to `receive(_:)`.
        case send([UInt8])
        /// Wait for the server's next reply (the greeting) and feed it to `receive(_:)`.
        case awaitReply
        /// Start TLS on the connection now, then call `tlsEstablished()`.
        case startTLS
        /// The session can take a message: call `beginMessage(_:)` or `quit()`.
        case ready
        /// The server waits for the message's data: record the attempt, then call `sendData()`.
        case awaitingData
        /// The server accepted the message (its reply); the session is ready for the next one.
        case delivered(SMTPReply)
        /// The server refused this message; the session goes on (call `beginMessage` or `quit`).
        case refused(SMTPError)
        /// The session cannot go on: close the connection and report the error.
        case fail(SMTPError)
        /// The session ended (QUIT answered): close the connection.
        case close
    }

    private enum State: Sendable {
        case greeting
        case ehlo(afterTLS: Bool)
        case startTLS
        case tlsHandshake
        case authPlain
        case authLoginUser, authLoginPassword, authLoginDone
        case ready(needsReset: Bool)
        case reset(SMTPEnvelope)
        case mailFrom(SMTPEnvelope)
        case rcptTo(SMTPEnvelope)
        case dataCommand(SMTPEnvelope)
        case awaitingData(SMTPEnvelope)
        case dataSent
        case quit
        case closed
    }

    private var state: State = .greeting
    private let clientName: String
    private let tls: TLSPolicy
    private let credentials: (user: String, password: String)?
    /// The server's capabilities from the last EHLO.
    public private(set) var capabilities = SMTPServerCapabilities()
    private var secured = false

    /// - Parameters:
    ///   - clientName: the EHLO argument (this host's name).
    ///   - credentials: authenticate with these when given (AUTH PLAIN when offered, else LOGIN).
    public init(clientName: String, tls: TLSPolicy, credentials: (user: String, password: String)?) {
        self.clientName = clientName
        self.tls = tls
        self.credentials = credentials
    }

    /// The first action of a session: wait for the greeting.
    public func start() -> Action { .awaitReply }

    /// Feeds the server's reply to the last command (or its greeting).
    public mutating func receive(_ reply: SMTPReply) -> Action {
        switch state {
        case .greeting:
            guard reply.code == 220 else { return fail(.sessionRefused, .serverRefusedConnection, reply) }
            return ehlo(afterTLS: false)
        case .ehlo(let afterTLS):
            guard reply.code == 250 else { return fail(.sessionRefused, .serverRefusedEHLO, reply) }
            capabilities = SMTPServerCapabilities(ehlo: reply)
            if !afterTLS && tls != .off && !secured {
                if capabilities.startTLS {
                    state = .startTLS
                    return send("STARTTLS")
                }
                if tls == .required {
                    return fail(.tls, .startTLSNotOffered)
                }
            }
            return authenticate()
        case .startTLS:
            guard reply.code == 220 else {
                if tls == .optional { return authenticate() }
                return fail(.tls, .serverRefusedStartTLS, reply)
            }
            state = .tlsHandshake
            return .startTLS
        case .authPlain, .authLoginDone:
            guard reply.code == 235 else { return fail(.authentication, .serverRefusedCredentials(user: credentials?.user ?? ""), reply) }
            return ready(needsReset: false)
        case .authLoginUser:
            guard reply.code == 334, let credentials else { return fail(.authentication, .serverRefusedAuthLogin, reply) }
            state = .authLoginPassword
            return send(String(decoding: Base64.encode(Array(credentials.user.utf8)), as: UTF8.self))
        case .authLoginPassword:
            guard reply.code == 334, let credentials else { return fail(.authentication, .serverRefusedUserName(self.credentials?.user ?? ""), reply) }
            state = .authLoginDone
            return send(String(decoding: Base64.encode(Array(credentials.password.utf8)), as: UTF8.self))
        case .reset(let envelope):
            guard reply.code == 250 else { return fail(.protocolViolation, .serverRefusedRSET, reply) }
            return mailFrom(envelope)
        case .mailFrom(let envelope):
            guard reply.code == 250 else { return refuse(.senderRefused, .serverRefusedSender(envelope.sender), reply) }
            state = .rcptTo(envelope)
            return send("RCPT TO:<\(envelope.recipient)>")
        case .rcptTo(let envelope):
            guard reply.code == 250 || reply.code == 251 else { return refuse(.recipientRefused, .serverRefusedRecipient(envelope.recipient), reply) }
            state = .dataCommand(envelope)
            return send("DATA")
        case .dataCommand(let envelope):
            guard reply.code == 354 else { return refuse(.messageRefused, .serverRefusedDATA, reply) }
            state = .awaitingData(envelope)
            return .awaitingData
        case .dataSent:
            guard reply.code == 250 else {
                // The transaction ended with the terminator either way; no RSET is needed.
                state = .ready(needsReset: false)
                return .refused(SMTPError(.messageRefused, .serverRefusedMessage, reply: reply))
            }
            state = .ready(needsReset: false)
            return .delivered(reply)
        case .quit:
            state = .closed
            return .close
        case .tlsHandshake, .ready, .awaitingData, .closed:
            return fail(.protocolViolation, .unsolicitedReply, reply)
        }
    }

    /// The TLS handshake after STARTTLS succeeded: EHLO again (RFC 3207 section 4.2).
    public mutating func tlsEstablished() -> Action {
        guard case .tlsHandshake = state else { preconditionFailure("tlsEstablished() outside a STARTTLS handshake") }
        secured = true
        return ehlo(afterTLS: true)
    }

    /// Starts a message from the ready state.
    /// - Returns: `.send` of RSET (after a refused transaction) or MAIL FROM, or `.refused` when the
    ///   message is larger than the server's advertised SIZE.
    public mutating func beginMessage(_ envelope: SMTPEnvelope) -> Action {
        guard case .ready(let needsReset) = state else { preconditionFailure("beginMessage(_:) while not ready") }
        if let limit = capabilities.maximumSize, limit > 0, envelope.data.count > limit {
            return .refused(SMTPError(.messageRefused, .messageTooLarge(bytes: envelope.data.count, limit: limit)))
        }
        if needsReset {
            state = .reset(envelope)
            return send("RSET")
        }
        return mailFrom(envelope)
    }

    /// The caller recorded the attempt: send the data and its terminator.
    public mutating func sendData() -> Action {
        guard case .awaitingData(let envelope) = state else { preconditionFailure("sendData() outside DATA") }
        state = .dataSent
        return .send(envelope.stuffedData)
    }

    /// Ends the session from the ready state.
    public mutating func quit() -> Action {
        state = .quit
        return send("QUIT")
    }

    private mutating func ehlo(afterTLS: Bool) -> Action {
        state = .ehlo(afterTLS: afterTLS)
        return send("EHLO " + clientName)
    }

    private mutating func authenticate() -> Action {
        guard let credentials else { return ready(needsReset: false) }
        if capabilities.authPlain {
            state = .authPlain
            let token = Base64.encode([0] + Array(credentials.user.utf8) + [0] + Array(credentials.password.utf8))
            return send("AUTH PLAIN " + String(decoding: token, as: UTF8.self))
        }
        if capabilities.authLogin {
            state = .authLoginUser
            return send("AUTH LOGIN")
        }
        return fail(.authentication, secured || tls == .off
            ? .noAuthMechanism : .noAuthBeforeTLS)
    }

    private mutating func ready(needsReset: Bool) -> Action {
        state = .ready(needsReset: needsReset)
        return .ready
    }

    private mutating func mailFrom(_ envelope: SMTPEnvelope) -> Action {
        state = .mailFrom(envelope)
        var command = "MAIL FROM:<\(envelope.sender)>"
        if capabilities.maximumSize != nil { command += " SIZE=" + String(envelope.data.count) }
        return send(command)
    }

    private mutating func refuse(_ kind: SMTPError.Kind, _ message: Message, _ reply: SMTPReply) -> Action {
        state = .ready(needsReset: true)
        return .refused(SMTPError(kind, message, reply: reply))
    }

    private mutating func fail(_ kind: SMTPError.Kind, _ message: Message, _ reply: SMTPReply? = nil) -> Action {
        state = .closed
        return .fail(SMTPError(kind, message, reply: reply))
    }

    private func send(_ command: String) -> Action {
        .send(Array((command + "\r\n").utf8))
    }
}
