import GRDB
import RaschetCore

/// The stamps of the tables that keep what an input was before it changed after a close started
/// (`reading_changes`, `meter_changes`): a row stamped with a close's period counts as changed after
/// that close read it. Moved down to the close before when that close is reopened, or when a run of
/// it reads the changed inputs (`settle`): the receipts of the period then show them as they are.
struct ChangeStamps {
    /// The table.
    let table: String
    /// The columns that name one input in it (besides `stamp`).
    let key: [String]
    /// The condition selecting the rows of the meters of an account range (`?3`, `?4`).
    let accountRange: String

    /// Moves the rows stamped `period` to `earlier` (nil: no close before, the rows are dropped); a
    /// row already stamped `earlier` for the same input is the earlier change and stays. With
    /// `accounts`, only the rows of that range's meters.
    func move(from period: Period, to earlier: Period?, accounts: ClosedRange<String>? = nil, _ db: Database) throws {
        let rows = accounts == nil ? "" : " AND " + accountRange
        let range = accounts.map { [$0.lowerBound, $0.upperBound] } ?? []
        if let earlier {
            let same = key.map { "e.\($0) = \(table).\($0)" }.joined(separator: " AND ")
            try db.execute(sql: """
                UPDATE \(table) SET stamp = ?2 WHERE stamp = ?1\(rows)
                AND NOT EXISTS (SELECT 1 FROM \(table) e WHERE \(same) AND e.stamp = ?2)
                """, arguments: StatementArguments([period.code, earlier.code] + range))
        }
        // ?2 unused: the range keeps its numbers (SQLite counts parameters up to the highest).
        try db.execute(sql: "DELETE FROM \(table) WHERE stamp = ?1" + rows,
                       arguments: StatementArguments([period.code] + (accounts == nil ? [] : [""] + range)))
    }

    /// After a close of `period` stored the accounts of `accounts` (a batch): their rows stamped with
    /// the period move to the close before it, since the close read the inputs as they are now.
    /// Nothing to do, in one index probe, when no row bears the period's stamp (a close's first run:
    /// the stamp is given from its start on, and no command writes beside it).
    func settle(accounts: ClosedRange<String>, period: Period, _ db: Database) throws {
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE stamp = ?)", arguments: [period.code]) == true
        else { return }
        try move(from: period, to: try CloseRunsTable.latest(before: period, db), accounts: accounts, db)
    }
}
