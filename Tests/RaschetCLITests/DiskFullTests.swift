import Foundation
import RaschetCore
import RaschetTesting
import Testing

/// A full disk, for real: a tiny tmpfs mounted in the test's scratch folder (root only, as in CI).
/// The command exits 74 with our sentence and leaves nothing half-written.
@Suite(.serialized, .enabled(if: SmallDisk.available, "needs mount -t tmpfs (root)"))
struct DiskFullTests {
    @Test func anExportOntoAFullDiskExits74AndLeavesNoFile() throws {
        let cli = try CloseGoldenTests.closedFixtures(["2026-08"])
        defer { cli.remove() }
        // 16 KiB: the 2026-08 charges export is about 150 KB.
        let disk = try SmallDisk(cli.path("full"), kilobytes: 16)
        defer { disk.unmount() }
        let result = try cli.run(["export", "charges", "--period", "2026-08", "--db", "f.sqlite", "--out", "full/charges.json"])
        #expect(result.status == 74)
        #expect(result.stderr == "raschet: cannot write full/charges.json: No space left on device; check that its folder exists, "
            + "is writable and has space\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.path("full")) == [])
    }

    @Test func anImportIntoADatabaseOnAFullDiskExits74AndChangesNothing() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let disk = try SmallDisk(cli.path("disk"), kilobytes: 4_096)
        defer { disk.unmount() }
        #expect(try cli.run(["init", "--db", "disk/f.sqlite"]).status == 0)
        let reference = EntityKind.allCases.filter { $0 != .payments && $0 != .readings }.map { CLI.fixture($0.name + ".csv") }
        #expect(try cli.run(["import", "auto"] + reference + ["--db", "disk/f.sqlite"]).status == 0)
        let before = try cli.bytes("disk/f.sqlite")
        try SmallDisk.fill(cli.path("disk/filler"))
        let result = try cli.run(["import", "auto", CLI.fixture("readings.csv"), "--db", "disk/f.sqlite"])
        #expect(result.status == 74)
        #expect(result.stderr == "raschet: disk/f.sqlite: cannot open the database: the disk holding it is full; free some space "
            + "and run the command again\n")
        #expect(try cli.bytes("disk/f.sqlite") == before)
        try FileManager.default.removeItem(atPath: cli.path("disk/filler"))
        let stored = try cli.run(["import", "auto", CLI.fixture("readings.csv"), "--db", "disk/f.sqlite"])
        #expect(stored.status == 0, "with space again the same import succeeds: \(stored.stderr)")
    }

    /// The first import into a new database runs under a rollback journal (`Store.importRows`): the
    /// disk fills while it writes the database file itself, and the journal puts the file back.
    @Test func aFirstImportThatFillsTheDiskExits74AndLeavesTheDatabaseEmpty() throws {
        let cli = try CLI()
        defer { cli.remove() }
        // 4,000 accounts: about 6 MB of CSV and more of database, on 4 MiB.
        let synth = try cli.run(["synth", "--accounts", "4000", "--out", "data", "--period", "2026-10"])
        #expect(synth.status == 0, "\(synth.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: cli.path("data")).sorted().map { "data/" + $0 }
        let disk = try SmallDisk(cli.path("disk"), kilobytes: 4_096)
        defer { disk.unmount() }
        #expect(try cli.run(["init", "--db", "disk/f.sqlite"]).status == 0)
        let empty = try ImportCrashTests.contents(cli.path("disk/f.sqlite"))
        let before = try cli.bytes("disk/f.sqlite")

        let result = try cli.run(["import", "auto"] + files + ["--db", "disk/f.sqlite"])
        #expect(result.status == 74)
        #expect(result.stderr == "raschet: disk/f.sqlite: cannot store the imported rows: the disk is full; free some space "
            + "and run the command again (SQLite: database or disk is full)\n")
        #expect(try ImportCrashTests.contents(cli.path("disk/f.sqlite")) == empty)
        let after = try cli.bytes("disk/f.sqlite")
        #expect(ImportCommandTests.withoutHeaderCounters(after) == ImportCommandTests.withoutHeaderCounters(before))
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.path("disk")) == ["f.sqlite"])
        // The file format's journal byte (offset 18 of the header): 2 for the write-ahead log.
        #expect(try cli.bytes("disk/f.sqlite")[18] == 2, "the database is under the write-ahead log again")
    }
}

/// A tmpfs of a given size mounted on a new folder.
struct SmallDisk {
    let path: String

    init(_ path: String, kilobytes: Int) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let mounted = try ExternalTool.run("mount", ["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", path])
        guard mounted.status == 0 else { throw CocoaError(.fileWriteUnknown) }
        self.path = path
    }

    func unmount() { _ = try? ExternalTool.run("umount", [path]) }

    /// Writes zeros to `file` until the disk is full (`dd` stops with "No space left on device").
    static func fill(_ file: String) throws {
        _ = try ExternalTool.run("dd", ["if=/dev/zero", "of=\(file)", "bs=4k"])
    }

    static let available: Bool = {
        guard let folder = try? TemporaryFolder("raschet-tmpfs-probe") else { return false }
        defer { folder.remove() }
        guard let disk = try? SmallDisk(folder.path("disk"), kilobytes: 16) else { return false }
        disk.unmount()
        return true
    }()
}
