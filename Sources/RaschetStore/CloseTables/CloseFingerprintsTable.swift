import GRDB
import RaschetCore

/// `close_fingerprints`: per close (`period`), account and reference period, the input fingerprint
/// (`InputFingerprint`, a 64-bit hash stored as its signed bit pattern) of the lines that close
/// computed for the reference period: the period's own when it has lines, and each earlier period it
/// recomputed with changed inputs. An (account, reference period) has rows exactly when lines were
/// posted for it, so the rows also say which periods the next close considers. The latest row per (account, reference period) is what that period's posted lines
/// were computed from; the next close recomputes a period only when its fingerprint differs.
///
/// Keyed by period first like the other close tables (a close appends); `reopen` deletes a period's
/// rows with its lines, so the earlier fingerprints are again the latest.
enum CloseFingerprintsTable {
    static let definition = """
        CREATE TABLE close_fingerprints (
            period TEXT NOT NULL, account_id TEXT NOT NULL REFERENCES accounts, ref_period TEXT NOT NULL,
            fingerprint INTEGER NOT NULL,
            PRIMARY KEY (period, account_id, ref_period)
        ) WITHOUT ROWID;
        """

    /// A fingerprint 0 (which `InputFingerprint` never gives) for every (close, account, reference
    /// period) of lines posted before this table existed: those periods are recomputed once.
    static let backfill = """
        INSERT INTO close_fingerprints (period, account_id, ref_period, fingerprint)
        SELECT DISTINCT period, account_id, ref_period, 0 FROM charge_lines
        WHERE kind IN ('charge', 'recalc') AND component <> 'penalty';
        """

    /// The fingerprints stored by the close of one period for the accounts `first...last` (bind: first,
    /// last, period).
    static let rangeQuery = """
        SELECT account_id, ref_period, fingerprint FROM close_fingerprints WHERE account_id BETWEEN ? AND ? AND period = ?
        ORDER BY account_id
        """

    /// The fingerprints stored by the close of one period for one account (bind: period, account).
    static let accountQuery = """
        SELECT ref_period, fingerprint FROM close_fingerprints WHERE period = ? AND account_id = ?
        """

    /// Inserts the fingerprints of a batch of a close's outcomes, many rows per statement.
    static func insert(_ outcomes: [AccountCloseOutcome], code: String, into db: Database) throws {
        let insert = try ManyRowInsert<(outcome: Int, seq: Int)>(
            db, table: "close_fingerprints", columns: ["period", "account_id", "ref_period", "fingerprint"]) { row, b in
            let fingerprint = outcomes[row.outcome].fingerprints[row.seq]
            b.add(code); b.add(outcomes[row.outcome].accountID); b.add(fingerprint.refPeriod.code)
            b.add(Int64(bitPattern: fingerprint.value))
        }
        try insert(ManyRowInsert.rows(of: outcomes) { outcomes[$0].fingerprints.count })
    }
}
