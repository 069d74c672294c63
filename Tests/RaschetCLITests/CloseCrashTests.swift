import Foundation
import RaschetCore
import RaschetStore
import RaschetTesting
import Testing

/// `raschet close` killed with SIGKILL part-way, then run again, stores exactly what one clean run
/// stores (SPEC section 4: idempotent, one transaction per batch).
@Suite struct CloseCrashTests {
    /// Writes `raschet synth` data for `accounts` accounts and imports it into `db`.
    static func synthDatabase(_ cli: CLI, db: String, accounts: Int) throws {
        if !FileManager.default.fileExists(atPath: cli.path("data")) {
            let synth = try cli.run(["synth", "--accounts", String(accounts), "--out", "data", "--period", "2026-10"])
            #expect(synth.status == 0, "\(synth.stderr)")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: cli.path("data")).sorted().map { "data/" + $0 }
        #expect(try cli.run(["init", "--db", db]).status == 0)
        let imported = try cli.run(["import", "auto"] + files + ["--db", db])
        #expect(imported.status == 0, "\(imported.stderr)")
    }

    static func exports(_ cli: CLI, db: String) throws -> [String] {
        try ["charges", "balances", "payments"].map { what in
            let result = try cli.run(["export", what, "--period", "2026-10", "--db", db, "--format", "csv"])
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout
        }
    }

    @Test func aCloseKilledPartWayAndRerunStoresWhatACleanRunStores() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try Self.synthDatabase(cli, db: "clean.sqlite", accounts: 3000)
        try Self.synthDatabase(cli, db: "crash.sqlite", accounts: 3000)

        let clean = try cli.run(["close", "2026-10", "--db", "clean.sqlite"])
        #expect(clean.status == 0, "\(clean.stderr)")

        // Start the close, wait until its first batches are committed, then kill -9 it.
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["close", "2026-10", "--db", "crash.sqlite", "--batch-size", "100"]
        process.currentDirectoryURL = cli.directory
        process.environment = ProcessInfo.processInfo.environment.merging(["RASCHET_TODAY": "2026-11-20"]) { $1 }.merging(CLI.englishLocale) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let store = try Store.open(at: cli.path("crash.sqlite"))
        let period = Period(parsing: "2026-10")!
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline {
            if (try? store.closeMarkers(period)) ?? 0 >= 300 { break }
            usleep(2_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let markersAtKill = try store.closeMarkers(period)
        print("close killed with \(markersAtKill) of 3000 accounts stored")
        // The kill normally lands mid-run; if the machine was slow to poll, the close may have finished.
        if process.terminationReason == .uncaughtSignal {
            #expect(markersAtKill < 3000, "killed before the end")
            #expect(markersAtKill % 100 == 0, "whole batches only: \(markersAtKill)")
            #expect(try store.closeStatus(period) == .running)
        }

        let rerun = try cli.run(["close", "2026-10", "--db", "crash.sqlite", "--batch-size", "100"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        if markersAtKill > 0 && markersAtKill < 3000 {
            #expect(rerun.stdout.contains("\(3000 - markersAtKill) accounts closed, 0 parked, \(markersAtKill) already done"))
        }
        #expect(try store.closeStatus(period) == .closed)
        #expect(try Self.exports(cli, db: "crash.sqlite") == Self.exports(cli, db: "clean.sqlite"))
        #expect(try cli.bytes("crash.sqlite.review-2026-10.csv") == cli.bytes("clean.sqlite.review-2026-10.csv"))
    }
}
