public import RaschetCore
import GRDB
import GRDBSQLite

/// What `Store.submitReading` stored.
public struct SubmittedReading: Sendable, Hashable {
    public var reading: Reading
    /// The implausible jump the operator forced (logged in `forced_readings`); nil for a plausible one.
    public var forcedJump: ReadingSubmission.Jump?
}

extension Store {
    /// Stores one meter reading submitted by a cabinet or an operator (`raschet reading submit`), with
    /// the import's validations and the cabinet's: the meter exists, the zone is one of the meter's,
    /// the value is not negative, the date is inside the reading window, then the checks of
    /// `ReadingSubmission` against the meter and the register's stored readings on both sides of the
    /// date (today, installation and removal, digit capacity, previous and next reading, implausible
    /// jump). A jump is refused unless `force`; a forced one is stored and logged in
    /// `forced_readings`. A reading of the same meter, zone and date replaces the stored one.
    /// Nothing is stored when a check fails.
    /// - Parameter zone: nil means `single` for a one-zone meter; a multi-zone meter needs one.
    /// - Throws: `StoreError.Code.refused` with the reason (and `billingCode` for the checks of
    ///   `ReadingSubmission`, `.readingJump` for an unforced jump).
    @discardableResult
    public func submitReading(meterID: String, value: ExactDecimal, zone: Zone?, date: CivilDate, today: CivilDate,
                              rules: BillingRules, force: Bool = false,
                              source: ReadingSource = .cabinet) throws(StoreError) -> SubmittedReading {
        let window = rules.readingWindow
        return try write { db in
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
                throw StoreError(.refused, .negativeReading(meter: meterID, value))
            }
            guard value <= ColumnCheck.readingMaximum else {
                throw StoreError(.refused, .readingTooLarge(meter: meterID, value, maximum: ColumnCheck.readingMaximum))
            }
            guard window.accepts(date) else {
                throw StoreError(.refused, .outsideReadingWindow(meter: meterID, value: value, first: window.firstDay,
                                                                 last: window.lastDay, date: date))
            }
            let reading = Reading(meterID: meterID, date: date, value: value, zone: zone, source: source)
            let stored = try Row.fetchAll(db, sql: """
                SELECT \(StoredRows.readingColumns) FROM readings WHERE \(ReadingQuarters.quarters()) AND meter_id = ? AND zone = ?
                ORDER BY quarter, date
                """, arguments: [meterID, zone.rawValue]).map(StoredRows.reading)
            let submission = ReadingSubmission(meter: meter, reading: reading, stored: stored)
            let jump: ReadingSubmission.Jump?
            do throws(BillingError) {
                jump = try submission.check(today: today, jumpFactor: rules.readingJumpFactor)
            } catch {
                throw StoreError(.refused, error.text, billingCode: error.code)
            }
            if let jump {
                guard force else { throw StoreError(.refused, .jumpNotForced(jump.message), billingCode: .readingJump) }
                try ForcedReadingsTable.append(ForcedReading(meterID: meterID, zone: zone, date: date, value: value,
                                                             forcedOn: today, reason: jump.message.russian), db)
            }
            try ReadingChangesTable.recordPrior(meterID: meterID, zone: zone, date: date, prior: stored.first { $0.date == date }, db)
            let upsert = try db.makeStatement(sql: TableCodecs.readings.upsertSQL)
            var binder = ParameterBinder(upsert.sqliteStatement)
            TableCodecs.readings.bind(reading, &binder)
            let status = sqlite3_step(upsert.sqliteStatement)
            guard status == SQLITE_DONE else {
                throw StoreError(.storingReading(meter: meterID, date: date), sqliteStatus: status,
                                 reason: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            try ReadingSpanTable.widen(to: date...date, db)
            try ReadingQuarters.note([ReadingQuarters.quarter(of: date)], db)
            if let stamp = try InputMarksTable.stamp(db), date <= stamp.lastDay {
                try InputMarksTable.insert(meter: meterID, from: date.period, stamp: stamp, into: db)
            }
            return SubmittedReading(reading: reading, forcedJump: jump)
        }
    }
}
