import Foundation
import RaschetApp
import RaschetCore
import RaschetIngest
import RaschetSettings
import RaschetStore
import Testing

/// The message catalog (`Sources/RaschetCore/Messages/`, `Sources/RaschetApp/Messages/`): every
/// entry's English text holds no Cyrillic letter and its Russian text is Russian, with Latin letters
/// only in the program's own words (commands, options, file, column and key names); the locale picks
/// the language. The texts are read from the source, so an entry added later is checked too.
@Suite struct MessageCatalogTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    // MARK: Language from the locale

    @Test(arguments: [
        ([:], RaschetCore.Language.english),
        (["LANG": "ru_RU.UTF-8"], .russian),
        (["LANG": "ru_RU"], .russian),
        (["LANG": "ru"], .russian),
        (["LANG": "en_US.UTF-8"], .english),
        (["LANG": "C"], .english),
        (["LANG": "uk_UA.UTF-8"], .english),
        (["LC_MESSAGES": "ru_RU.UTF-8", "LANG": "en_US.UTF-8"], .russian),
        (["LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "ru_RU.UTF-8", "LANG": "ru_RU.UTF-8"], .english),
        (["LC_ALL": "ru_RU.UTF-8", "LANG": "en_US.UTF-8"], .russian),
        (["LC_ALL": "", "LC_MESSAGES": "", "LANG": "ru_RU.UTF-8"], .russian),
    ] as [([String: String], RaschetCore.Language)])
    func theLocaleVariablesChooseTheLanguageInPOSIXOrder(environment: [String: String], language: RaschetCore.Language) {
        #expect(Language(environment: environment) == language)
    }

    // MARK: The same failure in both languages

    @Test func aBadImportRowInBothLanguages() {
        let error = IngestError(file: "accounts.csv", line: 12, column: "area", message: .negative("-54.3"))
        #expect(error.userMessage(in: .english) == "accounts.csv:12: area: -54.3 is negative; it must be 0 or more")
        #expect(error.userMessage(in: .russian) == "accounts.csv:12: area: -54.3 — отрицательное; нужно 0 или больше")
    }

    @Test func aBusyDatabaseInBothLanguages() {
        let error = StoreError(.busy, .databaseBusy(.databaseOperation("r.sqlite", .storeImport)))
        #expect(error.exitStatus == .busy)
        #expect(error.userMessage(in: .english)
            == "r.sqlite: cannot store the imported rows: the database is busy with another command; run this one again when it has finished")
        #expect(error.userMessage(in: .russian)
            == "r.sqlite: не удается сохранить импортированные строки: база данных занята другой командой; повторите эту команду, "
                + "когда та завершится")
    }

    @Test func sqlitesOwnReasonIsAQuotedCauseInRussian() {
        let error = StoreError(.io, .diskFull(.databaseOperation("r.sqlite", .write), sqlite: "database or disk is full"))
        #expect(error.userMessage(in: .russian)
            == "r.sqlite: не удается записать в базу данных: диск заполнен; освободите место и повторите команду "
                + "(SQLite: «database or disk is full»)")
    }

    @Test func anUnknownSettingKeyInBothLanguages() {
        let error = SettingsError(file: "raschet.toml", key: "billing.vat_rate", message: .unknownSettingsKey(known: ["vat", "due_day"]))
        #expect(error.userMessage(in: .english)
            == "raschet.toml: billing.vat_rate: unknown key; expected one of: vat, due_day (a typo must not silently keep a default)")
        #expect(error.userMessage(in: .russian)
            == "raschet.toml: billing.vat_rate: неизвестная настройка; допустимы: vat, due_day (опечатка не должна молча "
                + "оставлять значение по умолчанию)")
    }

    @Test func aRefusedReadingInBothLanguages() {
        let error = StoreError(.refused, .outsideReadingWindow(meter: "4102470003-HVS", value: ExactDecimal(parsing: "3899.5")!,
                                                               first: 15, last: 25, date: CivilDate(parsing: "2026-11-03")!))
        #expect(error.userMessage(in: .english) == "meter 4102470003-HVS, reading 3899.5: readings are accepted from day 15 to "
            + "day 25 of the month; 2026-11-03 is outside (a reading taken in the window and entered later: give its day with --date)")
        #expect(error.userMessage(in: .russian)
            == "счетчик 4102470003-HVS, показание 3899,5: показания принимаются с 15 по 25 число месяца; дата 03.11.2026 вне этого "
                + "окна (показание, снятое в окне и вносимое позже: укажите его день в --date)")
    }

    @Test func aParkedAccountsReasonInBothLanguages() {
        let error = BillingError(code: .noResidents, message: .noResidents, accountID: "1001", serviceID: "HVS",
                                 period: Period(year: 2026, month: 10))
        #expect(error.userMessage(in: .english) == "account 1001, service HVS, period 2026-10: The number of residents is not given")
        #expect(error.userMessage(in: .russian) == "лицевой счет 1001, услуга HVS, период 2026-10: Не указано число проживающих")
    }

    @Test func theClosesTimingsInBothLanguagesWithTheirUnit() {
        let timings = CommandText.closeTimings(load: .milliseconds(363), compute: .seconds(12) + .microseconds(5_999),
                                               save: .seconds(7), batches: 50)
        #expect(timings.english == "timings: load 0.363 s, compute 12.005 s, save+commit 7.000 s, 50 batches")
        #expect(timings.russian == "время: загрузка 0.363 с, расчет 12.005 с, запись 7.000 с, пакетов 50")
    }

    /// A count of 1 takes the singular in English (`1 row`, `1 account closed`, a verb to match),
    /// 0 and every other count the plural; the Russian lines keep the count after a colon or noun.
    @Test func aCountOfOneReadsInTheSingularInEnglish() throws {
        let imported = CommandText.tableImported("accounts", rows: 1, inserted: 1, updated: 0, unchanged: 0)
        #expect(imported.english == "accounts: 1 row, 1 new, 0 changed, 0 unchanged")
        #expect(imported.russian == "accounts: строк 1, новых 1, измененных 0, без изменений 0")
        #expect(CommandText.tableImported("accounts", rows: 0, inserted: 0, updated: 0, unchanged: 0).english
            == "accounts: 0 rows, 0 new, 0 changed, 0 unchanged")
        #expect(CommandText.closeSummary("2026-08", dryRun: false, closed: 1, parked: 0, alreadyDone: 44).english
            == "closed 2026-08: 1 account closed, 0 parked, 44 already done by an earlier run")
        #expect(CommandText.specimenWritten("s.pdf", bytes: 61802, pages: 1).english == "wrote s.pdf (61802 bytes, 1 page)")
        #expect(CommandText.closeTimings(load: .zero, compute: .zero, save: .zero, batches: 1).english
            == "timings: load 0.000 s, compute 0.000 s, save+commit 0.000 s, 1 batch")
        #expect(CommandText.printBatchWritten(receipts: 1, path: "b.pdf", eReceipts: 2).english
            == "print batch: 1 receipt in b.pdf; 2 e-receipt accounts left out")
        let august = try #require(Period(year: 2026, month: 8))
        #expect(Message.parkedInPrevious(august, count: 1).english
            == "1 account of 2026-08 is parked; fix the data and run raschet close 2026-08 again")
        #expect(Message.parkedInPrevious(august, count: 2).english
            == "2 accounts of 2026-08 are parked; fix the data and run raschet close 2026-08 again")
        #expect(Message.reopenDocumentsIssued(august, numbered: 1, outbox: 1).english.hasPrefix(
            "cannot reopen 2026-08: 1 document of it was issued and 1 is queued or sent, so it stays closed"))
        #expect(Message.failedAfterTries(.serverRefusedMessage, tries: 1).english
            == "the server refused the message (after 1 try); still pending, a rerun retries it")
        #expect(Message.textCount("column", low: 1, high: 2, found: 3).english == "`column` takes 1 to 2 quoted texts, found 3")
        #expect(Message.textCount("text", low: 1, high: 1, found: 0).english == "`text` takes 1 quoted text, found 0")
    }

    // MARK: Every entry of the catalog

    /// The English and the Russian text of every entry, as written in the catalog's source.
    static func entries() throws -> [CatalogText] {
        let folders = ["Sources/RaschetCore/Messages", "Sources/RaschetApp/Messages"]
        var texts: [CatalogText] = []
        for folder in folders {
            let url = packageRoot.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() where name.hasSuffix(".swift") {
                let source = try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
                texts += CatalogText.scan(source, file: name)
            }
        }
        return texts
    }

    @Test func theCatalogHasBothLanguagesForEveryEntry() throws {
        let texts = try Self.entries()
        func worded(_ language: RaschetCore.Language) -> Set<String> {
            Set(texts.filter { $0.language == language && $0.literal.contains(where: \.isLetter) }.map(\.entry))
        }
        let english = worded(.english)
        let russian = worded(.russian)
        #expect(english.count > 300)
        #expect(english == russian, "entries with one language only: \(english.symmetricDifference(russian).sorted())")
    }

    /// No Cyrillic letter in an English text; the only Russian words are input values the program
    /// accepts (`да`/`нет` for yes/no columns).
    @Test func englishTextsHoldNoCyrillic() throws {
        for text in try Self.entries() where text.language == .english {
            let words = text.literal.replacingOccurrences(of: "да/нет", with: "")
            #expect(!words.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }, "\(text.place): \(text.literal)")
        }
    }

    /// Every Russian text has Russian words, and a Latin word only when it is the program's own:
    /// a command, option, file, folder, column, key, element or value name, a format, or a
    /// placeholder of a form (YYYY-MM in a path).
    @Test func russianTextsAreRussian() throws {
        var entryHasCyrillic: [String: Bool] = [:]
        for text in try Self.entries() where text.language == .russian {
            guard text.literal.contains(where: \.isLetter) else { continue }
            let letters = text.literal.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }
            entryHasCyrillic[text.entry, default: false] = entryHasCyrillic[text.entry, default: false] || letters
            for word in Self.latinWords(text.literal) where !Self.programWords.contains(word) {
                Issue.record("\(text.place): «\(word)» in «\(text.literal)»")
            }
        }
        for (entry, hasCyrillic) in entryHasCyrillic {
            #expect(hasCyrillic, "\(entry) has no Russian word")
        }
    }

    /// The Latin words of a Russian text outside what names the program's own things: backquoted
    /// spans, `--options`, `<elements>`, `[tables]`, `{{ tags }}`, quoted values and file names.
    static func latinWords(_ text: String) -> [String] {
        var rest = text
        for pattern in ["`[^`]*`", "--[a-z0-9-]+", "<[^>]*>", "\\[[^\\]]*\\]", "\\{[^}]*\\}", "\"[^\"]*\"",
                        "[A-Za-z0-9_./-]+\\.(csv|toml|xml|sqlite|pdf|ttf|txt|html|png|tmpl)\\b", "[A-Za-z]+/", "A-Z a-z",
                        "smtps?(\\+starttls)?://[^ ]*", "[a-z_]+ = [0-9a-z]+", "U\\+"] {
            rest = rest.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        return rest.split(whereSeparator: { !($0.isASCII && $0.isLetter) && $0 != "_" }).map(String.init)
            .filter { $0.contains(where: { $0.isASCII && $0.isLetter }) }
    }

    /// The program's own words a Russian text may hold: commands and subcommands, column, key and
    /// table names of the input files and `raschet.toml`, formats, encodings and environment variables.
    static let programWords: Set<String> = [
        // programs, formats, libraries and standards
        "raschet", "Raschet", "SQLite", "CSV", "XML", "UTF", "PDF", "A", "b", "TOML", "QR", "DTD", "SMTP", "TLS", "Mustache", "Excel",
        "libxml", "windows", "cp", "utf", "json", "csv", "PNG", "M", "PTS", "F", "ttf", "DOCTYPE", "Foundation",
        "partials", "blocks", "JSON", "pdf", "host", "port", "security", "TrueType", "glyf", "ArgumentParser", "CR", "LF", "CRLF", "Mac",
        "Windows", "Unix",
        // SMTP commands and extensions (RFC 5321, 3207, 4954), the mail settings' keys
        "EHLO", "STARTTLS", "AUTH", "PLAIN", "LOGIN", "RSET", "DATA", "SIZE", "ca_file",
        // commands, subcommands and values of options
        "init", "import", "auto", "close", "reopen", "export", "reading", "submit", "synth", "render", "receipts", "dispatch",
        "demo", "charges", "balances", "payments", "turnover", "automatic", "single", "day", "night", "peak", "halfpeak",
        "starttls", "tls", "off", "true", "false", "ENTITY", "DIR", "DB", "YYYY", "MM", "SOURCE_DATE_EPOCH",
        "RASCHET_HOME", "RASCHET_SMTP_PASSWORD", "TMPDIR", "Fonts", "Templates", "Fixtures", "seed", "mm", "pt",
        // entities, columns and settings keys
        "services", "suppliers", "accounts", "meters", "volumes", "quantity", "norm", "digits", "rollover", "payment_id", "source",
        "email", "e_receipt", "email_confirmed", "kind", "business", "organization", "name", "inn", "bank_name", "bic",
        "corr_account", "account", "average_months", "from", "from_day", "to", "billing", "due_day", "vat", "smtp", "user", "divisor", "from_address",
        "date", "period", "version", "ENTITY",
        // template keywords and attributes
        "end", "qr", "image", "chart", "band", "block", "table", "column", "rows", "group", "row", "cell", "include",
        "each", "value", "label", "field", "file", "width", "padding", "span", "style", "page", "title", "text", "space",
        "rule",
    ]
}

