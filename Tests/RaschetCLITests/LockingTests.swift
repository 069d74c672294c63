import Foundation
import RaschetTesting
import Testing

/// Two commands on one database: the second waits for the first (the command lock `DB.lock`), then
/// finds its work done, or exits 75 naming the holder when the wait runs out; never 70.
@Suite struct LockingTests {
    static let config = ["--db", "f.sqlite", "--config", CLI.fixture("raschet.toml")]

    @Test func twoClosesStartedTogetherEndAsOneCleanRun() async throws {
        let cli = try CloseGoldenTests.closedFixtures([])
        defer { cli.remove() }
        async let first = cli.run(["close", "2026-08"] + Self.config)
        async let second = cli.run(["close", "2026-08"] + Self.config)
        let results = try await [first, second]
        for result in results { #expect(result.status == 0, "\(result.stderr)") }
        let outputs = results.map(\.stdout)
        #expect(outputs.filter { $0.hasPrefix("closed 2026-08: 45 accounts closed, 0 parked\n") }.count == 1, "\(outputs)")
        #expect(outputs.filter {
            $0 == "period 2026-08 is already closed; nothing to do (a closed period is never rewritten)\n"
        }.count == 1, "\(outputs)")
        for what in ["charges", "balances", "payments"] {
            let golden = try String(contentsOf: CloseGoldenTests.goldens.appendingPathComponent("\(what)-2026-08.json"), encoding: .utf8)
            #expect(try CloseGoldenTests.export(cli, what, "2026-08") == golden, "\(what)")
        }
    }

    @Test func aCloseThatCannotGetTheLockExits75NamingTheHolder() throws {
        let cli = try CloseGoldenTests.closedFixtures([])
        defer { cli.remove() }
        let lockPath = cli.path("f.sqlite.lock")
        let descriptor = open(lockPath, O_RDWR | O_CREAT, 0o644)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        let note = Array("import auto (pid 4242)\n".utf8)
        #expect(pwrite(descriptor, note, note.count, 0) == note.count)
        let before = try cli.bytes("f.sqlite")

        let started = ContinuousClock.now
        let busy = try cli.run(["close", "2026-08"] + Self.config, environment: ["RASCHET_BUSY_TIMEOUT": "1"])
        #expect(ContinuousClock.now - started >= .seconds(1))
        #expect(busy.status == 75)
        #expect(busy.stderr == "raschet: the database f.sqlite is busy with another command (import auto (pid 4242)); "
            + "waited 1 s; run this one again when it has finished\n")
        #expect(try cli.bytes("f.sqlite") == before)
        #expect(!FileManager.default.fileExists(atPath: cli.path("f.sqlite.review-2026-08.csv")))
    }

    /// A command that locks the database refuses a database that is not there before it makes the
    /// lock file beside it: nothing is left in the folder.
    @Test func aMissingDatabaseLeavesNoLockFile() throws {
        let cli = try CLI()
        defer { cli.remove() }
        // A folder where the database should be is no database either.
        try FileManager.default.createDirectory(atPath: cli.path("folder"), withIntermediateDirectories: false)
        for database in ["nosuch.sqlite", "folder"] {
            for command in [["close", "2026-10"], ["reopen", "2026-10"], ["dispatch", "--period", "2026-10", "--dry-run"],
                            ["dispatch", "--period", "2026-10"]] {
                let result = try cli.run(command + ["--db", database])
                #expect(result.status == 66, "\(command) \(database)")
                #expect(result.stderr.hasSuffix("raschet: \(database): no such database; create it with `raschet init --db \(database)`\n"))
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.directory.path) == ["folder"])
        let initFolder = try cli.run(["init", "--db", "folder"])
        #expect(initFolder.status == 64 && initFolder.stderr.contains("names no file"))
    }
}

/// A command that takes no command lock (an import) waits for SQLite's write lock held by another
/// process, then exits 75 with our sentence, never 70 with SQLite's text.
@Suite struct SQLiteBusyTests {
    @Test func anImportWhileAnotherProcessWritesExits75() async throws {
        let cli = try CloseGoldenTests.closedFixtures([])
        defer { cli.remove() }
        let before = try cli.bytes("f.sqlite")
        // sqlite3 takes the write lock, says so with the file `held`, and keeps it until the test
        // creates `release` once the import has ended (at most 120 s), however loaded the machine is.
        let script = try cli.write("hold.sql", "BEGIN IMMEDIATE;\n.shell touch \(cli.path("held")); for i in $(seq 2400); "
            + "do [ -e \(cli.path("release")) ] && break; sleep 0.05; done\nCOMMIT;\n")
        async let holder = ExternalTool.run("sqlite3", [cli.path("f.sqlite"), ".read \(script)"])
        while !FileManager.default.fileExists(atPath: cli.path("held")) { try await Task.sleep(for: .milliseconds(50)) }
        let busy = try cli.run(["import", "auto", CLI.fixture("payments.csv"), "--db", "f.sqlite"],
                               environment: ["RASCHET_BUSY_TIMEOUT": "1"])
        try cli.write("release", "")
        #expect(try await holder.status == 0)
        #expect(busy.status == 75)
        #expect(busy.stderr.hasSuffix("the database is busy with another command; run this one again when it has finished\n"),
                "\(busy.stderr)")
        #expect(!busy.stderr.contains("SQLite"))
        #expect(try cli.bytes("f.sqlite") == before)
    }
}
