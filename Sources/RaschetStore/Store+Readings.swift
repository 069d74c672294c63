public import RaschetCore
import GRDB
import GRDBSQLite

extension Store {
    /// Stores one meter reading submitted by a cabinet or an operator (`raschet reading submit`), with
    /// the import's validations and the cabinet's: the meter exists, the zone is one of the meter's,
    /// the value is not negative, the date is inside the reading window, and the value is not lower
    /// than the meter's previous reading of that zone (SPEC section 4: rejected with
    /// `Message.readingLowerThanPrevious`, exactly). A reading of the same meter, zone and date
    /// replaces the stored one. Nothing is stored when a check fails.
    /// - Parameter zone: nil means `single` for a one-zone meter; a multi-zone meter needs one.
    /// - Throws: `StoreError.Code.refused` with the reason.
    @discardableResult
    public func submitReading(meterID: String, value: ExactDecimal, zone: Zone?, date: CivilDate, window: ReadingWindow,
                              source: ReadingSource = .cabinet) throws(StoreError) -> Reading {
        try write { db in
            guard let meterRow = try Row.fetchOne(db, sql: "SELECT \(StoredRows.meterColumns) FROM meters WHERE meter_id = ?", arguments: [meterID]) else {
                throw StoreError(.refused, .meterNotFound(meterID))
            }
            let meter = StoredRows.meter(meterRow)
            let zones = Meter.zoneSet(forCount: meter.zones)
            guard let zone = zone ?? (zones.count == 1 ? zones[0] : nil) else {
                throw StoreError(.refused, .zoneRequired(meter: meterID, zones: zones.map(\.rawValue)))
            }
            guard zones.contains(zone) else {
                throw StoreError(.refused, .noSuchZone(meter: meterID, zone: zone.rawValue, zones: zones.map(\.rawValue)))
            }
            guard value >= .zero else {
                throw StoreError(.refused, .negativeReading(value))
            }
            guard window.accepts(date) else {
                throw StoreError(.refused, .outsideReadingWindow(first: window.firstDay, last: window.lastDay, date: date))
            }
            if let previous = try Row.fetchOne(db, sql: """
                SELECT value FROM readings WHERE meter_id = ? AND zone = ? AND date < ? ORDER BY date DESC LIMIT 1
                """, arguments: [meterID, zone.rawValue, date.isoString]), value.micros < (previous["value"] as Int64) {
                throw StoreError(.refused, .readingLowerThanPrevious, billingCode: .readingLowerThanPrevious)
            }
            let reading = Reading(meterID: meterID, date: date, value: value, zone: zone, source: source)
            let upsert = try db.makeStatement(sql: TableCodecs.readings.upsertSQL)
            var binder = ParameterBinder(upsert.sqliteStatement)
            TableCodecs.readings.bind(reading, &binder)
            let status = sqlite3_step(upsert.sqliteStatement)
            guard status == SQLITE_DONE else {
                throw StoreError(.storingReading(meter: meterID, date: date), sqliteStatus: status,
                                 reason: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            return reading
        }
    }
}
