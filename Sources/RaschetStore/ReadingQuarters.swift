import GRDB
import RaschetCore

/// Readings keyed by their quarter first (migration `v19-readings-by-quarter`): `readings` is keyed
/// `(quarter, meter_id, date, zone)`, `quarter` being the year and quarter of the reading's date as
/// `yyyyq` (20263 for 2026-09-18), and `reading_quarters` lists the quarters that hold readings.
///
/// A month's import adds each register's reading to the pages of its own quarter: keyed by meter
/// first, it added one to every meter's run of readings, so that, three years on, the import of a
/// month rewrote every page of the table (all of its 135,000 pages at 10^5 accounts, where the
/// month's own readings fill a few thousand). A register's history is read quarter by quarter
/// instead: one index seek per quarter read (a close reads two or three, Benchmarks/JOURNAL.md), the
/// quarters taken from `reading_quarters` (`quarter IN (SELECT quarter FROM reading_quarters ...)`,
/// iterated in key order either way, so rows come by quarter then date without a sort). Every
/// write of readings notes its quarters (`note`); a quarter is never removed, as readings are never
/// deleted. `quarter` is a stored column the import binds (`TableCodec.LeadingKey`), not one SQLite
/// generates from the date as `payments.month` is (`PaymentMonths`): SQLite refuses a generated
/// column in a primary key.
enum ReadingQuarters {
    static func register(in migrator: inout DatabaseMigrator) {
        // The table rebuilt from itself: GRDB's deferred check would scan every table for foreign
        // keys; the rows are checked as they go in. The key's first column is declared first:
        // SQLite 3.40's `PRAGMA integrity_check` reports the NOT NULL columns of a WITHOUT ROWID
        // table as NULL when a column of its key is declared after them.
        migrator.registerMigration("v19-readings-by-quarter", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: """
                CREATE TABLE readings_by_quarter (
                    "quarter" INTEGER NOT NULL,
                    "meter_id" TEXT NOT NULL REFERENCES meters,
                    "date" TEXT NOT NULL,
                    "zone" TEXT NOT NULL,
                    "value" INTEGER NOT NULL,
                    "source" TEXT,
                    "rollover" INTEGER NOT NULL,
                    PRIMARY KEY ("quarter", "meter_id", "date", "zone")
                ) WITHOUT ROWID;
                INSERT INTO readings_by_quarter
                    SELECT \(quarter(of: "date")), meter_id, date, zone, value, source, rollover FROM readings ORDER BY 1, 2, 3, 4;
                DROP TABLE readings;
                ALTER TABLE readings_by_quarter RENAME TO readings;
                CREATE INDEX readings_rollovers ON readings (date, meter_id) WHERE rollover <> 0;
                CREATE TABLE reading_quarters (quarter INTEGER PRIMARY KEY);
                INSERT INTO reading_quarters SELECT DISTINCT quarter FROM readings;
                """)
        }
    }

    /// The key column, the table's first (`SELECT *` gives it before the entity's own columns;
    /// the store names the columns it reads).
    static let column = "quarter"

    /// The quarter key of `date`.
    static func quarter(of date: CivilDate) -> Int { date.year * 10 + (date.month + 2) / 3 }

    /// SQL: the quarter key of the `YYYY-MM-DD` text `date` (a column or a parameter such as `?3`).
    static func quarter(of date: String) -> String {
        "(CAST(substr(\(date), 1, 4) AS INTEGER) * 10 + (CAST(substr(\(date), 6, 2) AS INTEGER) + 2) / 3)"
    }

    /// SQL: `column IN` the stored quarters that meet `condition` (on `quarter`; none: every
    /// quarter), `column` being a `readings.quarter`.
    static func quarters(_ column: String = "quarter", where condition: String? = nil) -> String {
        "\(column) IN (SELECT quarter FROM reading_quarters\(condition.map { " WHERE " + $0 } ?? ""))"
    }

    /// Notes the quarters of readings written (each once per transaction is enough).
    static func note(_ quarters: some Sequence<Int>, _ db: Database) throws {
        let insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO reading_quarters (quarter) VALUES (?)")
        for quarter in quarters { try insert.execute(arguments: [quarter]) }
    }
}
