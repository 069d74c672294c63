/// A turnover sheet (оборотно-сальдовая ведомость) for a range of closed periods: per account a row
/// of its balance movement, and under it one row per service of what was charged. Exact values.
///
/// Openings, payments and closings are kept per account, not per service (a payment settles the
/// account's oldest debt, whatever the service), so the **account row** shows opening, charged,
/// recalculated, penalties, paid and closing, with closing = opening + charged + recalc + penalty −
/// paid, and the **service rows** show only charged, recalculated and penalties (penalties are the
/// service `PENI`); the service rows of an account add up to its account row. Over several periods
/// the opening is the account's opening in the first period of the range it has a balance in and the
/// movements are the sums over the periods, so the closing is its closing in the last one.
///
/// `export turnover` streams the whole center's account blocks (`RaschetStore`'s turnover query)
/// without a sheet; a sheet in memory (`accounts`) is what a rendered document shows.
public struct TurnoverSheet: Sendable, Hashable {
    /// The first period asked for.
    public var from: Period
    /// The last period asked for.
    public var to: Period
    /// The last closed period of the range: `to`, or the latest closed period when the range
    /// reaches into open ones (then the sheet says «по данным на <its last day>»).
    public var coveredTo: Period
    public var accounts: [AccountBlock]
    /// «Итого»: the sum of the account rows.
    public let totals: AccountBalance

    /// - Throws: an `overflow` billing error when a total leaves ±`Money.limit` (never a trap).
    public init(from: Period, to: Period, coveredTo: Period, accounts: [AccountBlock]) throws(BillingError) {
        self.from = from; self.to = to; self.coveredTo = coveredTo; self.accounts = accounts
        var totals = AccountBalance.zero
        for block in accounts { totals = try totals.adding(block.figures) }
        self.totals = totals
    }

    /// The last closed day when the range reaches into an open period, else nil.
    public var dataAsOf: CivilDate? { coveredTo < to ? coveredTo.lastDay : nil }

    /// One service's charges of an account over the range.
    public struct ServiceRow: Sendable, Hashable {
        public var serviceID: String
        public var serviceName: String
        public var charged: Money
        public var recalc: Money
        public var penalty: Money

        public init(serviceID: String, serviceName: String, charged: Money, recalc: Money, penalty: Money) {
            self.serviceID = serviceID; self.serviceName = serviceName; self.charged = charged; self.recalc = recalc
            self.penalty = penalty
        }
    }

    /// One account: its row and its service rows (by service id).
    public struct AccountBlock: Sendable, Hashable {
        public var accountID: String
        public var name: String
        public var figures: AccountBalance
        public var services: [ServiceRow]

        public init(accountID: String, name: String, figures: AccountBalance, services: [ServiceRow]) {
            self.accountID = accountID; self.name = name; self.figures = figures; self.services = services
        }

        /// Builds the block from the account's balances of the range's periods (ascending) and the
        /// gross sums of its lines per service and kind (`isPenalty`: a penalty or a penalty
        /// correction, `PenaltyRecalculation.isPenalty`, named «Пени» when its service is not listed).
        /// - Parameter balances: at least one.
        public init(accountID: String, name: String, balances: [AccountBalance],
                    sums: [(serviceID: String, kind: ChargeKind, gross: Money, isPenalty: Bool)], serviceNames: [String: String]) {
            precondition(!balances.isEmpty, "an account block needs the balance of at least one period")
            var figures = AccountBalance.zero
            figures.opening = balances[0].opening
            for balance in balances {
                figures.charged += balance.charged; figures.recalc += balance.recalc
                figures.penalty += balance.penalty; figures.paid += balance.paid
            }
            var rows: [ServiceRow] = []
            for sum in sums.sorted(by: { $0.serviceID < $1.serviceID }) {
                if rows.last?.serviceID != sum.serviceID {
                    rows.append(ServiceRow(serviceID: sum.serviceID, serviceName: serviceNames[sum.serviceID]
                                               ?? (sum.isPenalty ? PenaltyRecalculation.documentName : sum.serviceID),
                                           charged: .zero, recalc: .zero, penalty: .zero))
                }
                switch sum.kind {
                case .charge: rows[rows.count - 1].charged += sum.gross
                case .recalc: rows[rows.count - 1].recalc += sum.gross
                case .penalty: rows[rows.count - 1].penalty += sum.gross
                }
            }
            self.init(accountID: accountID, name: name, figures: figures, services: rows)
        }
    }
}
