import Foundation
import RaschetCore
import RaschetStore
import RaschetTesting
import Testing

/// The bundled Fixtures closed month by month (2026-08, 2026-09, 2026-10): exports against checked-in
/// goldens, selected figures worked out by hand, and the balance identities on every account.
///
/// `RECORD_GOLDENS=1 swift test --filter CloseGoldenTests` rewrites `Goldens/`.
@Suite(.serialized) struct CloseGoldenTests {
    static let periods = ["2026-08", "2026-09", "2026-10"]
    static let goldens = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")
    static let recording = ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1"

    /// A scratch database with the Fixtures imported and `periods` closed.
    static func closedFixtures(_ periods: [String] = periods) throws -> CLI {
        let cli = try CLI()
        return try cli.folder.removeOnError { () throws -> CLI in
            #expect(try cli.run(["init", "--db", "f.sqlite"]).status == 0)
            let files = EntityKind.allCases.map { CLI.fixture($0.name + ".csv") }
            let imported = try cli.run(["import", "auto"] + files + ["--db", "f.sqlite"])
            #expect(imported.status == 0, "\(imported.stderr)")
            for period in periods {
                let closed = try cli.run(["close", period, "--db", "f.sqlite", "--config", CLI.fixture("raschet.toml")])
                #expect(closed.status == 0, "\(closed.stderr)")
                #expect(closed.stderr == "", "no progress bar when stderr is not a terminal")
            }
            return cli
        }
    }

