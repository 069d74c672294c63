import Foundation
import RaschetTesting
import Testing

/// A database on read-only media (simulated with `chattr +i` on the file and its folder, which
/// binds root too): commands that write say "read-only" (exit 74) and change nothing. (Exports from
/// read-only media do not work yet: SQLite cannot open a WAL database there without its -shm file.)
@Suite(.enabled(if: ImmutableFiles.available, "needs chattr +i (root on a file system with attributes)"))
struct ReadOnlyMediaTests {
    static func chattr(_ flag: String, _ paths: [String]) -> Bool { ImmutableFiles.chattr(flag, paths) }

    @Test func writesSayReadOnlyAndChangeNothing() throws {
        let cli = try CloseGoldenTests.closedFixtures(["2026-08"])
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

/// `chattr`, and whether it works here.
enum ImmutableFiles {
    static func chattr(_ flag: String, _ paths: [String]) -> Bool {
        (try? ExternalTool.run("chattr", [flag] + paths).status) == 0
    }

    static let available: Bool = {
        guard let probe = try? ExternalTool.temporaryFile([1], name: "immutable-probe"), chattr("+i", [probe]) else { return false }
        return chattr("-i", [probe])
    }()
}
