import RaschetCore
import RaschetStore

/// The rule that a period with parked accounts is not exported (its exports would silently leave
/// those accounts out) unless `--allow-parked` is given.
enum ParkedAccounts {
    /// How many parked ids a refusal names.
    static let named = 5

    /// - Parameter account: the one account exported (`--account`), when not the whole center: only
    ///   it being parked refuses the export.
    /// - Throws: bad data (65) naming the first period of `periods` with parked accounts, how many,
    ///   the first few ids and the fix.
    static func refuseExport(of periods: [Period], account: String?, _ store: Store) throws(AppError) {
        for period in periods {
            var parked: [String]
            do { parked = try store.parkedAccounts(period) } catch { throw AppError(error) }
            if let account { parked = parked.filter { $0 == account } }
            guard !parked.isEmpty else { continue }
            let shown = parked.prefix(named).joined(separator: ", ") + (parked.count > named ? ", …" : "")
            throw AppError(.badData, .exportRefusedParked(period, count: parked.count, shown: shown))
        }
    }
}
