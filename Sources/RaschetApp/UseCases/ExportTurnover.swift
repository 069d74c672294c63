import RaschetCore
import RaschetStore

/// `raschet export turnover --from YYYY-MM --to YYYY-MM`: the turnover sheet of the closed periods of
/// a range (for one account or the whole center) written record by record to standard output or
/// `--out FILE`, so a center of 10^6 accounts is never held in memory. Shape (README, «export
/// turnover»): header `from`, `to`, `data_as_of`; per account an account row then its service rows
/// (`TurnoverSheet.AccountBlock.exportRecords`). Refused (65) when a closed period of the range has
/// parked accounts, unless `allowParked`.
public struct ExportTurnover: Sendable {
    public var database: String
    public var from: BillingMonth
    public var to: BillingMonth
    public var account: String?
    public var output: ExportOutput
    public var allowParked: Bool

    public init(database: String, from: BillingMonth, to: BillingMonth, account: String? = nil, output: ExportOutput = ExportOutput(),
                allowParked: Bool = false) {
        self.database = database; self.from = from; self.to = to; self.account = account; self.output = output
        self.allowParked = allowParked
    }

    /// Writes the export.
    /// - Returns: how many accounts parked in a period of the range it left out (with `allowParked`).
    /// - Throws: a usage error when `from` is after `to`; bad data (65) when no period of the range is
    ///   closed, the account is unknown, or accounts are parked.
    @discardableResult
    public func run() throws(AppError) -> Int {
        let (from, to) = (self.from.period, self.to.period)
        guard from <= to else { throw AppError(.usage, .rangeReversed(from: from, to: to)) }
        try output.validate()
        let workspace = Workspace(database: database)
        try workspace.refuseReplacing(output.file)
        let store = try workspace.openStoreForReading()
        do {
            let closed = try store.closedPeriods()
            guard let coveredTo = closed.last(where: { $0 <= to }), coveredTo >= from else {
                throw AppError(.badData, .noClosedPeriodInRange(from: from, to: to, closed: closed))
            }
            if let account {
                _ = try store.knownAccount(account)
            }
            let periods = closed.filter { from <= $0 && $0 <= to }
            let leftOut = try ParkedAccounts.checkExport(of: periods, account: account, allowParked: allowParked, store)
            var writer = try ExportWriter(output, header: TurnoverSheet.exportHeader(from: from, to: to, coveredTo: coveredTo),
                                          collection: "rows", columns: TurnoverSheet.exportColumns)
            let read = try store.forEachTurnoverBlock(from: from, to: to, account: account) { block in
                for record in block.exportRecords { try writer.record(record, account: block.accountID) }
            }
            // A close or `reopen` between the checks and the reading: the header would not say what was read.
            guard read == periods else { throw AppError(.busy, .closedPeriodsChangedDuringExport) }
            try writer.finish()
            return leftOut
        } catch let error as AppError {
            throw error
        } catch {
            throw AppError(error)
        }
    }
}
