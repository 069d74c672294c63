import ArgumentParser
import RaschetApp

/// `raschet`: the batch billing and document engine's command line (SPEC section 5).
@main
struct Raschet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "raschet",
        abstract: HelpText.raschet.localized,
        version: RaschetVersion.string,
        subcommands: [Init.self, Import.self, Close.self, Reopen.self, Export.self, ReadingCommand.self, Synth.self, Render.self,
                      DispatchCommand.self, Demo.self]
    )
}
