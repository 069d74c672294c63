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
        // The first month stored; the second month's import (accounts corrected, new readings and
        // payments) is the one killed.
        let (first, second) = try Self.synth(cli)
        #expect(try cli.run(["init", "--db", "before.sqlite"]).status == 0)
        let stored = try cli.run(["import", "auto"] + first + ["--db", "before.sqlite"])
        #expect(stored.status == 0, "\(stored.stderr)")
        try Self.killPartWay(cli, importing: second, into: "before.sqlite")
    }

    /// The first import into a new database runs under a rollback journal (`Store.importRows`):
    /// killed, the next connection rolls the file back from it.
    @Test func aFirstImportKilledPartWayLeavesTheDatabaseEmptyAndRunsAgainToTheEnd() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let (first, _) = try Self.synth(cli)
        #expect(try cli.run(["init", "--db", "before.sqlite"]).status == 0)
        try Self.killPartWay(cli, importing: first, into: "before.sqlite")
    }

    /// Two months of 4,000 accounts; the files of each.
    static func synth(_ cli: CLI) throws -> (first: [String], second: [String]) {
        let synth = try cli.run(["synth", "--accounts", "4000", "--out", "data", "--period", "2026-10", "--months", "2"])
        #expect(synth.status == 0, "\(synth.stderr)")
        func files(_ month: String) throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: cli.path("data/" + month)).sorted().map { "data/\(month)/" + $0 }
        }
        return (try files("2026-10"), try files("2026-11"))
    }

    /// Imports `files` into a copy of `database` once to the end, then into three more copies killed
    /// at a fifth, half and four fifths of that run's time: each is as before or as after the clean
    /// run, and the same import run again on it stores what the clean run stored.
    static func killPartWay(_ cli: CLI, importing files: [String], into database: String) throws {
        let before = try Self.contents(cli.path(database))
        try FileManager.default.copyItem(atPath: cli.path(database), toPath: cli.path("clean.sqlite"))
        let started = Date()
        let clean = try cli.run(["import", "auto"] + files + ["--db", "clean.sqlite"])
        let duration = Date().timeIntervalSince(started)
        #expect(clean.status == 0, "\(clean.stderr)")
        let after = try Self.contents(cli.path("clean.sqlite"))
        #expect(after != before)

        var killedBeforeTheEnd = 0
        for (index, fraction) in [0.2, 0.5, 0.8].enumerated() {
            let db = "killed-\(index).sqlite"
            try FileManager.default.copyItem(atPath: cli.path(database), toPath: cli.path(db))
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = ["import", "auto"] + files + ["--db", db]
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

            let rerun = try cli.run(["import", "auto"] + files + ["--db", db])
            #expect(rerun.status == 0, "\(rerun.stderr)")
            #expect(try Self.contents(cli.path(db)) == after)
        }
        #expect(killedBeforeTheEnd > 0, "at least one kill lands while the import runs")
    }
}
