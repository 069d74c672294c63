import RaschetCore
import Testing

/// One account's close, worked by hand: a household heated by area (50 м² × 30.00, VAT included),
/// with its October and November 2025 charges posted and unpaid but for two payments.
@Suite struct AccountCloseTests {
    static let heating = Service(id: "OTOP", name: "Отопление", unit: "м²", supplierID: "TEPLO", method: .area)
    static let tariff = Tariff(serviceID: "OTOP", validFrom: day("2025-01-01"), price: dec("30.00"))
    static let account = Account(id: "1001", kind: .person, name: "Иванов", address: "кв. 1", area: dec("50"), residents: 1)
    static let keyRates = [KeyRate(validFrom: day("2025-01-01"), rate: dec("21"))]
    /// 300.00 on 2025-11-05 (posted by the November close) and 200.00 on 2025-12-05 (new).
    static let paidInNovember = Payment(id: "P0", accountID: "1001", date: day("2025-11-05"), amount: rub("300.00"))
    static let paidInDecember = Payment(id: "P1", accountID: "1001", date: day("2025-12-05"), amount: rub("200.00"))

    static func billing(posted: [ChargeLine]) -> AccountBillingInput {
        AccountBillingInput(account: account, services: [heating],
                            accountServices: [AccountService(accountID: "1001", serviceID: "OTOP", validFrom: day("2025-01-01"))],
                            tariffs: [tariff], posted: posted)
    }

    /// The lines the October and November closes posted: 1500.00 each.
    static func posted() -> [ChargeLine] {
        ["2025-10", "2025-11"].flatMap { code -> [ChargeLine] in
            guard case .billed(let lines) = AccountBilling.bill(billing(posted: []), period: month(code), rules: Fixture.rules) else { return [] }
            return lines
        }
    }

    /// The charge lines the closes of `months` posted, each month billed alone (1500.00 each).
    static func charged(_ months: [String]) throws -> [ChargeLine] {
        try months.flatMap { code -> [ChargeLine] in
            guard case .billed(let lines) = AccountBilling.bill(billing(posted: []), period: month(code), rules: Fixture.rules) else {
                throw BillingError.overflow(code)
            }
            return lines
        }
    }

    static func input(posted: [ChargeLine]) -> AccountCloseInput {
        AccountCloseInput(billing: billing(posted: posted), opening: rub("2700.00"),
                          payments: [paidInNovember, paidInDecember], newPayments: [paidInDecember], earlier: posted)
    }

