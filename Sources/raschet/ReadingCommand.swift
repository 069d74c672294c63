import ArgumentParser
import Foundation
import RaschetApp

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
    var zone: MeterZone?

    @Option(help: ArgumentHelp("The reading's date, YYYY-MM-DD or DD.MM.YYYY (default: today).", valueName: "date"))
    var date: CalendarDay?

    func run() throws {
        try reportingFailures {
            global.announceSettings()
            let outcome = try SubmitReading(workspace: global.workspace, meter: meter, value: value, zone: zone, date: date).run()
            switch outcome {
            case .accepted(let reading):
                print("accepted: meter \(reading.meter), zone \(reading.zone), \(reading.date), \(reading.value)")
            case .rejectedAsLower(let cabinetMessage):
                // The cabinet's exact text (SPEC section 4), without the program-name prefix.
                FileHandle.standardError.write(Data((cabinetMessage + "\n").utf8))
                throw ExitCode(outcome.exitCode)
            }
        }
    }
}
