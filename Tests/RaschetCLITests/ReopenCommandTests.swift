import Foundation
import RaschetCore
import RaschetStore
import RaschetTesting
import Testing

/// `raschet reopen YYYY-MM`: a mistaken close undone down to the last row, and the refusals.
@Suite struct ReopenCommandTests {
    static let config = ["--db", "f.sqlite", "--config", CLI.fixture("raschet.toml")]

    /// The whole database as SQL text (`sqlite3 .dump`): schema and every row, in key order.
    static func dump(_ cli: CLI) throws -> String {
        let result = try ExternalTool.run("sqlite3", [cli.path("f.sqlite"), ".dump"])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    @Test func reopeningAMistakenFirstCloseRestoresTheDatabaseExactly() throws {
        let cli = try CloseGoldenTests.closedFixtures([])
        defer { cli.remove() }
        let before = try Self.dump(cli)
        #expect(before.contains("INSERT INTO accounts"))
        #expect(try cli.run(["close", "2026-08"] + Self.config).status == 0)
        let closed = try Self.dump(cli)
        #expect(closed.contains("INSERT INTO account_lines VALUES('2026-08'"))
        #expect(closed.contains("INSERT INTO close_runs VALUES('2026-08','closed',"))
        #expect(FileManager.default.fileExists(atPath: cli.path("f.sqlite.review-2026-08.csv")))

        let reopened = try cli.run(["reopen", "2026-08"] + Self.config)
        #expect(reopened.status == 0, "\(reopened.stderr)")
        #expect(reopened.stdout == "reopened 2026-08: its close is undone; deleted the review list f.sqlite.review-2026-08.csv\n")
        #expect(try Self.dump(cli) == before)
        #expect(!FileManager.default.fileExists(atPath: cli.path("f.sqlite.review-2026-08.csv")))
    }

    @Test func reopeningTheLatestOfTwoClosesLeavesTheFirstAsItWas() throws {
        let cli = try CloseGoldenTests.closedFixtures(["2026-08"])
        defer { cli.remove() }
        let afterAugust = try Self.dump(cli)
        #expect(try cli.run(["close", "2026-09"] + Self.config).status == 0)
        let early = try cli.run(["reopen", "2026-08"] + Self.config, environment: CLI.russianLocale)
        #expect(early.status == 65)
        #expect(early.stderr == "raschet: нельзя открыть период 2026-08: после него закрывался период 2026-09; "
            + "открывается только последний закрытый период (сначала raschet reopen 2026-09)\n")
        #expect(try cli.run(["reopen", "2026-09"] + Self.config).status == 0)
        #expect(try Self.dump(cli) == afterAugust)
        let again = try cli.run(["reopen", "2026-09"] + Self.config, environment: CLI.russianLocale)
        #expect(again.status == 65)
        #expect(again.stderr == "raschet: период 2026-09 не закрыт; открывать нечего\n")
    }

    /// A payment dated in August stored after August's close is marked as late; September's close
    /// posts it and deletes the mark; reopening September marks it again: the database is as before.
    @Test func reopeningACloseThatPostedALatePaymentMarksItAgain() throws {
        let cli = try CloseGoldenTests.closedFixtures(["2026-08"])
        defer { cli.remove() }
        let late = "payment_id;account_id;date;amount;source;period\nLATE-1;4102470003;2026-08-28;1500.00;Касса;2026-07\n"
        try late.write(toFile: cli.path("late.csv"), atomically: true, encoding: .utf8)
        #expect(try cli.run(["import", "payments", cli.path("late.csv"), "--db", "f.sqlite"]).status == 0)
        let before = try Self.dump(cli)
        #expect(before.contains("INSERT INTO late_payments VALUES('4102470003','LATE-1');"))
        #expect(try cli.run(["close", "2026-09"] + Self.config).status == 0)
        let closed = try Self.dump(cli)
        #expect(closed.contains("INSERT INTO posted_payments VALUES('LATE-1','4102470003','2026-09');"))
        #expect(!closed.contains("INSERT INTO late_payments VALUES"))
        #expect(try cli.run(["reopen", "2026-09"] + Self.config).status == 0)
        #expect(try Self.dump(cli) == before)
    }

    /// A no-debt certificate dated in the open September states the account's debt at the end of
    /// the closed August: August is not reopened under it. Its number is of the date's year.
    @Test func aNoDebtCertificateDatedInTheNextMonthKeepsThePeriodItReliesOnClosed() throws {
        let cli = try CloseGoldenTests.closedFixtures([])
        defer { cli.remove() }
        // Paid ahead in August, so that no debt remains at its end.
        try cli.write("payments.csv", "payment_id;account_id;date;amount;source;period\nAHEAD1;4102470021;2026-08-20;20000.00;Касса;2026-08\n")
        #expect(try cli.run(["import", "payments", "payments.csv", "--db", "f.sqlite"]).status == 0)
        #expect(try cli.run(["close", "2026-08"] + Self.config).status == 0)
        let issued = try cli.run(["render", "no-debt", "--account", "4102470021", "--date", "2026-09-03", "--out", "n.pdf"] + Self.config)
        #expect(issued.status == 0, "\(issued.stderr)")
        let numbered = try Self.dump(cli)
        #expect(numbered.contains("INSERT INTO document_numbers VALUES('3525417791',2026,1,'no_debt','4102470021','2026-09-03','2026-08-31')"), "\(numbered)")
        let refused = try cli.run(["reopen", "2026-08"] + Self.config)
        #expect(refused.status == 65)
        #expect(refused.stderr.hasPrefix("raschet: cannot reopen 2026-08: 1 document of it was issued and 0 are queued"), "\(refused.stderr)")
        #expect(try Self.dump(cli) == numbered)
    }

    @Test func aPeriodWithAnIssuedReceiptNumberIsNotReopened() throws {
        let cli = try CloseGoldenTests.closedFixtures(["2026-08"])
        defer { cli.remove() }
        let store = try Store.open(at: cli.path("f.sqlite"))
        let august = try #require(Period(parsing: "2026-08"))
        let account = try #require(try store.balances(august, account: nil).first?.accountID)
        _ = try store.documentNumbers(for: [.receipt(accountID: account, period: august)], issuerINN: "7701234567")
        let numbered = try Self.dump(cli)
        let refused = try cli.run(["reopen", "2026-08"] + Self.config, environment: CLI.russianLocale)
        #expect(refused.status == 65)
        #expect(refused.stderr == "raschet: нельзя открыть период 2026-08: по нему выпущено документов: 1, "
            + "в очереди отправки или отправлено: 0, поэтому он остается закрытым; импортируйте исправления, и следующее "
            + "закрытие сделает перерасчет\n")
        #expect(try Self.dump(cli) == numbered)
        #expect(FileManager.default.fileExists(atPath: cli.path("f.sqlite.review-2026-08.csv")))
    }
}
