/// An accrual statement (справка по начислениям) of one account for a date range: one row per
/// charge line of the closed periods whose last day (the date of their lines) is within the range,
/// and «Итого», every total the sum of its rows. Exact values, no formatting.
///
/// Lines are dated their posting period's last day, as on the settlement statement: a range that
/// ends inside a period leaves that period's lines out (see `SettlementStatement` and
/// `Guides/Statements.md`). Penalty and recalculation lines are rows too, with their `kind`.
public struct AccrualStatement: Sendable, Hashable {
    public var range: StatementRange
    /// The counterparty's requisites.
    public var account: Account
    /// Period by period, each period's lines in export order.
    public var rows: [Row]

    public init(range: StatementRange, account: Account, rows: [Row]) {
        self.range = range; self.account = account; self.rows = rows
    }

    /// Builds the statement of `ledger`'s account from `from` to `to`.
    /// - Throws: `StatementError` when the range is reversed or nothing is closed.
    /// - Complexity: O(lines of the ledger).
    public init(ledger: AccountLedger, from: CivilDate, to: CivilDate) throws(StatementError) {
        let range = try ledger.range(from: from, to: to)
        var rows: [Row] = []
        for entry in ledger.periods where range.covers(entry.period.lastDay) {
            for line in entry.lines {
                rows.append(Row(line: line, address: ledger.account.address,
                                serviceName: ledger.serviceNames[line.serviceID] ?? (PenaltyRecalculation.isPenalty(line) ? PenaltyRecalculation.documentName : line.serviceID)))
            }
        }
        self.init(range: range, account: ledger.account, rows: rows)
    }

    /// One charge line.
    public struct Row: Sendable, Hashable {
        /// The period whose close posted the line; the line is dated its last day.
        public var period: Period
        public var kind: ChargeKind
        /// The period the line is for (the corrected period of a recalculation, the debt's of a penalty).
        public var refPeriod: Period
        public var installation: String?
        /// The account's address.
        public var address: String
        public var serviceID: String
        /// The service's (tariff's) name.
        public var serviceName: String
        public var zone: Zone
        public var unit: String
        public var quantity: ExactDecimal
        public var price: ExactDecimal
        /// The sum without VAT.
        public var net: Money
        public var vat: Money
        /// Percent; 0 for exempt lines and penalties.
        public var vatRate: ExactDecimal
        /// The sum with VAT (net + vat).
        public var gross: Money

        public init(line: ChargeLine, address: String, serviceName: String) {
            period = line.period; kind = line.kind; refPeriod = line.refPeriod; installation = line.installation
            self.address = address; serviceID = line.serviceID; self.serviceName = serviceName; zone = line.zone
            unit = line.unit; quantity = line.quantity; price = line.price; net = line.net; vat = line.vat
            vatRate = line.vatRate; gross = line.gross
        }
    }

    /// «Итого»: the sum of the rows' sums without VAT.
    public var net: Money { rows.reduce(.zero) { $0 + $1.net } }
    /// «Итого»: the sum of the rows' VAT.
    public var vat: Money { rows.reduce(.zero) { $0 + $1.vat } }
    /// «Итого»: the sum of the rows' totals.
    public var gross: Money { rows.reduce(.zero) { $0 + $1.gross } }
}
