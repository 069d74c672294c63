import GRDB
import RaschetCore

/// `reading_changes` (migration `v23-reading-changes`): what a reading was before it was stored or
/// changed after a close had started, one row per reading and `stamp` (the latest started close at
/// the time, as `input_marks` stamps): its value and rollover then (`prior_value`,
/// `prior_rollover`), both NULL when it was not stored yet. Only readings dated up to the stamp's
/// last day are recorded: those a started close may have read. The first change under a stamp is
/// kept.
///
/// What lets a receipt of a closed period show the readings its close read rather than those stored
/// since (`priorReadingsQuery`, `applyPriors`): the earliest change stamped from the period on tells
/// what a reading was when that close started. Written by the import's triggers (`triggersSQL`, made
/// with the input marks' by `InputMarksTable.makeChangeTriggers`) and by `reading submit`
/// (`recordPrior`). A close that computes accounts after changes stamped with its own period (parked
/// accounts computed again, an interrupted close run again) read them as they are now, and so does
/// their receipt: it moves those accounts' changes to the close before it, as a reopen moves all of
/// its period's (`stamps`). Changes stored before the migration are not known: such
/// receipts show today's readings.
enum ReadingChangesTable {
    static let definition = """
        CREATE TABLE reading_changes (
            meter_id TEXT NOT NULL, date TEXT NOT NULL, zone TEXT NOT NULL, stamp TEXT NOT NULL,
            prior_value INTEGER, prior_rollover INTEGER,
            PRIMARY KEY (meter_id, date, zone, stamp)
        ) WITHOUT ROWID;
        CREATE INDEX reading_changes_by_stamp ON reading_changes (stamp);
        """

    static func register(in migrator: inout DatabaseMigrator) {
        // A new table: GRDB's deferred check would scan every table for foreign keys.
        migrator.registerMigration("v23-reading-changes", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: definition)
        }
    }

    /// The prefix of the names of the temporary triggers `triggersSQL` makes.
    static let triggerPrefix = "reading_changes_"

    /// Temporary triggers recording, with `stamp`, a reading dated up to its last day that an
    /// import's statement inserts (prior NULL) or changes (prior: the old row's value and rollover).
    /// `WHERE NOT EXISTS` rather than `OR IGNORE`: the upsert that fires a trigger would impose its own
    /// conflict handling.
    static func triggersSQL(stamp: Period) -> String {
        let code = "'\(stamp.code)'", started = "'\(stamp.lastDay.isoString)'"
        func record(_ row: String, prior: String) -> String {
            """
            INSERT INTO reading_changes (meter_id, date, zone, stamp, prior_value, prior_rollover)
            SELECT \(row).meter_id, \(row).date, \(row).zone, \(code), \(prior)
            WHERE NOT EXISTS (SELECT 1 FROM reading_changes WHERE meter_id = \(row).meter_id AND date = \(row).date
                              AND zone = \(row).zone AND stamp = \(code));
            """
        }
        return """
            CREATE TEMP TRIGGER \(triggerPrefix)inserted AFTER INSERT ON main.readings WHEN new.date <= \(started)
            BEGIN \(record("new", prior: "NULL, NULL")) END;
            CREATE TEMP TRIGGER \(triggerPrefix)updated AFTER UPDATE ON main.readings WHEN old.date <= \(started)
            BEGIN \(record("old", prior: "old.value, old.rollover")) END;
            """
    }

    /// Records what the reading of `meterID`, `zone` and `date` was (`prior`, nil when there was none)
    /// before `reading submit` stores it, when a close has started and the date is up to its last day.
    static func recordPrior(meterID: String, zone: Zone, date: CivilDate, prior: Reading?, _ db: Database) throws {
        guard let stamp = try InputMarksTable.stamp(db), date <= stamp.lastDay else { return }
        try db.execute(sql: """
            INSERT INTO reading_changes (meter_id, date, zone, stamp, prior_value, prior_rollover) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            """, arguments: [meterID, date.isoString, zone.rawValue, stamp.code, prior?.value.micros, prior.map { $0.rollover ? 1 : 0 }])
    }

    /// Its stamps (`ChangeStamps`): a reading is its meter, date and zone.
    static let stamps = ChangeStamps(table: "reading_changes", key: ["meter_id", "date", "zone"],
                                     accountRange: "meter_id IN (SELECT meter_id FROM meters WHERE account_id BETWEEN ?3 AND ?4)")

    /// The earliest change stamped from a period (bound after the meters of `source`) on of each
    /// reading of those meters dated up to the parameter after it: meter, date, zone, prior value and
    /// rollover (SQLite gives the bare columns of the row with the least stamp).
    static func priorReadingsQuery(_ source: ReceiptMeters) -> String {
        let count = source.arguments.count
        return """
            \(source.with)SELECT c.meter_id, c.date, c.zone, c.prior_value, c.prior_rollover, min(c.stamp)
            FROM \(source.table) CROSS JOIN reading_changes c ON c.meter_id = m.meter_id
            WHERE \(source.filter) AND c.stamp >= ?\(count + 1) AND c.date <= ?\(count + 2)
            GROUP BY c.meter_id, c.date, c.zone
            """
    }

    /// A reading's key in `applyPriors`.
    struct Key: Hashable {
        var meterID: String, date: CivilDate, zone: Zone
    }

    /// What each reading was: nil when it was not stored yet.
    typealias Prior = (value: ExactDecimal, rollover: Bool)?

    /// `readings` as they were: each one with a prior drops out (none) or takes its prior value and
    /// rollover.
    static func applyPriors(_ priors: [Key: Prior], to readings: [Reading]) -> [Reading] {
        if priors.isEmpty { return readings }
        return readings.compactMap { reading in
            guard let prior = priors[Key(meterID: reading.meterID, date: reading.date, zone: reading.zone)] else { return reading }
            guard let prior else { return nil }
            var was = reading
            was.value = prior.value
            was.rollover = prior.rollover
            return was
        }
    }
}
