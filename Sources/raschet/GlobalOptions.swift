import ArgumentParser
import RaschetApp

/// Options every command takes: where the database and the settings file are.
struct GlobalOptions: ParsableArguments {
    // Optional, with the default in the help text: the parser would add an English "(default: …)" to it.
    @Option(name: .customLong("db"), help: help(HelpText.db(default: Workspace.defaultDatabase), valueName: "PATH"))
    var databaseOption: String?

    /// The database file: `--db`, or `Workspace.defaultDatabase`.
    var db: String { databaseOption ?? Workspace.defaultDatabase }

    @Option(name: .long, help: help(HelpText.config, valueName: "FILE"))
    var config: String?

    var workspace: Workspace { Workspace(database: db, settingsFile: config) }

    /// Says on standard error which settings file the command uses (for commands that read settings).
    func announceSettings() {
        CommandFailure.printNotice(workspace.settingsNotice)
    }
}
