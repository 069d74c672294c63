// The catalog: the settings file `raschet.toml` (`SettingsError`). Each entry gives its English and
// Russian text side by side; keys, table names and values are the file's own words.

extension Message {
    /// `FILE: key: problem` (the same in both languages but for the problem).
    public static func settingsProblem(file: String, key: String?, _ problem: Message) -> Message {
        let place = file + ": " + (key.map { $0 + ": " } ?? "")
        return Message(english: place + problem.english, russian: place + problem.russian)
    }

    /// The line on standard error saying which settings file a command uses.
    public static func settingsUsed(_ path: String) -> Message {
        Message(english: "settings: \(path)", russian: "настройки: \(path)")
    }

    public static func settingsDefaults(_ missing: String) -> Message {
        Message(english: "settings: the legal defaults (no \(missing))",
                russian: "настройки: значения по закону (файла \(missing) нет)")
    }

    public static let settingsUnreadable = Message(
        english: "cannot read the settings file; check that it is a readable file (the path given to --config, "
            + "or raschet.toml next to the database)",
        russian: "не удается прочитать файл настроек; проверьте, что это доступный для чтения файл (путь в --config "
            + "или raschet.toml рядом с базой данных)")

    public static func settingsNotUTF8(line: Int) -> Message {
        Message(english: "line \(line) is not UTF-8 text (windows-1251?); save the file as UTF-8",
                russian: "строка \(line) не в кодировке UTF-8 (windows-1251?); сохраните файл в UTF-8")
    }

    /// The TOML parser stopped at `line`, `column` of the file.
    public static func notTOML(line: Int, column: Int) -> Message {
        Message(english: "not valid TOML: the syntax breaks at line \(line), column \(column); check the brackets, quotes and `key = value` there",
                russian: "ошибка синтаксиса TOML: в строке \(line), позиции \(column); проверьте там скобки, кавычки и `ключ = значение`")
    }

    /// The TOML parser failed with an error of type `kind`, with no position.
    public static func notTOMLWithoutPosition(kind: String) -> Message {
        Message(english: "not valid TOML: the parser failed with \(kind); check the file's syntax",
                russian: "ошибка синтаксиса TOML: сбой разбора (\(kind)); проверьте синтаксис файла")
    }

    public static func unknownSettingsTable(isTable: Bool, known: [String]) -> Message {
        let list = known.map { "[\($0)]" }.joined(separator: ", ")
        return Message(english: "unknown \(isTable ? "table" : "key"); expected the tables \(list) (a typo must not silently keep a default)",
                       russian: "неизвестная \(isTable ? "таблица" : "настройка"); допустимы таблицы \(list) (опечатка не "
                            + "должна молча оставлять значение по умолчанию)")
    }

    public static func mustBeTable(_ name: String) -> Message {
        Message(english: "must be a table: [\(name)]", russian: "должна быть таблицей: [\(name)]")
    }

    public static func unknownSettingsKey(known: [String]) -> Message {
        let list = known.joined(separator: ", ")
        return Message(english: "unknown key; expected one of: \(list) (a typo must not silently keep a default)",
                       russian: "неизвестная настройка; допустимы: \(list) (опечатка не должна молча оставлять значение по умолчанию)")
    }

    public static func wholeNumberIn(_ low: Int, _ high: Int) -> Message {
        Message(english: "must be a whole number from \(low) to \(high)", russian: "нужно целое число от \(low) до \(high)")
    }

    public static let settingMissing = Message(english: "missing; add it", russian: "не задано; добавьте")

    public static let settingBlank = Message(english: "empty; write the value", russian: "пусто; укажите значение")

    public static let mustBeQuotedString = Message(english: "must be a string in quotes", russian: "нужна строка в кавычках")

    public static func settingOutOfRange(_ value: String, low: String, high: String) -> Message {
        Message(english: "\(value) is out of range; it must be from \(low) to \(high)",
                russian: "\(value) вне допустимого диапазона; нужно от \(low) до \(high)")
    }

    public static let mustBeExactNumber = Message(
        english: "must be a non-negative whole number or a decimal in quotes, for example \"9.5\" (no floats: rates are exact)",
        russian: "нужно неотрицательное целое число или десятичная дробь в кавычках, например \"9.5\" (дроби без кавычек не "
            + "принимаются: ставки точные)")

    public static let mustBeArrayOfTables = Message(
        english: "must be an array of tables, for example [{ ... }, { ... }]",
        russian: "нужен массив таблиц, например [{ ... }, { ... }]")

    public static let mustBeInlineTable = Message(english: "must be a table { ... }", russian: "нужна таблица { ... }")

    public static let needsOneRow = Message(
        english: "must have at least one row (leave the key out for the legal default)",
        russian: "нужна хотя бы одна строка (уберите настройку, чтобы действовало значение по закону)")

    public static let mustBeQuotedPeriod = Message(
        english: "must be a period in quotes, \"YYYY-MM\"", russian: "нужен период в кавычках, \"ГГГГ-ММ\"")

    public static func delayDayTwice(_ day: Int) -> Message {
        Message(english: "day \(day) of delay starts two tiers; keep one tier per from_day",
                russian: "с \(day)-го дня просрочки начинаются два уровня; оставьте один уровень на from_day")
    }

    public static func periodTwice(_ period: Period) -> Message {
        Message(english: "\(period.code) is given twice; keep one row per period",
                russian: "\(period.code) указан дважды; оставьте одну строку на период")
    }

