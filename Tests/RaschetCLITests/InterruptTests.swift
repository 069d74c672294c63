import Foundation
import RaschetTesting
import Testing

/// Ctrl-C (`SIGINT`) or `SIGTERM` while a command writes a file: the process removes its temporary
/// file and ends with 128 + the signal; neither the file nor a hidden `.NAME.PID-RANDOM.tmp` is left.
@Suite struct InterruptTests {
    @Test(arguments: [SIGINT, SIGTERM])
    func anInterruptedExportLeavesNoFileBehind(signal: Int32) throws {
        let cli = try CLI()
        defer { cli.remove() }
        #expect(try cli.run(["synth", "--accounts", "3000", "--out", "data", "--period", "2026-10"]).status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: cli.path("data")).sorted().map { "data/" + $0 }
        #expect(try cli.run(["init", "--db", "f.sqlite"]).status == 0)
        #expect(try cli.run(["import", "auto"] + files + ["--db", "f.sqlite"]).status == 0)
        #expect(try cli.run(["close", "2026-10", "--db", "f.sqlite"]).status == 0)
        func temporary() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: cli.directory.path).filter { $0.hasPrefix(".c.json.") }
        }
        // Signalled once its temporary file exists; should the export have ended first, again.
        var interrupted = false
        for _ in 0..<5 where !interrupted {
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = ["export", "charges", "--period", "2026-10", "--out", "c.json", "--db", "f.sqlite"]
            process.currentDirectoryURL = cli.directory
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            while process.isRunning, try temporary().isEmpty { usleep(1_000) }
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            if process.terminationStatus == 128 + signal {
                interrupted = true
                #expect(try temporary() == [])
                #expect(!FileManager.default.fileExists(atPath: cli.path("c.json")))
            } else {
                try? FileManager.default.removeItem(atPath: cli.path("c.json"))
            }
        }
        #expect(interrupted, "the export always ended before the signal")
    }
}
