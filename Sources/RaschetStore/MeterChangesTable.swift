import GRDB
import RaschetCore

/// `meter_changes` (migration `v24-meter-changes`): what a meter was before it was stored or
/// changed after a close had started, as `reading_changes` keeps the readings': one row per meter
/// and `stamp` (the latest started close at the time), holding the meter's row as it was (the
/// columns of `meters`), or only its id with `existed` 0 when it was new. The first change under a
/// stamp is kept.
///
/// What lets a receipt of a closed period list the meters its close billed (`asClosed`): a meter
/// moved to another account stays on its old account's receipt and off the new one's, a meter added
/// since is left out, a changed one shows as it was. Written by the import's triggers (`triggersSQL`,
/// made with the input marks' by `InputMarksTable.makeChangeTriggers`); settled by a close run again
/// and moved by a reopen as the readings' changes are (`stamps`).
enum MeterChangesTable {
    static let definition = """
        CREATE TABLE meter_changes (
            meter_id TEXT NOT NULL, stamp TEXT NOT NULL, existed INTEGER NOT NULL,
            account_id TEXT, service_id TEXT, zones INTEGER, digits INTEGER, installed TEXT, removed TEXT,
            verification_due TEXT,
            PRIMARY KEY (meter_id, stamp)
        ) WITHOUT ROWID;
        CREATE INDEX meter_changes_by_stamp ON meter_changes (stamp);
        """

    /// The columns a changed meter's row is kept in: those of `meters`, in their stored order
    /// (`StoredRows.meterColumns`, which decodes them).
    static let rowColumns = "meter_id, account_id, service_id, zones, digits, installed, removed, verification_due"

    static func register(in migrator: inout DatabaseMigrator) {
        // A new table: GRDB's deferred check would scan every table for foreign keys.
        migrator.registerMigration("v24-meter-changes", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: definition)
        }
    }

    /// The prefix of the names of the temporary triggers `triggersSQL` makes.
    static let triggerPrefix = "meter_changes_"

    /// Temporary triggers recording, with `stamp`, a meter an import's statement inserts (new) or
    /// changes (its old row). `WHERE NOT EXISTS` rather than `OR IGNORE`, as for the readings'.
    static func triggersSQL(stamp: Period) -> String {
        let code = "'\(stamp.code)'"
        func record(_ row: String, existed: Bool) -> String {
            let values = existed
                ? rowColumns.split(separator: ",").map { "\(row)." + $0.filter { $0 != " " } }.joined(separator: ", ")
                : "\(row).meter_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL"
            return """
                INSERT INTO meter_changes (stamp, existed, \(rowColumns)) SELECT \(code), \(existed ? 1 : 0), \(values)
                WHERE NOT EXISTS (SELECT 1 FROM meter_changes WHERE meter_id = \(row).meter_id AND stamp = \(code));
                """
        }
        return """
            CREATE TEMP TRIGGER \(triggerPrefix)inserted AFTER INSERT ON main.meters BEGIN \(record("new", existed: false)) END;
            CREATE TEMP TRIGGER \(triggerPrefix)updated AFTER UPDATE ON main.meters BEGIN \(record("old", existed: true)) END;
            """
    }

    /// What each meter of `accountIDs` was when the close of `period` started, for the ones changed
    /// since: the earliest change stamped from the period on of the meters now on those accounts and
    /// of those that were on them; nil for a meter that was not there yet.
    static func priors(_ db: Database, accounts accountIDs: [String], closed period: Period) throws -> [String: Meter?] {
        let list = "(" + Array(repeating: "?", count: accountIDs.count).joined(separator: ",") + ")"
        // The row's columns first, as `StoredRows.meter` reads them; SQLite gives the bare columns of
        // the row with the least stamp.
        let rows = try Row.fetchAll(db, sql: """
            SELECT \(rowColumns), existed, min(stamp) FROM meter_changes
            WHERE stamp >= ? AND (account_id IN \(list) OR meter_id IN (SELECT meter_id FROM meters WHERE account_id IN \(list)))
            GROUP BY meter_id
            """, arguments: StatementArguments([period.code] + accountIDs + accountIDs))
        var priors: [String: Meter?] = [:]
        for row in rows {
            let meter = StoredRows.meter(row)
            priors.updateValue(row.int64(8) != 0 ? meter : nil, forKey: meter.id)  // a nil prior kept, not a key removed
        }
        return priors
    }

    /// The meters of `accounts` as the close of a period billed them: `current` (those now on the
    /// accounts) with `priors` applied.
    static func asClosed(_ current: [Meter], priors: [String: Meter?], accounts: Set<String>) -> [Meter] {
        if priors.isEmpty { return current }
        var meters = current.filter { !priors.keys.contains($0.id) }
        for case let prior? in priors.values where accounts.contains(prior.accountID) { meters.append(prior) }
        return meters
    }

    /// Its stamps (`ChangeStamps`): the rows of a range's accounts are those of the meters now on
    /// them and of those that were on them.
    static let stamps = ChangeStamps(
        table: "meter_changes", key: ["meter_id"],
        accountRange: "(account_id BETWEEN ?3 AND ?4 OR meter_id IN (SELECT meter_id FROM meters WHERE account_id BETWEEN ?3 AND ?4))")
}
