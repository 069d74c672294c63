import NIOCore
import NIOPosix
import NIOSSL
import RaschetCore

/// Where and how to connect for `SMTPConnection.open`.
public struct SMTPEndpoint: Sendable, Hashable {
    public enum Security: Sendable, Hashable {
        /// TLS from the first byte (SMTPS).
        case implicitTLS
        /// Plain, upgraded with STARTTLS by this policy.
        case startTLS(SMTPStateMachine.TLSPolicy)
    }

    public var host: String
    public var port: Int
    public var security: Security
    /// PEM certificates to trust besides the system's (a private CA or a self-signed server).
    public var caFile: String?
    public var user: String?
    public var password: String?
    /// The limit on every step: connecting, each reply, the TLS handshake; the reply to a message's
    /// data waits at least `SMTPConnection.dataReplyMinimumSeconds`.
    public var timeoutSeconds: Int64

    public init(host: String, port: Int, security: Security, caFile: String? = nil, user: String? = nil,
                password: String? = nil, timeoutSeconds: Int64 = 30) {
        self.host = host; self.port = port; self.security = security; self.caFile = caFile
        self.user = user; self.password = password; self.timeoutSeconds = timeoutSeconds
    }
}

/// One SMTP session over SwiftNIO, reused for many messages: `open`, then per message `begin`
/// (MAIL FROM, RCPT TO, DATA) and `finish` (the data and its terminator), then `quit`.
/// The protocol decisions are `SMTPStateMachine`'s; this type only performs its actions.
/// Every error thrown is an `SMTPError`.
public actor SMTPConnection {
    private var machine: SMTPStateMachine
    private let channel: any Channel
    private let handler: NIOLoopBound<SMTPReplyHandler>
    private let timeout: TimeAmount
    /// How long the reply to a message's data may take at the least: RFC 5321 (4.5.3.2.6) asks a
    /// client to wait 10 minutes, as a server may scan the message first. Given up on, the message
    /// would be `unknown`, for the operator to look up, where it would most likely have been accepted.
    public static let dataReplyMinimumSeconds: Int64 = 600

    private init(machine: SMTPStateMachine, channel: any Channel, handler: NIOLoopBound<SMTPReplyHandler>,
                 endpoint: SMTPEndpoint) {
        self.machine = machine; self.channel = channel; self.handler = handler
        self.timeout = .seconds(endpoint.timeoutSeconds)
    }

    /// Connects, reads the greeting, says EHLO, upgrades to TLS and authenticates as `endpoint` says.
    /// - Throws: `SMTPError` (`.unreachable` when no connection could be made).
    public static func open(_ endpoint: SMTPEndpoint, clientName: String = "localhost") async throws -> SMTPConnection {
        let tlsContext: NIOSSLContext?
        do {
            var configuration = TLSConfiguration.makeClientConfiguration()
            if let caFile = endpoint.caFile { configuration.additionalTrustRoots = [.file(caFile)] }
            tlsContext = try NIOSSLContext(configuration: configuration)
        } catch {
            throw SMTPError(.tls, .cannotSetUpTLS(NetworkCause.of(error)))
        }
        let serverName = Self.isIPAddress(endpoint.host) ? nil : endpoint.host
        let implicitTLS = endpoint.security == .implicitTLS
        let channel: any Channel
        do {
            channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(.seconds(endpoint.timeoutSeconds))
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        if implicitTLS, let tlsContext {
                            try channel.pipeline.syncOperations.addHandler(
                                NIOSSLClientHandler(context: tlsContext, serverHostname: serverName))
                        }
                        try channel.pipeline.syncOperations.addHandler(SMTPReplyHandler())
                    }
                }
                .connect(host: endpoint.host, port: endpoint.port).get()
        } catch {
            throw SMTPError(.unreachable, .cannotConnectToMailServer(host: endpoint.host, port: endpoint.port, cause: NetworkCause.of(error)))
        }
        let handler: NIOLoopBound<SMTPReplyHandler>
        do {
            handler = try await channel.eventLoop.submit {
                NIOLoopBound(try channel.pipeline.syncOperations.handler(type: SMTPReplyHandler.self), eventLoop: channel.eventLoop)
            }.get()
        } catch {
            // The pipeline is already gone when the server closed the connection at once: over
            // implicit TLS, one that does not speak TLS on that port.
            let cause = NetworkCause.of(error)
            throw implicitTLS ? SMTPError(.tls, .cannotStartTLS(cause)) : SMTPError(.connectionLost, .connectionBroke(cause))
        }
        let policy: SMTPStateMachine.TLSPolicy
        if case .startTLS(let startTLS) = endpoint.security { policy = startTLS } else { policy = .off }
        let credentials = endpoint.user.map { (user: $0, password: endpoint.password ?? "") }
        let connection = SMTPConnection(
            machine: SMTPStateMachine(clientName: clientName, tls: policy, credentials: credentials),
            channel: channel, handler: handler, endpoint: endpoint)
        try await connection.handshake(tlsContext: tlsContext, serverName: serverName)
        return connection
    }

    private func handshake(tlsContext: NIOSSLContext?, serverName: String?) async throws {
        var action = machine.start()
        while true {
            action = try await perform(action)
            switch action {
            case .ready:
                return
            case .startTLS:
                let channel = self.channel
                let handler = self.handler
                do {
                    guard let tlsContext else { throw SMTPError(.tls, .tlsNotSetUp) }
                    try await channel.eventLoop.submit {
                        // In one turn of the event loop: no byte is read between the check and TLS.
                        guard !handler.value.holdsUnreadInput else { throw SMTPError(.tls, .textBeforeTLSHandshake) }
                        try channel.pipeline.syncOperations.addHandler(
                            NIOSSLClientHandler(context: tlsContext, serverHostname: serverName), position: .first)
                    }.get()
                } catch let error as SMTPError {
                    await closeChannel()
                    throw error
                } catch {
                    await closeChannel()
                    throw SMTPError(.tls, .cannotStartTLS(NetworkCause.of(error)))
                }
                action = machine.tlsEstablished()
            case .fail(let error):
                await closeChannel()
                throw error
            default:
                await closeChannel()
                throw SMTPError(.protocolViolation, .unexpectedSMTPStep("\(action)"))
            }
        }
    }

    /// Sends MAIL FROM, RCPT TO and DATA; returns when the server waits for the data. The caller
    /// records the attempt, then calls `finish()`.
    /// - Throws: `SMTPError`; when `isPerMessage`, the session stays open for the next message.
    public func begin(_ envelope: SMTPEnvelope) async throws {
        let action = try await perform(machine.beginMessage(envelope))
        switch action {
        case .awaitingData: return
        case .refused(let error): throw error
        case .fail(let error): await closeChannel(); throw error
        default: await closeChannel(); throw SMTPError(.protocolViolation, .unexpectedSMTPStep("\(action)"))
        }
    }

    /// Sends the data and its terminator after `begin`; returns the server's acceptance.
    /// - Throws: `SMTPError`: refused (`isPerMessage`), or the session broke (outcome unknown
    ///   only if the connection broke after the terminator was written).
    public func finish() async throws -> SMTPReply {
        let dataReplyTimeout = TimeAmount.seconds(max(Self.dataReplyMinimumSeconds, timeout.nanoseconds / 1_000_000_000))
        let action = try await perform(machine.sendData(), replyTimeout: dataReplyTimeout)
        switch action {
        case .delivered(let reply): return reply
        case .refused(let error): throw error
        case .fail(let error): await closeChannel(); throw error
        default: await closeChannel(); throw SMTPError(.protocolViolation, .unexpectedSMTPStep("\(action)"))
        }
    }

    /// Says QUIT (when the session is usable) and closes the connection.
    public func quit() async {
        _ = try? await perform(machine.quit())
        await closeChannel()
    }

    /// Performs `send`/`awaitReply` actions until the machine asks for something else, waiting
    /// `replyTimeout` (by default the endpoint's) for each reply.
    private func perform(_ first: SMTPStateMachine.Action, replyTimeout: TimeAmount? = nil) async throws -> SMTPStateMachine.Action {
        var action = first
        while true {
            switch action {
            case .send(let bytes):
                do {
                    try await channel.writeAndFlush(ByteBuffer(bytes: bytes))
                } catch {
                    await closeChannel()
                    throw SMTPError(.connectionLost, .connectionBrokeWhileSending(NetworkCause.of(error)))
                }
                action = machine.receive(try await nextReply(timeout: replyTimeout ?? timeout))
            case .awaitReply:
                action = machine.receive(try await nextReply(timeout: replyTimeout ?? timeout))
            default:
                return action
            }
        }
    }

    private func nextReply(timeout: TimeAmount) async throws -> SMTPReply {
        let handler = self.handler
        let eventLoop = channel.eventLoop
        do {
            return try await eventLoop.flatSubmit { handler.value.nextReply(timeout: timeout, on: eventLoop) }.get()
        } catch let error as SMTPError {
            throw error
        } catch {
            throw SMTPError(.connectionLost, .connectionBroke(NetworkCause.of(error)))
        }
    }

    private func closeChannel() async {
        try? await channel.close()
    }

    private static func isIPAddress(_ host: String) -> Bool {
        host.contains(":") || host.allSatisfy { $0.isNumber || $0 == "." }
    }
}
