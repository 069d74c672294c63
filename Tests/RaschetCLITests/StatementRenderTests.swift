import Foundation
import RaschetCore
import RaschetTesting
import Testing

/// `raschet render settlement|accruals|act|turnover|no-debt` on the bundled Fixtures closed for
/// 2026-08..2026-10: the text of each document against its golden, every printed closing and total
/// against the export goldens for every business account, the refusals, the numbering and the files.
@Suite struct StatementRenderTests {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let goldens = here.appendingPathComponent("Goldens/statements")
    static let reference = here.deletingLastPathComponent().appendingPathComponent("RaschetDocumentsTests/Reference")
    static let recording = ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1"
    static let epoch = ["SOURCE_DATE_EPOCH": "1793000000"]
    static let periods = StatementFixturesTests.periods
    static let august1 = "2026-08-01", october31 = "2026-10-31"

    /// The five documents of an account for August..October, by name.
    static func documents(_ account: String) -> [(name: String, arguments: [String])] {
        let range = ["--account", account, "--from", august1, "--to", october31]
        return [
            ("settlement", ["render", "settlement"] + range),
            ("accruals", ["render", "accruals"] + range),
            ("act", ["render", "act"] + range),
            ("turnover", ["render", "turnover", "--from", "2026-08", "--to", "2026-10", "--account", account]),
            ("no-debt", ["render", "no-debt", "--account", account, "--date", "2026-09-03"]),
        ]
    }

    /// Runs a render command on the closed fixtures and returns the result.
    static func render(_ cli: CLI, _ arguments: [String], out: String, locale: [String: String] = CLI.englishLocale) throws
        -> ExternalTool.Result {
        try cli.run(arguments + ["--out", out, "--db", "f.sqlite", "--config", CLI.fixture("raschet.toml")],
                    environment: epoch.merging(locale) { $1 })
    }

