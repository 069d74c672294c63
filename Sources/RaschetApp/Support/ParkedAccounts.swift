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
            let parked = try parkedAccounts(period, account: account, store)
            guard !parked.isEmpty else { continue }
            let shown = parked.prefix(named).joined(separator: ", ") + (parked.count > named ? ", …" : "")
            throw AppError(.badData, .exportRefusedParked(period, count: parked.count, shown: shown))
        }
    }

    /// How many accounts an export of `periods` (of `account` only, when given) leaves out as parked
    /// in one of them, for `--allow-parked` to say so.
    static func leftOut(of periods: [Period], account: String?, _ store: Store) throws(AppError) -> Int {
        var parked = Set<String>()
        for period in periods { parked.formUnion(try parkedAccounts(period, account: account, store)) }
        return parked.count
    }

    private static func parkedAccounts(_ period: Period, account: String?, _ store: Store) throws(AppError) -> [String] {
        let parked: [String]
        do { parked = try store.parkedAccounts(period) } catch { throw AppError(error) }
        return account.map { account in parked.filter { $0 == account } } ?? parked
    }
}
