import Foundation
import RaschetCore
import RaschetTesting
import Testing

/// Data that arrives or changes after a close (README, "Late and corrected data") and numbers at
/// the edge of the import ranges, through the command line on the Fixtures.
@Suite struct LateAndCorrectedDataTests {
    static let exports = ["charges", "balances", "payments"]

    /// The Fixtures imported and 2026-08 and 2026-09 closed (the 42 payments of 2026-09 posted).
    static func closedFixtures() throws -> CLI {
        let cli = try CLI()
        return try cli.folder.removeOnError { () throws -> CLI in
            #expect(try cli.run(["init", "--db", "f.sqlite"]).status == 0)
            let files = EntityKind.allCases.map { CLI.fixture($0.name + ".csv") }
            #expect(try cli.run(["import", "auto"] + files + ["--db", "f.sqlite"]).status == 0)
            for period in ["2026-08", "2026-09"] {
                let close = try cli.run(["close", period, "--db", "f.sqlite"])
                #expect(close.status == 0, "\(close.stderr)")
            }
            return cli
        }
    }

    static func exported(_ cli: CLI) throws -> [String] {
        try ["2026-08", "2026-09"].flatMap { period in
            try exports.map { try cli.run(["export", $0, "--period", period, "--db", "f.sqlite"]).stdout }
        }
    }

    /// A fixture with `edit` applied to every data line (the header kept).
    static func edited(_ name: String, _ edit: (inout [String]) -> Void) throws -> String {
        let lines = try String(contentsOfFile: CLI.fixture(name), encoding: .utf8).split(separator: "\n").map(String.init)
        return ([lines[0]] + lines.dropFirst().map { line in
            var fields = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            edit(&fields)
            return fields.joined(separator: ";")
        }).joined(separator: "\n") + "\n"
    }

    /// A receipt of a closed period printed again after a late reading and a corrected one of that
    /// period arrived is the same file as before: it shows the readings its close read
    /// (`ReadingChangesTable`). The next period's receipt shows the late reading as its previous one.
    @Test func aReceiptPrintedAgainAfterLateAndCorrectedReadingsIsTheSameFile() throws {
        let cli = try Self.closedFixtures()
        defer { cli.remove() }
        // 4102470033 sent no reading in 2026-09 (billed by average); 4102470021's HVS read 2739.962.
        let accounts = ["4102470033", "4102470021"]
        try cli.write("raschet.toml", try String(contentsOfFile: CLI.fixture("raschet.toml"), encoding: .utf8))
        func render(_ folder: String, _ period: String) throws -> [Data] {
            let result = try cli.run(["render", "receipts", "--period", period, "--out", folder, "--db", "f.sqlite", "--account"]
                                     + accounts, environment: ["SOURCE_DATE_EPOCH": "1793491200"])
            #expect(result.status == 0, "\(result.stderr)")
            return try accounts.map { try cli.bytes("\(folder)/\($0)_\(period).pdf") }
        }
        let first = try render("first", "2026-09")
        try cli.write("late.csv", """
            meter_id;date;value;zone;source;rollover
            4102470033-HVS;2026-09-20;2160.5;single;cabinet;0
            4102470021-HVS;2026-09-15;2739.9;single;cabinet;0

            """)
        let late = try cli.run(["import", "readings", "late.csv", "--db", "f.sqlite"])
        #expect(late.status == 0, "\(late.stderr)")
        #expect(late.stdout == "readings: 2 rows, 1 new, 1 changed, 0 unchanged\n")
        let again = try render("again", "2026-09")
        #expect(again == first)

        #expect(try cli.run(["close", "2026-10", "--db", "f.sqlite"]).status == 0)
        _ = try render("next", "2026-10")
        let text = try ExternalTool.run("pdftotext", ["-layout", cli.path("next/4102470033_2026-10.pdf"), "-"]).stdout
        // Previous, current, consumption; the group separator may come out as a no-break space.
        let row = (text.split(separator: "\n").first { $0.contains("4102470033-HVS") }.map(String.init) ?? text)
            .replacingOccurrences(of: "\u{00A0}", with: " ")
        #expect(row.contains("2 160,5 ") && row.contains("2 167,549") && row.contains("7,049 м³"), "\(row)")
    }

