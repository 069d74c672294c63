import NIOCore
import NIOSSL
@testable import RaschetDispatch
import RaschetCore
import Testing

/// The network library's failures reach the user in our words, or the system's, never in the
/// library's own descriptions.
@Suite struct NetworkCauseTests {
    struct SomethingElse: Error, CustomStringConvertible {
        var description: String { "library internals: state 7" }
    }

    @Test func eachKnownFailureHasOurSentenceInBothLanguages() {
        let cases: [(any Error, String, String)] = [
            (IOError(errnoCode: 111, reason: "connect"), "Connection refused", "«Connection refused»"),
            (ChannelError.connectTimeout(.seconds(10)), "the connection timed out", "истекло время ожидания соединения"),
            (ChannelError.eof, "the server closed the connection", "сервер закрыл соединение"),
            // The reply handler looked up after the server closed at once (smtps:// to a port without TLS).
            (ChannelPipelineError.notFound, "the server closed the connection", "сервер закрыл соединение"),
            (NIOSSLError.failedToLoadCertificate, "the certificate file cannot be loaded", "не удается загрузить файл сертификата"),
            (NIOSSLExtraError.failedToValidateHostname, "the server's certificate is not for this host name",
             "сертификат сервера выдан не на это имя узла"),
        ]
        for (error, english, russian) in cases {
            let cause = NetworkCause.of(error)
            #expect(cause.english == english)
            #expect(cause.russian == russian)
        }
    }

    @Test func anUnknownFailureIsNamedByItsTypeNotItsDescription() {
        let cause = NetworkCause.of(SomethingElse())
        #expect(cause.english == "an unexpected network failure (SomethingElse)")
        #expect(cause.russian == "непредвиденная сетевая ошибка (SomethingElse)")
    }
}
