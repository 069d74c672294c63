import ArgumentParser
import Foundation
import RaschetApp

/// `raschet reading`: meter readings one at a time.
struct ReadingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reading", abstract: "Submit meter readings.", subcommands: [ReadingSubmit.self]
    )
}

/// `raschet reading submit --meter ID --value V [--zone Z] [--date D] [--force]` (SPEC sections 4, 5; README).
struct ReadingSubmit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Store one reading: the import's checks, the reading window, the readings before and after it, no implausible jump."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "The meter id.")
    var meter: String

    @Option(help: "The reading (up to 6 decimals, `.` or `,`).")
    var value: String

    @Option(help: "single, day, night, peak or halfpeak (default: single for a one-zone meter).")
    var zone: MeterZone?

    @Option(help: ArgumentHelp("The reading's date, YYYY-MM-DD or DD.MM.YYYY (default: today).", valueName: "date"))
    var date: CalendarDay?

    @Flag(help: "Store a reading refused as an implausible jump anyway; the database logs that it was forced.")
    var force = false

    func run() throws {
        try reportingFailures {
            global.announceSettings()
            let outcome = try SubmitReading(workspace: global.workspace, meter: meter, value: value, zone: zone, date: date,
                                            today: .fromProcess(), force: force).run()
            switch outcome {
            case .accepted(let reading):
                if let forced = reading.forced {
                    FileHandle.standardError.write(Data("raschet: forced, logged in the database: \(forced)\n".utf8))
                }
                print("accepted: meter \(reading.meter), zone \(reading.zone), \(reading.date), \(reading.value)")
            case .rejectedAsLower(let cabinetMessage, let detail):
                // The cabinet's exact text (SPEC section 4), without the program-name prefix, then ours.
                FileHandle.standardError.write(Data((cabinetMessage + "\nraschet: " + detail + "\n").utf8))
                throw ExitCode(outcome.exitCode)
            }
        }
    }
}
