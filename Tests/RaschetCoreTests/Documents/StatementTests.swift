import RaschetCore
import Testing

/// The statements of one business account over two closed periods, worked out by hand.
///
/// 2026-09: opening 1 000.00; charges HVS_B 1 220.00 (net 1 000.00 + VAT 22 % 220.00) and SOD_B
/// 610.00 (500.00 + 110.00); payment P1 of 1 000.00 on 05.09. Closing 1 000 + 1 830 − 1 000 = 1 830.00.
/// 2026-10: charge HVS_B 1 464.00 (1 200.00 + 264.00); recalc of 2026-09 HVS_B −122.00 (−100.00 −
/// 22.00); penalty 12.34; payments P2 1 830.00 on 10.10 and P3 200.00 dated 28.09 but posted by the
/// October close (it arrived after September was closed, so it counts on 01.10). Closing
/// 1 830 + 1 464 − 122 + 12.34 − 2 030 = 1 154.34.
@Suite struct StatementTests {
    static func money(_ text: String) -> Money { Money(parsing: text)! }
    static func date(_ text: String) -> CivilDate { CivilDate(parsing: text)! }
    static let september = Period(parsing: "2026-09")!
    static let october = Period(parsing: "2026-10")!

    static let account = Account(id: "5100000001", kind: .business, name: "ООО «Ромашка»",
                                 address: "160035, г. Вологда, ул. Пролетарская, д. 47, пом. 1", inn: "3525108730",
                                 contractNumber: "ВС-118/2021", contractDate: date("2021-03-01"),
                                 postalAddress: "160035, г. Вологда, а/я 112")
    static let center = Organization(name: "ООО «ЕРЦ Северный»", inn: "3525417791", bankName: "ПАО СБЕРБАНК",
                                     bic: "041909644", correspondentAccount: "30101810900000000644",
                                     account: "40702810912000034517")

    static func line(_ service: String, _ period: Period, _ kind: ChargeKind, ref: Period? = nil, quantity: String,
                     price: String, net: String, vat: String, rate: Int) -> ChargeLine {
        ChargeLine(accountID: account.id, serviceID: service, supplierID: service == "SOD_B" || service == "PENI" ? "UK" : "VODOKANAL",
                   period: period, kind: kind, refPeriod: ref ?? period, component: kind == .penalty ? .penalty : .base,
                   basis: kind == .penalty ? .penalty : .quantity, quantity: ExactDecimal(parsing: quantity)!,
                   unit: kind == .penalty ? "" : "м³", price: ExactDecimal(parsing: price)!,
                   vatMode: rate == 0 ? .exempt : .onTop, vatRate: ExactDecimal(rate),
                   amounts: VATAmounts(net: money(net), vat: money(vat), gross: money(net) + money(vat)),
                   installation: kind == .penalty ? nil : "Нежилое помещение")
    }

    static func ledger(account: Account = account) -> AccountLedger {
        let p1 = Payment(id: "P1", accountID: account.id, date: date("2026-09-05"), amount: money("1000.00"))
        let p2 = Payment(id: "P2", accountID: account.id, date: date("2026-10-10"), amount: money("1830.00"))
        let p3 = Payment(id: "P3", accountID: account.id, date: date("2026-09-28"), amount: money("200.00"))
        let septemberEntry = AccountLedger.PeriodEntry(
            period: september,
            balance: AccountBalance(opening: money("1000.00"), charged: money("1830.00"), recalc: .zero, penalty: .zero, paid: money("1000.00")),
            lines: [line("HVS_B", september, .charge, quantity: "25", price: "40", net: "1000.00", vat: "220.00", rate: 22),
                    line("SOD_B", september, .charge, quantity: "50", price: "10", net: "500.00", vat: "110.00", rate: 22)],
            payments: [p1])
        let octoberEntry = AccountLedger.PeriodEntry(
            period: october,
            balance: AccountBalance(opening: money("1830.00"), charged: money("1464.00"), recalc: money("-122.00"),
                                    penalty: money("12.34"), paid: money("2030.00")),
            lines: [line("HVS_B", october, .charge, quantity: "30", price: "40", net: "1200.00", vat: "264.00", rate: 22),
                    line("HVS_B", october, .recalc, ref: september, quantity: "-2.5", price: "40", net: "-100.00", vat: "-22.00", rate: 22),
                    line("PENI", october, .penalty, ref: september, quantity: "0", price: "0", net: "12.34", vat: "0.00", rate: 0)],
            payments: [p2, p3])
        return AccountLedger(account: account, since: september, openingBalance: money("1000.00"), periods: [septemberEntry, octoberEntry],
                             lastClosed: october, serviceNames: ["HVS_B": "Холодное водоснабжение (договор)"])
    }