    public static let mustBeQuotedDate = Message(
        english: "must be a date in quotes, \"YYYY-MM-DD\"", russian: "нужна дата в кавычках, \"ГГГГ-ММ-ДД\"")

    public static func periodNotInCalendar(_ text: String) -> Message {
        Message(english: "\"\(text)\" is no month of the calendar; write a period that exists, \"YYYY-MM\"",
                russian: "«\(text)» — такого месяца в календаре нет; укажите существующий период, \"ГГГГ-ММ\"")
    }

    public static func dateNotInCalendar(_ text: String) -> Message {
        Message(english: "\"\(text)\" is no day of the calendar; write a date that exists, \"YYYY-MM-DD\"",
                russian: "«\(text)» — такого дня в календаре нет; укажите существующую дату, \"ГГГГ-ММ-ДД\"")
    }

    public static let mustBeQuotedEndDate = Message(
        english: "must be a date in quotes, \"YYYY-MM-DD\", not before from",
        russian: "нужна дата в кавычках, \"ГГГГ-ММ-ДД\", не раньше from")

    public static func readingWindowBackwards(_ from: Int, _ to: Int) -> Message {
        Message(english: "the reading window \(from)..\(to) must run forward: first day <= last day",
                russian: "окно приема показаний \(from)..\(to) задано наоборот: первый день должен быть не позже последнего")
    }

    public static func mustNotExceedAverageMonths(_ months: Int) -> Message {
        Message(english: "must not exceed average_months (\(months))", russian: "не должно превышать average_months (\(months))")
    }

    public static let mustBeDayOfMonth = Message(
        english: "must be a day of the month, 1 to 31", russian: "нужен день месяца от 1 до 31")

    public static let mustBeDelayDay = Message(
        english: "must be a day of delay from 1 to 100000", russian: "нужен день просрочки от 1 до 100000")

    public static let mustBeDivisor = Message(
        english: "must be a whole number from 1 to 1000, the daily share 1/divisor of the rate (leave it out for no penalty)",
        russian: "нужно целое число от 1 до 1000 — дневная доля ставки 1/divisor (уберите ее, чтобы пени не было)")

    public static func divisorsWithoutCommonDenominator(_ maximum: Int) -> Message {
        Message(english: "the divisors' least common multiple is above \(maximum); choose divisors with common factors "
                    + "(the legal ones are 300 and 130)",
                russian: "наименьшее общее кратное делителей больше \(maximum); выберите делители с общими множителями "
                    + "(по закону это 300 и 130)")
    }

    public static let passwordNotInSettings = Message(
        english: "the password is never read from the settings file; remove the key and set the environment variable "
            + "RASCHET_SMTP_PASSWORD",
        russian: "пароль из файла настроек не читается; удалите эту настройку и задайте переменную окружения "
            + "RASCHET_SMTP_PASSWORD")

    public static func badSMTPSecurity(_ value: String) -> Message {
        Message(english: "must be \"starttls\", \"tls\" or \"off\", not \"\(value)\"",
                russian: "допустимо \"starttls\", \"tls\" или \"off\", а не \"\(value)\"")
    }

    public static let fromAddressMissing = Message(
        english: "missing; add the address e-receipts come from",
        russian: "не задано; укажите адрес, с которого уходят электронные квитанции")

    // MARK: Requisites (control digits)

    public static func notAnINN(_ inn: String) -> Message {
        Message(english: "\(inn) is not an INN: 10 digits (an organization) or 12 digits (an individual entrepreneur)",
                russian: "\(inn) — не ИНН: 10 цифр (организация) или 12 цифр (индивидуальный предприниматель)")
    }

    public static func innCheckFails(_ inn: String, digit: Int, expected: Int) -> Message {
        Message(english: "\(inn) fails the INN check: its digit \(digit) should be \(expected); copy the INN again from the "
                    + "registration documents",
                russian: "\(inn) не проходит проверку ИНН: цифра \(digit) должна быть \(expected); перепишите ИНН из "
                    + "регистрационных документов")
    }

    public static func notAKPP(_ kpp: String) -> Message {
        Message(english: "\(kpp) is not a KPP: 9 characters, 4 digits, 2 digits or Latin capitals, then 3 digits",
                russian: "\(kpp) — не КПП: 9 знаков, 4 цифры, 2 цифры или заглавные латинские буквы, затем 3 цифры")
    }

    public static func notABIC(_ bic: String) -> Message {
        Message(english: "\(bic) is not a BIC: 9 digits starting with 04", russian: "\(bic) — не БИК: 9 цифр, начиная с 04")
    }

    /// A correspondent (`correspondent == true`) or settlement account that is not 20 digits.
    public static func notAnAccountNumber(_ account: String, correspondent: Bool) -> Message {
        Message(english: "\(account) is not a \(correspondent ? "correspondent" : "settlement") account number: 20 digits",
                russian: "\(account) — не номер \(correspondent ? "корреспондентского" : "расчетного") счета: 20 цифр")
    }

    public static func accountKeyFails(_ account: String, correspondent: Bool, bic: String, key: Int) -> Message {
        let what = (english: correspondent ? "correspondent account" : "settlement account",
                    russian: correspondent ? "корреспондентский счет" : "расчетный счет")
        return Message(english: "\(account) fails the control key check with BIC \(bic): its 9th digit should be \(key); "
                            + "copy the \(what.english) and the BIC again from the bank's details",
                       russian: "\(account) не проходит проверку ключа с БИК \(bic): 9-я цифра должна быть \(key); "
                            + "перепишите \(what.russian) и БИК из реквизитов банка")
    }
}
