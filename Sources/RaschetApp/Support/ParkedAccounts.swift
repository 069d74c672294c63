import RaschetCore
import RaschetStore

/// The rule that a period with parked accounts is not exported (its exports would silently leave
/// those accounts out) unless `--allow-parked` is given, and that no document is issued from the
/// figures a parked account lacks.
enum ParkedAccounts {
    /// How many parked ids a refusal names.
    static let named = 5

    /// The accounts an export of `periods` would leave out as parked in one of them.
    /// - Parameters:
    ///   - account: the one account exported (`--account`), when not the whole center: only it being
    ///     parked counts.
    ///   - allowParked: `--allow-parked`: they are left out; else the export is refused.
    /// - Returns: how many are left out (for `--allow-parked` to say so).
    /// - Throws: without `allowParked`, bad data (65) naming the first period of `periods` with parked
    ///   accounts, how many, the first few ids and the fix.
    static func checkExport(of periods: [Period], account: String?, allowParked: Bool, _ store: Store) throws(AppError) -> Int {
        var leftOut = Set<String>()
        for period in periods {
            let parked = try parked(in: period, account: account, store)
            if !allowParked, !parked.isEmpty {
                throw AppError(.badData, .exportRefusedParked(period, count: parked.count, shown: shown(parked)))
            }
            leftOut.formUnion(parked)
        }
        return leftOut.count
    }

    /// Refuses a document (a statement, an act, a turnover sheet, a certificate) that reads `periods`
    /// when an account it covers is parked in one of them.
    /// - Parameter account: the document's account; nil for the center-wide turnover sheet.
    /// - Throws: bad data (65) naming the first such period, how many, the first few ids and the fix.
    static func checkDocument(of periods: [Period], account: String?, _ store: Store) throws(AppError) {
        for period in periods {
            let parked = try parked(in: period, account: account, store)
            guard parked.isEmpty else {
                throw AppError(.badData, .documentRefusedParked(period, count: parked.count, shown: shown(parked)))
            }
        }
    }

    /// The accounts parked in `period`: all, or only `account` when one is given.
    private static func parked(in period: Period, account: String?, _ store: Store) throws(AppError) -> [String] {
        let parked: [String]
        do { parked = try store.parkedAccounts(period) } catch { throw AppError(error) }
        return account.map { account in parked.filter { $0 == account } } ?? parked
    }

    /// The first `named` of `parked`, with an ellipsis for the rest.
    private static func shown(_ parked: [String]) -> String {
        parked.prefix(named).joined(separator: ", ") + (parked.count > named ? ", …" : "")
    }
}
