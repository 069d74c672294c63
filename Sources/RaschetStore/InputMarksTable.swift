import GRDB
import RaschetCore

/// `input_marks` (migrations `v12-input-marks`, `v16-input-marks-from`): per account, the latest
/// started close (`stamp`, a period code of `close_runs`) at the time rows were stored that may
/// change the account's lines of a started close's period, and the earliest period they may change
/// (`from_period`; `''`: any). What lets a later close fingerprint only the earlier periods that may
/// have changed (`AccountBillingInput.changedFrom`).
///
/// Every write of inputs adds the marks in its transaction (the import, `ImportSink`; `reading
/// submit`), once a close has started. Only rows that change what is stored mark
/// (`makeChangeTriggers`: files imported again unchanged, as a center may send its lists each month,
/// mark nothing): a changed account row its account, from any period or, with `changed_from` and
/// its kind and dates unchanged, from that period; a new or changed connection row its account; a
/// new meter its account, a changed one the accounts it leaves and reaches; a changed service, and
/// a new or changed tariff in force from a day up to the latest started close's last day, every
/// account (`everyAccount`), from any period; a volume of a period up to the latest started close
/// its account from that period, an absence from a day up to its last day from that day's month,
/// a reading dated up to it the meter's account from its month (the close adds the periods the
/// readings of that month on re-estimate). Rows dated later bear on periods no close has started;
/// a close finds what its own period's readings change in the earlier ones from the register
/// histories. Marks are never deleted: the close of P reads those stamped from P − 1 on (stored
/// after the close of P − 1 started, so possibly after it read the account), the earliest
/// `from_period` of each account.
enum InputMarksTable {
    static let definition = """
        CREATE TABLE input_marks (
            account_id TEXT NOT NULL, stamp TEXT NOT NULL,
            PRIMARY KEY (account_id, stamp)
        ) WITHOUT ROWID;
        """

    /// The account id of a mark that stands for every account.
    static let everyAccount = ""

    /// The `from_period` of a mark from any period.
    static let anyPeriod = ""

    /// The accounts of an account-id range (`?1`, `?2`) with a mark stamped from a period (`?3`) on,
    /// each with the earliest period its marks name (`anyPeriod` sorts first).
    static let rangeQuery = """
        SELECT account_id, min(from_period) FROM input_marks WHERE account_id BETWEEN ?1 AND ?2 AND stamp >= ?3
        GROUP BY account_id ORDER BY account_id
        """

