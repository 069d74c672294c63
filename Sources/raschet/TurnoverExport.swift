import RaschetCore
import RaschetStore

/// `raschet export turnover`: the turnover sheet of the closed periods of `from...to` (for one
/// account or the whole center) written record by record, so a center of 10^6 accounts is never
/// held in memory. Shape (README, «export turnover»): header `from`, `to`, `data_as_of`; per account
/// an account row then its service rows (`TurnoverSheet.AccountBlock.exportRecords`).
struct TurnoverExport {
    var database: String
    var from: Period
    var to: Period
    var account: String?
    var format: ExportStream.Format

    /// Writes the export through `write` in pieces of about 64 KiB.
    /// - Throws: `StoreError.Code.refused` when no period of the range is closed, or the account is unknown.
    func run(write: (String) -> Void) throws {
        let store = try Store.open(at: database)
        let closed = try store.closedPeriods()
        guard let coveredTo = closed.last(where: { $0 <= to }), coveredTo >= from else {
            let last = closed.last.map { "последний закрытый период \($0.code)" } ?? "ни один период не закрыт"
            throw StoreError(.refused, "в периодах \(from.code)..\(to.code) нет закрытого периода (\(last)); сначала выполните raschet close")
        }
        if let account {
            _ = try store.knownAccount(account)
        }
        var stream = ExportStream(format: format, header: TurnoverSheet.exportHeader(from: from, to: to, coveredTo: coveredTo),
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
    }
}
