public import Foundation

/// Runs programs from tests: the PDF command-line tools (qpdf, pdffonts, pdftotext, pdftoppm,
/// zbarimg) and the built `raschet` binary.
///
/// Output goes to temporary files, not pipes: on Linux, Foundation's `readDataToEndOfFile` traps on
/// `EINTR`, which the many child processes of a parallel test run make likely, and a file cannot
/// fill up and block the child.
public enum ExternalTool {
    /// A finished run: exit status and captured output.
    public struct Result: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String

        public init(status: Int32, stdout: String, stderr: String) {
            self.status = status
            self.stdout = stdout
            self.stderr = stderr
        }
    }

    /// Runs `tool` (looked up in PATH) with `arguments` and waits.
    public static func run(_ tool: String, _ arguments: [String]) throws -> Result {
        try run(executable: URL(fileURLWithPath: "/usr/bin/env"), arguments: [tool] + arguments)
    }

    /// Runs `executable` with `arguments` in `directory` (default: the current one), with
    /// `environment` added to this process's, and waits.
    public static func run(executable: URL, arguments: [String], directory: URL? = nil,
                           environment: [String: String] = [:]) throws -> Result {
        let folder = try TemporaryFolder("raschet-tool")
        defer { folder.remove() }
        let outURL = folder.url("stdout")
        let errURL = folder.url("stderr")
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// The package's root folder (tests read `Fixtures/` and `Fonts/` from the source tree).
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The repository's `Fonts/` folder.
    public static var fontsDirectory: String { packageRoot.appendingPathComponent("Fonts").path }
}
