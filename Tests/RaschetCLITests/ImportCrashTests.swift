import Foundation
import RaschetCore
import RaschetStore
import RaschetTesting
import Testing

/// `raschet import` killed with SIGKILL part-way leaves the database as it was before the import
/// (one transaction for every row of every file), and the same import run again then stores what an
/// import that was never killed stores.
@Suite struct ImportCrashTests {
    /// Every entity's rows, as text, in key order.
    static func contents(_ path: String) throws -> [[[String]]] {
        let store = try Store.open(at: path)
        return try EntityKind.allCases.map { try store.contents(of: $0) }
    }

    @Test func anImportKilledPartWayLeavesTheDatabaseAsItWasAndRunsAgainToTheEnd() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let synth = try cli.run(["synth", "--accounts", "4000", "--out", "data", "--period", "2026-10", "--months", "2"])
        #expect(synth.status == 0, "\(synth.stderr)")
        func files(_ month: String) throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: cli.path("data/" + month)).sorted().map { "data/\(month)/" + $0 }
        }
        // The first month stored; the second month's import (accounts corrected, new readings and
        // payments) is the one killed.
        #expect(try cli.run(["init", "--db", "before.sqlite"]).status == 0)
        let first = try cli.run(["import", "auto"] + files("2026-10") + ["--db", "before.sqlite"])
        #expect(first.status == 0, "\(first.stderr)")
        let before = try Self.contents(cli.path("before.sqlite"))
        let second = try files("2026-11")

        try FileManager.default.copyItem(atPath: cli.path("before.sqlite"), toPath: cli.path("clean.sqlite"))
        let started = Date()
        let clean = try cli.run(["import", "auto"] + second + ["--db", "clean.sqlite"])
        let duration = Date().timeIntervalSince(started)
        #expect(clean.status == 0, "\(clean.stderr)")
        let after = try Self.contents(cli.path("clean.sqlite"))
        #expect(after != before)

        var killedBeforeTheEnd = 0
        for (index, fraction) in [0.2, 0.5, 0.8].enumerated() {
            let db = "killed-\(index).sqlite"
            try FileManager.default.copyItem(atPath: cli.path("before.sqlite"), toPath: cli.path(db))
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = ["import", "auto"] + second + ["--db", db]
            process.currentDirectoryURL = cli.directory
            process.environment = ProcessInfo.processInfo.environment.merging(CLI.englishLocale) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t(duration * fraction * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // On a slow poll the import may have committed before the kill; it is then whole.
            let stored = try Self.contents(cli.path(db))
            if process.terminationReason == .uncaughtSignal, stored == before { killedBeforeTheEnd += 1 }
            #expect(stored == before || stored == after, "killed at \(fraction) of the clean run: neither before nor after")

            let rerun = try cli.run(["import", "auto"] + second + ["--db", db])
            #expect(rerun.status == 0, "\(rerun.stderr)")
            #expect(try Self.contents(cli.path(db)) == after)
        }
        #expect(killedBeforeTheEnd > 0, "at least one kill lands while the import runs")
    }
}
