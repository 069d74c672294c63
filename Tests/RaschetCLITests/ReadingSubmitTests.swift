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
        return try cli.folder.removeOnError { () throws -> CLI in
            #expect(try cli.run(["init", "--db", "f.sqlite"]).status == 0)
            let files = EntityKind.allCases.map { CLI.fixture($0.name + ".csv") }
            #expect(try cli.run(["import", "auto"] + files + ["--db", "f.sqlite"]).status == 0)
            return cli
        }
    }

    static func readings(_ cli: CLI) throws -> [[String]] {
        try Store.open(at: cli.path("f.sqlite")).contents(of: .readings)
    }

    @Test func aValueLowerThanThePreviousReadingIsRejectedWithTheCabinetMessage() throws {
        let cli = try Self.fixtures()
        defer { cli.remove() }
        let before = try Self.readings(cli)
        // The meter of Fixtures/bad/readings_lower.csv: 3890.437 on 2026-10-18, then 389.044 (a lost digit).
        let bad = try String(contentsOfFile: CLI.fixture("bad/readings_lower.csv"), encoding: .utf8)
        let meter = String(try #require(bad.split(separator: "\n").dropFirst().first?.split(separator: ";").first))
        let result = try cli.run(["reading", "submit", "--meter", meter, "--value", "389.044", "--date", "2026-11-18",
                                  "--db", "f.sqlite"], environment: CLI.russianLocale)
        #expect(result.status == 65)
        #expect(result.stderr == "Показание не принято! Введенные показания меньше ранее переданных показаний. Проверьте корректность ввода.\n"
            + "raschet: лицевой счет 4102470003, услуга HVS, счетчик 4102470003-HVS: зона single: показание 389,044 на 18.11.2026 меньше предыдущего 3890,437 "
            + "на 18.10.2026; проверьте показание (переход счетчика через ноль вносится импортом строки с rollover = 1)\n")
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
         "Error: The value 'evening' is invalid for '--zone <zone>'\nHelp:  --zone <zone>  single, day, night, peak or halfpeak"),
    ])
    func malformedArgumentsAreUsageErrors(arguments: [String], message: String) throws {
        let cli = try Self.fixtures()
        defer { cli.remove() }
        let result = try cli.run(["reading", "submit", "--meter", "M1"] + arguments + ["--db", "f.sqlite"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix(message), "\(result.stderr)")
    }

    @Test(arguments: [
        (["--meter", "NO-SUCH", "--value", "1", "--date", "2026-11-18"], "счетчик NO-SUCH не найден"),
        // Each names the meter, the value and the fix.
        (["--value=-1", "--date", "2026-11-18"],
         "счетчик 4102470003-HVS, показание -1: показание не может быть отрицательным; укажите значение, которое показывает счетчик"),
        (["--value", "-1", "--date", "2026-11-18"], "счетчик 4102470003-HVS, показание -1: показание не может быть отрицательным"),
        (["--value", "3896.1234567", "--date", "2026-11-18"],
         "счетчик 4102470003-HVS, --value: «3896.1234567» — не число до 1000000000000 с не более чем 6 знаками после запятой"),
        (["--value", "1000000000001", "--date", "2026-11-18"], "счетчик 4102470003-HVS, показание 1000000000001: показание не может "
            + "быть больше 1000000000000; проверьте значение (не сбит ли разделитель дробной части?)"),
        (["--value", "9999", "--date", "2026-11-27"], "показания принимаются с 15 по 25 число месяца"),
        (["--value", "9999", "--zone", "day", "--date", "2026-11-18"], "нет зоны day"),
    ])
    func invalidSubmissionsAreRefusedAndStoreNothing(arguments: [String], message: String) throws {
        let cli = try Self.fixtures()
        defer { cli.remove() }
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

    /// The fixture meter 4102470003-HVS (5 digits, installed 2022-04-08) reads 3846.763 on 2026-02-24 …
    /// 3885.681 on 2026-09-16, 3890.437 on 2026-10-18; tests run with today = 2026-11-20. Each
    /// refusal: exit 65, one sentence, the database file byte for byte unchanged.
    @Test(arguments: [
        // 2026-12-18 is inside the window (15..25) but after today.
        (["--value", "3899", "--date", "2026-12-18"],
         "лицевой счет 4102470003, услуга HVS, счетчик 4102470003-HVS: зона single: показание 3899 на 18.12.2026 не принято: дата позже сегодняшней (20.11.2026); "
            + "укажите дату снятия показания, не позже 20.11.2026"),
        (["--value", "100", "--date", "2022-03-20"],
         "лицевой счет 4102470003, услуга HVS, счетчик 4102470003-HVS: зона single: показание 100 на 20.03.2022 не принято: счетчик установлен 08.04.2022; "
            + "проверьте дату показания или дату установки счетчика"),
        // 5 digits: the register wraps at 10^5 = 100000.
        (["--value", "100000", "--date", "2026-11-18"],
         "лицевой счет 4102470003, услуга HVS, счетчик 4102470003-HVS: зона single: показание 100000 на 18.11.2026 не принято: разрядов у счетчика до запятой: 5, "
            + "показание должно быть меньше 100000; проверьте, нет ли лишней цифры"),
        // Between 3885.681 (2026-09-16) and 3890.437 (2026-10-18): 3895 is above the next one.
        (["--value", "3895", "--date", "2026-09-20"],
         "лицевой счет 4102470003, услуга HVS, счетчик 4102470003-HVS: зона single: показание 3895 на 20.09.2026 больше следующего 3890,437 на 18.10.2026; "
            + "проверьте показание и его дату"),
        // Average: (3890.437 − 3846.763) / (2026-10-18 − 2026-02-24) = 43.674 / 236 days = 0.185059 a day;
        // 3950 on 2026-11-18: (3950 − 3890.437) / 31 days = 59.563 / 31 = 1.921387 a day > 10 × 0.185059 = 1.85059.
        (["--value", "3950", "--date", "2026-11-18"],
         "лицевой счет 4102470003, услуга HVS, счетчик 4102470003-HVS: зона single: показание 3950 на 18.11.2026 дает расход 1,921387 в сутки с предыдущего 3890,437 "
            + "на 18.10.2026, больше чем 10 × средний расход 0,185059 в сутки; проверьте показание, а если оно верно, передайте его с --force"),
    ])
    func aReadingIsCheckedAgainstTheMeterAndTheReadingsOnBothSides(arguments: [String], message: String) throws {
        let cli = try Self.fixtures()
        defer { cli.remove() }
        let before = try cli.bytes("f.sqlite")
        let result = try cli.run(["reading", "submit", "--meter", "4102470003-HVS"] + arguments + ["--db", "f.sqlite"],
                                 environment: CLI.russianLocale)
        #expect(result.status == 65)
        #expect(result.stderr == "raschet: " + message + "\n")
        #expect(result.stdout == "")
        #expect(try cli.bytes("f.sqlite") == before, "nothing stored")
    }

    /// 3947 on 2026-11-18: 56.563 / 31 = 1.824613 a day, under 10 × 0.185059 = 1.85059: accepted.
    /// A factor of 9 in raschet.toml: 9 × 0.185059 = 1.665531 < 1.824613, refused; `--force` stores it
    /// and logs it.
    @Test func theJumpFactorIsASettingAndForceStoresAndLogsTheReading() throws {
        let cli = try Self.fixtures()
        defer { cli.remove() }
        let accepted = try cli.run(["reading", "submit", "--meter", "4102470003-HVS", "--value", "3947", "--date", "2026-11-18",
                                    "--db", "f.sqlite"])
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(accepted.stdout == "accepted: meter 4102470003-HVS, zone single, 2026-11-18, 3947\n")

        try cli.write("raschet.toml", "[billing]\nreading_jump_factor = 9\n")
        let before = try cli.bytes("f.sqlite")
        let jump = "account 4102470003, service HVS, meter 4102470003-HVS: zone single: reading 3947 on 2026-11-18 gives "
            + "1.824613 per day since the previous 3890.437 on 2026-10-18, more than 9 × the average 0.185059 per day"
        let fix = "; check the reading, and if it is right, submit it with --force"
        let loggedJump = "лицевой счет 4102470003, услуга HVS, счетчик 4102470003-HVS: зона single: показание 3947 на "
            + "18.11.2026 дает расход 1,824613 в сутки с предыдущего 3890,437 на 18.10.2026, больше чем 9 × средний расход "
            + "0,185059 в сутки"
        let refused = try cli.run(["reading", "submit", "--meter", "4102470003-HVS", "--value", "3947", "--date", "2026-11-18",
                                   "--db", "f.sqlite"])
        #expect(refused.status == 65)
        #expect(refused.stderr == "raschet: " + jump + fix + "\n")
        #expect(try cli.bytes("f.sqlite") == before)

        let forced = try cli.run(["reading", "submit", "--meter", "4102470003-HVS", "--value", "3947", "--date", "2026-11-18",
                                  "--force", "--db", "f.sqlite"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stderr == "raschet: forced, logged in the database: " + jump + "\n")
        #expect(forced.stdout == "accepted: meter 4102470003-HVS, zone single, 2026-11-18, 3947\n")
        let log = try Store.open(at: cli.path("f.sqlite")).forcedReadings()
        #expect(log == [ForcedReading(meterID: "4102470003-HVS", zone: .single, date: CivilDate(year: 2026, month: 11, day: 18)!,
                                      value: ExactDecimal(3947), forcedOn: CivilDate(year: 2026, month: 11, day: 20)!, reason: loggedJump)])
    }
}
