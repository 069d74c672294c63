import Foundation
import RaschetCore
import RaschetStore
import RaschetTesting
import Testing

/// The statements and the turnover sheet of the bundled Fixtures closed for 2026-08..2026-10
/// (`CloseGoldenTests.closedFixtures`), every figure checked against the close's export goldens.
@Suite struct StatementFixturesTests {
    static let periods = CloseGoldenTests.periods.map { Period(parsing: $0)! }
    static let business = ["5102000001", "5102000002", "5102000003", "5102000004", "5102000005"]
    static let center = Organization(name: "ООО «ЕРЦ Северный»", inn: "3525417791", bankName: "ПАО СБЕРБАНК",
                                     bic: "041909644", correspondentAccount: "30101810900000000644",
                                     account: "40702810912000034517")

    /// The records of an export golden (`balances-2026-10.json`), by field name.
    static func golden(_ what: String, _ period: Period) throws -> [[String: String]] {
        let data = try Data(contentsOf: CloseGoldenTests.goldens.appendingPathComponent("\(what)-\(period.code).json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(object[what == "balances" ? "accounts" : what == "charges" ? "lines" : "payments"] as? [[String: String]])
    }

    static func money(_ text: String?) -> Money { Money(parsing: text ?? "")! }

    /// account → that period's balance export record.
    static func goldenBalances(_ period: Period) throws -> [String: [String: String]] {
        Dictionary(uniqueKeysWithValues: try golden("balances", period).map { ($0["account"]!, $0) })
    }

    @Test func everySettlementStatementClosesAtTheBalanceExportAndEveryActAgrees() throws {
        let cli = try CloseGoldenTests.closedFixtures()
        defer { cli.remove() }
        let store = try Store.open(at: cli.path("f.sqlite"))
        let balances = try Self.periods.map(Self.goldenBalances)
        let accounts = balances[0].keys.sorted()
        #expect(accounts.count == 45)
        for account in accounts {
            let ledger = try store.accountLedger(account, since: Self.periods[0], through: Self.periods[2])
            for (index, period) in Self.periods.enumerated() {
                let golden = try #require(balances[index][account])
                // From the first fixture day to the period's end: the export's closing.
                let whole = try SettlementStatement(ledger: ledger, from: Self.periods[0].firstDay, to: period.lastDay)
                #expect(whole.openingBalance == .zero && whole.closingBalance == Self.money(golden["closing"]), "\(account) \(period)")
                // One period: its opening, its movements and its closing.
                let one = try SettlementStatement(ledger: ledger, from: period.firstDay, to: period.lastDay)
                #expect(one.openingBalance == Self.money(golden["opening"]), "\(account) \(period)")
                #expect(one.charged == Self.money(golden["charged"]) + Self.money(golden["recalc"]) + Self.money(golden["penalty"]))
                #expect(one.paid == Self.money(golden["paid"]) && one.closingBalance == Self.money(golden["closing"]))
                #expect(one.range.dataAsOf == nil)
                guard Self.business.contains(account) else { continue }
                let act = try ReconciliationAct(ledger: ledger, center: Self.center, from: Self.periods[0].firstDay, to: period.lastDay)
                #expect(act.closingBalance == whole.closingBalance && act.openingBalance == whole.openingBalance, "\(account) \(period)")
                #expect(act.debit == whole.charged && act.credit == whole.paid)
            }
            // A range from inside August to inside October ends at the balance of its last day.
            let inside = try SettlementStatement(ledger: ledger, from: CivilDate(parsing: "2026-08-15")!, to: CivilDate(parsing: "2026-10-10")!)
            #expect(inside.closingBalance == ledger.balance(on: CivilDate(parsing: "2026-10-10")!))
            // Past the last closed day: as of 31.10.2026, at October's closing.
            let open = try SettlementStatement(ledger: ledger, from: Self.periods[2].firstDay, to: CivilDate(parsing: "2026-11-30")!)
            #expect(open.range.dataAsOf == CivilDate(parsing: "2026-10-31")! && open.closingBalance == Self.money(balances[2][account]?["closing"]))
        }
    }

    /// 5102000003 (ООО "Вектор", heat and waste), August to October, row by row from the goldens:
    /// charges 2 586.86, 6 513.66, 11 947.49 on the periods' last days, each of the first two paid in
    /// the next month.
    @Test func theSettlementStatementOfVektorReadsRowByRow() throws {
        let cli = try CloseGoldenTests.closedFixtures()
        defer { cli.remove() }
        let store = try Store.open(at: cli.path("f.sqlite"))
        let ledger = try store.accountLedger("5102000003", since: Self.periods[0], through: Self.periods[2])
        let statement = try SettlementStatement(ledger: ledger, from: CivilDate(parsing: "2026-08-01")!, to: CivilDate(parsing: "2026-10-31")!)
        #expect(statement.account.name == "ООО \"Вектор\"" && statement.account.inn == "3525246190")
        #expect(statement.account.contractNumber == "ТЭ-77/2023" && statement.account.contractDate == CivilDate(parsing: "2023-01-10")!)
        #expect(statement.openingBalance == .zero)
        #expect(statement.rows.map { "\($0.date.russianString) \($0.type.title) \($0.charged) \($0.paid) \($0.paymentID ?? "")" } == [
            "31.08.2026 Окончательный счет 2586.86 0.00 ",
            "03.09.2026 Оплата 0.00 2586.86 SB202609039117212752",
            "30.09.2026 Окончательный счет 6513.66 0.00 ",
            "04.10.2026 Оплата 0.00 6513.66 SB202610047164467064",
            "31.10.2026 Окончательный счет 11947.49 0.00 ",
        ])
        #expect(statement.closingBalance == Money(parsing: "11947.49")!)
        // The act: 11 947.49 owed to the center.
        let act = try ReconciliationAct(ledger: ledger, center: Self.center, from: CivilDate(parsing: "2026-08-01")!,
                                        to: CivilDate(parsing: "2026-10-31")!)
        #expect(act.closingSentence == "Задолженность в пользу ООО «ЕРЦ Северный» на 31.10.2026 составляет 11 947,49 руб.")
        #expect(act.closingInWords == "одиннадцать тысяч девятьсот сорок семь рублей 49 копеек")
        // The accrual statement: six lines; net 17 252.48 + VAT 3 795.53 = 21 048.01.
        let accruals = try AccrualStatement(ledger: ledger, from: CivilDate(parsing: "2026-08-01")!, to: CivilDate(parsing: "2026-10-31")!)
        #expect(accruals.rows.map { "\($0.period) \($0.serviceID) \($0.gross)" } == [
            "2026-08 TEPLO_B 1510.53", "2026-08 TKO_B 1076.33", "2026-09 TEPLO_B 5437.33", "2026-09 TKO_B 1076.33",
            "2026-10 TEPLO_B 10764.58", "2026-10 TKO_B 1182.91",
        ])
        #expect(accruals.rows[0].serviceName == "Тепловая энергия (договор)" && accruals.rows[0].unit == "Гкал")
        #expect(accruals.rows[0].installation == "Офис и склад; ул. Мира, д. 8, пом. 3")
        #expect(accruals.net == Money(parsing: "17252.48")! && accruals.vat == Money(parsing: "3795.53")!)
        #expect(accruals.gross == Money(parsing: "21048.01")!)
    }

    @Test func everyBusinessAccrualStatementTotalsItsRowsAndTheExportedCharges() throws {
        let cli = try CloseGoldenTests.closedFixtures()
        defer { cli.remove() }
        let store = try Store.open(at: cli.path("f.sqlite"))
        for account in Self.business {
            let ledger = try store.accountLedger(account, since: Self.periods[0], through: Self.periods[2])
            for period in Self.periods {
                let statement = try AccrualStatement(ledger: ledger, from: period.firstDay, to: period.lastDay)
                let exported = try Self.golden("charges", period).filter { $0["account"] == account }
                #expect(statement.rows.count == exported.count && !exported.isEmpty, "\(account) \(period)")
                for (row, line) in zip(statement.rows, exported) {
                    #expect(row.serviceID == line["service"] && row.gross == Self.money(line["gross"]) && row.vat == Self.money(line["vat"]))
                    #expect(row.net == Self.money(line["net"]) && row.quantity.machineString == line["quantity"])
                }
                func total(_ key: String) -> Money { exported.reduce(.zero) { $0 + Self.money($1[key]) } }
                #expect(statement.net == statement.rows.reduce(.zero) { $0 + $1.net } && statement.net == total("net"))
                #expect(statement.vat == statement.rows.reduce(.zero) { $0 + $1.vat } && statement.vat == total("vat"))
                #expect(statement.gross == statement.rows.reduce(.zero) { $0 + $1.gross } && statement.gross == total("gross"))
            }
        }
    }

    @Test func theNoDebtCertificateIsRefusedOnADebtAndIssuedOnAnAdvance() throws {
        let cli = try CloseGoldenTests.closedFixtures()
        defer { cli.remove() }
        let store = try Store.open(at: cli.path("f.sqlite"))
        // 5102000004 (Кафе Волна) paid August only: on 31.10.2026 it owes 20 268,63 (balances-2026-10).
        let cafe = try store.accountLedger("5102000004", since: Self.periods[2], through: Self.periods[2])
        do {
            _ = try NoDebtCertificate(ledger: cafe, on: CivilDate(parsing: "2026-10-31")!)
            Issue.record("a no-debt certificate was issued to an account in debt")
        } catch {
            #expect(error.code == .debt && error.debt == Money(parsing: "20268.63")!)
            #expect(error.message.russian == "справка об отсутствии задолженности не выдается: по лицевому счету 5102000004 на "
                + "31.10.2026 задолженность 20 268,63 руб.")
        }
        // On 04.09.2026 its August charge 4 284.53 was just paid: no debt.
        let august = try store.accountLedger("5102000004", since: Self.periods[1], through: Self.periods[1])
        #expect(try NoDebtCertificate(ledger: august, on: CivilDate(parsing: "2026-09-04")!).balance == .zero)
        // 4102470021 paid 13 445.59 on 11.10.2026 against an opening of 10 445.59: an advance of
        // 3 000.00 until October's charges on 31.10.
        let overpayer = try store.accountLedger("4102470021", since: Self.periods[2], through: Self.periods[2])
        let certificate = try NoDebtCertificate(ledger: overpayer, on: CivilDate(parsing: "2026-10-20")!)
        #expect(certificate.balance == Money(parsing: "-3000.00")! && certificate.dataAsOf == nil)
        #expect(certificate.account.name == "Васильева Наталья Сергеевна")
    }

    @Test func theTurnoverExportAgreesWithTheBalanceExportPerAccountAndPeriod() throws {
        let cli = try CloseGoldenTests.closedFixtures()
        defer { cli.remove() }
        func turnover(_ from: Period, _ to: Period, _ extra: [String] = []) throws -> [[String: String]] {
            let result = try cli.run(["export", "turnover", "--from", from.code, "--to", to.code, "--db", "f.sqlite"] + extra)
            #expect(result.status == 0, "\(result.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            #expect(object["data_as_of"] as? String == to.lastDay.isoString)
            return try #require(object["rows"] as? [[String: String]])
        }
        // One period at a time: every account row is that period's balance export record.
        for period in Self.periods {
            let rows = try turnover(period, period)
            let golden = try Self.golden("balances", period)
            let accountRows = rows.filter { $0["service"] == "" }
            #expect(accountRows.count == 45)
            for (row, record) in zip(accountRows, golden) {
                for key in ["account", "opening", "charged", "recalc", "penalty", "paid", "closing"] {
                    #expect(row[key] == record[key], "\(period) \(record["account"]!) \(key)")
                }
            }
            // Service rows add up to their account row and are the exported lines' sums.
            let lines = try Self.golden("charges", period)
            for accountRow in accountRows {
                let account = accountRow["account"]!
                let services = rows.filter { $0["account"] == account && $0["service"] != "" }
                for key in ["charged", "recalc", "penalty"] {
                    #expect(services.reduce(Money.zero) { $0 + Self.money($1[key]) } == Self.money(accountRow[key]), "\(account) \(key)")
                }
                for service in services {
                    let own = lines.filter { $0["account"] == account && $0["service"] == service["service"] }
                    for (key, kind) in [("charged", "charge"), ("recalc", "recalc"), ("penalty", "penalty")] {
                        let sum = own.filter { $0["kind"] == kind }.reduce(Money.zero) { $0 + Self.money($1["gross"]) }
                        #expect(Self.money(service[key]) == sum, "\(account) \(service["service"]!) \(key)")
                    }
                    #expect(service["opening"] == "" && service["paid"] == "" && service["closing"] == "")
                }
            }
        }
        // The three periods: August's opening, the sums of the movements, October's closing.
        let balances = try Self.periods.map(Self.goldenBalances)
        for row in try turnover(Self.periods[0], Self.periods[2]) where row["service"] == "" {
            let account = row["account"]!
            #expect(row["opening"] == balances[0][account]?["opening"] && row["closing"] == balances[2][account]?["closing"])
            for key in ["charged", "recalc", "penalty", "paid"] {
                #expect(Self.money(row[key]) == balances.reduce(Money.zero) { $0 + Self.money($1[account]?[key]) }, "\(account) \(key)")
            }
        }
    }

    /// The center-wide sheet is read in account batches: batches of 7 accounts (45 = 6 × 7 + 3, a
    /// batch boundary inside each building) give the same blocks as one batch, and their account rows
    /// add up to the sums of the balance exports.
    @Test func theTurnoverSheetStreamedInSmallBatchesIsTheSameAsInOne() throws {
        let cli = try CloseGoldenTests.closedFixtures()
        defer { cli.remove() }
        let store = try Store.open(at: cli.path("f.sqlite"))
        var small: [TurnoverSheet.AccountBlock] = []
        let periods = try store.forEachTurnoverBlock(from: Self.periods[0], to: Self.periods[2], batchSize: 7) { small.append($0) }
        var whole: [TurnoverSheet.AccountBlock] = []
        try store.forEachTurnoverBlock(from: Self.periods[0], to: Self.periods[2], batchSize: 1_000) { whole.append($0) }
        #expect(periods == Self.periods && small.count == 45 && small == whole)
        #expect(small.map(\.accountID) == small.map(\.accountID).sorted())
        let sheet = try TurnoverSheet(from: Self.periods[0], to: Self.periods[2], coveredTo: Self.periods[2], accounts: small)
        let balances = try Self.periods.map { try Self.golden("balances", $0) }
        func sum(_ records: [[String: String]], _ key: String) -> Money { records.reduce(.zero) { $0 + Self.money($1[key]) } }
        #expect(sheet.totals.opening == sum(balances[0], "opening") && sheet.totals.closing == sum(balances[2], "closing"))
        #expect(sheet.totals.paid == balances.reduce(.zero) { $0 + sum($1, "paid") })
        #expect(sheet.totals.penalty == balances.reduce(.zero) { $0 + sum($1, "penalty") } && sheet.totals.penalty > .zero)
        #expect(sheet.dataAsOf == nil)
    }

    /// 5102000003 over August..October, from the goldens: charged 2 586.86 + 6 513.66 + 11 947.49 =
    /// 21 048.01 (TEPLO_B 1 510.53 + 5 437.33 + 10 764.58 = 17 712.44; TKO_B 1 076.33 × 2 + 1 182.91 =
    /// 3 335.57), paid 2 586.86 + 6 513.66 = 9 100.52, closing 11 947.49.
    @Test func theTurnoverExportOfOneAccountReadsAsWorkedByHand() throws {
        let cli = try CloseGoldenTests.closedFixtures()
        defer { cli.remove() }
        let csv = try cli.run(["export", "turnover", "--from", "2026-08", "--to", "2026-10", "--account", "5102000003",
                               "--format", "csv", "--db", "f.sqlite"])
        #expect(csv.status == 0 && csv.stderr == "")
        #expect(csv.stdout == """
            account;service;opening;charged;recalc;penalty;paid;closing
            5102000003;;0.00;21048.01;0.00;0.00;9100.52;11947.49
            5102000003;TEPLO_B;;17712.44;0.00;0.00;;
            5102000003;TKO_B;;3335.57;0.00;0.00;;

            """)
        // A range past the last closed period is stated as of 31.10.2026.
        let json = try cli.run(["export", "turnover", "--from", "2026-10", "--to", "2026-12", "--account", "5102000003",
                                "--db", "f.sqlite"])
        #expect(json.status == 0)
        #expect(json.stdout == """
            {"from":"2026-10","to":"2026-12","data_as_of":"2026-10-31","rows":[
            {"account":"5102000003","service":"","opening":"6513.66","charged":"11947.49","recalc":"0.00","penalty":"0.00","paid":"6513.66","closing":"11947.49"},
            {"account":"5102000003","service":"TEPLO_B","opening":"","charged":"10764.58","recalc":"0.00","penalty":"0.00","paid":"","closing":""},
            {"account":"5102000003","service":"TKO_B","opening":"","charged":"1182.91","recalc":"0.00","penalty":"0.00","paid":"","closing":""}
            ]}

            """)
        // Nothing closed in the range, an unknown account, a reversed range: refused.
        let future = try cli.run(["export", "turnover", "--from", "2026-11", "--to", "2026-12", "--db", "f.sqlite"],
                                environment: CLI.russianLocale)
        #expect(future.status == 65 && future.stdout == "")
        #expect(future.stderr == "raschet: в периодах 2026-11..2026-12 нет закрытого периода (последний закрытый период 2026-10); сначала выполните raschet close\n")
        let past = try cli.run(["export", "turnover", "--from", "2026-06", "--to", "2026-07", "--db", "f.sqlite"])
        #expect(past.status == 65 && past.stderr == "raschet: no period from 2026-06 to 2026-07 is closed: the first closed period of this "
            + "database is 2026-08, and no period before it is closed\n")
        let unknown = try cli.run(["export", "turnover", "--from", "2026-08", "--to", "2026-10", "--account", "999", "--db", "f.sqlite"],
                                 environment: CLI.russianLocale)
        #expect(unknown.status == 65 && unknown.stderr == "raschet: лицевой счет 999 не найден; проверьте номер или импортируйте accounts\n")
        for what in ["charges", "balances", "payments"] {
            let empty = try cli.run(["export", what, "--period", "2026-10", "--account", "999", "--db", "f.sqlite"])
            #expect(empty.status == 65 && empty.stdout == "", "\(what)")
            #expect(empty.stderr == "raschet: account 999 not found; check the number or import accounts\n", "\(what): \(empty.stderr)")
        }
        let reversed = try cli.run(["export", "turnover", "--from", "2026-10", "--to", "2026-08", "--db", "f.sqlite"])
        #expect(reversed.status == 64 && reversed.stderr.contains("--from 2026-10 is after --to 2026-08"))
    }
}