    /// A meter moved to another account, and one added with a past date, after September's close
    /// leave September's receipts of both accounts the files first printed.
    @Test func aReceiptPrintedAgainAfterItsMetersChangedIsTheSameFile() throws {
        let cli = try Self.closedFixtures()
        defer { cli.remove() }
        try cli.write("raschet.toml", try String(contentsOfFile: CLI.fixture("raschet.toml"), encoding: .utf8))
        let accounts = ["4102470003", "4102470012"]
        func render(_ folder: String) throws -> [Data] {
            let result = try cli.run(["render", "receipts", "--period", "2026-09", "--out", folder, "--db", "f.sqlite", "--account"]
                                     + accounts, environment: ["SOURCE_DATE_EPOCH": "1793491200"])
            #expect(result.status == 0, "\(result.stderr)")
            return try accounts.map { try cli.bytes("\(folder)/\($0)_2026-09.pdf") }
        }
        let first = try render("first")
        try cli.write("meters.csv", """
            meter_id;account_id;service_id;zones;digits;installed;removed;verification_due
            4102470003-HVS;4102470012;HVS;1;5;2022-04-08;;2028-04-07
            4102470003-HVS2;4102470003;HVS;1;5;2026-01-10;;2032-01-09

            """)
        let moved = try cli.run(["import", "meters", "meters.csv", "--db", "f.sqlite"])
        #expect(moved.status == 0, "\(moved.stderr)")
        #expect(moved.stdout == "meters: 2 rows, 1 new, 1 changed, 0 unchanged\n")
        #expect(try render("again") == first)
    }

