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

    /// Parses the arguments and runs the command as `AsyncParsableCommand.main` does, but on the main
    /// thread: a command that blocks for its whole run (every one but `dispatch` and `demo`) then
    /// holds no thread of Swift's cooperative pool, and what it allocates comes from glibc's main
    /// arena, which grows a padded step at a time where another thread's arena grows by each request
    /// (an import's page cache: 47,511 `mprotect` calls at 10^5; Benchmarks/JOURNAL.md, "The blocking commands
    /// on the main thread").
    @MainActor static func main() async {
        InterruptHandling.install()
        do {
            var command = try parseAsRoot()
            try reportingFailures { try EnvironmentCheck.check() }
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            ParserOutput.exit(withError: error)
        }
    }
}
