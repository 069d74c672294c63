import Foundation
import RaschetTesting
import Testing

/// `raschet demo`: the whole pipeline on the bundled Fixtures, as a new user runs it.
@Suite struct DemoCommandTests {
    @Test func theDemoImportsClosesExportsAndRendersTheFixturesAndTheirReceipts() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let result = try cli.run(["demo", "--out", "d"], environment: ["SOURCE_DATE_EPOCH": "1790000000"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "")
        #expect(result.stdout.contains("   readings          1059 rows\n"))
        #expect(result.stdout.contains("   2026-10: 45 accounts closed, 0 parked; charged 406648.02, recalc 253.47, penalty 178.60, paid 339180.64\n"))
        // The demo's exports are the ones the close goldens hold, figure for figure.
        for name in ["charges-2026-10.json", "balances-2026-10.json", "payments-2026-10.json"] {
            #expect(try cli.bytes("d/" + name) == Data(contentsOf: CloseGoldenTests.goldens.appendingPathComponent(name)), "\(name)")
        }
        let pdf = try cli.bytes("d/specimen.pdf")
        #expect(pdf.starts(with: Data("%PDF-1.7".utf8)))
        // The receipts of the last closed month: 45 files (Fixtures/accounts.csv) and the batch of the
        // 38 accounts that get no e-receipts (4102470074 chose them, but its address is not confirmed).
        #expect(result.stdout.contains("6. receipts of 2026-10: 45 PDF/A-3b files in d/receipts/2026-10\n"
            + "   print batch: d/receipts/2026-10-batch.pdf (38 paper receipts; 7 e-receipt accounts left out)\n7. statements"))
        let files = try FileManager.default.contentsOfDirectory(atPath: cli.path("d/receipts/2026-10"))
        #expect(files.count == 45 && files.allSatisfy { $0.hasSuffix("_2026-10.pdf") } && files.contains("4102470012_2026-10.pdf"))
        #expect(try ExternalTool.run("qpdf", ["--show-npages", cli.path("d/receipts/2026-10-batch.pdf")]).stdout == "38\n")
        // One of each statement of 5102000003; its no-debt certificate on 31.10.2026 is refused, with no file.
        for name in ["settlement", "accruals", "act", "turnover", "no-debt"] {
            #expect(try cli.bytes("d/\(name)-5102000003.pdf").starts(with: Data("%PDF-1.7".utf8)), "\(name)")
        }
        #expect(result.stdout.contains("   no no-debt certificate: account 5102000003 owes 11947.49 rubles on 2026-10-31 "
            + "(no file written)\n"))
        #expect(!FileManager.default.fileExists(atPath: cli.path("d/no-debt-5102000003-2026-10-31.pdf")))
    }

    /// A --fixtures that is a file, not a folder, is refused before the demo makes anything (exit 66).
    @Test func fixturesThatAreNotAFolderAreRefusedFirst() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let result = try cli.run(["demo", "--out", "d", "--fixtures", CLI.fixture("accounts.csv")])
        #expect(result.status == 66)
        #expect(result.stderr == "raschet: --fixtures \(CLI.fixture("accounts.csv")) is not a folder that can be read; name the folder of "
            + "the CSV files (such as Fixtures)\n")
        #expect(!FileManager.default.fileExists(atPath: cli.path("d")))
    }
}
