import RaschetCore
import RaschetStore

/// `raschet export turnover --from YYYY-MM --to YYYY-MM`: the turnover sheet of the closed periods of
/// a range (for one account or the whole center) written record by record, so a center of 10^6
/// accounts is never held in memory. Shape (README, «export turnover»): header `from`, `to`,
/// `data_as_of`; per account an account row then its service rows
/// (`TurnoverSheet.AccountBlock.exportRecords`).
public struct ExportTurnover: Sendable {
    public var database: String
    public var from: BillingMonth
    public var to: BillingMonth
    public var account: String?
    public var format: ExportFormat

    public init(database: String, from: BillingMonth, to: BillingMonth, account: String? = nil, format: ExportFormat = .json) {
        self.database = database; self.from = from; self.to = to; self.account = account; self.format = format
    }

    /// Writes the export through `write` in pieces of about 64 KiB.
    /// - Throws: a usage error when `from` is after `to`; bad data (65) when no period of the range is
    ///   closed or the account is unknown.
    public func run(write: (String) -> Void) throws(AppError) {
        let (from, to) = (self.from.period, self.to.period)
        guard from <= to else { throw AppError(.usage, .rangeReversed(from: from, to: to)) }
        let store = try Workspace(database: database).openStore()
        do {
            let closed = try store.closedPeriods()
            guard let coveredTo = closed.last(where: { $0 <= to }), coveredTo >= from else {
                throw AppError(.badData, .noClosedPeriodInRange(from: from, to: to, last: closed.last))
            }
            if let account {
                _ = try store.knownAccount(account)
            }
            var stream = ExportStream(format: format == .json ? .json : .csv,
                                      header: TurnoverSheet.exportHeader(from: from, to: to, coveredTo: coveredTo),
                                      collection: "rows", columns: TurnoverSheet.exportColumns)
            var buffer = stream.opening()
            try store.forEachTurnoverBlock(from: from, to: to, account: account) { block in
                for record in block.exportRecords { buffer += stream.record(record) }
                if buffer.utf8.count >= 65_536 {
                    write(buffer)
                    buffer = ""
                }
            }
            write(buffer + stream.closing())
        } catch let error as AppError {
            throw error
        } catch {
            throw AppError(error)
        }
    }
}