    static func export(_ cli: CLI, _ what: String, _ period: String, _ extra: [String] = []) throws -> String {
        let result = try cli.run(["export", what, "--period", period, "--db", "f.sqlite"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    @Test func exportsOfTheFixtureClosesMatchTheGoldens() throws {
        let cli = try Self.closedFixtures()
        defer { cli.remove() }
        for period in Self.periods {
            for what in ["charges", "balances", "payments"] {
                let text = try Self.export(cli, what, period)
                let golden = Self.goldens.appendingPathComponent("\(what)-\(period).json")
                if Self.recording {
                    try FileManager.default.createDirectory(at: Self.goldens, withIntermediateDirectories: true)
                    try Data(text.utf8).write(to: golden)
                } else {
                    let expected = try String(contentsOf: golden, encoding: .utf8)
                    #expect(text == expected, "\(what) \(period) differs from \(golden.lastPathComponent)")
                }
            }
        }
    }

    /// Each figure below was worked out by hand from Fixtures/*.csv with SPEC §2 and RULES.md, then
    /// compared with the engine's line (kopecks). Household tariffs include VAT:
    /// gross = round(qty × price), vat = round(gross × 22 / 122), net = gross − vat.
    @Test func selectedFiguresMatchTheHandWorkedOnes() throws {
        let cli = try Self.closedFixtures()
        defer { cli.remove() }
        let store = try Store.open(at: cli.path("f.sqlite"))
        func line(_ account: String, _ period: String, _ service: String, kind: ChargeKind = .charge,
                  zone: Zone = .single, component: ChargeComponent = .base) throws -> ChargeLine {
            try #require(try store.chargeLines(Period(parsing: period)!, account: account).first {
                $0.serviceID == service && $0.kind == kind && $0.zone == zone && $0.component == component
            }, "\(account) \(period) \(service) \(kind)")
        }
        func balance(_ account: String, _ period: String) throws -> AccountBalance {
            try #require(try store.balances(Period(parsing: period)!, account: account).first?.balance)
        }

        // 4102470118 (meters), 2026-10 at the October tariffs (Fixtures/README.md, line by line):
        // HVS 4.640 м³ × 57.52 = 266.8928 → 266.89; VAT 266.89 × 22/122 = 48.128… → 48.13, net 218.76.
        let hvs = try line("4102470118", "2026-10", "HVS")
        #expect(hvs.quantity == ExactDecimal(parsing: "4.64")! && hvs.gross == Money(parsing: "266.89")!)
        #expect(hvs.vat == Money(parsing: "48.13")! && hvs.net == Money(parsing: "218.76")!)
        // GVS 4.140 × 271.76 = 1125.0864 → 1125.09; EE 156 × 7.07 = 1102.92; OTOP 54.3 × 60.25 = 3271.575 → 3271.58
        // (half away from zero); KAPREM 54.3 × 11.60 = 629.88 exempt (VAT 0).
        #expect(try line("4102470118", "2026-10", "GVS").gross == Money(parsing: "1125.09")!)
        #expect(try line("4102470118", "2026-10", "EE").gross == Money(parsing: "1102.92")!)
        #expect(try line("4102470118", "2026-10", "OTOP").gross == Money(parsing: "3271.58")!)
        let kaprem = try line("4102470118", "2026-10", "KAPREM")
        #expect(kaprem.gross == Money(parsing: "629.88")! && kaprem.vat == .zero && kaprem.vatRate == .zero)
        // The whole October: 9117.27 (README total); opening = September's 8349.60, paid 8349.60 → closing 9117.27.
        let b118 = try balance("4102470118", "2026-10")
        #expect(b118.charged == Money(parsing: "9117.27")! && b118.opening == Money(parsing: "8349.60")!)
        #expect(b118.paid == Money(parsing: "8349.60")! && b118.closing == Money(parsing: "9117.27")!)

        // 4102710005 (norm, absence 2026-09-03..2026-09-20 of 1 of 2 residents): full days 4..19 = 16 > 5.
        // HVS_N base 4.1 × 2 = 8.2 м³ × 52.34 = 429.188 → 429.19; absence −4.1 × 1 × 16/30 = −2.186667 м³,
        // × 52.34 = −114.450… → −114.45, VAT −114.45 × 22/122 = −20.638 → −20.64.
        #expect(try line("4102710005", "2026-09", "HVS_N").gross == Money(parsing: "429.19")!)
        let absence = try line("4102710005", "2026-09", "HVS_N", component: .absence)
        #expect(absence.quantity == ExactDecimal(parsing: "-2.186667")!)
        #expect(absence.gross == Money(parsing: "-114.45")! && absence.vat == Money(parsing: "-20.64")!)
        // VO_N 7.3 × 2 = 14.6 × 38.15 = 556.99; absence 7.3 × 16/30 = 3.893333 × 38.15 = 148.5306… → −148.53.
        #expect(try line("4102710005", "2026-09", "VO_N", component: .absence).gross == Money(parsing: "-148.53")!)
        // OTOP is never reduced for absence.
        #expect(try store.chargeLines(Period(parsing: "2026-09")!, account: "4102710005")
            .filter { $0.serviceID == "OTOP" }.map(\.component) == [.base])

        // 4102470012 (two-zone electricity), 2026-10: day 163 кВт·ч × 7.77 = 1266.51 (VAT 228.39),
        // night 70 × 3.93 = 275.10; period total 13467.74 (README).
        let day = try line("4102470012", "2026-10", "EE", zone: .day)
        #expect(day.quantity == ExactDecimal(163) && day.gross == Money(parsing: "1266.51")! && day.vat == Money(parsing: "228.39")!)
        #expect(try line("4102470012", "2026-10", "EE", zone: .night).gross == Money(parsing: "275.10")!)
        #expect(try balance("4102470012", "2026-10").charged == Money(parsing: "13467.74")!)

        // 5102000001 (business, VAT on top), 2026-10: TEPLO_B 2.175 Гкал × 2657.66 = 5780.4105 → net 5780.41;
        // VAT 22 % = 1271.6902 → 1271.69; gross 7052.10. HVS_B 9.775 × 47.15 = 460.89125 → 460.89,
        // VAT 101.3958 → 101.40, gross 562.29. Period total 11094.89 (README).
        let heat = try line("5102000001", "2026-10", "TEPLO_B")
        #expect(heat.net == Money(parsing: "5780.41")! && heat.vat == Money(parsing: "1271.69")! && heat.gross == Money(parsing: "7052.10")!)
        let water = try line("5102000001", "2026-10", "HVS_B")
        #expect(water.net == Money(parsing: "460.89")! && water.vat == Money(parsing: "101.40")! && water.gross == Money(parsing: "562.29")!)
        #expect(try balance("5102000001", "2026-10").charged == Money(parsing: "11094.89")!)

        // 4102470033: no reading in 2026-09 → charged by the average; the 2026-10-20 readings spread the
        // consumption since August over September and October, and September is recalculated in October
        // at September's tariff and 22 % (a 2026 period): HVS estimate 9.193 м³ × 52.34 = 481.16, recomputed
        // 7.7865 м³: recalc −1.4065 × 52.34 = −73.6162… → −73.61 (gross of the difference of the two lines:
        // 407.55 − 481.16 = −73.61); October's charge 7.7865 × 57.52 = 447.88.
        let estimate = try line("4102470033", "2026-09", "HVS")
        #expect(estimate.basis == .average && estimate.quantity == ExactDecimal(parsing: "9.193")! && estimate.gross == Money(parsing: "481.16")!)
        let recalc = try line("4102470033", "2026-10", "HVS", kind: .recalc)
        #expect(recalc.refPeriod == Period(parsing: "2026-09")! && recalc.quantity == ExactDecimal(parsing: "-1.4065")!)
        #expect(recalc.gross == Money(parsing: "-73.61")! && recalc.vatRate == ExactDecimal(22))
        #expect(try line("4102470033", "2026-10", "HVS").gross == Money(parsing: "447.88")!)
        #expect(try balance("4102470033", "2026-10").recalc == Money(parsing: "253.47")!)

        // 4102470041 (non-payer): 2026-08 charges 9405.73, due 2026-09-15 (the 15th from 2026-03). Day 1 of
        // the delay is 09-16, day 31 is 10-16: in the October close, days 31..46 (16 days) accrue
        // 1/300 of min(9.5 %, key rate 15.5 %) = 9.5 %: 9405.73 × 0.095 / 300 × 16 = 47.6557… → 47.66, no VAT.
        // The September debt (due 10-15) reaches day 31 only on 11-14: nothing yet.
        #expect(try balance("4102470041", "2026-08").charged == Money(parsing: "9405.73")!)
        let penalty = try line("4102470041", "2026-10", "PENI", kind: .penalty, component: .penalty)
        #expect(penalty.refPeriod == Period(parsing: "2026-08")! && penalty.gross == Money(parsing: "47.66")!)
        #expect(penalty.vat == .zero && penalty.vatRate == .zero)
        #expect(try store.chargeLines(Period(parsing: "2026-10")!, account: "4102470041").filter { $0.kind == .penalty }.count == 1)
        #expect(try balance("4102470041", "2026-10").closing == Money(parsing: "28122.94")!)  // 18448.10 + 9627.18 + 47.66
    }

