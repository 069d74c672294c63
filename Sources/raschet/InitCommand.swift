import ArgumentParser
import RaschetApp

/// `raschet init`: creates an empty database (or brings an existing one's schema up to date).
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: HelpText.initAbstract.localized)

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reportingFailures {
            let result = try InitDatabase(database: global.db).run()
            print((result.created ? CommandText.created(global.db) : CommandText.schemaUpToDate(global.db)).localized)
        }
    }
}