    @Test func aChangeToAPostedPaymentIsRefusedWithHowToCorrectIt() throws {
        let cli = try Self.closedFixtures()
        defer { cli.remove() }
        let before = try Self.exported(cli)
        let database = try cli.bytes("f.sqlite")
        // SB202609038074877418 (4102470003, 2026-09-03, 7315.54) was posted by the 2026-09 close.
        try cli.write("payments.csv", try Self.edited("payments.csv") { fields in
            if fields[0] == "SB202609038074877418" { fields[3] = "7315.45" }
        })
        let changed = try cli.run(["import", "payments", "payments.csv", "--db", "f.sqlite"])
        #expect(changed.status == 65)
        #expect(changed.stderr.contains("payments.csv:2: payment_id: payment SB202609038074877418 (account 4102470003, "
            + "2026-09-03, 7315.54) was posted in the close of 2026-09 and is never changed; to correct or move it, "
            + "import a reversal with a new payment_id (account 4102470003, date 2026-09-03, amount -7315.54, "
            + "source «Корректировка оплаты») and a new payment with the right values"), "\(changed.stderr)")
        #expect(try cli.bytes("f.sqlite") == database)

        // The documented correction: a reversal and a new payment, both new ids; the closed months stay.
        try cli.write("correction.csv", """
            payment_id;account_id;date;amount;source;period
            SB202609038074877418-R;4102470003;2026-09-03;-7315.54;Корректировка оплаты;2026-08
            SB202609038074877418-2;4102470003;2026-09-03;7315.45;Сбербанк;2026-08

            """)
        let correction = try cli.run(["import", "payments", "correction.csv", "--db", "f.sqlite"])
        #expect(correction.status == 0, "\(correction.stderr)")
        #expect(try Self.exported(cli) == before)
        // The next close posts both: paid −7315.54 + 7315.45 = −0.09 on top of the period's own payments.
        let close = try cli.run(["close", "2026-10", "--db", "f.sqlite"])
        #expect(close.status == 0, "\(close.stderr)")
        let payments = try cli.run(["export", "payments", "--period", "2026-10", "--db", "f.sqlite"]).stdout
        #expect(payments.contains("SB202609038074877418-R") && payments.contains("SB202609038074877418-2"))
        // Re-importing the original, unchanged payments file is fine (nothing changes).
        #expect(try cli.run(["import", "payments", CLI.fixture("payments.csv"), "--db", "f.sqlite"]).status == 0)
    }

    /// Areas, residents, tariffs, volumes, absences and readings of the closed months changed and
    /// re-imported: they are recalculated in the next close, the closed months' exports stay byte for byte.
    @Test func changedInputsOfClosedPeriodsLeaveTheirExportsUnchanged() throws {
        let cli = try Self.closedFixtures()
        defer { cli.remove() }
        let before = try Self.exported(cli)
        try cli.write("accounts.csv", try Self.edited("accounts.csv") { fields in
            if let area = ExactDecimal(parsing: fields[8]) { fields[8] = (area + ExactDecimal(10)).machineString }
            if let residents = Int(fields[9]) { fields[9] = String(residents + 1) }
        })
        try cli.write("tariffs.csv", try Self.edited("tariffs.csv") { fields in
            fields[2] = (ExactDecimal(parsing: fields[2])! + ExactDecimal.one).machineString
        })
        try cli.write("volumes.csv", try Self.edited("volumes.csv") { fields in
            fields[3] = (ExactDecimal(parsing: fields[3])! + ExactDecimal.one).machineString
        })
        try cli.write("absences.csv", try Self.edited("absences.csv") { fields in fields[1] = "2026-08-01" })
        try cli.write("readings.csv", try Self.edited("readings.csv") { fields in
            if fields[1].hasPrefix("2026-08") { fields[2] = (ExactDecimal(parsing: fields[2])! + ExactDecimal.one).machineString }
        })
        let files = ["accounts", "tariffs", "volumes", "absences", "readings"].map { cli.path($0 + ".csv") }
        let result = try cli.run(["import", "auto"] + files + ["--db", "f.sqlite"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("accounts: 45 rows, 0 new, 45 changed"), "\(result.stdout)")
        #expect(try Self.exported(cli) == before)
    }

    /// The flat of 4102470003 grew from 44.20 to 54.20 m² and from 2 to 3 residents from 2026-09
    /// (`changed_from`): the close of 2026-10 corrects September only, by 10 m² of each area service
    /// and one resident's TKO. Without the date, August is corrected as well.
    @Test func aDatedChangeOfAreaAndResidentsCorrectsThePeriodsFromItsDate() throws {
        for (changedFrom, corrected) in [("2026-09", ["2026-09"]), ("", ["2026-08", "2026-09"])] {
            let cli = try Self.closedFixtures()
            defer { cli.remove() }
            try cli.write("accounts.csv", """
                account_id;kind;name;address;area;residents;delivery_route;opened;changed_from
                4102470003;person;Иванов Сергей Петрович;160035, г. Вологда, ул. Пролетарская, д. 47, кв. 3;54.20;3;М-01;2014-03-12;\(changedFrom)

                """)
            let imported = try cli.run(["import", "auto", cli.path("accounts.csv"), "--db", "f.sqlite"])
            #expect(imported.status == 0, "\(imported.stderr)")
            #expect(try cli.run(["close", "2026-10", "--db", "f.sqlite"]).status == 0)
            let charges = try cli.run(["export", "charges", "--period", "2026-10", "--account", "4102470003", "--format", "csv",
                                       "--db", "f.sqlite"]).stdout
            // service, ref_period and quantity of each recalculation but the penalties'.
            let recalcs: [[String]] = charges.split(separator: "\n").compactMap { line in
                let fields = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
                return fields.count > 6 && fields[3] == "recalc" && fields[1] != "PENI" ? [fields[1], fields[4], fields[6]] : nil
            }
            #expect(Set(recalcs.map { $0[1] }).sorted() == corrected, "\(charges)")
            for period in corrected {
                let lines: [String] = recalcs.filter { $0[1] == period }.map { $0[0] + " " + $0[2] }
                #expect(lines.sorted() == ["KAPREM 10", "OTOP 10", "SOD 10", "TKO 1"], "\(charges)")
            }
        }
    }

    /// 10^9 м² × 10^9 руб./м², both inside the import ranges, is 10^18 rubles: the account is parked
    /// with the reason, the other one closes, exit 65, in every mode.
    @Test(arguments: [["--batch-size", "1"], ["--dry-run"], ["--dry-run", "--batch-size", "1"], []])
    func anOverflowingAccountIsParkedWhileTheOthersClose(options: [String]) throws {
        let cli = try CLI()
        defer { cli.remove() }
        #expect(try cli.run(["init", "--db", "o.sqlite"]).status == 0)
        try cli.write("services.csv", """
            service_id;name;unit;supplier_id;method;vat_mode;absence_recalc;group
            SOD;Содержание;м²;VODOKANAL;area;included;0;

            """)
        try cli.write("tariffs.csv", """
            service_id;valid_from;price;valid_to;zone;category;norm;coefficient
            SOD;2026-01-01;1000000000;;single;household;;

            """)
        try cli.write("accounts.csv", """
            account_id;kind;name;address;area;residents
            9000000001;person;Иванов;кв. 1;0,000001;1
            9000000002;person;Петров;кв. 2;1000000000;1

            """)
        try cli.write("account_services.csv", """
            account_id;service_id;valid_from
            9000000001;SOD;2026-01-01
            9000000002;SOD;2026-01-01

            """)
        let files = [CLI.fixture("suppliers.csv"), CLI.fixture("key_rates.csv")]
            + ["services", "tariffs", "accounts", "account_services"].map { cli.path($0 + ".csv") }
        let imported = try cli.run(["import", "auto"] + files + ["--db", "o.sqlite"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let close = try cli.run(["close", "2026-08", "--db", "o.sqlite"] + options, environment: CLI.russianLocale)
        #expect(close.status == 65)
        #expect(close.stderr.contains("raschet: отложен 9000000002: лицевой счет 9000000002, услуга SOD, период 2026-08: Сумма вне "
            + "допустимого диапазона (не более 1 000 000 000 000,00 руб.): 1000000000 × 1000000000; проверьте цену, объем и площадь"),
                "\(close.stderr)")
        #expect(close.stdout.contains("отложено 1"), "\(close.stdout)")
        // 0.000001 м² × 1000000000.00 = 1000.00, included VAT 22/122: the other account is charged.
        #expect(close.stdout.contains("начислено 1000.00"), "\(close.stdout)")
    }
}
