import GRDB
import RaschetCore

/// `premises_history` (migration `v15-premises-history`): per account, the area and residents it had
/// before its dated changes (`EarlierPremises`), for the periods before `until_period`.
///
/// Kept by a trigger on `accounts`, so that every write of an account row (the import's multi-row
/// upserts included) keeps it, in the same statement. When a stored row's area or residents change:
/// - the row has no `changed_from`: the new values apply to every period (a correction); the
///   account's history is deleted;
/// - the row has `changed_from` F: the values of F − 1 (those of the first entry after F, else the
///   replaced ones) are kept until F, and the entries after F, which the new values replace, are
///   deleted; an entry until F already holds the values of F − 1 and stays.
/// A row stored again with the same area and residents changes nothing, whatever its `changed_from`.
enum PremisesHistoryTable {
    static let definition = """
        CREATE TABLE premises_history (
            account_id TEXT NOT NULL REFERENCES accounts, until_period TEXT NOT NULL,
            area INTEGER, residents INTEGER,
            PRIMARY KEY (account_id, until_period)
        ) WITHOUT ROWID;
        -- No `OR IGNORE` for an entry until the date: the upsert that fires the trigger would
        -- override it (SQLite uses the outer statement's conflict handling).
        CREATE TRIGGER premises_history_on_change AFTER UPDATE OF area, residents ON accounts
        WHEN old.area IS NOT new.area OR old.residents IS NOT new.residents
        BEGIN
            INSERT INTO premises_history (account_id, until_period, area, residents)
            SELECT new.account_id, new.changed_from,
                   CASE WHEN later.until_period IS NULL THEN old.area ELSE later.area END,
                   CASE WHEN later.until_period IS NULL THEN old.residents ELSE later.residents END
            FROM (SELECT 1) LEFT JOIN (
                SELECT until_period, area, residents FROM premises_history
                WHERE account_id = new.account_id AND until_period > new.changed_from
                ORDER BY until_period LIMIT 1
            ) AS later
            WHERE new.changed_from IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM premises_history WHERE account_id = new.account_id AND until_period = new.changed_from
            );
            DELETE FROM premises_history
            WHERE account_id = new.account_id AND (new.changed_from IS NULL OR until_period > new.changed_from);
        END;
        """

    /// The entries of an account-id range (`?1`, `?2`), by account and period; the account id last.
    static let rangeQuery = """
        SELECT until_period, area, residents, account_id FROM premises_history
        WHERE account_id BETWEEN ?1 AND ?2 ORDER BY account_id, until_period
        """

    /// The entries after a period (`?1`) of the accounts of `list` (an SQL list of parameters).
    static func laterQuery(accounts list: String) -> String {
        """
        SELECT until_period, area, residents, account_id FROM premises_history
        WHERE until_period > ?1 AND account_id IN \(list) ORDER BY account_id, until_period
        """
    }

    /// An entry of `rangeQuery` or `laterQuery`.
    static func entry(_ row: some StoredRow) -> EarlierPremises {
        EarlierPremises(until: row.period(0) ?? StoredRows.neutralPeriod, area: row.optionalInt64(1).map(ExactDecimal.init(micros:)),
                        residents: row.optionalInt64(2).map { Int($0) })
    }

    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v15-premises-history", foreignKeyChecks: .immediate) { db in
            let column = EntityKind.accounts.columns.columns.first { $0.addedBy == "v15-premises-history" }!
            try db.execute(sql: Schema.addColumnSQL(column, to: .accounts) + ";\n" + definition)
        }
    }
}