    struct Row: Equatable, CustomStringConvertible {
        var date: String, type: SettlementOperationType, charged: String, paid: String
        var description: String { "\(date) \(type.title) \(charged) \(paid)" }
    }

    static func rows(_ statement: SettlementStatement) -> [Row] {
        statement.rows.map { Row(date: $0.date.russianString, type: $0.type, charged: $0.charged.machineString, paid: $0.paid.machineString) }
    }

    @Test func theSettlementStatementOfTwoWholePeriodsReadsRowByRow() throws {
        let statement = try SettlementStatement(ledger: Self.ledger(), from: Self.date("2026-09-01"), to: Self.date("2026-10-31"))
        #expect(statement.openingBalance == Self.money("1000.00"))
        #expect(Self.rows(statement) == [
            Row(date: "05.09.2026", type: .payment, charged: "0.00", paid: "1000.00"),
            Row(date: "30.09.2026", type: .finalInvoice, charged: "1830.00", paid: "0.00"),
            Row(date: "28.09.2026", type: .payment, charged: "0.00", paid: "200.00"),  // booked 01.10
            Row(date: "10.10.2026", type: .payment, charged: "0.00", paid: "1830.00"),
            Row(date: "31.10.2026", type: .finalInvoice, charged: "1464.00", paid: "0.00"),
            Row(date: "31.10.2026", type: .recalculation, charged: "-122.00", paid: "0.00"),
            Row(date: "31.10.2026", type: .penalty, charged: "12.34", paid: "0.00"),
        ])
        #expect(statement.rows[2].bookedOn == Self.date("2026-10-01") && statement.rows[2].paymentID == "P3")
        #expect(statement.charged == Self.money("3184.34") && statement.paid == Self.money("3030.00"))
        #expect(statement.closingBalance == Self.money("1154.34"))
        #expect(statement.range.dataAsOf == nil && statement.range.coveredTo == Self.date("2026-10-31"))
        #expect(statement.account.inn == "3525108730" && statement.account.contractNumber == "ВС-118/2021")
    }

    @Test func aRangeInsidePeriodsTakesPaymentsByDateAndChargesOnlyWhenTheLastDayIsIn() throws {
        // From 10.09: P1 (05.09) is in the opening (1 000 − 1 000 = 0); to 20.10: October's charges
        // (31.10) are out. 0 + 1 830 − 200 − 1 830 = −200.00.
        let statement = try SettlementStatement(ledger: Self.ledger(), from: Self.date("2026-09-10"), to: Self.date("2026-10-20"))
        #expect(statement.openingBalance == .zero)
        #expect(Self.rows(statement) == [
            Row(date: "30.09.2026", type: .finalInvoice, charged: "1830.00", paid: "0.00"),
            Row(date: "28.09.2026", type: .payment, charged: "0.00", paid: "200.00"),
            Row(date: "10.10.2026", type: .payment, charged: "0.00", paid: "1830.00"),
        ])
        #expect(statement.closingBalance == Self.money("-200.00"))
    }

    @Test func aPeriodsLastDayBalanceIsItsStoredClosing() {
        let ledger = Self.ledger()
        for entry in ledger.periods { #expect(ledger.balance(on: entry.period.lastDay) == entry.balance.closing) }
        #expect(ledger.balance(on: Self.date("2026-08-31")) == Self.money("1000.00"))
    }

    @Test func aRangeReachingIntoAnOpenPeriodIsStatedAsOfTheLastClosedDay() throws {
        let statement = try SettlementStatement(ledger: Self.ledger(), from: Self.date("2026-10-01"), to: Self.date("2026-12-31"))
        #expect(statement.range.dataAsOf == Self.date("2026-10-31") && statement.range.coveredTo == Self.date("2026-10-31"))
        #expect(statement.openingBalance == Self.money("1830.00") && statement.closingBalance == Self.money("1154.34"))
        // A range that starts after the last closed day has nothing closed: refused, where its
        // statement would have ended (31.10) before it started (01.11).
        do {
            _ = try SettlementStatement(ledger: Self.ledger(), from: Self.date("2026-11-01"), to: Self.date("2026-11-30"))
            Issue.record("a statement of a range after the last closed day was made")
        } catch {
            #expect(error.code == .rangeNotClosed)
            #expect(error.message.russian == "период начинается 01.11.2026, позже 31.10.2026, последнего дня последнего закрытого "
                + "периода 2026-10: в нем еще ничего не закрыто; сначала закройте 2026-11 или начните период раньше")
        }
        #expect(throws: StatementError.self) {
            try AccrualStatement(ledger: Self.ledger(), from: Self.date("2026-11-01"), to: Self.date("2026-11-30"))
        }
    }

    @Test func aReversedRangeOrANothingClosedLedgerIsRefused() throws {
        #expect(throws: StatementError.self) {
            try SettlementStatement(ledger: Self.ledger(), from: Self.date("2026-10-31"), to: Self.date("2026-09-01"))
        }
        var empty = Self.ledger()
        empty.periods = []
        empty.lastClosed = nil
        do {
            _ = try SettlementStatement(ledger: empty, from: Self.date("2026-09-01"), to: Self.date("2026-09-30"))
            Issue.record("a statement with nothing closed was built")
        } catch {
            #expect(error.code == .nothingClosed)
        }
    }

    @Test func aNegativePaymentIsAPaymentCorrection() throws {
        var ledger = Self.ledger()
        ledger.periods[1].payments.append(Payment(id: "P4", accountID: Self.account.id, date: Self.date("2026-10-12"),
                                                  amount: Self.money("-30.00")))
        let statement = try SettlementStatement(ledger: ledger, from: Self.date("2026-10-12"), to: Self.date("2026-10-12"))
        #expect(Self.rows(statement) == [Row(date: "12.10.2026", type: .paymentCorrection, charged: "0.00", paid: "-30.00")])
        #expect(statement.closingBalance == statement.openingBalance + Self.money("30.00"))
        #expect(SettlementOperationType.paymentCorrection.title == "Корректировка оплаты")
    }

    @Test func theAccrualStatementHasOneRowPerLineAndTotalsThatAreTheirSums() throws {
        let statement = try AccrualStatement(ledger: Self.ledger(), from: Self.date("2026-10-01"), to: Self.date("2026-10-31"))
        #expect(statement.rows.map { "\($0.serviceName) \($0.kind) \($0.refPeriod) \($0.net) \($0.vat) \($0.vatRate) \($0.gross)" } == [
            "Холодное водоснабжение (договор) charge 2026-10 1200.00 264.00 22 1464.00",
            "Холодное водоснабжение (договор) recalc 2026-09 -100.00 -22.00 22 -122.00",
            "Пени penalty 2026-09 12.34 0.00 0 12.34",
        ])
        #expect(statement.rows[0].installation == "Нежилое помещение" && statement.rows[0].address == Self.account.address)
        #expect(statement.rows[0].unit == "м³" && statement.rows[0].quantity == ExactDecimal(30) && statement.rows[0].price == ExactDecimal(40))
        #expect(statement.net == Self.money("1112.34") && statement.vat == Self.money("242.00") && statement.gross == Self.money("1354.34"))
        let inside = try AccrualStatement(ledger: Self.ledger(), from: Self.date("2026-09-15"), to: Self.date("2026-10-30"))
        #expect(inside.rows.map(\.serviceID) == ["HVS_B", "SOD_B"] && inside.gross == Self.money("1830.00"))
    }

    @Test func theActHasAReceiptPerPeriodAndAPaymentPerPaymentAndClosesInWords() throws {
        let act = try ReconciliationAct(ledger: Self.ledger(), center: Self.center, from: Self.date("2026-09-01"),
                                        to: Self.date("2026-10-31"))
        #expect(act.rows == [
            .init(date: Self.date("2026-09-05"), document: .payment(id: "P1"), debit: .zero, credit: Self.money("1000.00")),
            .init(date: Self.date("2026-09-30"), document: .receipt(period: Self.september), debit: Self.money("1830.00"), credit: .zero),
            .init(date: Self.date("2026-09-28"), document: .payment(id: "P3"), debit: .zero, credit: Self.money("200.00")),
            .init(date: Self.date("2026-10-10"), document: .payment(id: "P2"), debit: .zero, credit: Self.money("1830.00")),
            .init(date: Self.date("2026-10-31"), document: .receipt(period: Self.october), debit: Self.money("1354.34"), credit: .zero),
        ])
        #expect(act.openingBalance == Self.money("1000.00") && act.debit == Self.money("3184.34") && act.credit == Self.money("3030.00"))
        #expect(act.closingBalance == Self.money("1154.34"))
        let statement = try SettlementStatement(ledger: Self.ledger(), from: Self.date("2026-09-01"), to: Self.date("2026-10-31"))
        #expect(act.closingBalance == statement.closingBalance)
        #expect(act.closingSentence == "Задолженность в пользу ООО «ЕРЦ Северный» на 31.10.2026 составляет 1 154,34 руб.")
        #expect(act.closingInWords == "одна тысяча сто пятьдесят четыре рубля 34 копейки")
    }

    @Test func anAdvanceIsOwedToTheCounterpartyAndZeroIsNoDebt() throws {
        let advance = try ReconciliationAct(ledger: Self.ledger(), center: Self.center, from: Self.date("2026-09-10"),
                                            to: Self.date("2026-10-20"))
        #expect(advance.closingSentence == "Задолженность в пользу ООО «Ромашка» на 20.10.2026 составляет 200,00 руб.")
        #expect(advance.closingInWords == "двести рублей 00 копеек")
        let settled = try ReconciliationAct(ledger: Self.ledger(), center: Self.center, from: Self.date("2026-09-01"),
                                            to: Self.date("2026-09-09"))
        #expect(settled.closingBalance == .zero && settled.closingSentence == "Задолженность отсутствует")
    }

    @Test func anActIsRefusedForAHousehold() throws {
        var person = Self.account
        person.kind = .person
        do {
            _ = try ReconciliationAct(ledger: Self.ledger(account: person), center: Self.center, from: Self.date("2026-09-01"),
                                      to: Self.date("2026-10-31"))
            Issue.record("an act was built for a household")
        } catch {
            #expect(error.code == .notBusiness && error.accountID == "5100000001")
        }
    }

    @Test func theNoDebtCertificateIsRefusedWithTheDebtAndIssuedOnAnAdvance() throws {
        do {
            _ = try NoDebtCertificate(ledger: Self.ledger(), on: Self.date("2026-10-31"))
            Issue.record("a no-debt certificate was issued on a debt")
        } catch {
            #expect(error.code == .debt && error.debt == Self.money("1154.34"))
            #expect(error.message.russian == "справка об отсутствии задолженности не выдается: по лицевому счету 5100000001 на "
                + "31.10.2026 задолженность 1 154,34 руб.")
        }
        // 15.10: 1 000 − 1 000 + 1 830 − 200 − 1 830 = −200.00 (an advance); 07.09: exactly 0.
        let advance = try NoDebtCertificate(ledger: Self.ledger(), on: Self.date("2026-10-15"))
        #expect(advance.balance == Self.money("-200.00") && advance.dataAsOf == nil)
        #expect(try NoDebtCertificate(ledger: Self.ledger(), on: Self.date("2026-09-07")).balance == .zero)
        do {
            _ = try NoDebtCertificate(ledger: Self.ledger(), on: Self.date("2026-12-01"))
            Issue.record("a no-debt certificate was issued on a debt")
        } catch {
            #expect(error.debt == Self.money("1154.34") && error.message.russian.contains("на 31.10.2026"))
        }
    }

    @Test func theTurnoverBlockShowsTheAccountRowAndServiceRowsThatAddUp() throws {
        let ledger = Self.ledger()
        let sums = ledger.periods.flatMap(\.lines).map {
            (serviceID: $0.serviceID, kind: $0.kind, gross: $0.gross, isPenalty: PenaltyRecalculation.isPenalty($0))
        }
        let block = TurnoverSheet.AccountBlock(accountID: Self.account.id, name: Self.account.name,
                                               balances: ledger.periods.map(\.balance), sums: sums,
                                               serviceNames: ledger.serviceNames)
        #expect(block.figures == AccountBalance(opening: Self.money("1000.00"), charged: Self.money("3294.00"),
                                                recalc: Self.money("-122.00"), penalty: Self.money("12.34"),
                                                paid: Self.money("3030.00")))
        #expect(block.figures.closing == Self.money("1154.34"))
        #expect(block.services.map { "\($0.serviceID) \($0.charged) \($0.recalc) \($0.penalty)" } == [
            "HVS_B 2684.00 -122.00 0.00", "PENI 0.00 0.00 12.34", "SOD_B 610.00 0.00 0.00",
        ])
        // The penalties' row is named as on the receipts, not by the rules' service code.
        #expect(block.services.map(\.serviceName) == ["Холодное водоснабжение (договор)", "Пени", "SOD_B"])
        #expect(block.exportRecords.map { $0.map(\.value).joined(separator: ";") } == [
            "5100000001;;1000.00;3294.00;-122.00;12.34;3030.00;1154.34",
            "5100000001;HVS_B;;2684.00;-122.00;0.00;;",
            "5100000001;PENI;;0.00;0.00;12.34;;",
            "5100000001;SOD_B;;610.00;0.00;0.00;;",
        ])
        let sheet = try TurnoverSheet(from: Self.september, to: Period(parsing: "2026-12")!, coveredTo: Self.october, accounts: [block, block])
        #expect(sheet.totals.closing == Self.money("2308.68") && sheet.dataAsOf == Self.date("2026-10-31"))
    }

    /// Two accounts owing 600 000 000 000.00 each: their total, 1 200 000 000 000.00, is beyond
    /// `Money.limit` (1 000 000 000 000.00), so the sheet is an `overflow` error, never a trap.
    @Test func aTurnoverTotalBeyondTheMoneyLimitIsAnOverflowError() throws {
        let big = AccountBalance(opening: Self.money("600000000000.00"), charged: .zero, recalc: .zero, penalty: .zero,
                                 paid: .zero)
        let block = TurnoverSheet.AccountBlock(accountID: "1", name: "А", figures: big, services: [])
        #expect(try TurnoverSheet(from: Self.october, to: Self.october, coveredTo: Self.october, accounts: [block]).totals == big)
        #expect(throws: BillingError.self) {
            try TurnoverSheet(from: Self.october, to: Self.october, coveredTo: Self.october, accounts: [block, block])
        }
    }
}
