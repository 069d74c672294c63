import GRDB
public import RaschetCore

/// An account's "done" marker in a period's close (`close_accounts.status`, stored as its raw text).
public enum CloseMarker: String, Sendable, Hashable {
    /// The account's lines, balance, posted payments and review flags are stored.
    case closed
    /// The account could not be computed; the marker holds the reason and nothing else is stored.
    case parked
}

/// `close_accounts`: the per-account marker of a period, `closed`, or `parked` with the reason (`reason`
/// in Russian; `reason_english`, migration `v26-parked-reason-english`, NULL in closes made before), and
/// the area and residents a closed account was billed with (`premises`, migration
/// `v18-close-premises`: `area;residents`, either empty when the account has none; NULL for a
/// parked account and in closes made before). It is written in the same transaction as the
/// account's lines, balance, payments and review flags, so after a crash an account is either
/// entirely stored or not at all.
enum CloseAccountsTable {
    static let definition = """
        CREATE TABLE close_accounts (
            period TEXT NOT NULL, account_id TEXT NOT NULL REFERENCES accounts, status TEXT NOT NULL,
            code TEXT, reason TEXT,
            PRIMARY KEY (period, account_id)
        ) WITHOUT ROWID;
        """

    static func register(in migrator: inout DatabaseMigrator) {
        // A column added: GRDB's deferred check would scan every table for foreign keys.
        migrator.registerMigration("v18-close-premises", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: "ALTER TABLE close_accounts ADD COLUMN premises TEXT")
        }
        migrator.registerMigration("v26-parked-reason-english", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: "ALTER TABLE close_accounts ADD COLUMN reason_english TEXT")
        }
    }

    /// Inserts the markers of a batch of a close's outcomes, `closed` or `parked` with the reason,
    /// replacing a marker an earlier attempt left; many rows per statement.
    static func insert(_ outcomes: [AccountCloseOutcome], code: String, into db: Database) throws {
        let insert = try ManyRowInsert<Int>(
            db, table: "close_accounts", columns: ["period", "account_id", "status", "code", "reason", "reason_english", "premises"],
            replacing: true) { index, b in
            b.add(code); b.add(outcomes[index].accountID)
            if let reason = outcomes[index].parked {
                b.add(CloseMarker.parked.rawValue); b.add(reason.code.rawValue); b.add(reason.text.russian); b.add(reason.text.english)
            } else {
                b.add(CloseMarker.closed.rawValue); b.add(nil as String?); b.add(nil as String?); b.add(nil as String?)
            }
            b.add(outcomes[index].premises.map(text))
        }
        try insert(outcomes.indices)
    }

    /// `premises` as stored.
    static func text(_ premises: Premises) -> String {
        (premises.area?.machineString ?? "") + ";" + (premises.residents.map(String.init) ?? "")
    }

    /// The premises stored as `text`, nil when it is not what `text(_:)` writes.
    static func premises(_ text: String) -> Premises? {
        let parts = text.split(separator: ";", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let area = parts[0].isEmpty ? nil : ExactDecimal(parsing: parts[0])
        let residents = parts[1].isEmpty ? nil : Int(parts[1])
        guard parts[0].isEmpty == (area == nil), parts[1].isEmpty == (residents == nil) else { return nil }
        return Premises(area: area, residents: residents)
    }

    /// The stored premises of the accounts of a list (`?2`, …) in the close of a period (`?1`).
    static func premisesQuery(accounts list: String) -> String {
        "SELECT account_id, premises FROM close_accounts WHERE period = ? AND account_id IN \(list) AND premises IS NOT NULL"
    }
}

extension Store {
    /// How many accounts of `period` carry a marker (`nil`: closed or parked; otherwise only that
    /// one): the close's progress as another process sees it.
    public func closeMarkers(_ period: Period, _ marker: CloseMarker? = nil) throws(StoreError) -> Int {
        try read { db in
            if let marker {
                return try Int.fetchOne(db, sql: "SELECT count(*) FROM close_accounts WHERE period = ? AND status = ?",
                                        arguments: [period.code, marker.rawValue]) ?? 0
            }
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM close_accounts WHERE period = ?", arguments: [period.code]) ?? 0
        }
    }

    /// The accounts of `period` with a `parked` marker, ascending.
    public func parkedAccounts(_ period: Period) throws(StoreError) -> [String] {
        try read { db in
            try String.fetchAll(db, sql: """
                SELECT account_id FROM close_accounts WHERE period = ? AND status = ? ORDER BY account_id
                """, arguments: [period.code, CloseMarker.parked.rawValue])
        }
    }

    /// The accounts without a `closed` marker in `period` (never computed, or parked), ascending.
    public func accountsToClose(_ period: Period) throws(StoreError) -> [String] {
        try read { db in
            try String.fetchAll(db, sql: """
                SELECT account_id FROM accounts WHERE account_id NOT IN
                    (SELECT account_id FROM close_accounts WHERE period = ? AND status = ?)
                ORDER BY account_id
                """, arguments: [period.code, CloseMarker.closed.rawValue])
        }
    }
}
