import ArgumentParser
import Foundation
import RaschetCore
import RaschetStore

/// `raschet reading`: meter readings one at a time.
struct ReadingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reading", abstract: "Submit meter readings.", subcommands: [ReadingSubmit.self]
    )
}

/// `raschet reading submit --meter ID --value V [--zone Z] [--date D]` (SPEC sections 4, 5).
struct ReadingSubmit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Store one reading: the import's checks, the reading window, never lower than the previous reading."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "The meter id.")
    var meter: String

    @Option(help: "The reading (up to 6 decimals, `.` or `,`).")
    var value: String

    @Option(help: "single, day, night, peak or halfpeak (default: single for a one-zone meter).")
    var zone: String?

    @Option(help: ArgumentHelp("The reading's date (default: today).", valueName: "YYYY-MM-DD"))
    var date: String?

    func run() throws {
        try reportingFailures {
            guard let amount = ExactDecimal(parsing: value) else {
                throw StoreError(.refused, "--value: '\(value)' is not a number; write it like 123.456")
            }
            var zoneValue: Zone?
            if let zone {
                guard let parsed = Zone(rawValue: zone) else {
                    throw StoreError(.refused, "--zone: unknown zone '\(zone)'; use single, day, night, peak or halfpeak")
                }
                zoneValue = parsed
            }
            let day: CivilDate
            if let date {
                guard let parsed = CivilDate(parsing: date) else {
                    throw StoreError(.refused, "--date: '\(date)' is not a date; write YYYY-MM-DD or DD.MM.YYYY")
                }
                day = parsed
            } else {
                day = Self.today()
            }
            let settings = try SettingsFile.load(global.config)
            let store = try Store.open(at: global.db)
            do {
                let reading = try store.submitReading(meterID: meter, value: amount, zone: zoneValue, date: day,
                                                      window: settings.billingRules.readingWindow)
                print("accepted: meter \(reading.meterID), zone \(reading.zone.rawValue), \(reading.date.isoString), \(reading.value.machineString)")
            } catch let error as StoreError where error.message == BillingError.lowerReadingMessage {
                // The cabinet's exact text, without the program-name prefix.
                FileHandle.standardError.write(Data((BillingError.lowerReadingMessage + "\n").utf8))
                throw ExitCode(ExitStatus.badData)
            }
        }
    }

    /// Today's date (local time zone: the settlement center's day).
    static func today() -> CivilDate {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return CivilDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
