import RaschetCore

/// The meters a receipt's queries read readings for, as SQL over a table `m` of `meter_id` and
/// `account_id` with its parameters bound first (numbered `?1…`): the meters now on some accounts
/// (`meters m`, filtered by account), or a given list, each with the account it was on (a `WITH m`
/// of values: the meters a closed period was billed with, `MeterChangesTable`).
struct ReceiptMeters {
    /// A `WITH` clause before the query's `SELECT`, or nothing.
    let with: String
    /// What the query reads as `m`.
    let table: String
    /// The condition on `m`'s rows.
    let filter: String
    /// The values of the parameters, bound first.
    let arguments: [String]

    /// The meters now on `accountIDs`.
    static func accounts(_ accountIDs: [String]) -> ReceiptMeters {
        ReceiptMeters(with: "", table: "meters m", filter: "m.account_id IN (" + numbered(accountIDs.count) + ")",
                      arguments: accountIDs)
    }

    /// `meters`, each on its own account.
    static func meters(_ meters: [Meter]) -> ReceiptMeters {
        let rows = meters.indices.map { "(?\(2 * $0 + 1), ?\(2 * $0 + 2))" }.joined(separator: ", ")
        return ReceiptMeters(with: meters.isEmpty ? "" : "WITH m(meter_id, account_id) AS (VALUES \(rows)) ", table: "m",
                             filter: "1", arguments: meters.flatMap { [$0.id, $0.accountID] })
    }

    /// `?1,?2,…` up to `count`.
    private static func numbered(_ count: Int) -> String {
        (0..<count).map { "?\($0 + 1)" }.joined(separator: ",")
    }
}
