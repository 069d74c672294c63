import Foundation
import RaschetCore
import RaschetStore
import RaschetTesting
import Testing

/// `raschet export ... --out FILE`, the spreadsheet options (`--decimal-comma`, `--encoding cp1251`,
/// `--bom`) and the refusal of a period with parked accounts. The expected CSV is derived from the
/// JSON goldens by the rules written in `csv(fromGolden:)`, and a few lines are spelled out byte by byte.
@Suite(.serialized) struct ExportOutputTests {
    static let columns = [
        "charges": ["account", "service", "supplier", "kind", "ref_period", "zone", "quantity", "unit", "price", "net", "vat_rate",
                    "vat", "gross", "installation"],
        "balances": ["account", "opening", "charged", "recalc", "penalty", "paid", "closing"],
        "payments": ["payment_id", "account", "date", "amount", "source", "period"],
    ]
    static let numeric: Set = ["quantity", "price", "net", "vat_rate", "vat", "gross", "opening", "charged", "recalc", "penalty",
                               "paid", "closing", "amount"]

    /// The CSV of a golden JSON export: the header row of the columns, then per record (one per line
    /// of the golden) its values in column order joined by `;`, a value holding `;` or `"` quoted
    /// with `"` doubled; with `decimalComma`, the `.` of a numeric column's value becomes `,`.
    static func csv(fromGolden what: String, _ period: String, decimalComma: Bool = false) throws -> String {
        let columns = try #require(Self.columns[what])
        let golden = try String(contentsOf: CloseGoldenTests.goldens.appendingPathComponent("\(what)-\(period).json"), encoding: .utf8)
        var out = columns.joined(separator: ";") + "\n"
        for line in golden.split(separator: "\n").dropFirst() where line.hasPrefix("{") {
            let text = line.hasSuffix(",") ? line.dropLast() : line
            let record = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String])
            out += try columns.map { column in
                var value = try #require(record[column])
                if decimalComma && numeric.contains(column) { value = value.replacingOccurrences(of: ".", with: ",") }
                return value.contains(";") || value.contains("\"") ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
            }.joined(separator: ";") + "\n"
        }
        return out
    }

    static func export(_ cli: CLI, _ arguments: [String]) throws -> ExternalTool.Result {
        try cli.run(["export"] + arguments + ["--db", "f.sqlite"])
    }

    /// The files of the scratch folder whose names start with a dot: temporary files left behind.
    static func leftovers(_ cli: CLI, in folder: String = "") throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? cli.directory.path : cli.path(folder))
            .filter { $0.hasPrefix(".") }
    }

    @Test func plainCSVAndTheDecimalCommaEqualTheGoldensWrittenAsCSV() throws {
        let cli = try CloseGoldenTests.closedFixtures()
        defer { cli.remove() }
        for period in CloseGoldenTests.periods {
            for what in ["charges", "balances", "payments"] {
                let plain = try Self.export(cli, [what, "--period", period, "--format", "csv"])
                #expect(plain.status == 0, "\(plain.stderr)")
                #expect(plain.stdout == (try Self.csv(fromGolden: what, period)), "\(what) \(period)")
                let comma = try Self.export(cli, [what, "--period", period, "--format", "csv", "--decimal-comma"])
                #expect(comma.status == 0, "\(comma.stderr)")
                #expect(comma.stdout == (try Self.csv(fromGolden: what, period, decimalComma: true)), "\(what) \(period)")
            }
        }
        // Spelled out: 4102470003's October balance (golden: 7243.62, 7956.09, 0.00, 0.00, 7243.62, 7956.09)
        // and the header and first line of its charges (DOMOFON: 1 кв. × 50 = 40.98 + 22 % VAT 9.02 = 50.00).
        let balance = try Self.export(cli, ["balances", "--period", "2026-10", "--account", "4102470003", "--format", "csv",
                                            "--decimal-comma"])
        #expect(balance.stdout == "account;opening;charged;recalc;penalty;paid;closing\n"
            + "4102470003;7243,62;7956,09;0,00;0,00;7243,62;7956,09\n")
        let charges = try Self.export(cli, ["charges", "--period", "2026-10", "--account", "4102470003", "--format", "csv",
                                            "--decimal-comma"])
        #expect(charges.stdout.split(separator: "\n").prefix(3) == [
            "account;service;supplier;kind;ref_period;zone;quantity;unit;price;net;vat_rate;vat;gross;installation",
            "4102470003;DOMOFON;UK;charge;2026-10;single;1;кв.;50;40,98;22;9,02;50,00;",
            "4102470003;EE;UK;charge;2026-10;single;138;кВт·ч;7,07;799,72;22;175,94;975,66;",
        ])
    }

    @Test func theBOMPrecedesTheUTF8CSVAndCP1251IsTheSameTextInWindows1251() throws {
        let cli = try CloseGoldenTests.closedFixtures(["2026-08"])
        defer { cli.remove() }
        for what in ["charges", "balances", "payments"] {
            let expected = try Self.csv(fromGolden: what, "2026-08")
            let bom = try Self.export(cli, [what, "--period", "2026-08", "--format", "csv", "--bom", "--out", "bom.csv"])
            #expect(bom.status == 0 && bom.stdout == "", "\(bom.stderr)")
            #expect(try cli.bytes("bom.csv") == Data([0xEF, 0xBB, 0xBF] + Array(expected.utf8)), "\(what)")
            let ansi = try Self.export(cli, [what, "--period", "2026-08", "--format", "csv", "--encoding", "cp1251", "--out", "ansi.csv"])
            #expect(ansi.status == 0, "\(ansi.stderr)")
            // Windows-1251 by Foundation's own table, after the one documented substitution (м³ → м3).
            let substituted = expected.replacingOccurrences(of: "³", with: "3").replacingOccurrences(of: "²", with: "2")
            #expect(try cli.bytes("ansi.csv") == substituted.data(using: .windowsCP1251), "\(what)")
        }
        // Spelled out: «;кВт·ч;» is 3B EA C2 F2 B7 F7 3B and «;м³;» is 3B EC 33 3B.
        _ = try Self.export(cli, ["charges", "--period", "2026-08", "--format", "csv", "--encoding", "cp1251", "--out", "ansi.csv"])
        let bytes = [UInt8](try cli.bytes("ansi.csv"))
        #expect(bytes.firstRange(of: [0x3B, 0xEA, 0xC2, 0xF2, 0xB7, 0xF7, 0x3B] as [UInt8]) != nil)
        #expect(bytes.firstRange(of: [0x3B, 0xEC, 0x33, 0x3B] as [UInt8]) != nil)
    }

    @Test func aCharacterWithoutAWindows1251FormStopsTheExportNamingLineAndAccount() throws {
        let cli = try CLI()
        defer { cli.remove() }
        // The Fixtures with one October payment's source renamed «Weiß-Bank» (ß, U+00DF, is not in windows-1251).
        let payments = try String(contentsOfFile: CLI.fixture("payments.csv"), encoding: .utf8)
            .replacingOccurrences(of: "KASSA-20261013-0008;4102470012;2026-10-13;12103.04;Касса;",
                                  with: "KASSA-20261013-0008;4102470012;2026-10-13;12103.04;Weiß-Bank;")
        try cli.write("payments.csv", payments)
        let files = ["tariffs", "suppliers", "services", "accounts", "account_services", "meters", "readings", "volumes", "absences",
                     "key_rates"].map { CLI.fixture($0 + ".csv") } + [cli.path("payments.csv")]
        #expect(try cli.run(["init", "--db", "f.sqlite"]).status == 0)
        #expect(try cli.run(["import", "auto"] + files + ["--db", "f.sqlite"]).status == 0)
        for period in CloseGoldenTests.periods {
            #expect(try cli.run(["close", period, "--db", "f.sqlite", "--config", CLI.fixture("raschet.toml")]).status == 0)
        }
        let refused = try Self.export(cli, ["payments", "--period", "2026-10", "--format", "csv", "--encoding", "cp1251",
                                            "--out", "p.csv"])
        // Line 1 is the header, lines 2 and 3 are 4102470003's and 4102470007's payments (golden order).
        #expect(refused.status == 65)
        #expect(refused.stderr == "raschet: cannot write line 4 of p.csv (account 4102470012) in windows-1251: «ß» (U+00DF) has no "
            + "windows-1251 form; export with --encoding utf8 --bom instead\n")
        #expect(!FileManager.default.fileExists(atPath: cli.path("p.csv")))
        #expect(try Self.leftovers(cli) == [])
        let utf8 = try Self.export(cli, ["payments", "--period", "2026-10", "--format", "csv", "--bom", "--out", "p.csv"])
        #expect(utf8.status == 0)
        #expect(String(decoding: try cli.bytes("p.csv"), as: UTF8.self)
            .contains("KASSA-20261013-0008;4102470012;2026-10-13;12103.04;Weiß-Bank;\n"))
    }

    @Test func outWritesTheSameBytesAsStandardOutputForEveryExport() throws {
        let cli = try CloseGoldenTests.closedFixtures()
        defer { cli.remove() }
        for arguments in [["charges", "--period", "2026-10"], ["balances", "--period", "2026-09", "--format", "csv"],
                          ["payments", "--period", "2026-10"], ["turnover", "--from", "2026-08", "--to", "2026-10"],
                          ["turnover", "--from", "2026-08", "--to", "2026-10", "--format", "csv", "--decimal-comma"]] {
            let shown = try Self.export(cli, arguments)
            #expect(shown.status == 0, "\(shown.stderr)")
            let written = try Self.export(cli, arguments + ["--out", "out.txt"])
            #expect(written.status == 0 && written.stdout == "" && written.stderr == "", "\(written.stderr)")
            #expect(try cli.bytes("out.txt") == Data(shown.stdout.utf8), "\(arguments)")
        }
        let golden = try String(contentsOf: CloseGoldenTests.goldens.appendingPathComponent("charges-2026-10.json"), encoding: .utf8)
        #expect(try Self.export(cli, ["charges", "--period", "2026-10", "--out", "out.txt"]).status == 0)
        #expect(try cli.bytes("out.txt") == Data(golden.utf8))
        // Turnover with the decimal comma: 5102000003's account row over 2026-08..2026-10 (README's example).
        let turnover = try Self.export(cli, ["turnover", "--from", "2026-08", "--to", "2026-10", "--account", "5102000003",
                                             "--format", "csv", "--decimal-comma"])
        #expect(turnover.stdout.split(separator: "\n").prefix(2) == [
            "account;service;opening;charged;recalc;penalty;paid;closing", "5102000003;;0,00;21048,01;0,00;0,00;9100,52;11947,49",
        ])
        #expect(try Self.leftovers(cli) == [])
    }

    @Test func spreadsheetOptionsWithJSONAreUsageErrors() throws {
        let cli = try CloseGoldenTests.closedFixtures(["2026-08"])
        defer { cli.remove() }
        for (option, message) in [
            (["--decimal-comma"], "--decimal-comma applies to CSV only (JSON is always UTF-8 with a decimal point); add --format csv"),
            (["--encoding", "cp1251"], "--encoding cp1251 applies to CSV only (JSON is always UTF-8 with a decimal point); add --format csv"),
            (["--bom"], "--bom applies to CSV only (JSON is always UTF-8 with a decimal point); add --format csv"),
        ] {
            let result = try Self.export(cli, ["charges", "--period", "2026-08", "--out", "x.json"] + option)
            #expect(result.status == 64)
            #expect(result.stderr == "raschet: \(message)\n")
        }
        let both = try Self.export(cli, ["charges", "--period", "2026-08", "--format", "csv", "--bom", "--encoding", "cp1251"])
        #expect(both.status == 64 && both.stdout == "")
        #expect(both.stderr == "raschet: --bom marks UTF-8 and cannot be combined with --encoding cp1251\n")
        #expect(!FileManager.default.fileExists(atPath: cli.path("x.json")))
    }

    /// `--out` (or a render's output, a print batch) naming the database, a file beside it or the
    /// settings file, there or not yet made, is refused before anything is written: the database
    /// stays whole and usable.
    @Test func anOutThatNamesTheDatabaseOrItsSettingsIsRefusedAndNothingReplaced() throws {
        let cli = try CloseGoldenTests.closedFixtures(["2026-08"])
        defer { cli.remove() }
        let database = try cli.bytes("f.sqlite")
        let refused = try Self.export(cli, ["balances", "--period", "2026-08", "--format", "csv", "--out", "./f.sqlite"])
        #expect(refused.status == 73)
        #expect(refused.stderr == "raschet: ./f.sqlite is the database this command uses; writing there would replace it: "
            + "choose another file name\n")
        #expect(try cli.bytes("f.sqlite") == database)
        // Files kept by name before any command made them: the dispatch's lock, the settings looked for.
        for (name, kept) in [("f.sqlite.dispatch.lock", "f.sqlite.dispatch.lock, a file beside the database"),
                             ("raschet.toml", "the settings file")] {
            #expect(!FileManager.default.fileExists(atPath: cli.path(name)))
            let taken = try Self.export(cli, ["balances", "--period", "2026-08", "--format", "csv", "--out", name])
            #expect(taken.status == 73)
            #expect(taken.stderr == "raschet: \(name) is where raschet keeps \(kept); a file written there would be taken "
                + "for it: choose another file name\n", "\(taken.stderr)")
            #expect(!FileManager.default.fileExists(atPath: cli.path(name)))
        }
        try cli.write("raschet.toml", try String(contentsOfFile: CLI.fixture("raschet.toml"), encoding: .utf8))
        let settings = try cli.bytes("raschet.toml")
        let statement = try cli.run(["render", "settlement", "--account", "4102470021", "--from", "2026-08-01", "--to", "2026-08-31",
                                     "--out", "raschet.toml", "--db", "f.sqlite"])
        #expect(statement.status == 73, "\(statement.stderr)")
        #expect(statement.stderr.hasSuffix("raschet: raschet.toml is the settings file this command uses; writing there would "
            + "replace it: choose another file name\n"), "\(statement.stderr)")
        #expect(try cli.bytes("raschet.toml") == settings)
        let batch = try cli.run(["render", "receipts", "--period", "2026-08", "--out", "r", "--batch", "f.sqlite", "--db", "f.sqlite"])
        #expect(batch.status == 73, "\(batch.stderr)")
        #expect(try cli.bytes("f.sqlite") == database)
        // The specimen takes no database: it refuses any SQLite database, and the default one's files.
        let specimen = try cli.run(["render", "specimen", "--out", "f.sqlite"])
        #expect(specimen.status == 73)
        #expect(specimen.stderr == "raschet: f.sqlite is an SQLite database; writing there would replace it: choose another file name\n")
        #expect(try cli.bytes("f.sqlite") == database)
        let toml = try cli.run(["render", "specimen", "--out", "raschet.toml"])
        #expect(toml.status == 73 && toml.stderr.contains("raschet.toml is the settings file this command uses"), "\(toml.stderr)")
        #expect(try cli.bytes("raschet.toml") == settings)
        #expect(try cli.run(["render", "specimen", "--out", "./raschet.sqlite-wal"]).status == 73)
        #expect(try Self.export(cli, ["balances", "--period", "2026-08"]).status == 0)
        #expect(try Self.leftovers(cli) == [])
    }

    /// The exports' streams check, in the read transaction they stream from, that the period is
    /// still closed: a `reopen` between a command's own check and its reading stops the export
    /// instead of writing an empty one; the turnover reads all its periods in one transaction and
    /// says which it read.
    @Test func theStreamsReadOnlyClosedPeriodsInTheirOwnTransaction() throws {
        let cli = try CloseGoldenTests.closedFixtures(["2026-08"])
        defer { cli.remove() }
        let store = try Store.open(at: cli.path("f.sqlite"))
        let september = try #require(Period(parsing: "2026-09")), august = try #require(Period(parsing: "2026-08"))
        for stream in [{ try store.forEachBalance(september) { _, _ in } }, { try store.forEachPostedPayment(september) { _ in } },
                       { try store.forEachChargeLine(september) { _ in } }] as [() throws -> Void] {
            #expect { try stream() } throws: { ($0 as? StoreError)?.message == .periodNotClosed(september, closed: [august]) }
        }
        var accounts = 0
        #expect(try store.forEachTurnoverBlock(from: august, to: september) { _ in accounts += 1 } == [august])
        #expect(accounts == 45)
    }

    /// `--out NAME.csv` without `--format` writes CSV; options of the other kind of export are usage
    /// errors rather than ignored.
    @Test func theFormatFollowsACSVFileNameAndOptionsOfTheOtherExportAreRefused() throws {
        let cli = try CloseGoldenTests.closedFixtures(["2026-08"])
        defer { cli.remove() }
        #expect(try Self.export(cli, ["balances", "--period", "2026-08", "--out", "b.CSV"]).status == 0)
        #expect(try Self.export(cli, ["balances", "--period", "2026-08", "--format", "csv"]).stdout
            == String(contentsOfFile: cli.path("b.CSV"), encoding: .utf8))
        #expect(try Self.export(cli, ["balances", "--period", "2026-08", "--out", "b.json"]).status == 0)
        #expect(try String(contentsOfFile: cli.path("b.json"), encoding: .utf8).hasPrefix("{"))
        let ranged = try Self.export(cli, ["balances", "--period", "2026-08", "--from", "2026-08"])
        #expect(ranged.status == 64 && ranged.stderr.contains("balances needs --period YYYY-MM, for example --period 2026-10 "
            + "(--from and --to are for turnover)"), "\(ranged.stderr)")
        let turnover = try Self.export(cli, ["turnover", "--from", "2026-08", "--to", "2026-08", "--period", "2026-08"])
        #expect(turnover.status == 64 && turnover.stderr.contains("(and no --period)"), "\(turnover.stderr)")
    }

    /// A file replaced by `--out` keeps its permissions: an export the operator made private (0600)
    /// does not become readable by everyone.
    @Test func anOutReplacingAFileKeepsItsPermissions() throws {
        let cli = try CloseGoldenTests.closedFixtures(["2026-08"])
        defer { cli.remove() }
        try cli.write("out.csv", "old\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: cli.path("out.csv"))
        #expect(try Self.export(cli, ["balances", "--period", "2026-08", "--format", "csv", "--out", "out.csv"]).status == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: cli.path("out.csv"))
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try String(contentsOfFile: cli.path("out.csv"), encoding: .utf8).hasPrefix("account;"))
    }

    @Test func anOutThatIsASymbolicLinkIsRefusedAndItsTargetUntouched() throws {
        let cli = try CloseGoldenTests.closedFixtures(["2026-08"])
        defer { cli.remove() }
        try cli.write("victim.txt", "keep me\n")
        try FileManager.default.createSymbolicLink(atPath: cli.path("out.csv"), withDestinationPath: cli.path("victim.txt"))
        let refused = try Self.export(cli, ["balances", "--period", "2026-08", "--format", "csv", "--out", "out.csv"])
        #expect(refused.status == 73)
        #expect(refused.stderr == "raschet: out.csv is a symbolic link, and raschet never writes through one; remove the link or "
            + "choose another path\n")
        #expect(try String(contentsOfFile: cli.path("victim.txt"), encoding: .utf8) == "keep me\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: cli.path("out.csv")) == cli.path("victim.txt"))
        // A dangling link is refused too (it would otherwise create its target).
        try FileManager.default.createSymbolicLink(atPath: cli.path("new.csv"), withDestinationPath: cli.path("created.txt"))
        #expect(try Self.export(cli, ["balances", "--period", "2026-08", "--out", "new.csv"]).status == 73)
        #expect(!FileManager.default.fileExists(atPath: cli.path("created.txt")))
        #expect(try Self.leftovers(cli) == [])
    }

    /// A device, a pipe or a folder at the output path is refused, not replaced by the file (as root,
    /// `--out /dev/full` used to put a regular file in the device's place).
    @Test func anOutThatIsNotAFileIsRefusedAndLeftInPlace() throws {
        let cli = try CloseGoldenTests.closedFixtures(["2026-08"])
        defer { cli.remove() }
        #expect(mkfifo(cli.path("pipe.csv"), 0o644) == 0)
        try FileManager.default.createDirectory(atPath: cli.path("folder.csv"), withIntermediateDirectories: false)
        for name in ["pipe.csv", "folder.csv"] {
            let refused = try Self.export(cli, ["balances", "--period", "2026-08", "--format", "csv", "--out", name])
            #expect(refused.status == 73)
            #expect(refused.stderr == "raschet: \(name) is not a file but a folder, a device or a pipe, which writing there would "
                + "replace; choose a file name\n")
        }
        // An empty path names nothing to write (exit 64), for a file and for a folder.
        for command in [["export", "balances", "--period", "2026-08", "--db", "f.sqlite", "--out", ""],
                        ["synth", "--accounts", "3", "--out", ""]] {
            let empty = try cli.run(command)
            #expect(empty.status == 64 && empty.stderr == "raschet: an output path is empty; name the file or folder to write\n")
        }
        var status = stat()
        #expect(lstat(cli.path("pipe.csv"), &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
        #expect(lstat(cli.path("folder.csv"), &status) == 0 && status.st_mode & S_IFMT == S_IFDIR)
        #expect(try Self.leftovers(cli) == [])
    }

    @Test func aPeriodWithParkedAccountsIsExportedOnlyWithAllowParked() throws {
        let cli = try CLI()
        defer { cli.remove() }
        // The Fixtures without the tariffs of EE_N, the service only 4102710014 has: 4102710014 is parked.
        let tariffs = try String(contentsOfFile: CLI.fixture("tariffs.csv"), encoding: .utf8).split(separator: "\n")
        try cli.write("tariffs.csv", tariffs.filter { !$0.hasPrefix("EE_N;") }.joined(separator: "\n") + "\n")
        let others = ["suppliers", "services", "accounts", "account_services", "meters", "readings", "volumes", "absences", "key_rates",
                      "payments"].map { CLI.fixture($0 + ".csv") }
        #expect(try cli.run(["init", "--db", "f.sqlite"]).status == 0)
        #expect(try cli.run(["import", "auto"] + others + [cli.path("tariffs.csv"), "--db", "f.sqlite"]).status == 0)
        #expect(try cli.run(["close", "2026-08", "--db", "f.sqlite"]).status == 65)
        let before = try cli.bytes("f.sqlite")
        let message = "raschet: period 2026-08 has 1 parked account (4102710014) that its exports would leave out; fix their "
            + "data and run `raschet close 2026-08` again, or export with --allow-parked\n"
        for arguments in [["charges", "--period", "2026-08"], ["balances", "--period", "2026-08", "--format", "csv"],
                          ["payments", "--period", "2026-08"], ["turnover", "--from", "2026-08", "--to", "2026-08"]] {
            let refused = try Self.export(cli, arguments + ["--out", "out.txt"])
            #expect(refused.status == 65, "\(arguments)")
            #expect(refused.stderr == message, "\(arguments)")
            #expect(!FileManager.default.fileExists(atPath: cli.path("out.txt")))
            let allowed = try Self.export(cli, arguments + ["--allow-parked"])
            #expect(allowed.status == 0, "\(allowed.stderr)")
            #expect(!allowed.stdout.contains("4102710014"))
            #expect(allowed.stderr == "raschet: --allow-parked: 1 parked account left out of the export\n", "\(arguments)")
        }
        let balances = try Self.export(cli, ["balances", "--period", "2026-08", "--format", "csv", "--allow-parked"])
        #expect(balances.stdout.split(separator: "\n").count == 1 + 44)
        // One account's export is refused only for that account being parked.
        let other = try Self.export(cli, ["balances", "--period", "2026-08", "--format", "csv", "--account", "4102470021"])
        #expect(other.status == 0, "\(other.stderr)")
        #expect(other.stdout.split(separator: "\n").count == 2)
        for arguments in [["charges", "--period", "2026-08"], ["turnover", "--from", "2026-08", "--to", "2026-08"]] {
            let parked = try Self.export(cli, arguments + ["--account", "4102710014"])
            #expect(parked.status == 65 && parked.stderr == message, "\(arguments) \(parked.stderr)")
        }
        #expect(try cli.bytes("f.sqlite") == before)
    }

    /// 2026-10 has one review flag (4102710030, `CloseGoldenTests.theReviewListFlagsTheImplausibleConsumption`).
    @Test func aReviewListBlockedByASymbolicLinkIsWrittenLateByTheNextCommand() throws {
        let cli = try CloseGoldenTests.closedFixtures(["2026-08", "2026-09"])
        defer { cli.remove() }
        try cli.write("victim.txt", "keep me\n")
        try FileManager.default.createSymbolicLink(atPath: cli.path("f.sqlite.review-2026-10.csv"),
                                                   withDestinationPath: cli.path("victim.txt"))
        let close = try cli.run(["close", "2026-10", "--db", "f.sqlite", "--config", CLI.fixture("raschet.toml")])
        #expect(close.status == 73)
        #expect(close.stderr == "raschet: period 2026-10 is closed, but its review list was not written: f.sqlite.review-2026-10.csv "
            + "is a symbolic link, and raschet never writes through one; remove the link or choose another path; the next raschet "
            + "command on this database writes it\n")
        #expect(try String(contentsOfFile: cli.path("victim.txt"), encoding: .utf8) == "keep me\n")
        // Still blocked: the next command says so and the list stays pending.
        let blocked = try Self.export(cli, ["balances", "--period", "2026-10", "--out", "b.json"])
        #expect(blocked.status == 0)
        #expect(blocked.stderr == "raschet: the review list of 2026-10 still could not be written: f.sqlite.review-2026-10.csv is a "
            + "symbolic link, and raschet never writes through one; remove the link or choose another path; the next raschet command "
            + "on this database tries again\n")
        try FileManager.default.removeItem(atPath: cli.path("f.sqlite.review-2026-10.csv"))
        let late = try Self.export(cli, ["balances", "--period", "2026-10", "--out", "b.json"])
        #expect(late.status == 0)
        #expect(late.stderr == "raschet: the review list of 2026-10 (1 flag) was written late to f.sqlite.review-2026-10.csv\n")
        #expect(try String(contentsOfFile: cli.path("f.sqlite.review-2026-10.csv"), encoding: .utf8)
            == "account;service;zone;reason;message\n"
            + "4102710030;HVS;single;consumption_above_average;Расход 23,2 м³ больше 3 × среднемесячного 6,138333\n")
        #expect(try String(contentsOfFile: cli.path("victim.txt"), encoding: .utf8) == "keep me\n")
        let again = try Self.export(cli, ["balances", "--period", "2026-10", "--out", "b.json"])
        #expect(again.stderr == "", "written once, then no longer pending")
        #expect(try Self.leftovers(cli) == [])
    }
}
