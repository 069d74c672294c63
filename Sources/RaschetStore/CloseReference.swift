public import RaschetCore
import GRDB

/// The reference data every account of a close shares, loaded once per run.
public struct CloseReference: Sendable {
    public var services: [Service]
    public var tariffs: [Tariff]
    public var keyRates: [KeyRate]
    /// The started closes before the one being closed, ascending (where earlier lines are).
    var earlierPeriods: [String]
}

extension Store {
    /// The service catalog, tariffs, key rates and earlier closes a close of `period` needs.
    public func closeReference(for period: Period) throws(StoreError) -> CloseReference {
        try read { db in
            CloseReference(
                services: try Row.fetchAll(db, sql: "SELECT * FROM services ORDER BY service_id").map(StoredRows.service),
                tariffs: try Row.fetchAll(db, sql: "SELECT * FROM tariffs ORDER BY service_id, valid_from, zone, category")
                    .map(StoredRows.tariff),
                keyRates: try Row.fetchAll(db, sql: "SELECT * FROM key_rates ORDER BY valid_from").map(StoredRows.keyRate),
                earlierPeriods: try CloseRunsTable.periods(before: period, db))
        }
    }

    /// Sets the page cache of the store's (writing) connection, allocated as used. A close inserts
    /// into several B-trees at once and SQLite's default (2 MiB) makes it re-read pages.
    public func usePageCache(kibibytes: Int) throws(StoreError) {
        try write { db in try db.execute(sql: "PRAGMA cache_size = -\(kibibytes)") }
    }
}
