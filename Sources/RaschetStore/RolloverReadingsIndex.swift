import GRDB

/// `readings_rollovers` (migration `v17-readings-rollovers`): a partial index of the readings marked
/// as a rollover, few in any database, by which a close finds the accounts whose readings it may
/// not step over without asking every meter.
enum RolloverReadingsIndex {
    static func register(in migrator: inout DatabaseMigrator) {
        // An index added: GRDB's deferred check would scan every table for foreign keys.
        migrator.registerMigration("v17-readings-rollovers", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: "CREATE INDEX readings_rollovers ON readings (date, meter_id) WHERE rollover <> 0")
        }
    }

    /// The accounts with a reading marked as a rollover dated from `?1` on.
    static let accountsQuery = """
        SELECT DISTINCT m.account_id FROM readings y INDEXED BY readings_rollovers JOIN meters m ON m.meter_id = y.meter_id
        WHERE y.rollover <> 0 AND y.date >= ?1
        """

    /// The accounts with a meter whose digit count is not 1 to 9 and a reading of it marked as a
    /// rollover dated before `?1`.
    static let uncheckedAccountsQuery = """
        SELECT DISTINCT m.account_id FROM readings y INDEXED BY readings_rollovers JOIN meters m ON m.meter_id = y.meter_id
        WHERE y.rollover <> 0 AND y.date < ?1 AND coalesce(m.digits, 0) NOT BETWEEN 1 AND 9
        """
}
