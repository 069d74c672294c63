import RaschetCore
import Testing

/// The totals a balance carries of the payments posted so far, and those totals without some of them.
@Suite struct PaymentTotalsTests {
    static func payment(_ id: String, _ amount: String) -> Payment {
        Payment(id: id, accountID: "1001", date: day("2025-11-05"), amount: rub(amount))
    }

    /// 3 payments, 2500.00 in all, less 1000.00 and a reversal of −200.00: 1 payment, 1700.00; adding
    /// them back gives the totals again.
    @Test func removingPaymentsTakesTheirCountAndAmount() throws {
        let totals = PaymentTotals(count: 3, amount: rub("2500.00"))
        let removed = [Self.payment("P1", "1000.00"), Self.payment("P2", "-200.00")]
        let rest = try #require(totals.removing(removed))
        #expect(rest == PaymentTotals(count: 1, amount: rub("1700.00")))
        #expect(try rest.adding(removed) == totals)
        #expect(totals.removing([]) == totals)
    }

    /// More payments than counted, or an amount beyond `Money.limit`, is no total: nil, not a trap.
    @Test func removingWhatTheTotalsCannotHoldIsNil() {
        let one = PaymentTotals(count: 1, amount: rub("100.00"))
        #expect(one.removing([Self.payment("P1", "50.00"), Self.payment("P2", "50.00")]) == nil)
        let edge = PaymentTotals(count: 1, amount: Money(kopecks: -Money.limit.kopecks))
        #expect(edge.removing([Payment(id: "P1", accountID: "1001", date: day("2025-11-05"), amount: Money(kopecks: 1))]) == nil)
    }
}
