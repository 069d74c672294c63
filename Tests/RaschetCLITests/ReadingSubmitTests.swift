import Foundation
import RaschetCore
import RaschetStore
import RaschetTesting
import Testing

/// `raschet reading submit`: one reading with the import's checks, the window, and the cabinet's
/// "never lower than before" rule (SPEC sections 4, 5).
@Suite struct ReadingSubmitTests {
    static func fixtures() throws -> CLI {
        let cli = try CLI()
        #expect(try cli.run(["init", "--db", "f.sqlite"]).status == 0)
        let files = EntityKind.allCases.map { CLI.fixture($0.name + ".csv") }
        #expect(try cli.run(["import", "auto"] + files + ["--db", "f.sqlite"]).status == 0)
        return cli
    }

    static func readings(_ cli: CLI) throws -> [[String]] {
        try Store.open(at: cli.path("f.sqlite")).contents(of: .readings)
    }

    @Test func aValueLowerThanThePreviousReadingIsRejectedWithTheCabinetMessage() throws {
        let cli = try Self.fixtures()
        let before = try Self.readings(cli)
        // The meter of Fixtures/bad/readings_lower.csv: 3890.437 on 2026-10-18, then 389.044 (a lost digit).
        let bad = try String(contentsOfFile: CLI.fixture("bad/readings_lower.csv"), encoding: .utf8)
        let meter = String(try #require(bad.split(separator: "\n").dropFirst().first?.split(separator: ";").first))
        let result = try cli.run(["reading", "submit", "--meter", meter, "--value", "389.044", "--date", "2026-11-18",
                                  "--db", "f.sqlite"], environment: CLI.russianLocale)
        #expect(result.status == 65)
        #expect(result.stderr == "Показание не принято! Введенные показания меньше ранее переданных показаний. Проверьте корректность ввода.\n")
        #expect(result.stdout == "")
        #expect(try Self.readings(cli) == before, "nothing stored")

        let good = try cli.run(["reading", "submit", "--meter", meter, "--value", "3899,5", "--date", "2026-11-18",
                                "--db", "f.sqlite"])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout == "accepted: meter \(meter), zone single, 2026-11-18, 3899.5\n")
        #expect(try Self.readings(cli).count == before.count + 1)
    }

    @Test(arguments: [
        (["--value", "9999", "--date", "2026-13-01"], "Error: The value '2026-13-01' is invalid for '--date <date>'\n"),
        (["--value", "9999", "--zone", "evening", "--date", "2026-11-18"],
         "Error: The value 'evening' is invalid for '--zone <zone>'. Please provide one of 'single', 'day', 'night', 'peak' or 'halfpeak'.\n"),
    ])
    func malformedArgumentsAreUsageErrors(arguments: [String], message: String) throws {
        let cli = try Self.fixtures()
        let result = try cli.run(["reading", "submit", "--meter", "M1"] + arguments + ["--db", "f.sqlite"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix(message), "\(result.stderr)")
    }

    @Test(arguments: [
        (["--meter", "NO-SUCH", "--value", "1", "--date", "2026-11-18"], "счетчик NO-SUCH не найден"),
        (["--value=-1", "--date", "2026-11-18"], "показание не может быть отрицательным"),
        (["--value", "9999", "--date", "2026-11-27"], "показания принимаются с 15 по 25 число месяца"),
        (["--value", "9999", "--zone", "day", "--date", "2026-11-18"], "нет зоны day"),
    ])
    func invalidSubmissionsAreRefusedAndStoreNothing(arguments: [String], message: String) throws {
        let cli = try Self.fixtures()
        let before = try Self.readings(cli)
        let bad = try String(contentsOfFile: CLI.fixture("bad/readings_lower.csv"), encoding: .utf8)
        let meter = String(try #require(bad.split(separator: "\n").dropFirst().first?.split(separator: ";").first))
        let withMeter = arguments.contains("--meter") ? arguments : ["--meter", meter] + arguments
        let result = try cli.run(["reading", "submit"] + withMeter + ["--db", "f.sqlite", "--config", CLI.fixture("raschet.toml")],
                                 environment: CLI.russianLocale)
        #expect(result.status == 65)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(try Self.readings(cli) == before)
    }
}
