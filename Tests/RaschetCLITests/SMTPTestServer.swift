import Foundation
import RaschetTesting

/// A real SMTP server on loopback for the dispatch tests: `Tests/SMTPServer/smtp_server.py`
/// (aiosmtpd) with STARTTLS on a self-signed certificate and AUTH, storing every message it accepts.
final class SMTPTestServer {
    static let scripts = CLI.packageRoot.appendingPathComponent("Tests/SMTPServer")
    static let user = "rkc"
    static let password = "s3cret-пароль"

    let port: Int
    let maildir: String
    private let process: Process
    private let input = Pipe()

    /// Starts the server (on `port`, or a free one) storing into `maildir`; with `tls`, it requires
    /// STARTTLS and AUTH, without it, it is a plain loopback server. `script` names another server
    /// in `Tests/SMTPServer` that takes `--maildir` and `--port` and prints `READY <port>`.
    init(maildir: String, tls: TLSFiles?, port: Int = 0, extra: [String] = [], script: String = "smtp_server.py") throws {
        self.maildir = maildir
        let log = maildir + ".log"
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let secured = tls.map { ["--cert", $0.certificate, "--key", $0.key, "--user", Self.user, "--password", Self.password] } ?? []
        process.arguments = ["python3", Self.scripts.appendingPathComponent(script).path, "--maildir", maildir,
                             "--port", String(port)] + secured + extra
        process.standardInput = input
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        var ready: Int?
        while ready == nil && Date() < deadline && process.isRunning {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("READY ") }) { ready = Int(line.dropFirst(6)) }
            else { usleep(50_000) }
        }
        guard let ready else {
            process.terminate()
            throw ServerFailed(message: "\(script) did not start (is aiosmtpd installed? pip install aiosmtpd)")
        }
        self.port = ready
    }

    struct ServerFailed: Error { var message: String }

    func stop() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    deinit { if process.isRunning { process.terminate(); process.waitUntilExit() } }

    /// One received message as `check_messages.py` parsed it with Python's `email` package.
    struct Message: Decodable {
        struct Attachment: Decodable { var filename: String?; var type: String; var path: String }
        var n: String
        var envelope_to: [String]
        var envelope_from: String
        var time_ns: Int64
        var from: String
        var to: String
        var subject: String
        var message_id: String
        var content_type: String
        var text: String?
        var html: String?
        var attachments: [Attachment]
        var max_line: Int
        var seven_bit: Bool
        var defects: [String]
    }

    /// Every message received so far, parsed, sorted by recipient; attachments extracted to `out`.
    func messages(extractingTo out: String) throws -> [Message] {
        let result = try ExternalTool.run("python3", [Self.scripts.appendingPathComponent("check_messages.py").path, maildir, out])
        guard result.status == 0 else { throw ServerFailed(message: "check_messages.py: \(result.stderr)") }
        return try JSONDecoder().decode([Message].self, from: Data(result.stdout.utf8))
    }
}

/// A self-signed certificate for `localhost` and 127.0.0.1, made by the test with the openssl CLI.
struct TLSFiles {
    var certificate: String
    var key: String

    init(in directory: String) throws {
        certificate = directory + "/cert.pem"
        key = directory + "/key.pem"
        let result = try ExternalTool.run("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate,
                                                      "-days", "2", "-subj", "/CN=localhost",
                                                      "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"])
        guard result.status == 0 else { throw SMTPTestServer.ServerFailed(message: "openssl: \(result.stderr)") }
    }
}
