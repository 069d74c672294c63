import ArgumentParser
import Foundation
import RaschetApp

/// `raschet reading`: meter readings one at a time.
struct ReadingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reading", abstract: HelpText.readingAbstract.localized, subcommands: [ReadingSubmit.self]
    )
}

/// `raschet reading submit --meter ID --value V [--zone Z] [--date D]` (SPEC sections 4, 5).
struct ReadingSubmit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: HelpText.readingSubmitAbstract.localized
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: help(HelpText.readingMeter))
    var meter: String

    @Option(help: help(HelpText.readingValue))
    var value: String

    @Option(help: help(HelpText.readingZone))
    var zone: MeterZone?

    @Option(help: help(HelpText.readingDate, valueName: "date"))
    var date: CalendarDay?

    func run() throws {
        try reportingFailures {
            global.announceSettings()
            let outcome = try SubmitReading(workspace: global.workspace, meter: meter, value: value, zone: zone, date: date).run()
            switch outcome {
            case .accepted(let reading):
                print(CommandText.readingAccepted(meter: reading.meter, zone: reading.zone, date: reading.date, value: reading.value).localized)
            case .rejectedAsLower(let cabinetMessage):
                // The cabinet's exact text (SPEC section 4), without the program-name prefix.
                FileHandle.standardError.write(Data((cabinetMessage.localized + "\n").utf8))
                throw ExitCode(outcome.exitCode)
            }
        }
    }
}
