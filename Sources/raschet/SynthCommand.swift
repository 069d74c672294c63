import ArgumentParser
import Foundation
import RaschetCore
import RaschetSynth

/// `raschet synth`: a deterministic synthetic data set in the SPEC CSV formats (SPEC section 5).
struct Synth: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a deterministic synthetic data set (CSV files) ready to close for a period."
    )

    @Option(help: "How many accounts (about 90 % households, 10 % businesses).")
    var accounts: Int

    @Option(help: ArgumentHelp("The folder to write the CSV files into (created if needed).", valueName: "DIR"))
    var out: String

    @Option(help: "The random seed: the same seed, count and period give the same bytes.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("The period the data is ready to close (default: the previous month).", valueName: "YYYY-MM"))
    var period: String?

    func validate() throws {
        guard (1...99_999_999).contains(accounts) else { throw ValidationError("--accounts must be from 1 to 99999999") }
        if let period, Period(parsing: period) == nil { throw ValidationError("--period must be YYYY-MM, for example 2026-10") }
    }

    func run() throws {
        try reportingFailures {
            let target = period.flatMap { Period(parsing: $0) } ?? Self.previousMonth()
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            var handles: [String: FileHandle] = [:]
            defer { for handle in handles.values { try? handle.close() } }
            try SyntheticDataSet(accounts: accounts, seed: seed, period: target).generate { name, chunk in
                let handle: FileHandle
                if let open = handles[name] {
                    handle = open
                } else {
                    let path = (out as NSString).appendingPathComponent(name)
                    guard FileManager.default.createFile(atPath: path, contents: nil),
                          let created = FileHandle(forWritingAtPath: path) else {
                        throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
                    }
                    handle = created
                    handles[name] = created
                }
                try handle.write(contentsOf: chunk)
            }
            print("wrote \(SyntheticDataSet.fileNames.count) files for \(accounts) accounts, period \(target.code), seed \(seed), to \(out)")
        }
    }

    /// The month before today's (UTC): the usual period to close.
    static func previousMonth() -> Period {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
        return Period(year: parts.year!, month: parts.month!)!.previous
    }
}
