import ArgumentParser
import Foundation
import RaschetApp

/// `raschet reading`: meter readings one at a time.
struct ReadingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reading", abstract: HelpText.readingAbstract.localized, subcommands: [ReadingSubmit.self]
    )
}

/// `raschet reading submit --meter ID --value V [--zone Z] [--date D] [--force]` (SPEC sections 4, 5; README).
struct ReadingSubmit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: HelpText.readingSubmitAbstract.localized
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: help(HelpText.readingMeter))
    var meter: String

    // Unconditional: `--value -1` is a value (refused as negative), not an unknown option.
    @Option(parsing: .unconditional, help: help(HelpText.readingValue))
    var value: String

    @Option(help: help(HelpText.readingZone))
    var zone: MeterZone?

    @Option(help: help(HelpText.readingDate, valueName: "date"))
    var date: CalendarDay?

    @Flag(help: help(HelpText.readingForce))
    var force = false

    func run() throws {
        try reportingFailures {
            global.announceSettings()
            let outcome = try SubmitReading(workspace: global.workspace, meter: meter, value: value, zone: zone, date: date,
                                            today: .fromProcess(), force: force).run()
            switch outcome {
            case .accepted(let reading):
                if let forced = reading.forced {
                    FileHandle.standardError.write(Data(("raschet: " + CommandText.readingForced(forced).localized + "\n").utf8))
                }
                print(CommandText.readingAccepted(meter: reading.meter, zone: reading.zone, date: reading.date, value: reading.value).localized)
            case .rejectedAsLower(let cabinetMessage, let detail):
                // The cabinet's exact text (SPEC section 4), without the program-name prefix, then ours.
                FileHandle.standardError.write(Data((cabinetMessage.localized + "\nraschet: " + detail.localized + "\n").utf8))
                throw ExitCode(outcome.exitCode)
            }
        }
    }
}
