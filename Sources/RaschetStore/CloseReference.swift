public import RaschetCore
import GRDB

/// The reference data every account of a close shares, loaded once per run.
public struct CloseReference: Sendable {
    public var services: [Service]
    public var tariffs: [Tariff]
    public var keyRates: [KeyRate]
    /// The started closes before the one being closed, ascending (where earlier lines are).
    var earlierPeriods: [String]
    /// The date of the earliest stored reading (`ReadingSpanTable`), nil without readings.
    public var earliestReading: CivilDate?
    /// The month of the earliest stored payment (`PaymentMonths`), nil without payments.
    public var earliestPayment: Period?
    /// The earliest period with a stored volume (`VolumePeriods`), nil without volumes.
    public var earliestVolume: Period?
    /// The digest of the rules the previous period's close ran under (`CloseRunsTable`), nil when
    /// unknown or not closed.
    public var previousRulesDigest: UInt64?
    /// Whether a mark for every account was stored since the previous period's close began
    /// (`InputMarksTable`).
    public var marksEveryAccount: Bool

    /// `earlierPeriods` as periods.
    public var earlierCloses: [Period] { earlierPeriods.map(StoredRows.period) }
}

extension Store {
    /// The service catalog, tariffs, key rates, earlier closes, earliest reading, payment and volume
    /// and what the input marks say that a close of `period` needs.
    public func closeReference(for period: Period) throws(StoreError) -> CloseReference {
        try read { db in
            CloseReference(
                services: try Row.fetchAll(db, sql: "SELECT * FROM services ORDER BY service_id").map(StoredRows.service),
                tariffs: try Row.fetchAll(db, sql: "SELECT * FROM tariffs ORDER BY service_id, valid_from, zone, category")
                    .map(StoredRows.tariff),
                keyRates: try Row.fetchAll(db, sql: "SELECT * FROM key_rates ORDER BY valid_from").map(StoredRows.keyRate),
                earlierPeriods: try CloseRunsTable.periods(before: period, db),
                earliestReading: try ReadingSpanTable.earliest(db),
                earliestPayment: try PaymentMonths.earliest(db),
                earliestVolume: try VolumePeriods.earliest(db),
                previousRulesDigest: try CloseRunsTable.rulesDigest(of: period.previous, db),
                marksEveryAccount: try InputMarksTable.marksEveryAccount(since: period.previous, db))
        }
    }

    /// Readies the store's (writing) connection for a close's batches: a page cache of `kibibytes`,
    /// allocated as used (a close inserts into several B-trees at once and SQLite's default, 2 MiB,
    /// makes it re-read pages), and statement journals in memory (a statement of many rows,
    /// `ManyRowInsert`, keeps the pages it changes until it ends: in a temporary file, page by page).
    /// Outside a transaction: SQLite refuses to change `temp_store` within one once the connection has
    /// opened its temporary storage, as the migrations that rename a table do.
    public func prepareCloseWriting(pageCacheKibibytes kibibytes: Int) throws(StoreError) {
        do {
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA cache_size = -\(kibibytes); PRAGMA temp_store = MEMORY")
            }
        } catch {
            throw StoreError(.databaseOperation(path, .write), cause: error)
        }
    }
}
