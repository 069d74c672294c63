import GRDB
import RaschetCore

/// The date of the earliest stored reading (migration `v10-reading-span`), one row: what tells a close
/// whether any register has readings before the bound it reads from (`AccountClose.readingsBound`)
/// without asking every meter. Every write of readings lowers it (`lower(to:_:)`: the import, once
/// per transaction, and `reading submit`); readings are never deleted, so it stays the earliest or
/// earlier.
enum ReadingSpanTable {
    static let definition = """
        CREATE TABLE reading_span (earliest TEXT);
        INSERT INTO reading_span SELECT min(date) FROM readings;
        """

    static func register(in migrator: inout DatabaseMigrator) {
        // One row added: GRDB's deferred check would scan every table for foreign keys.
        migrator.registerMigration("v10-reading-span", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: definition)
        }
    }

    /// Lowers the earliest reading date to `date` if it is earlier (or none is stored).
    static func lower(to date: CivilDate, _ db: Database) throws {
        try db.execute(sql: "UPDATE reading_span SET earliest = ?1 WHERE earliest IS NULL OR earliest > ?1",
                       arguments: [date.isoString])
    }

    /// The earliest reading date, nil without readings.
    static func earliest(_ db: Database) throws -> CivilDate? {
        try String.fetchOne(db, sql: "SELECT earliest FROM reading_span").flatMap { CivilDate(parsing: $0) }
    }
}