    /// December 2025: charge 50 × 30.00 = 1500.00 with 20 % inside (1500 × 20/120 = 250.00); October
    /// and November recompute to what was posted, so no recalculation. Penalty: the October debt
    /// (1500.00, due 2025-11-10) is 1200.00 after P0 and 1000.00 after P1 (12-05); a household pays
    /// from day 31 (2025-12-11), so 21 days at min(9.5 %, 21 %) / 300: 1000 × 0.095 × 21 / 300 = 6.65.
    /// The November debt is not 30 days late yet. Balance: 2700.00 + 1500.00 + 6.65 − 200.00 = 4006.65.
    @Test func aHouseholdIsChargedPenalizedAndBalancedByHand() throws {
        let posted = Self.posted()
        #expect(posted.map(\.gross) == [rub("1500.00"), rub("1500.00")])
        let close = AccountClose(period: month("2025-12"), rules: Fixture.rules, keyRates: Self.keyRates)
        let outcome = close.close(Self.input(posted: posted))
        #expect(outcome.parked == nil)
        #expect(outcome.accountID == "1001")
        #expect(outcome.lines.map(\.kind) == [.charge, .penalty])
        #expect(outcome.lines.map(\.gross) == [rub("1500.00"), rub("6.65")])
        #expect(outcome.lines.map(\.vat) == [rub("250.00"), rub("0")])
        #expect(outcome.lines.map(\.refPeriod) == [month("2025-12"), month("2025-10")])
        #expect(outcome.balance == AccountBalance(opening: rub("2700.00"), charged: rub("1500.00"), recalc: rub("0"),
                                                  penalty: rub("6.65"), paid: rub("200.00")))
        #expect(outcome.balance.closing == rub("4006.65"))
        #expect(outcome.postedPayments == ["P1"])
        #expect(outcome.flags.isEmpty)
        // P0 and P1: 300.00 + 200.00.
        #expect(outcome.paymentsToDate == PaymentTotals(count: 2, amount: rub("500.00")))
    }

    /// The same close with P0 taken as the totals the November balance carries: the same lines,
    /// balance and totals.
    @Test func earlierPaymentsTakenAsTheirTotalsCloseTheSame() throws {
        let posted = Self.posted()
        let close = AccountClose(period: month("2025-12"), rules: Fixture.rules, keyRates: Self.keyRates)
        var input = Self.input(posted: posted)
        input.payments = [Self.paidInDecember]
        input.earlierPayments = PaymentTotals(count: 1, amount: rub("300.00"))
        let outcome = close.close(input)
        #expect(outcome == close.close(Self.input(posted: posted)))
        #expect(outcome.lines.map(\.gross) == [rub("1500.00"), rub("6.65")])
        #expect(outcome.paymentsToDate == PaymentTotals(count: 2, amount: rub("500.00")))
    }

    /// A payment dated 2025-11-03 reaches the December close: November's penalties are corrected.
    /// Closed August to November with 1500.00 each and nothing paid, nothing posted as penalties
    /// here, November should have accrued: August's debt (due 09-10, days 52..54 at 1/300) paid on
    /// 11-03 at min(9.5 %, 21 %): 1500 × 0.095 × 3/300 = 1.425 -> 1.43; September's (due 10-10) from
    /// day 31, 11-10, to 11-30, 21 days unpaid at 9.5 %: 9.975 -> 9.98. The correction: 11.41.
    /// Given the debts' amounts, the close reads only the lines posted from November on, and closes
    /// the same as with every line.
    @Test func aLatePaymentCorrectsPenaltiesFromTheDebtsAmountsAsFromEveryLine() throws {
        let months = ["2025-08", "2025-09", "2025-10", "2025-11"]
        let posted = try Self.charged(months)
        #expect(posted.map(\.gross) == Array(repeating: rub("1500.00"), count: 4))
        let late = Payment(id: "P2", accountID: "1001", date: day("2025-11-03"), amount: rub("1500.00"))
        let close = AccountClose(period: month("2025-12"), rules: Fixture.rules, keyRates: Self.keyRates)
        var everyLine = AccountCloseInput(billing: Self.billing(posted: posted), opening: rub("6000.00"),
                                          payments: [late], newPayments: [late], earlier: posted)
        #expect(close.prepare(&everyLine) == .all)
        everyLine.earlier = posted

        var fromDebts = everyLine
        fromDebts.billingPlan = nil
        fromDebts.earlierDebts = months.map { EarlierDebt(period: month($0), amount: rub("1500.00")) }
        fromDebts.earlier = []
        fromDebts.billing.posted = []
        #expect(close.prepare(&fromDebts) == .from(month("2025-11")))
        fromDebts.earlier = posted.filter { $0.period >= month("2025-11") }
        fromDebts.billing.posted = fromDebts.earlier

        let outcome = close.close(fromDebts)
        let corrections = outcome.lines.filter { $0.kind == .recalc && $0.component == .penalty }
        #expect(corrections.map(\.refPeriod) == [month("2025-11")])
        #expect(corrections.map(\.gross) == [rub("11.41")])
        let expected = close.close(everyLine)
        #expect(outcome.lines == expected.lines)
        #expect(outcome.balance == expected.balance)
        #expect(outcome.paymentsToDate == expected.paymentsToDate)
    }

    /// Closed August to November with 1500.00 each, August paid by 1500.00 on 2025-09-05 (posted by
    /// September's close), and 1500.00 dated 2025-11-25 reaching the December close. November's
    /// penalties are corrected: August paid before November accrues nothing; September's debt (due
    /// 10-10) is unpaid from day 31, 11-10, to 11-25, the payment's own day: 16 days at
    /// min(9.5 %, 21 %): 1500 × 0.095 × 16/300 = 7.60; October's is not 31 days late in November.
    /// December: October's debt (due 11-10) from day 31, 12-11, to 12-31: 1500 × 0.095 × 21/300 =
    /// 9.975 → 9.98. Balance 4500.00 + 1500.00 + 7.60 + 9.98 − 1500.00 = 4517.58. The same close with the
    /// September payment taken as the totals before November (the reader's way) closes the same, and
    /// so does one with August's debt left out as settled for good before November (offset −1500.00).
    @Test func aLatePaymentCorrectsPenaltiesWithTheEarlierPaymentsAsTheirTotals() throws {
        let months = ["2025-08", "2025-09", "2025-10", "2025-11"]
        let posted = try Self.charged(months)
        let early = Payment(id: "P0", accountID: "1001", date: day("2025-09-05"), amount: rub("1500.00"))
        let late = Payment(id: "P2", accountID: "1001", date: day("2025-11-25"), amount: rub("1500.00"))
        let close = AccountClose(period: month("2025-12"), rules: Fixture.rules, keyRates: Self.keyRates)
        var everyPayment = AccountCloseInput(billing: Self.billing(posted: []), opening: rub("4500.00"),
                                             payments: [early, late], newPayments: [late], earlier: [],
                                             earlierDebts: months.map { EarlierDebt(period: month($0), amount: rub("1500.00")) })
        #expect(close.prepare(&everyPayment) == .from(month("2025-11")))
        everyPayment.earlier = posted.filter { $0.period >= month("2025-11") }
        everyPayment.billing.posted = everyPayment.earlier
        var fromTotals = everyPayment
        fromTotals.payments = [late]
        fromTotals.earlierPayments = PaymentTotals(count: 1, amount: rub("1500.00"))

        let outcome = close.close(fromTotals)
        #expect(outcome.parked == nil)
        #expect(outcome.lines.filter { $0.kind != .charge }.map { "\($0.kind) \($0.refPeriod.code) \($0.gross.machineString)" }
            == ["penalty 2025-10 9.98", "recalc 2025-11 7.60"])
        #expect(outcome.balance.closing == rub("4517.58"))
        #expect(outcome.paymentsToDate == PaymentTotals(count: 2, amount: rub("3000.00")))
        let expected = close.close(everyPayment)
        #expect(outcome.lines == expected.lines)
        #expect(outcome.balance == expected.balance)
        #expect(outcome.paymentsToDate == expected.paymentsToDate)
        var settledBefore = fromTotals
        settledBefore.earlierDebts = fromTotals.earlierDebts.map { Array($0.dropFirst()) }
        settledBefore.settledDebts = SettledDebts(through: month("2025-08"), offset: rub("-1500.00"))
        #expect(close.close(settledBefore) == outcome)
    }

    /// Net debts August 1500.00, September 1500.00, October −200.00 (a credit), November 1500.00 and
    /// 2900.00 paid: August's 1500.00 is covered, with September 3000.00 is not, with October's credit
    /// 2800.00 is: settled through October, offset −2800.00. With a December debt of 1000.00 (5300.00
    /// in all), 5299.99 paid settles through November (4300.00), 5300.00 through December.
    @Test func theSettledDebtsAreThoseWhoseNetAmountThePaymentsCover() throws {
        let debts = [("2025-08", "1500.00"), ("2025-09", "1500.00"), ("2025-10", "-200.00"), ("2025-11", "1500.00")]
            .map { EarlierDebt(period: month($0.0), amount: rub($0.1)) }
        let settled = try SettledDebts.after(nil, debts: debts, paid: rub("2900.00"))
        #expect(settled == SettledDebts(through: month("2025-10"), offset: rub("-2800.00")))
        #expect(try SettledDebts.after(nil, debts: debts, paid: rub("1499.99")) == nil)
        let later = Array(debts.suffix(1)) + [EarlierDebt(period: month("2025-12"), amount: rub("1000.00"))]
        #expect(try SettledDebts.after(settled, debts: later, paid: rub("4299.99")) == settled)
        #expect(try SettledDebts.after(settled, debts: later, paid: rub("5299.99"))
            == SettledDebts(through: month("2025-11"), offset: rub("-4300.00")))
        #expect(try SettledDebts.after(settled, debts: later, paid: rub("5300.00"))
            == SettledDebts(through: month("2025-12"), offset: rub("-5300.00")))
    }

    /// December 2025 with debts September, October and November 1500.00 each and 2000.00 paid before
    /// (September's settled) and 200.00 on 12-05: October's debt (due 11-10) is 800.00 unpaid from
    /// day 31, 12-11, to 12-31, 21 days at min(9.5 %, 21 %): 800 × 0.095 × 21/300 = 5.32. The same
    /// close with September left out as settled (offset −1500.00): the same outcome, settled through
    /// September after it too (2200.00 paid does not cover October), with October, November and
    /// December (its own 1500.00) left open.
    @Test func aCloseWithoutTheSettledDebtsClosesTheSame() throws {
        let close = AccountClose(period: month("2025-12"), rules: Fixture.rules, keyRates: Self.keyRates)
        let debts = ["2025-09", "2025-10", "2025-11"].map { EarlierDebt(period: month($0), amount: rub("1500.00")) }
        let every = AccountCloseInput(billing: Self.billing(posted: []), opening: rub("2500.00"), payments: [Self.paidInDecember],
                                      newPayments: [Self.paidInDecember], earlier: [], earlierDebts: debts,
                                      earlierPayments: PaymentTotals(count: 2, amount: rub("2000.00")))
        var later = every
        later.earlierDebts = Array(debts.dropFirst())
        later.settledDebts = SettledDebts(through: month("2025-09"), offset: rub("-1500.00"))
        let outcome = close.close(later)
        #expect(outcome == close.close(every))
        #expect(outcome.lines.filter { $0.kind == .penalty }.map { "\($0.refPeriod.code) \($0.gross.machineString)" } == ["2025-10 5.32"])
        #expect(outcome.settledDebts == SettledDebts(through: month("2025-09"), offset: rub("-1500.00")))
        #expect(outcome.openDebts == ["2025-10", "2025-11", "2025-12"].map { EarlierDebt(period: month($0), amount: rub("1500.00")) })
        #expect(outcome.paymentsToDate == PaymentTotals(count: 3, amount: rub("2200.00")))
    }

    /// Without key rates the penalty cannot be computed: the account is parked, nothing else is kept,
    /// and the reason names the account and the period.
    @Test func aPenaltyThatCannotBeComputedParksTheAccountWithItsIdAndPeriod() throws {
        let close = AccountClose(period: month("2025-12"), rules: Fixture.rules, keyRates: [])
        let outcome = close.close(Self.input(posted: Self.posted()))
        let reason = try #require(outcome.parked)
        #expect(reason.code == .noKeyRate && reason.accountID == "1001" && reason.period == month("2025-12"))
        #expect(outcome.lines.isEmpty && outcome.postedPayments.isEmpty && outcome.flags.isEmpty)
        #expect(outcome.balance == AccountBalance(opening: .zero, charged: .zero, recalc: .zero, penalty: .zero, paid: .zero))
    }

    /// A service without a tariff parks the account in the billing phase, with the billing rules' reason.
    @Test func aServiceWithoutATariffParksTheAccount() throws {
        var input = Self.input(posted: [])
        input.billing.tariffs = []
        let outcome = AccountClose(period: month("2025-12"), rules: Fixture.rules, keyRates: Self.keyRates).close(input)
        #expect(outcome.parked?.code == .noTariff && outcome.parked?.accountID == "1001")
        #expect(outcome.lines.isEmpty && outcome.postedPayments.isEmpty)
    }
}
