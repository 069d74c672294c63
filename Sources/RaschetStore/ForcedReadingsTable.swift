public import RaschetCore
import GRDB

/// One reading that `raschet reading submit --force` stored despite an implausible jump.
public struct ForcedReading: Sendable, Hashable {
    public var meterID: String
    public var zone: Zone
    public var date: CivilDate
    public var value: ExactDecimal
    /// The day the operator forced it (the program's today).
    public var forcedOn: CivilDate
    /// The refusal the operator overrode, as the command printed it.
    public var reason: String

    public init(meterID: String, zone: Zone, date: CivilDate, value: ExactDecimal, forcedOn: CivilDate, reason: String) {
        self.meterID = meterID; self.zone = zone; self.date = date; self.value = value; self.forcedOn = forcedOn
        self.reason = reason
    }
}

extension Schema {
    /// The log of forced readings (migration `v5-forced-readings`): one row per forced submission,
    /// in order, never changed (a reading forced twice has two rows). The reading itself lives in
    /// `readings` like any other.
    static func registerForcedReadings(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v5-forced-readings") { db in
            try db.execute(sql: """
                CREATE TABLE forced_readings (
                    seq INTEGER PRIMARY KEY, meter_id TEXT NOT NULL REFERENCES meters, zone TEXT NOT NULL,
                    date TEXT NOT NULL, value INTEGER NOT NULL, forced_on TEXT NOT NULL, reason TEXT NOT NULL
                );
                """)
        }
    }
}

/// `forced_readings`, written inside `Store.submitReading`'s transaction.
enum ForcedReadingsTable {
    static func append(_ forced: ForcedReading, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO forced_readings (meter_id, zone, date, value, forced_on, reason) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [forced.meterID, forced.zone.rawValue, forced.date.isoString, forced.value.micros,
                             forced.forcedOn.isoString, forced.reason])
    }
}

extension Store {
    /// Every forced reading, in the order they were forced.
    public func forcedReadings() throws(StoreError) -> [ForcedReading] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT meter_id, zone, date, value, forced_on, reason FROM forced_readings ORDER BY seq")
                .map { row in
                    ForcedReading(meterID: row[0], zone: Zone(rawValue: row[1] as String) ?? .single, date: StoredRows.date(row[2] as String),
                                  value: ExactDecimal(micros: row[3]), forcedOn: StoredRows.date(row[4] as String), reason: row[5])
                }
        }
    }
}
