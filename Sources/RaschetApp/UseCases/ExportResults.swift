import RaschetCore
import RaschetStore

/// `raschet export charges|balances|payments --period YYYY-MM`: a closed period's results as JSON or
/// CSV (SPEC section 5), streamed from the database to standard output or `--out FILE` record by
/// record (memory bounded whatever the size). Refused (65) for a period whose close has not
/// finished, which would otherwise export partial or no data silently, and for a period with parked
/// accounts unless `allowParked`. A database on read-only media is read as it is (`Store.openForReading`).
public struct ExportResults: Sendable {
    public var database: String
    public var kind: ExportKind
    public var month: BillingMonth
    /// Only this account, when given.
    public var account: String?
    public var output: ExportOutput
    /// Export even though some accounts of the period are parked (they are left out).
    public var allowParked: Bool

    public init(database: String, kind: ExportKind, month: BillingMonth, account: String? = nil, output: ExportOutput = ExportOutput(),
                allowParked: Bool = false) {
        self.database = database
        self.kind = kind
        self.month = month
        self.account = account
        self.output = output
        self.allowParked = allowParked
    }

    /// Writes the export.
    /// - Returns: how many parked accounts it left out (with `allowParked`; else it refuses them).
    @discardableResult
    public func run() throws(AppError) -> Int {
        try output.validate()
        let workspace = Workspace(database: database)
        try workspace.refuseReplacing(output.file)
        let store = try workspace.openStoreForReading()
        let period = month.period
        do {
            switch try store.closeStatus(period) {
            case .closed: break
            case .running: throw AppError(.badData, .periodCloseUnfinished(period))
            case nil: throw AppError(.badData, .periodNotClosed(period, closed: try store.closedPeriods()))
            }
            // An account that is not there is a mistake to say, not an empty export (as `export turnover`).
            if let account { _ = try store.knownAccount(account) }
            let leftOut = try ParkedAccounts.checkExport(of: [period], account: account, allowParked: allowParked, store)
            let header = ExportTable.periodHeader(period)
            switch kind {
            case .charges:
                var writer = try ExportWriter(output, header: header, collection: "lines", columns: ExportTable.chargeColumns)
                try store.forEachChargeLine(period, account: account) { line in
                    try writer.record(ExportTable.chargeRecord(line), account: line.accountID)
                }
                try writer.finish()
            case .balances:
                var writer = try ExportWriter(output, header: header, collection: "accounts", columns: ExportTable.balanceColumns)
                try store.forEachBalance(period, account: account) { accountID, balance in
                    try writer.record(ExportTable.balanceRecord(accountID: accountID, balance), account: accountID)
                }
                try writer.finish()
            case .payments:
                var writer = try ExportWriter(output, header: header, collection: "payments", columns: ExportTable.paymentColumns)
                try store.forEachPostedPayment(period, account: account) { payment in
                    try writer.record(ExportTable.paymentRecord(payment), account: payment.accountID)
                }
                try writer.finish()
            }
            return leftOut
        } catch let error as AppError {
            throw error
        } catch {
            throw AppError(error)
        }
    }
}
