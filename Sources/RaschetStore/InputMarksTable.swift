import GRDB
import RaschetCore

/// `input_marks` (migration `v12-input-marks`): per account, the latest started close (`stamp`, a
/// period code of `close_runs`) at the time rows were stored that may change the account's lines of a
/// started close's period. What lets a later close fingerprint only the earlier periods that may have
/// changed (`AccountBillingInput.checksEveryEarlierPeriod`).
///
/// Every write of inputs adds the marks in its transaction (the import, `ImportSink`; `reading
/// submit`), once a close has started: an account row that changes the stored one and a connection
/// row that is new or changes the stored one mark their account (`changeTriggersSQL`: an account or
/// connection list imported again unchanged, as a center may each month, marks none); so do a
/// volume of a period up to the latest started close, an absence from a day up to its last day and a
/// reading dated up to it (the meter's account); a meter, service or tariff row marks every account
/// (`everyAccount`: a meter may move to another account). Rows dated later bear on periods no close
/// has started; a close finds what its own period's readings change in the earlier ones from the
/// register histories. Marks are never deleted: the close of P reads those stamped from P − 1 on
/// (stored after the close of P − 1 started, so possibly after it read the account).
enum InputMarksTable {
    static let definition = """
        CREATE TABLE input_marks (
            account_id TEXT NOT NULL, stamp TEXT NOT NULL,
            PRIMARY KEY (account_id, stamp)
        ) WITHOUT ROWID;
        """

    /// The account id of a mark that stands for every account.
    static let everyAccount = ""

    /// The accounts of an account-id range (`?1`, `?2`) with a mark stamped from a period (`?3`) on.
    static let rangeQuery = """
        SELECT DISTINCT account_id FROM input_marks WHERE account_id BETWEEN ?1 AND ?2 AND stamp >= ?3
        ORDER BY account_id
        """

    static func register(in migrator: inout DatabaseMigrator) {
        // A new table and a column: GRDB's deferred check would scan every table for foreign keys.
        migrator.registerMigration("v12-input-marks", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: definition + CloseRunsTable.addRulesDigest)
        }
    }

    /// Whether a mark for every account is stamped from `period` on.
    static func marksEveryAccount(since period: Period, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM input_marks WHERE account_id = ? AND stamp >= ?)",
                          arguments: [everyAccount, period.code]) ?? false
    }

    /// Temporary triggers that mark, with `stamp`, the account of each account row the connection's
    /// statements update and of each connection row they insert or update: an upsert that finds the
    /// row stored as it is neither updates nor inserts it. A new account row marks nothing: no close
    /// has computed it. Made for one import's transaction (temporary objects are the connection's);
    /// `dropChangeTriggersSQL` removes them.
    static func changeTriggersSQL(stamp: Period) -> String {
        // No `OR IGNORE`: the upsert that fires a trigger would override it with its own handling.
        let mark = """
            INSERT INTO input_marks (account_id, stamp) SELECT new.account_id, '\(stamp.code)'
            WHERE NOT EXISTS (SELECT 1 FROM input_marks WHERE account_id = new.account_id AND stamp = '\(stamp.code)');
            """
        return dropChangeTriggersSQL + changeTriggers.map { name, event in
            "CREATE TEMP TRIGGER \(name) AFTER \(event) BEGIN \(mark) END;"
        }.joined(separator: "\n")
    }

    static var dropChangeTriggersSQL: String {
        changeTriggers.map { name, _ in "DROP TRIGGER IF EXISTS temp.\(name);" }.joined(separator: "\n")
    }

    private static let changeTriggers = [
        ("input_marks_account_updated", "UPDATE ON main.accounts"),
        ("input_marks_connection_inserted", "INSERT ON main.account_services"),
        ("input_marks_connection_updated", "UPDATE ON main.account_services"),
    ]

    /// The latest started close, the stamp of marks written now; nil before any close (nothing to mark).
    static func stamp(_ db: Database) throws -> Period? {
        try String.fetchOne(db, sql: "SELECT max(period) FROM close_runs").map(StoredRows.period)
    }

    /// Marks `accounts` (`everyAccount` for all) and the accounts of the meters `meterIDs` with `stamp`.
    static func insert(accounts: some Collection<String>, meters meterIDs: some Collection<String>, stamp: Period,
                       into db: Database) throws {
        let code = stamp.code
        if !accounts.isEmpty {
            // Many rows per statement: an import of every account row marks them all.
            let insert = try ManyRowInsert<String>(db, table: "input_marks", columns: ["account_id", "stamp"],
                                                   replacing: true) { id, b in b.add(id); b.add(code) }
            try insert(accounts)
        }
        let meter = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO input_marks (account_id, stamp) SELECT account_id, ?2 FROM meters WHERE meter_id = ?1
            """)
        for id in meterIDs { try meter.execute(arguments: [id, code]) }
    }
}
