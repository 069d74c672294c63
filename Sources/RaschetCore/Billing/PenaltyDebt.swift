/// A period's debt for penalty purposes: what was due for `period` by `dueDate`.
///
/// A negative amount is a credit (an overpaid period, a refund by recalculation): it settles the
/// oldest debts like a payment made before all of them.
public struct PenaltyDebt: Sendable, Hashable {
    public var period: Period
    /// Penalties are kept per supplier when the debt is; nil for an account-level debt.
    public var supplierID: String?
    public var amount: Money
    public var dueDate: CivilDate

    public init(period: Period, supplierID: String? = nil, amount: Money, dueDate: CivilDate) {
        self.period = period; self.supplierID = supplierID; self.amount = amount; self.dueDate = dueDate
    }

    /// A debt due on the rules' due day for its period.
    public init(period: Period, supplierID: String? = nil, amount: Money, rules: BillingRules) throws(BillingError) {
        self.init(period: period, supplierID: supplierID, amount: amount, dueDate: try rules.dueDate(for: period))
    }
}

extension PenaltyDebt {
    /// The debts penalties accrue on, from the lines posted by earlier closes: per posting period (and
    /// per supplier when `bySupplier`), the gross of its `charge` and `recalc` lines, due on that
    /// period's due date. Penalty lines and penalty corrections (`PenaltyRecalculation`) are left out:
    /// penalties bear no penalties. Ordered oldest first.
    /// - Complexity: O(n × k) for k debts, O(n) when the lines come grouped by posting period (as a
    ///   close makes them and the store reads them).
    public static func debts(fromPosted lines: [ChargeLine], bySupplier: Bool = false,
                             rules: BillingRules) throws(BillingError) -> [PenaltyDebt] {
        struct Key: Comparable {
            var period: Period
            var supplierID: String
            static func < (a: Key, b: Key) -> Bool { (a.period, a.supplierID) < (b.period, b.supplierID) }
        }
        // Each key's sum in the order of its lines; the key of the line before is looked at first.
        var sums: [(key: Key, amount: Money)] = []
        for index in lines.indices where !PenaltyRecalculation.isPenalty(lines[index]) {
            let key = Key(period: lines[index].period, supplierID: bySupplier ? lines[index].supplierID : "")
            let gross = lines[index].gross
            if let position = sums.lastIndex(where: { $0.key == key }) {
                sums[position].amount = try sums[position].amount.adding(gross)
            } else {
                sums.append((key, gross))
            }
        }
        sums.sort { $0.key < $1.key }
        var result: [PenaltyDebt] = []
        result.reserveCapacity(sums.count)
        for (key, amount) in sums {
            result.append(try PenaltyDebt(period: key.period, supplierID: bySupplier ? key.supplierID : nil,
                                          amount: amount, rules: rules))
        }
        return result
    }

    /// The account-level debts from the amounts of `debts(fromPosted:)` per posting period (as the
    /// store keeps them), ordered oldest first: the same as `debts(fromPosted:)` of those lines.
    /// - Complexity: O(n) when `amounts` come oldest first (as the store reads them), else O(n log n).
    public static func debts(amounts: [EarlierDebt], rules: BillingRules) throws(BillingError) -> [PenaltyDebt] {
        let ordered = zip(amounts, amounts.dropFirst()).allSatisfy { $0.period < $1.period }
            ? amounts : amounts.sorted { $0.period < $1.period }
        var result: [PenaltyDebt] = []
        result.reserveCapacity(ordered.count)
        for debt in ordered {
            result.append(try PenaltyDebt(period: debt.period, amount: debt.amount, rules: rules))
        }
        return result
    }
}
