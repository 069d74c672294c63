import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import RaschetCore

/// A network failure in the system's few words (`Connection refused`) when it has them, else in our
/// own: the cause quoted in the mail client's messages. The network library's descriptions never
/// reach the user.
enum NetworkCause {
    static func of(_ error: any Error) -> Message {
        if let connection = error as? NIOConnectionError {
            if let failure = connection.connectionErrors.first { return of(failure.error) }
            if let lookup = connection.dnsAAAAError ?? connection.dnsAError { return of(lookup) }
            return .hostNotFound(connection.host)
        }
        if let io = error as? IOError { return .systemCause(String(cString: strerror(io.errnoCode))) }
        if let unknown = error as? SocketAddressError.UnknownHost { return .hostNotFound(unknown.host) }
        if let channel = error as? ChannelError {
            switch channel {
            case .connectTimeout: return .networkTimedOut
            case .eof, .ioOnClosedChannel, .alreadyClosed, .inputClosed, .outputClosed: return .networkClosedByServer
            default: break
            }
        }
        // A handler looked up in a pipeline torn down by the connection's close.
        if let pipeline = error as? ChannelPipelineError, pipeline == .notFound { return .networkClosedByServer }
        if let tls = error as? NIOSSLError {
            switch tls {
            case .handshakeFailed: return .tlsHandshakeFailed
            case .failedToLoadCertificate, .noSuchFilesystemObject: return .tlsCertificateNotLoaded
            case .uncleanShutdown: return .networkClosedByServer
            default: break
            }
        }
        if let extra = error as? NIOSSLExtraError, extra == .failedToValidateHostname { return .tlsHostNameMismatch }
        return .unexpectedNetworkFailure(kind: String(describing: type(of: error)))
    }
}
