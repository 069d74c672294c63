import Foundation
import NIOCore
import NIOPosix
import RaschetCore

/// A network failure in the system's few words (`Connection refused`) when it has them, else the
/// network library's description: the cause quoted in the mail client's messages.
enum NetworkCause {
    static func of(_ error: any Error) -> Message {
        if let connection = error as? NIOConnectionError {
            if let failure = connection.connectionErrors.first { return of(failure.error) }
            if let lookup = connection.dnsAAAAError ?? connection.dnsAError { return of(lookup) }
        }
        if let io = error as? IOError { return .systemCause(String(cString: strerror(io.errnoCode))) }
        return .systemCause(String(describing: error))
    }
}