    static func register(in migrator: inout DatabaseMigrator) {
        // A new table and a column: GRDB's deferred check would scan every table for foreign keys.
        migrator.registerMigration("v12-input-marks", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: definition + CloseRunsTable.addRulesDigest)
        }
        // Marks stored before name no period: any.
        migrator.registerMigration("v16-input-marks-from", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: "ALTER TABLE input_marks ADD COLUMN from_period TEXT NOT NULL DEFAULT ''")
        }
    }

    /// Whether a mark for every account is stamped from `period` on.
    static func marksEveryAccount(since period: Period, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM input_marks WHERE account_id = ? AND stamp >= ?)",
                          arguments: [everyAccount, period.code]) ?? false
    }

    /// Makes the temporary triggers that mark, with `stamp`, what the connection's statements write
    /// (see the type), and those that record what a reading or a meter was before
    /// (`ReadingChangesTable`, `MeterChangesTable`): an
    /// upsert that finds the row stored as it is neither updates nor inserts it. A new account row or
    /// service marks nothing: no close has computed them. Made for one import's transaction
    /// (temporary objects are the connection's), after removing any left; `dropChangeTriggers`
    /// removes them.
    static func makeChangeTriggers(stamp: Period, _ db: Database) throws {
        try dropChangeTriggers(db)
        try db.execute(sql: [changeTriggersSQL(stamp: stamp), ReadingChangesTable.triggersSQL(stamp: stamp),
                             MeterChangesTable.triggersSQL(stamp: stamp)].joined(separator: "\n"))
    }

    /// Removes the triggers `makeChangeTriggers` made (their names start with `input_marks_`,
    /// `ReadingChangesTable.triggerPrefix` or `MeterChangesTable.triggerPrefix`).
    static func dropChangeTriggers(_ db: Database) throws {
        let prefixes = ["input_marks_", ReadingChangesTable.triggerPrefix, MeterChangesTable.triggerPrefix]
        let names = try String.fetchAll(db, sql: "SELECT name FROM sqlite_temp_master WHERE type = 'trigger'")
        for name in names where prefixes.contains(where: name.hasPrefix) { try db.execute(sql: "DROP TRIGGER temp.\(name)") }
    }

    private static func changeTriggersSQL(stamp: Period) -> String {
        // No `OR IGNORE` or upsert: the upsert that fires a trigger would impose its own handling.
        func mark(_ marks: [(account: String, from: String)]) -> String {
            marks.map { account, from in
                """
                INSERT INTO input_marks (account_id, stamp, from_period) SELECT \(account), '\(stamp.code)', \(from)
                WHERE NOT EXISTS (SELECT 1 FROM input_marks WHERE account_id = \(account) AND stamp = '\(stamp.code)');
                UPDATE input_marks SET from_period = min(from_period, \(from))
                WHERE account_id = \(account) AND stamp = '\(stamp.code)';
                """
            }.joined(separator: "\n")
        }
        // A row bears on the started closes' periods when dated up to the last one's end.
        let started = "<= '\(stamp.lastDay.isoString)'"
        let every = "'\(everyAccount)'", any = "'\(anyPeriod)'"
        let meterAccount = "(SELECT account_id FROM meters WHERE meter_id = new.meter_id)"
        let triggers: [(name: String, event: String, marks: [(account: String, from: String)])] = [
            ("input_marks_account_updated", "UPDATE ON main.accounts", [("new.account_id", accountFrom)]),
            ("input_marks_connection_inserted", "INSERT ON main.account_services", [("new.account_id", any)]),
            ("input_marks_connection_updated", "UPDATE ON main.account_services", [("new.account_id", any)]),
            ("input_marks_meter_inserted", "INSERT ON main.meters", [("new.account_id", any)]),
            ("input_marks_meter_updated", "UPDATE ON main.meters", [("old.account_id", any), ("new.account_id", any)]),
            ("input_marks_service_updated", "UPDATE ON main.services", [(every, any)]),
            ("input_marks_tariff_inserted", "INSERT ON main.tariffs WHEN new.valid_from \(started)", [(every, any)]),
            ("input_marks_tariff_updated",
             "UPDATE ON main.tariffs WHEN min(old.valid_from, new.valid_from) \(started)", [(every, any)]),
            ("input_marks_volume_inserted", "INSERT ON main.volumes WHEN new.period <= '\(stamp.code)'",
             [("new.account_id", "new.period")]),
            ("input_marks_volume_updated", "UPDATE ON main.volumes WHEN new.period <= '\(stamp.code)'",
             [("new.account_id", "new.period")]),
            ("input_marks_absence_inserted", "INSERT ON main.absences WHEN new.date_from \(started)",
             [("new.account_id", "substr(new.date_from, 1, 7)")]),
            ("input_marks_absence_updated", "UPDATE ON main.absences WHEN new.date_from \(started)",
             [("new.account_id", "substr(new.date_from, 1, 7)")]),
            ("input_marks_reading_inserted", "INSERT ON main.readings WHEN new.date \(started)",
             [(meterAccount, "substr(new.date, 1, 7)")]),
            ("input_marks_reading_updated", "UPDATE ON main.readings WHEN new.date \(started)",
             [(meterAccount, "substr(new.date, 1, 7)")]),
        ]
        return triggers.map { trigger in
            "CREATE TEMP TRIGGER \(trigger.name) AFTER \(trigger.event) BEGIN \(mark(trigger.marks)) END;"
        }.joined(separator: "\n")
    }

    /// A changed account row bears on its `changed_from` on when its kind (the tariff category) and
    /// dates stay; else on any period. Its other fields bear on no line (the fingerprints of earlier
    /// periods that feed them are compared again by a later mark from any period, or never).
    private static let accountFrom = """
        CASE WHEN new.changed_from IS NOT NULL AND old.kind IS new.kind AND old.opened IS new.opened
                  AND old.closed IS new.closed THEN new.changed_from ELSE '\(anyPeriod)' END
        """

    /// The latest started close, the stamp of marks written now; nil before any close (nothing to mark).
    static func stamp(_ db: Database) throws -> Period? {
        try String.fetchOne(db, sql: "SELECT max(period) FROM close_runs").map(StoredRows.period)
    }

    /// Marks the account of `meterID` from `period` with `stamp` (a reading submitted outside an import).
    static func insert(meter meterID: String, from period: Period, stamp: Period, into db: Database) throws {
        try db.execute(sql: """
            INSERT INTO input_marks (account_id, stamp, from_period) SELECT account_id, ?2, ?3 FROM meters WHERE meter_id = ?1
            ON CONFLICT (account_id, stamp) DO UPDATE SET from_period = min(from_period, excluded.from_period)
            """, arguments: [meterID, stamp.code, period.code])
    }
}
