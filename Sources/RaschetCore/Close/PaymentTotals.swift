/// How many payments, and their sum: what the store carries from one close to the next for each
/// account (the payments posted by that close and every earlier one), so that a later close takes
/// the payments of earlier months as one amount instead of reading each of them.
public struct PaymentTotals: Sendable, Hashable {
    public var count: Int
    public var amount: Money

    public static let zero = PaymentTotals(count: 0, amount: .zero)

    public init(count: Int, amount: Money) {
        self.count = count
        self.amount = amount
    }

    /// These totals with `payments` added; an `overflow` billing error when the amount leaves
    /// ±`Money.limit` or the count leaves `Int`.
    public func adding(_ payments: [Payment]) throws(BillingError) -> PaymentTotals {
        var result = self
        for payment in payments {
            let (count, overflow) = result.count.addingReportingOverflow(1)
            guard !overflow else { throw BillingError.overflow("\(result.count) + 1") }
            result.count = count
            result.amount = try result.amount.adding(payment.amount)
        }
        return result
    }

    /// These totals without `payments`, which they count; nil when that takes more payments than
    /// they count or the amount leaves ±`Money.limit` (the totals did not count them).
    public func removing(_ payments: [Payment]) -> PaymentTotals? {
        guard payments.count <= count else { return nil }
        var amount = self.amount
        for payment in payments {
            guard let rest = try? amount.adding(-payment.amount) else { return nil }
            amount = rest
        }
        return PaymentTotals(count: count - payments.count, amount: amount)
    }
}
