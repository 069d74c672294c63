import Foundation
import RaschetTesting
import Testing

/// The close recomputes only the earlier periods whose inputs changed since their close (input
/// fingerprints, taken only where input marks or new readings say they may have changed), and reads a
/// long reading history from a bound (`AccountClose.readingsBound`);
/// `--full-recompute` recomputes every one from the whole history. On four months of `raschet synth
/// --months` data (2,000 accounts, 2026-10 to 2027-01, readings from 13 months before; 1,000 with
/// readings from 5 months before, a history younger than the bound) — late
/// readings, late payments, corrected areas, residents, volumes, added absences — plus a corrected
/// tariff of a closed month and a meter unread for three months, both give the same exports of every
/// period, byte for byte.
@Suite struct IncrementalCloseTests {
    static let months = ["2026-10", "2026-11", "2026-12", "2027-01"]

    /// Every export of every month.
    static func exports(_ cli: CLI, db: String) throws -> [String] {
        try months.flatMap { period in
            try ["charges", "balances", "payments"].map { what in
                let result = try cli.run(["export", what, "--period", period, "--db", db, "--format", "csv"])
                #expect(result.status == 0, "\(result.stderr)")
                return result.stdout
            }
        }
    }

    /// The SOD tariff row in force in 2026-11, its price raised by 1.00 (a correction of closed months).
    static func correctedTariff(_ cli: CLI) throws -> String {
        let text = try String(contentsOfFile: cli.path("data/2026-10/tariffs.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        let rows = lines.dropFirst().map { $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init) }
        let sod = rows.filter { $0[0] == "SOD" && $0[1] <= "2026-11-01" }.max { $0[1] < $1[1] }
        var row = try #require(sod)
        let price = try #require(Decimal(string: row[2]))
        row[2] = "\(price + 1)"
        // `import auto` knows the entity by the file name.
        try FileManager.default.createDirectory(atPath: cli.path("correction"), withIntermediateDirectories: true)
        return try cli.write("correction/tariffs.csv", lines[0] + "\n" + row.joined(separator: ";") + "\n")
    }

    /// The first month's readings without those of the first meter from August to October: its
    /// estimate in October is the average at July over the six months from January, before the
    /// readings the close reads from (February 26 on), so it reads the meter's whole history.
    static func unreadMeter(_ cli: CLI) throws {
        let path = cli.path("data/2026-10/readings.csv")
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        let meter = try #require(lines.dropFirst().first?.split(separator: ";").first.map(String.init))
        let kept = lines.filter { line in
            let cells = line.split(separator: ";", omittingEmptySubsequences: false)
            return !(cells[0] == meter && cells[1] >= "2026-08")
        }
        #expect(lines.count - kept.count == 3)
        _ = try cli.write("data/2026-10/readings.csv", kept.joined(separator: "\n") + "\n")
    }

    /// Synthesises the four months of `accounts` accounts with readings from `historyMonths` before the
    /// first, the first meter unread from August (`unreadMeter`), then imports and closes each month
    /// into `incremental.sqlite` and, with `--full-recompute`, into `full.sqlite`, the December import
    /// with the corrected tariff; returns every export of both.
    static func closeBothWays(_ cli: CLI, accounts: Int, historyMonths: Int) throws -> (incremental: [String], full: [String]) {
        let synth = try cli.run(["synth", "--accounts", "\(accounts)", "--out", "data", "--period", "2026-10", "--months", "4",
                                 "--seed", "1", "--history-months", "\(historyMonths)"])
        #expect(synth.status == 0, "\(synth.stderr)")
        try unreadMeter(cli)
        for db in ["incremental.sqlite", "full.sqlite"] { #expect(try cli.run(["init", "--db", db]).status == 0) }
        for month in months {
            var files = try FileManager.default.contentsOfDirectory(atPath: cli.path("data/" + month)).sorted()
                .map { "data/\(month)/" + $0 }
            if month == "2026-12" { files.append(try correctedTariff(cli)) }
            for (db, options) in [("incremental.sqlite", [String]()), ("full.sqlite", ["--full-recompute"])] {
                let imported = try cli.run(["import", "auto"] + files + ["--db", db])
                #expect(imported.status == 0, "\(imported.stderr)")
                let close = try cli.run(["close", month, "--db", db] + options)
                #expect(close.status == 0, "\(month) \(db): \(close.stderr)")
            }
        }
        return (try exports(cli, db: "incremental.sqlite"), try exports(cli, db: "full.sqlite"))
    }

    @Test func theIncrementalCloseGivesTheExportsOfTheFullRecompute() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let (incremental, full) = try Self.closeBothWays(cli, accounts: 2000, historyMonths: 12)
        #expect(incremental == full)

        // The data exercise every kind of correction: recalculations of closed months in every later
        // close, penalty corrections from late payments (the first ones in 2027-01: penalties start
        // once debts are overdue), and the tariff correction of 2026-11 in the close of 2026-12.
        var penaltyCorrections = 0
        for (index, month) in Self.months.enumerated().dropFirst() {
            let charges = incremental[index * 3].split(separator: "\n")
            let recalcs = charges.filter { $0.contains(";recalc;") && !$0.contains(";PENI;") }
            #expect(recalcs.count > 20, "\(month): \(recalcs.count) recalc lines")
            penaltyCorrections += charges.filter { $0.contains(";recalc;") && $0.contains(";PENI;") }.count
        }
        #expect(penaltyCorrections > 0)
        let december = incremental[2 * 3].split(separator: "\n")
        #expect(december.filter { $0.contains(";SOD;") && $0.contains(";recalc;2026-11;") }.count > 100)
    }

    /// Readings from four months before the first (May 2026 on), none before any close's bound: every
    /// close reads May's readings, where the registers start, and those from the month before its own
    /// on (October leaves out June to August, November June to September, December June to October,
    /// January, whose averages start in June, July to November), and reads more for the accounts whose
    /// histories that cuts short (a register unread in May, or since August). The same exports as the
    /// full recompute.
    @Test func aHistoryYoungerThanTheReadingsBoundGivesTheExportsOfTheFullRecompute() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let (incremental, full) = try Self.closeBothWays(cli, accounts: 1000, historyMonths: 4)
        #expect(incremental == full)
        let january = incremental[3 * 3].split(separator: "\n")
        #expect(january.filter { $0.contains(";recalc;") }.count > 10)
    }

    /// Each close keeps the digest of the rules it ran under. When the reading window ends on the 20th
    /// instead of the 25th after two closes of the fixtures (readings of the 21st to the 25th count
    /// for the next month now), the third close compares every earlier period again, whatever the
    /// input marks say, and posts what the full recompute posts: recalculations of August and
    /// September.
    @Test func aChangeOfTheRulesComparesEveryEarlierPeriodAgain() throws {
        let cli = try CloseGoldenTests.closedFixtures(["2026-08", "2026-09"])
        defer { cli.remove() }
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: cli.path("f.sqlite" + suffix)) {
            try FileManager.default.copyItem(atPath: cli.path("f.sqlite" + suffix), toPath: cli.path("full.sqlite" + suffix))
        }
        let settings = try String(contentsOfFile: CLI.fixture("raschet.toml"), encoding: .utf8)
        #expect(settings.contains("reading_window_to = 25"))
        let narrow = try cli.write("narrow.toml", settings.replacingOccurrences(of: "reading_window_to = 25",
                                                                               with: "reading_window_to = 20"))
        var charges: [String] = []
        for (db, options) in [("f.sqlite", [String]()), ("full.sqlite", ["--full-recompute"])] {
            let close = try cli.run(["close", "2026-10", "--db", db, "--config", narrow] + options)
            #expect(close.status == 0, "\(close.stderr)")
            let export = try cli.run(["export", "charges", "--period", "2026-10", "--db", db, "--format", "csv"])
            #expect(export.status == 0, "\(export.stderr)")
            charges.append(export.stdout)
        }
        #expect(charges[0] == charges[1])
        let lines = charges[0].split(separator: "\n")
        #expect(lines.filter { $0.contains(";recalc;2026-08;") }.count > 10)
        #expect(lines.filter { $0.contains(";recalc;2026-09;") }.count > 10)
    }
}