/// One text of the catalog: the literal after an `english:` or `russian:` label (the parts outside
/// interpolations, joined), with where it is.
struct CatalogText {
    var language: Language
    var literal: String
    /// The file and the entry (the `static` declaration) it belongs to.
    var entry: String
    var place: String

    /// The labelled texts of one catalog file. A label runs until the next label or declaration; a
    /// literal in an interpolation belongs to the text around it.
    static func scan(_ source: String, file: String) -> [CatalogText] {
        let characters = Array(source)
        var texts: [CatalogText] = []
        var label: Language?
        var entry = file
        var index = 0
        func matches(_ word: String, at position: Int) -> Bool {
            let word = Array(word)
            guard position + word.count <= characters.count, Array(characters[position..<position + word.count]) == word else { return false }
            return position == 0 || !(characters[position - 1].isLetter || characters[position - 1] == "_")
        }
        while index < characters.count {
            if characters[index] == "/" && index + 1 < characters.count && characters[index + 1] == "/" {
                while index < characters.count && characters[index] != "\n" { index += 1 }
                continue
            }
            if matches("english:", at: index) { label = .english; index += 8; continue }
            if matches("russian:", at: index) { label = .russian; index += 8; continue }
            if matches("static ", at: index) || matches("func ", at: index) {
                label = nil
                let lineEnd = characters[index...].firstIndex(of: "\n") ?? characters.count
                entry = file + ": " + String(characters[index..<lineEnd]).trimmingCharacters(in: .whitespaces)
                index += 5
                continue
            }
            if characters[index] == "\"" {
                let literal = readLiteral(characters, &index)
                if let label { texts.append(CatalogText(language: label, literal: literal, entry: entry, place: entry)) }
                continue
            }
            index += 1
        }
        return texts
    }

    /// The text of the literal starting at `index` (a `"`), its interpolations replaced by a space
    /// but their own literals kept; `index` ends after the closing quote.
    private static func readLiteral(_ characters: [Character], _ index: inout Int) -> String {
        var text = ""
        index += 1
        while index < characters.count && characters[index] != "\"" {
            if characters[index] == "\\" && index + 1 < characters.count && characters[index + 1] == "(" {
                index += 2
                var depth = 1
                text += " "
                while index < characters.count && depth > 0 {
                    switch characters[index] {
                    case "(": depth += 1; index += 1
                    case ")": depth -= 1; index += 1
                    case "\"": text += readLiteral(characters, &index) + " "
                    default: index += 1
                    }
                }
                continue
            }
            if characters[index] == "\\" && index + 1 < characters.count {
                text.append(characters[index + 1] == "n" ? "\n" : characters[index + 1])
                index += 2
                continue
            }
            text.append(characters[index])
            index += 1
        }
        index += 1
        return text
    }
}