    /// `pdftotext -layout` of a file, with runs of spaces (and the amounts' no-break spaces, printed
    /// as spaces) collapsed, line by line.
    static func text(_ path: String) throws -> String {
        let raw = try ExternalTool.run("pdftotext", ["-layout", path, "-"]).stdout
        return raw.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" }).joined(separator: " ")
        }.joined(separator: "\n")
    }

    /// An amount as the documents print it (`11 947,49`).
    static func printed(_ money: Money) -> String { money.russianString }

    /// October's receipt is rendered first (number 2026-000001): the act shows it on October's row,
    /// and August's and September's receipts, never rendered, without a number.
    @Test func eachDocumentOfVektorMatchesItsGoldenTextAndPassesQpdfWithSubsetFonts() throws {
        let cli = try CloseGoldenTests.closedFixtures()
        defer { cli.remove() }
        let receipts = try cli.run(["render", "receipts", "--period", "2026-10", "--account", "5102000003", "--out", "r",
                                    "--db", "f.sqlite", "--config", CLI.fixture("raschet.toml")], environment: Self.epoch)
        #expect(receipts.status == 0, "\(receipts.stderr)")
        for document in Self.documents("5102000003") {
            let file = "\(document.name).pdf"
            let result = try Self.render(cli, document.arguments, out: file)
            #expect(result.status == 0, "\(document.name): \(result.stderr)")
            let path = cli.path(file)
            let text = try Self.text(path)
            let golden = Self.goldens.appendingPathComponent("\(document.name).txt")
            if Self.recording {
                try FileManager.default.createDirectory(at: Self.goldens, withIntermediateDirectories: true)
                try Data(text.utf8).write(to: golden)
                let image = Self.reference.appendingPathComponent("statement-\(document.name)")
                #expect(try ExternalTool.run("pdftoppm", ["-r", "100", "-png", path, image.path]).status == 0)
            }
            #expect(text == (try String(contentsOf: golden, encoding: .utf8)), "\(document.name)")
            let check = try ExternalTool.run("qpdf", ["--check", path])
            #expect(check.status == 0 && check.stdout.contains("No syntax or stream encoding errors found"), "\(check.stdout)")
            let fonts = try ExternalTool.run("pdffonts", [path]).stdout.split(separator: "\n").dropFirst(2)
            #expect(!fonts.isEmpty)
            for line in fonts {
                #expect(line.contains("CID TrueType") && line.contains("Identity-H"), "\(line)")
                #expect(line.split(separator: " ").suffix(5).prefix(3) == ["yes", "yes", "yes"], "\(document.name): \(line)")
            }
        }
    }

    /// Every business account, the whole fixture range and each period: the settlement statement's
    /// printed closing is the balance export's, the act's closing sentence names the same amount, the
    /// accrual statement's «Итого» is the sum of the exported lines, the turnover sheet's account
    /// row is the balance export's movement.
    @Test func everyBusinessAccountsPrintedFiguresAgreeWithTheExports() throws {
        let cli = try CloseGoldenTests.closedFixtures()
        defer { cli.remove() }
        let balances = try Self.periods.map(StatementFixturesTests.goldenBalances)
        let charges = try Self.periods.map { try StatementFixturesTests.golden("charges", $0) }
        func money(_ text: String?) -> Money { StatementFixturesTests.money(text) }
        for account in StatementFixturesTests.business {
            for (index, period) in Self.periods.enumerated() {
                let balance = try #require(balances[index][account])
                let ranges = [(Self.august1, index), (period.firstDay.isoString, index)]
                for (from, _) in ranges {
                    let to = period.lastDay.isoString
                    let range = ["--account", account, "--from", from, "--to", to]
                    #expect(try Self.render(cli, ["render", "settlement"] + range, out: "s.pdf").status == 0)
                    let closing = money(balance["closing"])
                    let word = closing < .zero ? "Переплата" : "Задолженность"
                    let settlement = try Self.text(cli.path("s.pdf"))
                    let magnitude = closing < .zero ? -closing : closing
                    // An overpayment with its minus (SPEC section 1).
                    #expect(settlement.contains("\(word) на \(period.lastDay.russianString) \(Self.printed(closing))\n"),
                            "\(account) \(from)..\(to)")
                    #expect(try Self.render(cli, ["render", "act"] + range, out: "a.pdf").status == 0)
                    let act = try Self.text(cli.path("a.pdf")).replacingOccurrences(of: "\n", with: " ")
                    #expect(act.contains(closing == .zero ? "Задолженность отсутствует"
                                         : "на \(period.lastDay.russianString) составляет \(Self.printed(magnitude)) руб."),
                            "\(account) \(from)..\(to)")
                }
                // The accrual statement of one period: «Итого» net, VAT, total of the exported lines.
                let lines = charges[index].filter { $0["account"] == account }
                func total(_ key: String) -> Money { lines.reduce(.zero) { $0 + money($1[key]) } }
                let range = ["--account", account, "--from", period.firstDay.isoString, "--to", period.lastDay.isoString]
                #expect(try Self.render(cli, ["render", "accruals"] + range, out: "c.pdf").status == 0)
                let accruals = try Self.text(cli.path("c.pdf"))
                #expect(accruals.contains("Итого \(Self.printed(total("net"))) \(Self.printed(total("vat"))) \(Self.printed(total("gross")))\n"),
                        "\(account) \(period)")
                // The turnover sheet of one period: the account row is the balance export's record.
                #expect(try Self.render(cli, ["render", "turnover", "--from", period.code, "--to", period.code, "--account", account],
                                        out: "t.pdf").status == 0)
                let figures = ["opening", "charged", "recalc", "penalty", "paid", "closing"].map { Self.printed(money(balance[$0])) }
                let turnover = try Self.text(cli.path("t.pdf"))
                #expect(turnover.contains(figures.joined(separator: " ") + "\n"), "\(account) \(period)")
                #expect(turnover.contains("Итого (1 л/с) " + figures.joined(separator: " ") + "\n"), "\(account) \(period)")
            }
        }
    }

    /// An account parked in a closed period gets no statement, act or certificate that reads that
    /// period, and no turnover sheet of the period is made: exit 65, no file, no number taken. Before,
    /// they were issued without the parked month's charges and payments.
    @Test func aParkedAccountGetsNoDocumentOfItsParkedPeriod() throws {
        let cli = try CloseGoldenTests.closedFixtures(["2026-08", "2026-09"])
        defer { cli.remove() }
        // Cold water by a quantity, with none given: 5102000003 is parked in October.
        try cli.write("as.csv", "account_id;service_id;valid_from;valid_to;quantity;installation\n5102000003;HVS_B;2026-10-01;;;x\n")
        #expect(try cli.run(["import", "account_services", "as.csv", "--db", "f.sqlite"]).status == 0)
        let close = try cli.run(["close", "2026-10", "--db", "f.sqlite", "--config", CLI.fixture("raschet.toml")])
        #expect(close.status == 65 && close.stderr.contains("parked 5102000003"), "\(close.stderr)")
        let refusal = "raschet: period 2026-10 has 1 parked account (5102000003) whose figures were not computed, so the "
            + "document would misstate them; fix their data and run `raschet close 2026-10` again\n"
        let range = ["--account", "5102000003", "--from", Self.august1, "--to", Self.october31]
        let documents: [[String]] = [["render", "settlement"] + range, ["render", "accruals"] + range, ["render", "act"] + range,
                                     ["render", "no-debt", "--account", "5102000003", "--date", Self.october31],
                                     ["render", "turnover", "--from", "2026-10", "--to", "2026-10"]]
        for document in documents {
            let result = try Self.render(cli, document, out: "d.pdf")
            #expect(result.status == 65, "\(document)")
            #expect(result.stderr == refusal, "\(document)")
            #expect(!FileManager.default.fileExists(atPath: cli.path("d.pdf")), "\(document)")
        }
        // A file that cannot be written takes no number either.
        let unwritable = try Self.render(cli, ["render", "act", "--account", "5102000003", "--from", Self.august1, "--to",
                                               "2026-09-30"], out: "nowhere/s.pdf")
        #expect(unwritable.status == 73, "\(unwritable.stderr)")
        // A statement of the months before is issued, with the series' first number; an accrual
        // statement ending before October's last day holds no October.
        let september = try Self.render(cli, ["render", "settlement", "--account", "5102000003", "--from", Self.august1, "--to",
                                              "2026-09-30"], out: "s.pdf")
        #expect(september.stdout == "wrote s.pdf: settlement statement No. 2026-000001, account 5102000003\n", "\(september.stderr)")
        let accruals = try Self.render(cli, ["render", "accruals", "--account", "5102000003", "--from", Self.august1, "--to",
                                             "2026-10-30"], out: "a.pdf")
        #expect(accruals.stdout == "wrote a.pdf: accrual statement No. 2026-000002, account 5102000003\n", "\(accruals.stderr)")
    }

    /// The center-wide sheet of October: «Итого» of the 45 accounts is the sum of the balance export,
    /// and the sheet takes no number.
    @Test func theCenterWideTurnoverSheetTotalsTheBalanceExportAndIsNotNumbered() throws {
        let cli = try CloseGoldenTests.closedFixtures()
        defer { cli.remove() }
        let result = try Self.render(cli, ["render", "turnover", "--from", "2026-10", "--to", "2026-10"], out: "center.pdf")
        #expect(result.status == 0, "\(result.stderr)")
        // The English line names the document in English; the Russian one gives its own title.
        #expect(result.stdout == "wrote center.pdf: turnover sheet of every account, 2026-10 to 2026-10\n")
        let russian = try Self.render(cli, ["render", "turnover", "--from", "2026-10", "--to", "2026-10"], out: "center.pdf",
                                      locale: CLI.russianLocale)
        #expect(russian.stdout == "записан center.pdf: Оборотно-сальдовая ведомость за октябрь 2026 – октябрь 2026\n")
        let balances = try StatementFixturesTests.golden("balances", Self.periods[2])
        let totals = ["opening", "charged", "recalc", "penalty", "paid", "closing"].map { key in
            Self.printed(balances.reduce(Money.zero) { $0 + StatementFixturesTests.money($1[key]) })
        }
        let text = try Self.text(cli.path("center.pdf"))
        #expect(text.contains("Итого (45 л/с) " + totals.joined(separator: " ") + "\n"), "\(totals)")
        #expect(text.contains("ОБОРОТНО-САЛЬДОВАЯ ВЕДОМОСТЬ от 31.10.2026\n"))
        // An account whose service rows continue on the next page is headed there by «… (продолжение)»
        // without figures: each account's row of figures is printed once, so the column adds up.
        let lines = text.split(separator: "\n")
        let accountRows = lines.filter { $0.wholeMatch(of: /\d{10} .+ -?[\d ]+,\d\d -?[\d ]+,\d\d.*/) != nil }.map { $0.prefix(10) }
        #expect(accountRows.count == 45 && Set(accountRows).count == 45)
        let continued = lines.filter { $0.hasSuffix(" (продолжение)") }
        #expect(!continued.isEmpty && continued.allSatisfy { $0.wholeMatch(of: /\d{10} [^\d]+ \(продолжение\)/) != nil }, "\(continued)")
    }

    @Test func theNoDebtCertificateIsRefusedForAnAccountInDebtWithNoFileAndIssuedWithoutDebt() throws {
        let cli = try CloseGoldenTests.closedFixtures()
        defer { cli.remove() }
        // 5102000003 owes October's 11 947,49 on 31.10.2026 (balances-2026-10).
        let refused = try Self.render(cli, ["render", "no-debt", "--account", "5102000003", "--date", "2026-10-31"], out: "refused.pdf",
                                  locale: CLI.russianLocale)
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("справка об отсутствии задолженности не выдается: по лицевому счету 5102000003 на "
            + "31.10.2026 задолженность 11 947,49 руб."), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.path("refused.pdf")))
        // 4102470021 has an advance of 3 000,00 on 20.10.2026 (StatementFixturesTests).
        let issued = try Self.render(cli, ["render", "no-debt", "--account", "4102470021", "--date", "2026-10-20"], out: "issued.pdf")
        #expect(issued.status == 0, "\(issued.stderr)")
        let text = try Self.text(cli.path("issued.pdf")).replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("Переплата (аванс) на эту дату составляет 3 000,00 руб."))
        // The payer named in the nominative, which no sentence around it has to decline.
        #expect(text.contains("задолженность по оплате коммунальных услуг по лицевому счету 4102470021 "
            + "(плательщик — Васильева Наталья Сергеевна) отсутствует"), "\(text)")
        // The refusal took no number: the certificate is the first document of 2026.
        #expect(text.contains("СПРАВКА № 2026-000001 от 20.10.2026"), "\(text)")
        // A reversed range is the command line's mistake (64), as for the turnover sheet; a range after
        // the last closed day (2026-10) is refused (65). Neither takes a number or writes a file.
        for kind in ["settlement", "accruals", "act"] {
            let reversed = try Self.render(cli, ["render", kind, "--account", "5102000003", "--from", "2026-10-31", "--to", "2026-10-01"],
                                           out: "reversed.pdf")
            #expect(reversed.status == 64 && reversed.stderr == "raschet: the range from 2026-10-31 to 2026-10-01 starts after it ends\n",
                    "\(kind): \(reversed.stderr)")
            let open = try Self.render(cli, ["render", kind, "--account", "5102000003", "--from", "2026-11-01", "--to", "2026-11-30"],
                                       out: "open.pdf")
            #expect(open.status == 65 && open.stderr.contains("nothing of it is closed yet; close 2026-11 first"), "\(kind): \(open.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: cli.path("reversed.pdf")) && !FileManager.default.fileExists(atPath: cli.path("open.pdf")))
        // The same advance on a settlement certificate: «Переплата» with its minus (SPEC section 1).
        let settlement = try Self.render(cli, ["render", "settlement", "--account", "4102470021", "--from", "2026-10-01",
                                               "--to", "2026-10-20"], out: "advance.pdf")
        #expect(settlement.status == 0, "\(settlement.stderr)")
        #expect(try Self.text(cli.path("advance.pdf")).contains("Переплата на 20.10.2026 -3 000,00\n"))
    }

    @Test func anActForAHouseholdAccountIsRefusedAndAReprintGivesTheSameNumberAndBytes() throws {
        let cli = try CloseGoldenTests.closedFixtures()
        defer { cli.remove() }
        let household = try Self.render(cli, ["render", "act", "--account", "4102470021", "--from", Self.august1, "--to", Self.october31],
                                        out: "h.pdf", locale: CLI.russianLocale)
        #expect(household.status == 65 && household.stderr.contains("акт сверки составляется только по договорам"))
        #expect(!FileManager.default.fileExists(atPath: cli.path("h.pdf")))
        let settlement = ["render", "settlement", "--account", "5102000003", "--from", Self.august1, "--to", Self.october31]
        #expect(try Self.render(cli, settlement, out: "first.pdf").stdout == "wrote first.pdf: settlement statement No. 2026-000001, "
            + "account 5102000003\n")
        let accruals = ["render", "accruals", "--account", "5102000003", "--from", Self.august1, "--to", Self.october31]
        #expect(try Self.render(cli, accruals, out: "other.pdf").stdout == "wrote other.pdf: accrual statement No. 2026-000002, "
            + "account 5102000003\n")
        #expect(try Self.render(cli, settlement, out: "again.pdf").status == 0)
        #expect(try cli.bytes("first.pdf") == (try cli.bytes("again.pdf")))
        #expect(try Self.text(cli.path("first.pdf")).contains("СПРАВКА ПО ВЗАИМОРАСЧЕТАМ № 2026-000001 от 31.10.2026"))
        #expect(try Self.text(cli.path("other.pdf")).contains("СПРАВКА ПО НАЧИСЛЕНИЯМ № 2026-000002 от 31.10.2026"))
        // A range into the open November says so and stops at 31.10.2026.
        let open = ["render", "settlement", "--account", "5102000003", "--from", "2026-10-01", "--to", "2026-11-30"]
        let result = try Self.render(cli, open, out: "open.pdf", locale: CLI.russianLocale)
        #expect(result.status == 0 && result.stdout.contains("по данным на 31.10.2026"))
        #expect(try Self.render(cli, open, out: "open.pdf").stdout.hasSuffix("\ndata as of 2026-10-31: the range reaches into an "
            + "open period; figures stop at the last closed day\n"))
        let text = try Self.text(cli.path("open.pdf"))
        #expect(text.contains("за период с 01.10.2026 по 30.11.2026") && text.contains("по данным на 31.10.2026"))
        #expect(text.contains("Задолженность на 31.10.2026 11 947,49\n"))
    }
}
