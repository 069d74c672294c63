import Foundation
import RaschetTesting
import Testing

/// A database on read-only media (simulated with `chattr +i` on the file and its folder, which
/// binds root too): commands that write say "read-only" (exit 74) and change nothing; exports work
/// (the database opened as immutable) and equal the goldens.
@Suite(.enabled(if: ImmutableFiles.available, "needs chattr +i (root on a file system with attributes)"))
struct ReadOnlyMediaTests {
    static func chattr(_ flag: String, _ paths: [String]) -> Bool { ImmutableFiles.chattr(flag, paths) }

    @Test func writesSayReadOnlyAndChangeNothing() throws {
        let cli = try CloseGoldenTests.closedFixtures(["2026-08"])
        defer { cli.remove() }
        try FileManager.default.createDirectory(atPath: cli.path("media"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: cli.path("f.sqlite"), toPath: cli.path("media/f.sqlite"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.path("media")) == ["f.sqlite"])
        let before = try cli.bytes("media/f.sqlite")
        #expect(Self.chattr("+i", [cli.path("media/f.sqlite"), cli.path("media")]))
        defer { _ = Self.chattr("-i", [cli.path("media/f.sqlite"), cli.path("media")]) }

        let close = try cli.run(["close", "2026-09", "--db", "media/f.sqlite", "--config", CLI.fixture("raschet.toml")])
        #expect(close.status == 74)
        #expect(close.stderr.hasPrefix("raschet: media/f.sqlite is on a read-only file system or folder: cannot write its lock file "),
                "\(close.stderr)")
        let imported = try cli.run(["import", "auto", CLI.fixture("payments.csv"), "--db", "media/f.sqlite"])
        #expect(imported.status == 74)
        #expect(imported.stderr == "raschet: media/f.sqlite: the database is read-only (its file or folder cannot be written); this "
            + "command changes it: copy the database to writable storage, or run a command that only reads it (export)\n")
        #expect(try cli.bytes("media/f.sqlite") == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.path("media")) == ["f.sqlite"])
    }
}

extension ReadOnlyMediaTests {
    @Test func exportsFromReadOnlyMediaEqualTheGoldensAndWriteNothingThere() throws {
        let cli = try CloseGoldenTests.closedFixtures()
        defer { cli.remove() }
        let turnover = try cli.run(["export", "turnover", "--from", "2026-08", "--to", "2026-10", "--db", "f.sqlite", "--format", "csv"])
        #expect(turnover.status == 0)
        try FileManager.default.createDirectory(atPath: cli.path("media"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: cli.path("f.sqlite"), toPath: cli.path("media/f.sqlite"))
        for period in CloseGoldenTests.periods {
            try FileManager.default.moveItem(atPath: cli.path("f.sqlite.review-\(period).csv"),
                                             toPath: cli.path("media/f.sqlite.review-\(period).csv"))
        }
        let listing = try FileManager.default.contentsOfDirectory(atPath: cli.path("media")).sorted()
        let before = try cli.bytes("media/f.sqlite")
        #expect(Self.chattr("+i", [cli.path("media/f.sqlite"), cli.path("media")]))
        defer { _ = Self.chattr("-i", [cli.path("media/f.sqlite"), cli.path("media")]) }

        for period in CloseGoldenTests.periods {
            for what in ["charges", "balances", "payments"] {
                let result = try cli.run(["export", what, "--period", period, "--db", "media/f.sqlite"])
                #expect(result.status == 0 && result.stderr == "", "\(what) \(period): \(result.stderr)")
                let golden = try String(contentsOf: CloseGoldenTests.goldens.appendingPathComponent("\(what)-\(period).json"),
                                        encoding: .utf8)
                #expect(result.stdout == golden, "\(what) \(period)")
            }
        }
        let again = try cli.run(["export", "turnover", "--from", "2026-08", "--to", "2026-10", "--db", "media/f.sqlite", "--format", "csv",
                                 "--out", "turnover.csv"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try cli.bytes("turnover.csv") == Data(turnover.stdout.utf8))
        #expect(try cli.bytes("media/f.sqlite") == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.path("media")).sorted() == listing)
    }

    @Test func anUnmergedWriteAheadLogOnReadOnlyMediaIsRefused() throws {
        let cli = try CloseGoldenTests.closedFixtures(["2026-08"])
        defer { cli.remove() }
        try FileManager.default.createDirectory(atPath: cli.path("media"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: cli.path("f.sqlite"), toPath: cli.path("media/f.sqlite"))
        try cli.write("media/f.sqlite-wal", "not merged")
        #expect(Self.chattr("+i", [cli.path("media/f.sqlite"), cli.path("media/f.sqlite-wal"), cli.path("media")]))
        defer { _ = Self.chattr("-i", [cli.path("media/f.sqlite"), cli.path("media/f.sqlite-wal"), cli.path("media")]) }
        let result = try cli.run(["export", "balances", "--period", "2026-08", "--db", "media/f.sqlite"])
        #expect(result.status == 74)
        #expect(result.stdout == "")
        #expect(result.stderr == "raschet: media/f.sqlite: the database is on read-only media and its write-ahead log "
            + "media/f.sqlite-wal holds changes not yet merged into it; run any command on it once on writable storage, then copy it back\n")
    }
}

/// `chattr`, and whether it works here.
enum ImmutableFiles {
    static func chattr(_ flag: String, _ paths: [String]) -> Bool {
        (try? ExternalTool.run("chattr", [flag] + paths).status) == 0
    }

    static let available: Bool = {
        guard let folder = try? TemporaryFolder("raschet-immutable-probe") else { return false }
        defer { folder.remove() }
        guard let probe = try? folder.write("probe", bytes: [1]), chattr("+i", [probe]) else { return false }
        return chattr("-i", [probe])
    }()
}
