import Foundation
import RaschetTesting
import Testing

/// Messages and help follow the locale (SPEC section 5): Russian for `ru_*`, English otherwise,
/// `LC_ALL` before `LC_MESSAGES` before `LANG`; exit codes do not change.
@Suite struct LocaleTests {
    static let accounts = """
        account_id;kind;name;address;area
        1001;person;Житель 1;г. Вологда, ул. Мальцева, д. 52, кв. 1;54,30
        1002;person;Житель 2;г. Вологда, ул. Мальцева, д. 52, кв. 2;-54,30

        """

    static func database() throws -> CLI {
        let cli = try CLI()
        return try cli.folder.removeOnError { () throws -> CLI in
            #expect(try cli.run(["init", "--db", "r.sqlite"]).status == 0)
            try cli.write("accounts.csv", Self.accounts)
            return cli
        }
    }

    @Test func aBadImportRowInRussian() throws {
        let cli = try Self.database()
        defer { cli.remove() }
        let result = try cli.run(["import", "accounts", "accounts.csv", "--db", "r.sqlite"], environment: CLI.russianLocale)
        #expect(result.status == 65)
        #expect(result.stderr == "raschet: accounts.csv:3: area: -54.3 — отрицательное; нужно 0 или больше\n"
            + "raschet: ошибок: 1; ничего не импортировано. Исправьте строки выше или укажите --partial, чтобы сохранить "
            + "верные строки.\n")
        let english = try cli.run(["import", "accounts", "accounts.csv", "--db", "r.sqlite"])
        #expect(english.status == 65)
        #expect(english.stderr == "raschet: accounts.csv:3: area: -54.3 is negative; it must be 0 or more\n"
            + "raschet: 1 problem; nothing was imported. Fix the rows above, or use --partial to store the valid rows.\n")
    }

    /// The rejected-rows file is read by the operator: its reasons follow the locale, its column
    /// names stay (the corrected file re-imports as it is).
    @Test func theRejectedRowsReasonFollowsTheLocale() throws {
        let cli = try Self.database()
        defer { cli.remove() }
        let result = try cli.run(["import", "accounts", "accounts.csv", "--partial", "--db", "r.sqlite"], environment: CLI.russianLocale)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "accounts: строк 1, новых 1, измененных 0, без изменений 0\n")
        #expect(result.stderr.hasSuffix("raschet: accounts.csv: отклонено строк: 1; см. accounts.csv.rejected.csv\n"), "\(result.stderr)")
        let rejected = String(decoding: try cli.bytes("accounts.csv.rejected.csv"), as: UTF8.self)
        #expect(rejected == "account_id;kind;name;address;area;source_line;reason\n"
            + "1002;person;Житель 2;г. Вологда, ул. Мальцева, д. 52, кв. 2;-54,30;3;\"area: -54.3 — отрицательное; нужно 0 или больше\"\n")
    }

    @Test func helpIsRussianInARussianLocale() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let help = try cli.run(["close", "--help"], environment: CLI.russianLocale)
        #expect(help.status == 0)
        #expect(help.stdout.hasPrefix("ОПИСАНИЕ: Рассчитать и сохранить начисления, перерасчеты, пени, оплаты и сальдо\nза период."),
                "\(help.stdout)")
        #expect(help.stdout.contains("""
            ВЫЗОВ: raschet close [--db <PATH>] [--config <FILE>] <YYYY-MM> [--dry-run] [--batch-size <batch-size>]

            АРГУМЕНТЫ:
              <YYYY-MM>               Закрываемый период.

            ПАРАМЕТРЫ:
              --db <PATH>             Файл базы данных SQLite (по умолчанию
                                      ./raschet.sqlite).
              --config <FILE>         Файл настроек (по умолчанию raschet.toml в папке базы
                                      данных, если он есть).
              --dry-run               Рассчитать и показать итоги, ничего не сохраняя.
              --batch-size <batch-size>
                                      Лицевых счетов в одной транзакции (по умолчанию 2000).
              --version               Показать версию.
              -h, --help              Показать справку.

            """), "\(help.stdout)")
        let english = try cli.run(["close", "--help"])
        #expect(english.stdout.hasPrefix("OVERVIEW: Compute and store a period's charges, recalculations, penalties,"))
        #expect(english.stdout.contains("""
              --db <PATH>             The SQLite database file (default: ./raschet.sqlite).
            """), "\(english.stdout)")
        #expect(english.stdout.contains("Accounts per transaction (default: 2000)."))
        #expect(english.stdout.contains("USAGE: raschet close [--db <PATH>]"))
        #expect(english.stdout.contains("OPTIONS:\n"))
        #expect(english.stdout.contains("  -h, --help              Show help information.\n"))
    }

    /// The command list's frame is Russian too: its headings and the line on a command's own help.
    @Test func theCommandListIsRussianInARussianLocale() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let help = try cli.run(["--help"], environment: CLI.russianLocale)
        #expect(help.status == 0)
        #expect(help.stdout.hasPrefix("""
            ОПИСАНИЕ: Пакетные расчеты и документы для расчетных центров ЖКХ.

            ВЫЗОВ: raschet <команда>

            ПАРАМЕТРЫ:
              --version               Показать версию.
              -h, --help              Показать справку.

            КОМАНДЫ:
              init                    Создать пустую базу данных.

            """), "\(help.stdout)")
        #expect(help.stdout.hasSuffix("\n  Справка по команде: raschet help <команда>\n"), "\(help.stdout)")
        let english = try cli.run(["--help"])
        #expect(english.stdout.hasSuffix("\n  See 'raschet help <subcommand>' for detailed help.\n"), "\(english.stdout)")
    }

    /// The parser's lines in Russian in the corners too: a narrow terminal that wraps the built-in
    /// flags' texts, the `help` command's own page, a value with a line break, the completion
    /// script's refusals.
    @Test func theParsersOtherLinesAreRussianToo() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let narrow = try cli.run(["reading", "--help"], environment: CLI.russianLocale.merging(["COLUMNS": "40"]) { $1 })
        #expect(narrow.stdout.contains("\n  --version               Показать версию.\n  -h, --help              Показать справку.\n"),
                "\(narrow.stdout)")
        #expect(!narrow.stdout.contains("Show"))
        let help = try cli.run(["help", "help"], environment: CLI.russianLocale)
        #expect(help.stdout.hasPrefix("ОПИСАНИЕ: Показать справку по команде.\n\nВЫЗОВ: raschet help [<команды> ...]\n"), "\(help.stdout)")
        let broken = try cli.run(["close", "2026\n10"], environment: CLI.russianLocale)
        #expect(broken.status == 64)
        #expect(broken.stderr.hasPrefix("Ошибка: недопустимое значение «2026\n10» для <YYYY-MM>\nСправка:  <YYYY-MM>  "), "\(broken.stderr)")
        let shell = try cli.run(["--generate-completion-script", "zzz"], environment: CLI.russianLocale)
        #expect(shell.stderr.hasPrefix("Ошибка: сценарий дополнения для оболочки «zzz» не создается\n"
            + "Укажите в --generate-completion-script=<shell> одну из оболочек:\n    zsh bash fish\n"), "\(shell.stderr)")
    }

    /// A usage error (exit 64) is said in the locale's language, every line of it: the parser's reason
    /// and frame in Russian, the command's own check (`--batch-size`) from the catalog.
    @Test(arguments: [
        (["close", "2026-13"], "Ошибка: недопустимое значение «2026-13» для <YYYY-MM>\nСправка:  <YYYY-MM>  Закрываемый период.\n",
         "Error: The value '2026-13' is invalid for '<YYYY-MM>'\nHelp:  <YYYY-MM>  The period to close.\n"),
        (["close"], "Ошибка: не указан аргумент <YYYY-MM>\nСправка:  <YYYY-MM>  Закрываемый период.\n",
         "Error: Missing expected argument '<YYYY-MM>'\nHelp:  <YYYY-MM>  The period to close.\n"),
        (["close", "2026-10", "--dbx", "r.sqlite"], "Ошибка: неизвестный параметр --dbx; возможно, имелся в виду --db\n",
         "Error: Unknown option '--dbx'. Did you mean '--db'?\n"),
        (["close", "2026-10", "2026-11"], "Ошибка: лишний аргумент «2026-11»\n", "Error: Unexpected argument '2026-11'\n"),
        (["close", "2026-10", "--dry-run=да"], "Ошибка: параметр --dry-run не принимает значения, а указано «да»\n",
         "Error: The option '--dry-run' does not take any value, but 'да' was specified.\n"),
        (["close", "2026-10", "--batch-size", "0"], "Ошибка: --batch-size должен быть больше нуля\n",
         "Error: --batch-size must be positive\n"),
    ] as [([String], String, String)])
    func aUsageErrorIsSaidInTheLocalesLanguage(arguments: [String], russian: String, english: String) throws {
        let cli = try CLI()
        defer { cli.remove() }
        let usage = "raschet close [--db <PATH>] [--config <FILE>] <YYYY-MM> [--dry-run] [--batch-size <batch-size>]\n"
        let inRussian = try cli.run(arguments, environment: CLI.russianLocale)
        #expect(inRussian.status == 64)
        #expect(inRussian.stdout.isEmpty)
        #expect(inRussian.stderr == russian + "Вызов: " + usage + "  Подробнее: raschet close --help\n")
        let inEnglish = try cli.run(arguments)
        #expect(inEnglish.status == 64)
        #expect(inEnglish.stderr == english + "Usage: " + usage + "  See 'raschet close --help' for more information.\n")
    }

    /// A font folder that does not hold the fonts is said in the locale's words, the file named.
    @Test func aFontFileThatCannotBeLoadedIsSaidInTheLocalesWords() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try FileManager.default.createDirectory(atPath: cli.path("fonts"), withIntermediateDirectories: true)
        try cli.write("fonts/PTS55F.ttf", "not a font at all, but long enough")
        let russian = try cli.run(["render", "specimen", "--out", "s.pdf", "--fonts", "fonts"], environment: CLI.russianLocale)
        #expect(russian.status == 66)
        #expect(russian.stderr == "raschet: шрифты не загружены: fonts/PTS55F.ttf: это не шрифт TrueType; в папке --fonts "
            + "должны быть PTS55F.ttf, PTS75F.ttf, PTS56F.ttf и PTS76F.ttf\n")
        let english = try cli.run(["render", "specimen", "--out", "s.pdf", "--fonts", "none"])
        #expect(english.stderr == "raschet: none/PTS55F.ttf: cannot open the font file; --fonts must name a folder with PTS55F.ttf, "
            + "PTS75F.ttf, PTS56F.ttf and PTS76F.ttf\n")
    }

    /// Every command's help in Russian: the parser adds none of its English "(default: …)" or
    /// "(values: …)" to the catalog's lines; the lines that say a default say it in Russian.
    @Test(arguments: [
        ["init"], ["import"], ["close"], ["reopen"], ["export"], ["reading", "submit"], ["synth"], ["dispatch"], ["demo"],
        ["render", "specimen"], ["render", "receipts"], ["render", "settlement"], ["render", "accruals"], ["render", "act"],
        ["render", "turnover"], ["render", "no-debt"],
    ])
    func noEnglishIsAddedToARussianHelpLine(command: [String]) throws {
        let cli = try CLI()
        defer { cli.remove() }
        let help = try cli.run(command + ["--help"], environment: CLI.russianLocale)
        #expect(help.status == 0)
        for english in ["(default", "default:", "(values", "values:", "OVERVIEW", "USAGE", "ARGUMENTS", "OPTIONS", "Show ", "See '"] {
            #expect(!help.stdout.contains(english), "\(help.stdout)")
        }
        #expect(help.stdout.contains("по умолчанию"), "\(help.stdout)")
    }

    @Test(arguments: [
        (["LC_ALL": "en_US.UTF-8", "LANG": "ru_RU.UTF-8"], "raschet: nowhere.sqlite: no such database; create it with `raschet init --db nowhere.sqlite`\n"),
        (["LC_ALL": "ru_RU.UTF-8", "LANG": "en_US.UTF-8"], "raschet: nowhere.sqlite: базы данных нет; создайте ее командой `raschet init --db nowhere.sqlite`\n"),
        (["LC_MESSAGES": "ru_RU.UTF-8", "LANG": "C"], "raschet: nowhere.sqlite: базы данных нет; создайте ее командой `raschet init --db nowhere.sqlite`\n"),
        (["LANG": "ru_RU"], "raschet: nowhere.sqlite: базы данных нет; создайте ее командой `raschet init --db nowhere.sqlite`\n"),
        (["LANG": "de_DE.UTF-8"], "raschet: nowhere.sqlite: no such database; create it with `raschet init --db nowhere.sqlite`\n"),
    ] as [([String: String], String)])
    func lcAllComesBeforeLcMessagesBeforeLang(locale: [String: String], message: String) throws {
        let cli = try CLI()
        defer { cli.remove() }
        let result = try cli.run(["export", "charges", "--period", "2026-10", "--db", "nowhere.sqlite"], environment: locale)
        #expect(result.status == 66)
        #expect(result.stderr == message)
    }

    /// The settings line on standard error is in the locale's language too.
    @Test func theSettingsLineFollowsTheLocale() throws {
        let cli = try Self.database()
        defer { cli.remove() }
        let result = try cli.runWithNotice(["close", "2026-10", "--db", "r.sqlite", "--dry-run"], environment: CLI.russianLocale)
        #expect(result.stderr.hasPrefix("raschet: настройки: значения по закону (файла raschet.toml нет)\n"), "\(result.stderr)")
    }
}
