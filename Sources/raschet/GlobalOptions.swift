import ArgumentParser
import RaschetApp

/// Options every command takes: where the database and the settings file are.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: help(HelpText.db, valueName: "PATH"))
    var db: String = "./raschet.sqlite"

    @Option(name: .long, help: help(HelpText.config, valueName: "FILE"))
    var config: String?

    var workspace: Workspace { Workspace(database: db, settingsFile: config) }

    /// Says on standard error which settings file the command uses (for commands that read settings).
    func announceSettings() {
        CommandFailure.printNotice(workspace.settingsNotice)
    }
}
