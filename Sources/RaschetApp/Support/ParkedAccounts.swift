import RaschetCore
import RaschetStore

/// The rule that a period with parked accounts is not exported (its exports would silently leave
/// those accounts out) unless `--allow-parked` is given.
enum ParkedAccounts {
    /// How many parked ids a refusal names.
    static let named = 5

    /// - Throws: bad data (65) naming the first period of `periods` with parked accounts, how many,
    ///   the first few ids and the fix.
    static func refuseExport(of periods: [Period], _ store: Store) throws(AppError) {
        for period in periods {
            let parked: [String]
            do { parked = try store.parkedAccounts(period) } catch { throw AppError(error) }
            guard !parked.isEmpty else { continue }
            let shown = parked.prefix(named).joined(separator: ", ") + (parked.count > named ? ", …" : "")
            throw AppError(.badData, .exportRefusedParked(period, count: parked.count, shown: shown))
        }
    }
}
