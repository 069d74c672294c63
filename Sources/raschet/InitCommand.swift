import ArgumentParser
import RaschetStore

/// `raschet init`: creates an empty database (or brings an existing one's schema up to date).
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create an empty database.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reportingFailures {
            let (_, created) = try Store.create(at: global.db)
            print(created ? "created \(global.db)" : "\(global.db) already exists; its schema is up to date")
        }
    }
}
