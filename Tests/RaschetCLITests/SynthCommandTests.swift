import Foundation
import RaschetCore
import RaschetStore
import RaschetSynth
import RaschetTesting
import Testing

/// `raschet synth`: deterministic data that imports cleanly.
@Suite struct SynthCommandTests {
    /// Without `--period`, the data is for the month before today's, `RASCHET_TODAY` when set (the
    /// CLI's tests set 2026-11-20), as every other command counts today.
    @Test func theDefaultPeriodIsTheMonthBeforeRaschetToday() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let result = try cli.run(["synth", "--accounts", "3", "--out", "x"])
        #expect(result.status == 0)
        #expect(result.stdout == "wrote 11 files for 3 accounts, period 2026-10, seed 1, to x\n", "\(result.stdout)")
    }

    @Test func theSameSeedGivesTheSameBytesAndTheDataImportsCleanly() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let first = try cli.run(["synth", "--accounts", "300", "--out", "a", "--seed", "7", "--period", "2026-10"])
        #expect(first.status == 0)
        #expect(first.stdout == "wrote 11 files for 300 accounts, period 2026-10, seed 7, to a\n")
        #expect(try cli.run(["synth", "--accounts", "300", "--out", "b", "--seed", "7", "--period", "2026-10"]).status == 0)
        #expect(try cli.run(["synth", "--accounts", "300", "--out", "c", "--seed", "8", "--period", "2026-10"]).status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: cli.path("a")).sorted()
        #expect(names.count == 11)
        for name in names {
            #expect(try cli.bytes("a/" + name) == cli.bytes("b/" + name), "\(name) differs for the same seed")
        }
        #expect(try cli.bytes("a/readings.csv") != cli.bytes("c/readings.csv"))

        #expect(try cli.run(["init", "--db", "s.sqlite"]).status == 0)
        let imported = try cli.run(["import", "auto"] + names.map { "a/" + $0 } + ["--db", "s.sqlite"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr == "")
        let counts = try Store.open(at: cli.path("s.sqlite")).rowCounts()
        #expect(counts.first { $0.kind == .accounts }?.rows == 300)
    }

    @Test func aBadPeriodIsAUsageError() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let result = try cli.run(["synth", "--accounts", "10", "--out", "x", "--period", "2026-13"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: The value '2026-13' is invalid for '--period <YYYY-MM>'\n"))
    }

    /// From 2008 on, accounts open from 2008-01-01 as they always did (the same seed, size and period
    /// give the same files); only a data set whose accounts must open earlier opens them before.
    @Test(arguments: [("2012-03", "2008-01-01"), ("1995-06", "1900-01-01")])
    func accountsOpenFrom2008UnlessThePeriodNeedsEarlier(period: String, earliest: String) throws {
        let cli = try CLI()
        defer { cli.remove() }
        #expect(try cli.run(["synth", "--accounts", "200", "--out", "s", "--seed", "1", "--period", period]).status == 0)
        let rows = String(decoding: try cli.bytes("s/accounts.csv"), as: UTF8.self).split(separator: "\n").dropFirst()
        let header = String(decoding: try cli.bytes("s/accounts.csv"), as: UTF8.self).split(separator: "\n")[0].split(separator: ";")
        let column = try #require(header.firstIndex(of: "opened"))
        let opened = rows.map { String($0.split(separator: ";", omittingEmptySubsequences: false)[column]) }
        #expect(opened.count == 200 && opened.allSatisfy { $0 >= earliest && $0 < period })
        #expect(opened.contains { $0 < "2008-01-01" } == (period < "2008"))
    }

    /// A data set of a period before 2008 opens its accounts before the period, so that it bills
    /// (its accounts used to open in 2008 at the earliest: a close of 1995-06 charged nothing).
    @Test func aPeriodBefore2008IsBilled() throws {
        let cli = try CLI()
        defer { cli.remove() }
        #expect(try cli.run(["synth", "--accounts", "30", "--out", "s", "--seed", "1", "--period", "1995-06"]).status == 0)
        #expect(try cli.run(["init", "--db", "o.sqlite"]).status == 0)
        let files = SyntheticDataSet.fileNames.map { "s/" + $0 }
        let imported = try cli.run(["import", "auto"] + files + ["--db", "o.sqlite"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let close = try cli.run(["close", "1995-06", "--db", "o.sqlite"], environment: ["RASCHET_TODAY": "1995-07-20"])
        #expect(close.status == 0, "\(close.stderr)")
        #expect(close.stdout.hasPrefix("closed 1995-06: 30 accounts closed, 0 parked\nlines 303; charged 267680.93,"), "\(close.stdout)")
    }
}
