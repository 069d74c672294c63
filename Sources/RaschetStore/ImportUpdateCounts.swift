import GRDB
import RaschetCore

/// How many stored rows of each entity's table an import's upserts updated, counted for its
/// transaction by temporary triggers (`AFTER UPDATE`, which fire only where an upsert's update
/// changed a stored row): the rows an upsert inserted are then its changes less those. Counting a
/// table's rows before and after the import instead read every page of the table twice: the whole
/// readings table (145,000 pages at 10^5 accounts after three years) for a month's readings.
enum ImportUpdateCounts {
    /// Makes the counters, all 0, and their triggers; `take` reads and removes them. Made inside the
    /// import's transaction, they go with it when it rolls back.
    static func start(_ db: Database) throws {
        try db.execute(sql: "CREATE TEMP TABLE import_updates (kind TEXT PRIMARY KEY NOT NULL, updated INTEGER NOT NULL)")
        for kind in EntityKind.allCases {
            try db.execute(sql: """
                INSERT INTO temp.import_updates VALUES ('\(kind.name)', 0);
                CREATE TEMP TRIGGER import_updated_\(kind.name) AFTER UPDATE ON main.\(kind.name) BEGIN
                    UPDATE import_updates SET updated = updated + 1 WHERE kind = '\(kind.name)';
                END;
                """)
        }
    }

    /// The rows updated per entity, by `EntityKind.allCases` position; the counters and triggers
    /// are removed.
    static func take(_ db: Database) throws -> [Int] {
        let updated = try EntityKind.allCases.map { kind in
            try Int.fetchOne(db, sql: "SELECT updated FROM temp.import_updates WHERE kind = ?", arguments: [kind.name]) ?? 0
        }
        for kind in EntityKind.allCases { try db.execute(sql: "DROP TRIGGER temp.import_updated_\(kind.name)") }
        try db.execute(sql: "DROP TABLE temp.import_updates")
        return updated
    }
}
