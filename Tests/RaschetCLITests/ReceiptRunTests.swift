import RaschetClose
import RaschetSettings
import Foundation
import PDFWriter
import RaschetCore
import RaschetStore
import RaschetTesting
import Testing
@testable import RaschetApp

/// `ReceiptRun` on the bundled Fixtures closed for 2026-08 … 2026-10, with the test-only renderer:
/// the receipts' figures against `raschet export`, numbering, the print batch and file names.
@Suite(.serialized) struct ReceiptRunTests {
    static let settings = try! SettingsFile.load(CLI.fixture("raschet.toml"))

    static func run(_ store: Store, _ period: String, out: String, batch: String? = nil, accounts: [String]? = nil,
                    files: ReceiptFiles = .all, renderer: TestReceiptRenderer = TestReceiptRenderer()) throws -> ReceiptRun.Report {
        try ReceiptRun(store: store, period: Period(parsing: period)!, payee: settings.organization!,
                       rules: settings.billingRules, outputFolder: out, accounts: accounts, batchPath: batch, files: files,
                       chunkSize: 7)
            .run(makeRenderer: { renderer })
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func money(_ value: Any?) -> Money { Money(parsing: value as? String ?? "x") ?? Money(kopecks: .min) }

    @Test func everyAccountsReceiptAgreesWithTheExportsOfItsPeriod() throws {
        let cli = try CloseGoldenTests.closedFixtures()
        defer { cli.remove() }
        let store = try Store.open(at: cli.path("f.sqlite"))
        for period in CloseGoldenTests.periods {
            let renderer = TestReceiptRenderer()
            let report = try Self.run(store, period, out: cli.path("r-\(period)"), renderer: renderer)
            let receipts = Dictionary(uniqueKeysWithValues: renderer.separate.map { ($0.account.id, $0) })

            let balances = try #require(try Self.json(CloseGoldenTests.export(cli, "balances", period))["accounts"] as? [[String: Any]])
            #expect(balances.count == 45 && receipts.count == balances.count && report.files.count == balances.count)
            for row in balances {
                let id = try #require(row["account"] as? String)
                let receipt = try #require(receipts[id], "\(id) \(period) has no receipt")
                let b = receipt.balance
                #expect([b.opening, b.charged, b.recalc, b.penalty, b.paid, b.closing]
                        == ["opening", "charged", "recalc", "penalty", "paid", "closing"].map { Self.money(row[$0]) },
                        "\(id) \(period) balance")
            }

            // Lines: the receipt's service rows sum to the export's charge and recalc lines, its
            // penalty rows to the penalty lines, account by account.
            let lines = try #require(try Self.json(CloseGoldenTests.export(cli, "charges", period))["lines"] as? [[String: Any]])
            var byKind: [String: [String: Money]] = [:]
            for line in lines {
                let id = line["account"] as? String ?? "", kind = line["kind"] as? String ?? ""
                byKind[id, default: [:]][kind, default: .zero] += Self.money(line["gross"])
            }
            for (id, receipt) in receipts {
                let rows = receipt.suppliers.flatMap(\.rows)
                #expect(rows.reduce(.zero) { $0 + $1.charged } == byKind[id]?["charge"] ?? .zero, "\(id) \(period) charged")
                #expect(rows.reduce(.zero) { $0 + $1.recalc } == byKind[id]?["recalc"] ?? .zero, "\(id) \(period) recalc")
                #expect(receipt.recalculations.reduce(.zero) { $0 + $1.amount } == byKind[id]?["recalc"] ?? .zero)
                #expect(receipt.penalties.reduce(.zero) { $0 + $1.amount } == byKind[id]?["penalty"] ?? .zero, "\(id) \(period) penalty")
                #expect(receipt.suppliers.reduce(.zero) { $0 + $1.total } == receipt.balance.charged + receipt.balance.recalc)
            }

            let payments = try #require(try Self.json(CloseGoldenTests.export(cli, "payments", period))["payments"] as? [[String: Any]])
            for (id, receipt) in receipts {
                let exported = payments.filter { $0["account"] as? String == id }
                #expect(receipt.payments.map(\.paymentID).sorted() == exported.compactMap { $0["payment_id"] as? String }.sorted(),
                        "\(id) \(period) payments")
                #expect(receipt.payments.reduce(.zero) { $0 + $1.amount } == exported.reduce(.zero) { $0 + Self.money($1["amount"]) })
            }
            #expect(renderer.attachments.allSatisfy { $0.name == "receipt.xml" && $0.mimeType == "application/xml" && $0.relationship == "Data" })
            #expect(zip(renderer.separate, renderer.attachments).allSatisfy { $0.xml == $1.data })
        }
    }

    /// A second electricity meter of 4102470021, read on 20 May and then on 20 October: its previous
    /// reading is older than those a receipt of October reads at first (from 26 June,
    /// `ReceiptContent.readingsFrom`), and the run reads the account's whole history for it. The
    /// account has two meters of the service, so the row's consumption is its own difference. The
    /// meter is stored before the closes: readings stored after a close are not on its receipts.
    @Test func aRegisterUnreadForMonthsShowsItsOldPreviousReading() throws {
        let cli = try CloseGoldenTests.closedFixtures([])
        defer { cli.remove() }
        let store = try Store.open(at: cli.path("f.sqlite"))
        var data = DataSet()
        data.meters = [Meter(id: "4102470021-EE2", accountID: "4102470021", serviceID: "EE", digits: 6)]
        data.readings = [Reading(meterID: "4102470021-EE2", date: CivilDate(parsing: "2026-05-20")!, value: ExactDecimal(1200)),
                         Reading(meterID: "4102470021-EE2", date: CivilDate(parsing: "2026-10-20")!, value: ExactDecimal(1450))]
        _ = try store.store(data)
        for period in CloseGoldenTests.periods {
            let closed = try cli.run(["close", period, "--db", "f.sqlite", "--config", CLI.fixture("raschet.toml")])
            #expect(closed.status == 0, "\(closed.stderr)")
        }
        let renderer = TestReceiptRenderer()
        _ = try Self.run(store, "2026-10", out: cli.path("r"), accounts: ["4102470021"], renderer: renderer)
        let rows = try #require(renderer.separate.first?.readings)
        let added = try #require(rows.first { $0.meterID == "4102470021-EE2" })
        #expect(added.previous == ExactDecimal(1200) && added.current == ExactDecimal(1450) && added.consumption == ExactDecimal(250))
        // The fixture's own meter, read every month: 4 027 on 15 September, 4 187 on 17 October.
        let own = try #require(rows.first { $0.meterID == "4102470021-EE" })
        #expect(own.previous == ExactDecimal(4027) && own.current == ExactDecimal(4187) && own.consumption == ExactDecimal(160))
    }

    @Test func qrPayloadsOfSelectedAccountsAreTheHandWrittenOnes() throws {
        let cli = try CloseGoldenTests.closedFixtures()
        defer { cli.remove() }
        let store = try Store.open(at: cli.path("f.sqlite"))
        let renderer = TestReceiptRenderer()
        _ = try Self.run(store, "2026-10", out: cli.path("r"), accounts: ["4102470118", "5102000003", "4102470007"], renderer: renderer)
        let payload = Dictionary(uniqueKeysWithValues: renderer.separate.map { ($0.account.id, $0.qrPayload) })
        let payee = "ST00012|Name=ООО «ЕРЦ Северный»|PersonalAcc=40702810912000034517|BankName=ПАО СБЕРБАНК|BIC=041909644"
            + "|CorrespAcc=30101810900000000644|PayeeINN=3525417791|KPP=352501001"
        // Sums are the closing balances of Goldens/balances-2026-10.json: 9117.27, 11947.49, 11259.27.
        #expect(payload["4102470118"] == payee + "|Sum=911727|Purpose=Оплата ЖКУ за октябрь 2026, л/с 4102470118|PersAcc=4102470118|PaymPeriod=102026|TechCode=02")
        #expect(payload["5102000003"] == payee + "|Sum=1194749|Purpose=Оплата ЖКУ за октябрь 2026, л/с 5102000003|PersAcc=5102000003|PaymPeriod=102026|TechCode=02")
        #expect(payload["4102470007"] == payee + "|Sum=1125927|Purpose=Оплата ЖКУ за октябрь 2026, л/с 4102470007|PersAcc=4102470007|PaymPeriod=102026|TechCode=02")
    }

    @Test func numbersAreGaplessInTheYearAndAReprintGivesTheSameNumbersAndBytes() throws {
        let cli = try CloseGoldenTests.closedFixtures()
        defer { cli.remove() }
        let store = try Store.open(at: cli.path("f.sqlite"))
        var numbers: [String: DocumentNumber] = [:]
        for period in CloseGoldenTests.periods {
            let renderer = TestReceiptRenderer()
            _ = try Self.run(store, period, out: cli.path("first"), renderer: renderer)
            for receipt in renderer.separate { numbers[receipt.account.id + period] = receipt.number }
        }
        // 3 periods × 45 accounts = 135 receipts numbered 2026-000001 … 2026-000135.
        #expect(numbers.values.map(\.sequence).sorted() == Array(1...135) && numbers.values.allSatisfy { $0.year == 2026 })

        let again = TestReceiptRenderer()
        let report = try Self.run(store, "2026-09", out: cli.path("second"), renderer: again)
        #expect(again.separate.allSatisfy { numbers[$0.account.id + "2026-09"] == $0.number })
        for file in report.files {
            let name = (file as NSString).lastPathComponent
            #expect(try cli.bytes("second/" + name) == cli.bytes("first/" + name), "\(name) differs on reprint")
        }
    }

    /// The reading window and the due day are the close's: a reprint after the settings changed
    /// prints what the first print did; a close that stored no terms (made before they were stored)
    /// takes the settings'.
    @Test func aReprintAfterTheSettingsChangedPrintsTheTermsItsCloseRanUnder() throws {
        let cli = try CloseGoldenTests.closedFixtures()
        defer { cli.remove() }
        let store = try Store.open(at: cli.path("f.sqlite"))
        let first = TestReceiptRenderer()
        let report = try Self.run(store, "2026-09", out: cli.path("first"), renderer: first)
        #expect(first.separate.allSatisfy {
            $0.dueDate == CivilDate(parsing: "2026-10-15")! && $0.readingWindow == ReadingWindow(firstDay: 15, lastDay: 25)
        })

        var changed = Self.settings.billingRules
        changed.readingWindow = ReadingWindow(firstDay: 20, lastDay: 28)
        changed.dueDays = DueDayTable([.init(from: Period(ordinal: 1900 * 12), value: 5)])
        func reprint(_ folder: String) throws -> TestReceiptRenderer {
            let renderer = TestReceiptRenderer()
            _ = try ReceiptRun(store: store, period: Period(parsing: "2026-09")!, payee: Self.settings.organization!, rules: changed,
                               outputFolder: cli.path(folder), accounts: nil, batchPath: nil).run(makeRenderer: { renderer })
            return renderer
        }
        let again = try reprint("again")
        #expect(again.separate.map(\.dueDate) == first.separate.map(\.dueDate)
            && again.separate.map(\.readingWindow) == first.separate.map(\.readingWindow))
        for file in report.files {
            let name = (file as NSString).lastPathComponent
            #expect(try cli.bytes("again/" + name) == cli.bytes("first/" + name), "\(name) differs on reprint")
        }

        let forget = try ExternalTool.run("sqlite3", [cli.path("f.sqlite"),
            "UPDATE close_runs SET reading_window_from = NULL, reading_window_to = NULL, due_date = NULL WHERE period = '2026-09'"])
        #expect(forget.status == 0)
        let unstored = try reprint("unstored")
        #expect(unstored.separate.allSatisfy {
            $0.dueDate == CivilDate(parsing: "2026-10-05")! && $0.readingWindow == ReadingWindow(firstDay: 20, lastDay: 28)
        })
    }

    @Test func thePrintBatchLeavesOutEReceiptsAndFollowsRouteThenAddress() throws {
        let cli = try CloseGoldenTests.closedFixtures()
        defer { cli.remove() }
        let store = try Store.open(at: cli.path("f.sqlite"))
        let renderer = TestReceiptRenderer()
        let report = try Self.run(store, "2026-10", out: cli.path("r"), batch: cli.path("batch.pdf"), renderer: renderer)
        // Fixtures/accounts.csv: 8 of the 45 accounts chose e-receipts (6 on М-01, 2 on М-02); 4102470074's
        // address is not confirmed, so it gets paper.
        #expect(report.eReceipts == 7 && report.batchReceipts == 38 && renderer.batch.count == 38)
        #expect(renderer.batch.allSatisfy { !$0.account.receivesEReceipts })
        #expect(renderer.batch.filter(\.account.eReceipt).map(\.account.id) == ["4102470074"])
        #expect(Set(renderer.batch.map(\.account.id)) == Set(renderer.separate.filter { !$0.account.receivesEReceipts }.map(\.account.id)))
        // Flats in their numbers' order: on М-01, кв. 3 of д. 47 first.
        #expect(renderer.batch.prefix(3).map(\.account.address) == ["160035, г. Вологда, ул. Пролетарская, д. 47, кв. 3",
                                                                    "160035, г. Вологда, ул. Пролетарская, д. 47, кв. 12",
                                                                    "160035, г. Вологда, ул. Пролетарская, д. 47, кв. 15"])
        #expect(renderer.batch.map { $0.account.deliveryRoute ?? "" }.first == "М-01" && renderer.batch.last?.account.deliveryRoute == "Ю-01")
        #expect(try cli.bytes("batch.pdf").starts(with: Data("%PDF-".utf8)))
    }

    /// `--files e-receipts`: the 7 e-receipt accounts get files, the 38 paper receipts go into the batch
    /// only, with the numbers a run with every file gives them (a reprint with `--files all` finds them).
    @Test func eReceiptFilesOnlyPutThePaperReceiptsIntoTheBatchAloneWithTheSameNumbers() throws {
        let cli = try CloseGoldenTests.closedFixtures()
        defer { cli.remove() }
        let store = try Store.open(at: cli.path("f.sqlite"))
        #expect(throws: AppError.self) { try Self.run(store, "2026-10", out: cli.path("none"), files: .eReceipts) }
        #expect(!FileManager.default.fileExists(atPath: cli.path("none")))

        let renderer = TestReceiptRenderer()
        let report = try Self.run(store, "2026-10", out: cli.path("e"), batch: cli.path("batch.pdf"), files: .eReceipts,
                                  renderer: renderer)
        #expect(report.files.count == 7 && report.eReceipts == 7 && report.batchReceipts == 38)
        #expect(renderer.separate.count == 7 && renderer.separate.allSatisfy(\.account.receivesEReceipts))
        #expect(renderer.pagesOnly.count == 38 && renderer.pagesOnly.allSatisfy { !$0.account.receivesEReceipts })
        #expect(renderer.batch.map(\.account.id) == renderer.pagesOnly.sorted { $0.number.sequence < $1.number.sequence }.map(\.account.id))
        let names = try FileManager.default.contentsOfDirectory(atPath: cli.path("e")).sorted()
        #expect(names == renderer.separate.map { DocumentFileName.receipt(accountID: $0.account.id, period: $0.period) }.sorted())

        // The batch's receipts numbered 1…38 in print order, the e-receipts 39…45: as with every file.
        #expect(renderer.batch.map(\.number.sequence) == Array(1...38))
        #expect(renderer.separate.map(\.number.sequence).sorted() == Array(39...45))
        let all = TestReceiptRenderer()
        let reprint = try Self.run(store, "2026-10", out: cli.path("all"), batch: cli.path("again.pdf"), renderer: all)
        #expect(reprint.files.count == 45)
        let numbers = Dictionary(uniqueKeysWithValues: (renderer.separate + renderer.pagesOnly).map { ($0.account.id, $0.number) })
        #expect(all.separate.count == 45 && all.separate.allSatisfy { numbers[$0.account.id] == $0.number })
        for name in names {
            #expect(try cli.bytes("all/" + name) == cli.bytes("e/" + name), "\(name) differs")
        }
        #expect(try cli.bytes("again.pdf") == cli.bytes("batch.pdf"))
    }

    /// Chunks of 7: a failure in the third chunk (accounts 15 to 21 in print order) stops the run with
    /// the two chunks before it in place, the files of the failing chunk and of the one rendered after it
    /// not, and no temporary file left.
    @Test func aReceiptThatFailsStopsTheRunWithTheChunksBeforeItInPlaceAndNoTemporaryFile() throws {
        let cli = try CloseGoldenTests.closedFixtures()
        defer { cli.remove() }
        let store = try Store.open(at: cli.path("f.sqlite"))
        let order = try Self.run(store, "2026-10", out: cli.path("all")).files.map { ($0 as NSString).lastPathComponent }
        #expect(order.count == 45)
        let failing = String(order[16].prefix { $0 != "_" })
        #expect(throws: TestReceiptRenderer.Failure.self) {
            try Self.run(store, "2026-10", out: cli.path("r"), batch: cli.path("batch.pdf"),
                         renderer: TestReceiptRenderer(failingAccount: failing))
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: cli.path("r")).sorted()
        #expect(names == order.prefix(14).sorted())
        #expect(!FileManager.default.fileExists(atPath: cli.path("batch.pdf")))
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.path("r")).filter { $0.hasSuffix(".tmp") } == [])
    }

    /// Ids with path separators, a leading dot or control characters give names inside the folder;
    /// `a/b` and `a_b` get a file each (neither overwrites the other).
    /// A run killed part-way leaves temporary files that are never renamed into place; the next run
    /// removes the PDFs' whose process is gone and that nothing wrote to for an hour, and leaves a
    /// running process's, a recent one's (a run on another host sharing the folder) and any other file.
    @Test func theTemporaryFilesOfAKilledRunAreRemovedByTheNextRun() throws {
        let cli = try CloseGoldenTests.closedFixtures()
        defer { cli.remove() }
        let store = try Store.open(at: cli.path("f.sqlite"))
        try FileManager.default.createDirectory(atPath: cli.path("r"), withIntermediateDirectories: true)
        let gone = Int32.max  // beyond any pid_max: no such process
        let old = [".4102470003_2026-10.pdf.\(gone)-12345.tmp", ".batch.pdf.\(gone)-77.tmp",
                   ".4102470012_2026-10.pdf.\(getpid())-1.tmp", ".notes.tmp", ".other.csv.\(gone)-5.tmp", "keep.txt"]
        let recent = [".4102470015_2026-10.pdf.\(gone)-9.tmp"]
        for name in old + recent { _ = FileManager.default.createFile(atPath: cli.path("r/" + name), contents: Data("x".utf8)) }
        for name in old {
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -7200)], ofItemAtPath: cli.path("r/" + name))
        }
        _ = try Self.run(store, "2026-10", out: cli.path("r"), batch: cli.path("r/batch.pdf"), accounts: ["4102470003"])
        let left = try FileManager.default.contentsOfDirectory(atPath: cli.path("r")).sorted()
        #expect(left == [".4102470012_2026-10.pdf.\(getpid())-1.tmp", ".4102470015_2026-10.pdf.\(gone)-9.tmp", ".notes.tmp",
                         ".other.csv.\(gone)-5.tmp", "4102470003_2026-10.pdf", "batch.pdf", "keep.txt"])
    }

    @Test func hostileAccountIdsGiveSafeFileNamesInsideTheFolderAndParkedAccountsNone() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let (store, _) = try Store.create(at: cli.path("h.sqlite"))
        var data = DataSet()
        data.suppliers = [Supplier(id: "ERC", name: "ЕРЦ", inn: "3525417791")]
        data.services = [Service(id: "NOTAR", name: "Услуга без тарифа", unit: "шт", supplierID: "ERC", method: .fixed)]
        data.accounts = ["../x", ".hidden", "a\u{1}b/c", "ok-1", "a/b", "a_b", "parked"].map {
            Account(id: $0, kind: .person, name: "Плательщик", address: "д. 1")
        }
        data.accountServices = [AccountService(accountID: "parked", serviceID: "NOTAR", validFrom: CivilDate(year: 2026, month: 1, day: 1)!)]
        _ = try store.store(data)
        _ = try MonthlyClose(store: store, period: Period(parsing: "2026-10")!, rules: Self.settings.billingRules).run()
        let report = try Self.run(store, "2026-10", out: cli.path("out"))
        let names = try FileManager.default.contentsOfDirectory(atPath: cli.path("out")).sorted()
        #expect(names == ["_00002E._00002Fx_2026-10.pdf", "_00002Ehidden_2026-10.pdf", "a_000001b_00002Fc_2026-10.pdf", "a_00002Fb_2026-10.pdf", "a__b_2026-10.pdf", "ok-1_2026-10.pdf"])
        #expect(report.files.allSatisfy { ($0 as NSString).deletingLastPathComponent == cli.path("out") })
        #expect(!FileManager.default.fileExists(atPath: cli.path("x_2026-10.pdf")))
        #expect(report.parked.map(\.accountID) == ["parked"])
    }

    @Test func aPeriodNotClosedOrAnUnknownAccountIsRefusedBeforeAnythingIsWritten() throws {
        let cli = try CloseGoldenTests.closedFixtures(["2026-08"])
        defer { cli.remove() }
        let store = try Store.open(at: cli.path("f.sqlite"))
        #expect(throws: StoreError.self) { try Self.run(store, "2026-09", out: cli.path("r")) }
        #expect(!FileManager.default.fileExists(atPath: cli.path("r")))
        let result = try cli.run(["render", "receipts", "--period", "2026-09", "--out", "r", "--db", "f.sqlite",
                                  "--config", CLI.fixture("raschet.toml")], environment: CLI.russianLocale)
        #expect(result.status == 65)
        #expect(result.stderr.contains("raschet: период 2026-09 не закрыт; сначала выполните `raschet close 2026-09`"))
        let unknown = try cli.run(["render", "receipts", "--period", "2026-08", "--out", "r", "--account", "4102470118", "NOPE",
                                   "--db", "f.sqlite", "--config", CLI.fixture("raschet.toml")], environment: CLI.russianLocale)
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("raschet: лицевого счета NOPE нет в закрытии периода 2026-08; проверьте номер счета"))
        #expect(!FileManager.default.fileExists(atPath: cli.path("r")))
    }
}
