import Foundation
import RaschetCore
import RaschetStore
import RaschetTesting
import Testing

/// One bad account never stops the close (SPEC section 4): it is parked with a reason naming the
/// account, service and period, the rest are closed, the command lists it and exits 65; after the
/// data is fixed, the same close computes only the parked account.
@Suite struct CloseParkingTests {
    @Test func anAccountWithoutATariffIsParkedAndFinishedAfterTheTariffIsImported() throws {
        let cli = try CLI()
        defer { cli.remove() }
        // The Fixtures without the tariffs of EE_N, the service only 4102710014 has.
        let tariffs = try String(contentsOfFile: CLI.fixture("tariffs.csv"), encoding: .utf8).split(separator: "\n")
        try cli.write("tariffs.csv", tariffs.filter { !$0.hasPrefix("EE_N;") }.joined(separator: "\n") + "\n")
        try cli.write("ee_n.csv", ([tariffs[0]] + tariffs.filter { $0.hasPrefix("EE_N;") }).joined(separator: "\n") + "\n")
        let others = EntityKind.allCases.filter { $0 != .tariffs }.map { CLI.fixture($0.name + ".csv") }
        #expect(try cli.run(["init", "--db", "f.sqlite"]).status == 0)
        #expect(try cli.run(["import", "auto"] + others + [cli.path("tariffs.csv"), "--db", "f.sqlite"]).status == 0)

        let parked = try cli.run(["close", "2026-08", "--db", "f.sqlite"])
        #expect(parked.status == 65)
        #expect(parked.stdout.hasPrefix("closed 2026-08: 44 accounts closed, 1 parked\n"))
        let reasons = parked.stderr.split(separator: "\n")
        #expect(reasons.count == 2)
        #expect(reasons.first?.hasPrefix("raschet: parked 4102710014: account 4102710014, service EE_N, period 2026-08: ") == true,
                "\(parked.stderr)")
        #expect(reasons.last == "raschet: 1 account parked; fix the data and run `raschet close 2026-08` again to compute them")
        let balances = try cli.run(["export", "balances", "--period", "2026-08", "--db", "f.sqlite", "--format", "csv", "--allow-parked"])
        #expect(balances.stdout.split(separator: "\n").count == 1 + 44)
        #expect(!balances.stdout.contains("4102710014"))
        // Its receipt is not made; the reason the close stored is given in the operator's language,
        // never both in one line.
        let render = ["render", "receipts", "--period", "2026-08", "--account", "4102710014", "--out", "r", "--db", "f.sqlite",
                      "--config", CLI.fixture("raschet.toml")]
        let english = try cli.run(render, environment: CLI.englishLocale)
        #expect(english.status == 65)
        #expect(english.stderr.contains("raschet: parked 4102710014: no receipt (account 4102710014, service EE_N, period 2026-08: "
            + "No tariff (zone single, category household) on 2026-08-31)\n"), "\(english.stderr)")
        let russian = try cli.run(render, environment: CLI.russianLocale)
        #expect(russian.status == 65)
        let line = russian.stderr.split(separator: "\n").first { $0.hasPrefix("raschet: отложен 4102710014: квитанции нет (") }
        #expect(line.map { !$0.contains("no_tariff") && $0.contains("EE_N") } == true, "\(russian.stderr)")

        // The next period waits for the parked account.
        let next = try cli.run(["close", "2026-09", "--db", "f.sqlite"], environment: CLI.russianLocale)
        #expect(next.status == 65)
        #expect(next.stderr.contains("в периоде 2026-08 отложено лицевых счетов: 1;"))

        // Fix the data: the same close computes only the parked account.
        #expect(try cli.run(["import", "tariffs", cli.path("ee_n.csv"), "--db", "f.sqlite"]).status == 0)
        let fixed = try cli.run(["close", "2026-08", "--db", "f.sqlite"])
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(fixed.stdout.hasPrefix("closed 2026-08: 1 account closed, 0 parked, 44 already done by an earlier run\n"))
        let again = try cli.run(["close", "2026-08", "--db", "f.sqlite"])
        #expect(again.stdout.contains("already closed"))

        // The result is the one of a database that never lacked the tariff.
        #expect(try cli.run(["init", "--db", "g.sqlite"]).status == 0)
        #expect(try cli.run(["import", "auto"] + EntityKind.allCases.map { CLI.fixture($0.name + ".csv") } + ["--db", "g.sqlite"]).status == 0)
        #expect(try cli.run(["close", "2026-08", "--db", "g.sqlite"]).status == 0)
        for what in ["charges", "balances", "payments"] {
            let a = try cli.run(["export", what, "--period", "2026-08", "--db", "f.sqlite"]).stdout
            let b = try cli.run(["export", what, "--period", "2026-08", "--db", "g.sqlite"]).stdout
            #expect(a == b, "\(what)")
        }
    }
}
