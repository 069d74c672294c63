/// An account's balance movement over a period (SPEC section 5, `export balances`), or over a range
/// of periods, or the sum of several accounts' (a turnover sheet's rows and totals).
///
/// `closing = opening + charged + recalc + penalty − paid`, always: `closing` is computed, never
/// stored apart. Positive = debt, negative = overpayment.
public struct AccountBalance: Sendable, Hashable {
    public var opening: Money
    /// Gross of `charge` lines.
    public var charged: Money
    /// Gross of `recalc` lines.
    public var recalc: Money
    /// Gross of `penalty` lines.
    public var penalty: Money
    public var paid: Money

    public init(opening: Money, charged: Money, recalc: Money, penalty: Money, paid: Money) {
        self.opening = opening; self.charged = charged; self.recalc = recalc; self.penalty = penalty; self.paid = paid
    }

    /// Sums a period's lines by kind and its payments.
    /// - Complexity: O(lines + payments).
    public init(opening: Money, lines: [ChargeLine], payments: [Payment]) {
        var charged = Money.zero, recalc = Money.zero, penalty = Money.zero, paid = Money.zero
        for line in lines {
            switch line.kind {
            case .charge: charged += line.gross
            case .recalc: recalc += line.gross
            case .penalty: penalty += line.gross
            }
        }
        for payment in payments { paid += payment.amount }
        self.init(opening: opening, charged: charged, recalc: recalc, penalty: penalty, paid: paid)
    }

    public static let zero = AccountBalance(opening: .zero, charged: .zero, recalc: .zero, penalty: .zero, paid: .zero)

    public var closing: Money { opening + charged + recalc + penalty - paid }

    /// Adds every figure (the totals of several accounts), or throws `overflow`.
    public func adding(_ other: AccountBalance) throws(BillingError) -> AccountBalance {
        AccountBalance(opening: try opening.adding(other.opening), charged: try charged.adding(other.charged),
                       recalc: try recalc.adding(other.recalc), penalty: try penalty.adding(other.penalty),
                       paid: try paid.adding(other.paid))
    }
}