    /// For every account and period: closing = opening + charged + recalc + penalty − paid; each
    /// balance figure is the sum of the period's lines of that kind; opening = the previous closing;
    /// net + vat = gross on every line.
    @Test func balancesAndLinesAgreeEverywhere() throws {
        let cli = try Self.closedFixtures()
        defer { cli.remove() }
        let store = try Store.open(at: cli.path("f.sqlite"))
        var previous: [String: Money] = [:]
        for code in Self.periods {
            let period = Period(parsing: code)!
            let lines = try store.chargeLines(period)
            let balances = try store.balances(period)
            #expect(balances.count == 45)
            for line in lines { #expect(line.net + line.vat == line.gross, "\(line)") }
            for (account, balance) in balances {
                let own = lines.filter { $0.accountID == account }
                func sum(_ kind: ChargeKind) -> Money { own.filter { $0.kind == kind }.reduce(.zero) { $0 + $1.gross } }
                #expect(balance.charged == sum(.charge) && balance.recalc == sum(.recalc) && balance.penalty == sum(.penalty))
                #expect(balance.closing == balance.opening + balance.charged + balance.recalc + balance.penalty - balance.paid)
                #expect(balance.opening == previous[account] ?? .zero, "\(account) \(code)")
                let paid = try store.postedPayments(period, account: account).reduce(Money.zero) { $0 + $1.amount }
                #expect(balance.paid == paid)
                previous[account] = balance.closing
            }
        }
    }

    /// 4102710030: cold water 23.2 м³ in 2026-10 against the register's average monthly consumption
    /// before 2026-10 of 6.138333 м³
    /// (3 × 6.138333 = 18.415 < 23.2): the one flag of the Fixtures' review list.
    @Test func theReviewListFlagsTheImplausibleConsumption() throws {
        let cli = try Self.closedFixtures()
        defer { cli.remove() }
        let august = try String(contentsOfFile: cli.path("f.sqlite.review-2026-08.csv"), encoding: .utf8)
        #expect(august == "account;service;zone;reason;message\n")
        let october = try String(contentsOfFile: cli.path("f.sqlite.review-2026-10.csv"), encoding: .utf8)
        #expect(october == "account;service;zone;reason;message\n"
            + "4102710030;HVS;single;consumption_above_average;Расход 23,2 м³ больше 3 × среднемесячного 6,138333\n")
    }

