import GRDB
import RaschetCore

/// The dates of the earliest and the latest stored reading, one row. The earliest tells a close
/// whether any register has readings before the bound it reads from (`AccountClose.readingsBound`)
/// without asking every meter; the latest tells an import's checks that no stored reading follows a
/// new one dated after it (`ImportSnapshotLookup.neighbours`), a month's readings being the latest.
/// Every write of readings widens the span (`widen`: the import, once per transaction, and `reading
/// submit`); readings are never deleted, so it holds every stored reading.
enum ReadingSpanTable {
    static let definition = """
        CREATE TABLE reading_span (earliest TEXT);
        INSERT INTO reading_span SELECT min(date) FROM readings;
        """

    /// Migration `v22-reading-span-latest`: the latest date, from the readings of the latest quarter
    /// that holds any (`ReadingQuarters`), one quarter read instead of the table.
    static let latestDefinition = """
        ALTER TABLE reading_span ADD COLUMN latest TEXT;
        UPDATE reading_span SET latest = (
            SELECT max(date) FROM readings WHERE quarter = (SELECT max(quarter) FROM reading_quarters));
        """

    static func register(in migrator: inout DatabaseMigrator) {
        // One row added: GRDB's deferred check would scan every table for foreign keys.
        migrator.registerMigration("v10-reading-span", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: definition)
        }
    }

    /// Registers the migration that adds the latest date (after `ReadingQuarters`'s, which it reads).
    static func registerLatest(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v22-reading-span-latest", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: latestDefinition)
        }
    }

    /// Widens the span to take in readings of `dates`.
    static func widen(to dates: ClosedRange<CivilDate>, _ db: Database) throws {
        try db.execute(sql: """
            UPDATE reading_span
            SET earliest = CASE WHEN earliest IS NULL OR earliest > ?1 THEN ?1 ELSE earliest END,
                latest = CASE WHEN latest IS NULL OR latest < ?2 THEN ?2 ELSE latest END
            """, arguments: [dates.lowerBound.isoString, dates.upperBound.isoString])
    }

    /// The earliest reading date, nil without readings.
    static func earliest(_ db: Database) throws -> CivilDate? {
        try String.fetchOne(db, sql: "SELECT earliest FROM reading_span").flatMap { CivilDate(parsing: $0) }
    }

    /// The latest reading date, nil without readings.
    static func latest(_ db: Database) throws -> CivilDate? {
        try String.fetchOne(db, sql: "SELECT latest FROM reading_span").flatMap { CivilDate(parsing: $0) }
    }
}