    @Test func closingTwiceChangesNothingAndSaysSo() throws {
        let cli = try Self.closedFixtures()
        defer { cli.remove() }
        let before = try Self.periods.map { try Self.export(cli, "charges", $0) + Self.export(cli, "balances", $0) }
        let again = try cli.run(["close", "2026-10", "--db", "f.sqlite"])
        #expect(again.status == 0)
        #expect(again.stdout == "period 2026-10 is already closed; nothing to do (a closed period is never rewritten)\n")
        let earlier = try cli.run(["close", "2026-09", "--db", "f.sqlite"])
        #expect(earlier.status == 0 && earlier.stdout.contains("already closed"))
        let after = try Self.periods.map { try Self.export(cli, "charges", $0) + Self.export(cli, "balances", $0) }
        #expect(before == after)
    }

    @Test func periodsCloseInOrder() throws {
        let cli = try Self.closedFixtures(["2026-08"])
        defer { cli.remove() }
        let skip = try cli.run(["close", "2026-10", "--db", "f.sqlite"], environment: CLI.russianLocale)
        #expect(skip.status == 65)
        #expect(skip.stderr.contains("последний закрытый период 2026-08, следующим закрывается 2026-09"))
        let dry = try cli.run(["close", "2026-09", "--dry-run", "--db", "f.sqlite"])
        #expect(dry.status == 0 && dry.stdout.contains("dry run of 2026-09: 45 accounts closed, 0 parked"))
        let export = try cli.run(["export", "balances", "--period", "2026-09", "--db", "f.sqlite"], environment: CLI.russianLocale)
        #expect(export.status == 65 && export.stdout == "")
        #expect(export.stderr == "raschet: период 2026-09 не закрыт; сначала выполните `raschet close 2026-09`\n")
        let before = try cli.run(["export", "balances", "--period", "2026-07", "--db", "f.sqlite"])
        #expect(before.status == 65 && before.stderr == "raschet: period 2026-07 is not closed: the first closed period of this database is 2026-08, "
            + "and no period before it is closed\n")
        let later = try cli.run(["export", "balances", "--period", "2026-11", "--db", "f.sqlite"])
        #expect(later.status == 65 && later.stderr == "raschet: period 2026-11 is not closed; periods close in order, the next to close is 2026-09\n")
    }

    @Test func csvExportsUseTheJSONFieldNamesAndQuoteTheDelimiter() throws {
        let cli = try Self.closedFixtures(["2026-08"])
        defer { cli.remove() }
        let csv = try Self.export(cli, "charges", "2026-08", ["--account", "5102000003", "--format", "csv"])
        let rows = csv.split(separator: "\n")
        #expect(rows.first == "account;service;supplier;kind;ref_period;zone;quantity;unit;price;net;vat_rate;vat;gross;installation")
        #expect(rows.dropFirst().allSatisfy { $0.hasPrefix("5102000003;") && $0.hasSuffix("\"Офис и склад; ул. Мира, д. 8, пом. 3\"") })
        let balances = try Self.export(cli, "balances", "2026-08", ["--account", "5102000003", "--format", "csv"])
        #expect(balances.hasPrefix("account;opening;charged;recalc;penalty;paid;closing\n5102000003;0.00;2586.86;0.00;0.00;0.00;2586.86\n"))
    }
}
