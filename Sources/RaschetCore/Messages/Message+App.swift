// The catalog: the use cases' own failures (`AppError`) and the words for foreign errors. Each entry
// gives its English and Russian text side by side; paths and the system's words are values.

extension Message {
    // MARK: Files and folders

    /// `cause` is the system's words (or one of our sentences, in both languages).
    public static func cannotWrite(_ path: String, cause: Message) -> Message {
        Message(english: "cannot write \(path): \(cause.english); check that its folder exists, is writable and has space",
                russian: "не удается записать \(path): \(cause.russian); проверьте, что папка существует, доступна для "
                    + "записи и на диске есть место")
    }

    public static func cannotCreateFolder(_ path: String, cause: Message) -> Message {
        Message(english: "cannot create the folder \(path): \(cause.english)",
                russian: "не удается создать папку \(path): \(cause.russian)")
    }

    public static func cannotRead(_ path: String, cause: Message) -> Message {
        Message(english: "cannot read \(path): \(cause.english); check the path and permissions",
                russian: "не удается прочитать \(path): \(cause.russian); проверьте путь и права доступа")
    }

    /// The system's reason for a file error, quoted in Russian (`«No such file or directory»`).
    public static func systemCause(_ text: String) -> Message {
        Message(english: text, russian: "«\(text)»")
    }

    public static func foundationFileError(_ code: Int) -> Message {
        Message(english: "file operation failed (Foundation file error \(code))",
                russian: "ошибка файловой операции (код Foundation \(code))")
    }

    /// A failure of another library with no words of ours or the system's; `kind` is the name of its
    /// error type.
    public static func unexpectedFailure(kind: String) -> Message {
        Message(english: "an unexpected failure (\(kind))", russian: "непредвиденный сбой (\(kind))")
    }

    public static func systemError(domain: String, code: Int) -> Message {
        Message(english: "system error \(domain) \(code)", russian: "системная ошибка \(domain) \(code)")
    }

    public static func internalError(_ cause: Message) -> Message {
        Message(english: "internal error (please report it with the command you ran): \(cause.english)",
                russian: "внутренняя ошибка (сообщите о ней, указав выполненную команду): \(cause.russian)")
    }

    public static func cannotCreateDatabase(_ database: String, folder: String) -> Message {
        Message(english: "cannot create \(database): the folder \(folder) does not exist; create it first",
                russian: "не удается создать \(database): папки \(folder) нет; сначала создайте ее")
    }

    public static func cannotCreateFile(_ path: String) -> Message {
        Message(english: "cannot create \(path); check that the folder is writable",
                russian: "не удается создать \(path); проверьте, что папка доступна для записи")
    }

    // MARK: The lock of the database

    public static func lockOnReadOnly(database: String, lock: String, cause: String) -> Message {
        Message(english: "\(database) is on a read-only file system or folder: cannot write its lock file \(lock) (\(cause)); "
                    + "commands that change the database need a writable folder",
                russian: "\(database) лежит на носителе или в папке только для чтения: не удается записать файл блокировки "
                    + "\(lock) («\(cause)»); командам, которые меняют базу, нужна папка с правом записи")
    }

    public static func cannotCreateLock(_ lock: String, cause: String) -> Message {
        Message(english: "cannot create the lock file \(lock): \(cause)",
                russian: "не удается создать файл блокировки \(lock): «\(cause)»")
    }

    /// `holder` is what the other command wrote into the lock file (`raschet close 2026-10 (pid 4242)`).
    public static func databaseHeld(_ database: String, holder: Message, waited seconds: Int64) -> Message {
        Message(english: "the database \(database) is busy with another command (\(holder.english)); waited \(seconds) s; "
                    + "run this one again when it has finished",
                russian: "база данных \(database) занята другой командой (\(holder.russian)); ожидание \(seconds) с; "
                    + "повторите эту команду, когда та завершится")
    }

    public static let commandJustStarted = Message(
        english: "a command that just started", russian: "команда только что запущена")

    // MARK: Resources and the environment

    public static func databasePathNamesNoFile(_ path: String) -> Message {
        Message(english: "--db \"\(path)\" names no file; give the database file's name, such as raschet.sqlite",
                russian: "--db «\(path)» не называет файл; укажите имя файла базы данных, например raschet.sqlite")
    }

    public static func badSourceDateEpoch(_ value: String) -> Message {
        Message(english: "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01, up to the end of 9999 "
                    + "(253402300799), got \"\(value)\"",
                russian: "SOURCE_DATE_EPOCH — целое число секунд от 1970-01-01 до конца 9999 года (253402300799), а задано "
                    + "«\(value)»")
    }

    public static let noFontsFolder = Message(
        english: "no Fonts/ folder found; pass --fonts DIR or set RASCHET_HOME to the project folder",
        russian: "папка Fonts/ не найдена; укажите --fonts DIR или задайте RASCHET_HOME (папку проекта)")

    /// `cause`: why (`fontFileCannotOpen` …), or the font library's words quoted (`fontLibraryFailed`).
    public static func fontsUnusable(_ cause: Message) -> Message {
        Message(english: "\(cause.english); --fonts must name a folder with PTS55F.ttf, PTS75F.ttf, PTS56F.ttf and PTS76F.ttf",
                russian: "шрифты не загружены: \(cause.russian); в папке --fonts должны быть PTS55F.ttf, PTS75F.ttf, "
                    + "PTS56F.ttf и PTS76F.ttf")
    }

    public static func fontFileCannotOpen(_ path: String) -> Message {
        Message(english: "\(path): cannot open the font file", russian: "\(path): не удается открыть файл шрифта")
    }

    public static func fontFileEmpty(_ path: String) -> Message {
        Message(english: "\(path): the font file is empty", russian: "\(path): файл шрифта пуст")
    }

    public static func fontFileCannotRead(_ path: String) -> Message {
        Message(english: "\(path): cannot read the font file", russian: "\(path): не удается прочитать файл шрифта")
    }

    public static func fontFileNotAFont(_ path: String) -> Message {
        Message(english: "\(path): not a TrueType font", russian: "\(path): это не шрифт TrueType")
    }

    public static func fontFileNotTrueTypeOutlines(_ path: String) -> Message {
        Message(english: "\(path): only TrueType outlines (a glyf table) are supported; use a .ttf font",
                russian: "\(path): поддерживаются только контуры TrueType (таблица glyf); нужен шрифт .ttf")
    }

    /// `description` is the font library's account, quoted.
    public static func fontLibraryFailed(_ description: String) -> Message {
        Message(english: "the font library failed (\(description))", russian: "сбой библиотеки шрифтов («\(description)»)")
    }

    public static let noTemplatesFolder = Message(
        english: "no Templates/ folder found; pass --templates DIR or set RASCHET_HOME to the project folder",
        russian: "папка Templates/ не найдена; укажите --templates DIR или задайте RASCHET_HOME (папку проекта)")

    public static let noEmailTemplatesFolder = Message(
        english: "no Templates/ folder found; set RASCHET_HOME to the project folder",
        russian: "папка Templates/ не найдена; задайте RASCHET_HOME (папку проекта)")

    public static func fixturesNotAFolder(_ path: String) -> Message {
        Message(english: "--fixtures \(path) is not a folder that can be read; name the folder of the CSV files (such as Fixtures)",
                russian: "--fixtures \(path) — не папка или ее нельзя прочитать; укажите папку с файлами CSV (например, Fixtures)")
    }

    public static let noFixturesFolder = Message(
        english: "Fixtures: cannot find the bundled Fixtures folder; run from the checkout or pass --fixtures DIR",
        russian: "Fixtures: папка с примерами данных не найдена; запустите из папки проекта или укажите --fixtures DIR")

    // MARK: Requests the use cases refuse

    public static func organizationMissingForReceipts(_ file: String) -> Message {
        Message(english: "\(file): organization: missing; receipts need the payee's requisites (name, inn, bank_name, bic, "
                    + "corr_account, account)",
                russian: "\(file): organization: не задано; для квитанций нужны реквизиты получателя платежа (name, inn, "
                    + "bank_name, bic, corr_account, account)")
    }

    public static func organizationMissingForStatements(_ file: String) -> Message {
        Message(english: "\(file): organization: missing; statements need the settlement center's requisites (name, inn, "
                    + "bank_name, bic, corr_account, account)",
                russian: "\(file): organization: не задано; для справок и актов нужны реквизиты расчетного центра (name, "
                    + "inn, bank_name, bic, corr_account, account)")
    }

    /// No settings file at all for a command that needs `[organization]`: for receipts (`receipts`) or
    /// for statements.
    public static func settingsFileNeeded(lookedAt path: String, receipts: Bool) -> Message {
        Message(english: "no settings file (\(path) is not there, and no --config): "
                    + (receipts ? "receipts need the payee's" : "statements need the settlement center's")
                    + " requisites in [organization] (name, inn, bank_name, bic, corr_account, account)",
                russian: "нет файла настроек (\(path) не найден, --config не задан): "
                    + (receipts ? "для квитанций нужны реквизиты получателя платежа" : "для справок и актов нужны реквизиты расчетного центра")
                    + " в [organization] (name, inn, bank_name, bic, corr_account, account)")
    }

    public static func accountGetsNoEReceipts(_ account: String) -> Message {
        Message(english: "account \(account) gets paper receipts, not e-mail: e-receipts need e_receipt = 1, email_confirmed = 1 "
                    + "and an email in accounts; its receipt is in the print batch",
                russian: "лицевой счет \(account) получает бумажные квитанции, не по почте: для электронных нужны e_receipt = 1, "
                    + "email_confirmed = 1 и email в accounts; его квитанция в пакете для печати")
    }

    public static func noMailServer(_ file: String) -> Message {
        Message(english: "no mail server: \(file) has no [smtp] table (host, port, security, from_address); add one, or give "
                    + "--smtp smtp://host:port",
                russian: "не задан почтовый сервер: в \(file) нет таблицы [smtp] (host, port, security, from_address); "
                    + "добавьте ее или укажите --smtp smtp://host:port")
    }

    public static func smtpPasswordMissingForURL(user: String) -> Message {
        Message(english: "--smtp names the user \(user) but RASCHET_SMTP_PASSWORD is not set; set the environment variable to the "
                    + "password",
                russian: "в --smtp указан пользователь \(user), а RASCHET_SMTP_PASSWORD не задана; задайте в этой переменной окружения "
                    + "пароль")
    }

    public static func smtpPasswordMissing(_ file: String) -> Message {
        Message(english: "\(file): smtp.user: a user is set but RASCHET_SMTP_PASSWORD is not; set the environment variable "
                    + "to the password",
                russian: "\(file): smtp.user: пользователь задан, а RASCHET_SMTP_PASSWORD нет; задайте в этой переменной "
                    + "окружения пароль")
    }

    public static func dueDayMissing(_ file: String, _ reason: Message) -> Message {
        let key = "billing.due_day"
        return Message(english: "\(file): \(key): \(reason.english)", russian: "\(file): \(key): \(reason.russian)")
    }

    public static func notANumberValue(meter: String, _ value: String, maximum: ExactDecimal) -> Message {
        Message(english: "meter \(meter), --value: '\(value)' is not a number up to \(maximum) with at most 6 decimals; "
                    + "write it like 123.456",
                russian: "счетчик \(meter), --value: «\(value)» — не число до \(maximum) с не более чем 6 знаками после запятой; "
                    + "пишите, например, 123.456")
    }

    public static func reviewListNotDeleted(_ period: Period, path: String, cause: Message) -> Message {
        Message(english: "\(period.code) is reopened, but its review list \(path) cannot be deleted: \(cause.english); "
                    + "delete it by hand",
                russian: "период \(period.code) открыт, но его список на проверку \(path) не удален: \(cause.russian); "
                    + "удалите его вручную")
    }

    public static func rangeReversed(from: Period, to: Period) -> Message {
        Message(english: "--from \(from.code) is after --to \(to.code)", russian: "--from \(from.code) позже --to \(to.code)")
    }

    /// `closed` are the closed periods, ascending: the fix depends on where the range lies (before
    /// the first of them: never closed; else after the last: close the next).
    public static func noClosedPeriodInRange(from: Period, to: Period, closed: [Period]) -> Message {
        if let first = closed.first, to < first {
            return Message(english: "no period from \(from.code) to \(to.code) is closed: the first closed period of this database is "
                               + "\(first.code), and no period before it is closed",
                           russian: "в периодах \(from.code)..\(to.code) нет закрытого периода: первый закрытый период этой базы данных "
                               + "\(first.code), более ранних закрытых периодов нет")
        }
        let latest = (english: closed.last.map { "the latest closed period is " + $0.code } ?? "no period is closed",
                      russian: closed.last.map { "последний закрытый период " + $0.code } ?? "ни один период не закрыт")
        return Message(english: "no period from \(from.code) to \(to.code) is closed (\(latest.english)); run raschet close first",
                       russian: "в периодах \(from.code)..\(to.code) нет закрытого периода (\(latest.russian)); сначала "
                            + "выполните raschet close")
    }

    public static let noFilesToImport = Message(
        english: "name at least one file to import", russian: "укажите хотя бы один файл для импорта")

    public static func demoCertificateInDebt(_ date: String) -> Message {
        Message(english: "the demo's no-debt certificate on \(date) was issued to an account in debt",
                russian: "справка демонстрации на \(date) выдана лицевому счету с задолженностью")
    }

    public static func accountsOutOfRange(_ limit: Int) -> Message {
        Message(english: "the number of accounts must be from 1 to \(limit)", russian: "число лицевых счетов — от 1 до \(limit)")
    }

    /// `period` alone, or `period` through `through` for several months, outside `first`...`last`.
    public static func synthPeriodOutside(_ period: Period, through: Period, first: Period, last: Period) -> Message {
        let english = period == through ? period.code : "\(period.code) to \(through.code)"
        let russian = period == through ? period.code : "с \(period.code) по \(through.code)"
        return Message(english: "synthetic data can be made for the periods \(first.code) to \(last.code); \(english) is outside them",
                       russian: "синтетические данные строятся для периодов с \(first.code) по \(last.code); \(russian) вне их")
    }

    public static func monthsOutOfRange(_ limit: Int) -> Message {
        Message(english: "the number of months must be from 1 to \(limit)", russian: "число месяцев — от 1 до \(limit)")
    }

    public static func historyMonthsOutOfRange(_ limit: Int) -> Message {
        Message(english: "the months of reading history must be from 1 to \(limit)",
                russian: "число месяцев истории показаний — от 1 до \(limit)")
    }

    public static let emptyQRPayload = Message(
        english: "the QR payload (--qr) must not be empty", russian: "текст QR-кода (--qr) не должен быть пустым")

    public static func qrPayloadTooLong(bytes: Int) -> Message {
        Message(english: "QR code: payload of \(englishCount(bytes, "byte")) does not fit a QR code at this level; shorten --qr "
                    + "(at most 2331 UTF-8 bytes at level M)",
                russian: "текст (байт: \(bytes)) не помещается в QR-код; сократите --qr (не более 2331 байта UTF-8 на уровне M)")
    }

    public static func specimenNotTypeset(_ cause: String) -> Message {
        Message(english: "the specimen cannot be typeset: \(cause)", russian: "образец не сверстан: «\(cause)»")
    }

    public static let batchSizeNotPositive = Message(
        english: "the batch size must be positive", russian: "размер пакета должен быть больше нуля")

    public static let receiptNotRendered = Message(
        english: "a receipt was not rendered (internal error; please report it)",
        russian: "квитанция не сформирована (внутренняя ошибка; сообщите о ней)")

    public static func receiptOfAccount(_ account: String, period: Period, _ reason: Message) -> Message {
        Message(english: "receipt of account \(account) for \(period.code): \(reason.english)",
                russian: "квитанция лицевого счета \(account) за \(period.code): \(reason.russian)")
    }

    public static let eReceiptFilesNeedBatch = Message(
        english: "`--files e-receipts` puts the paper receipts into the print batch only; add --batch FILE.pdf "
            + "(or use `--files all`)",
        russian: "с `--files e-receipts` бумажные квитанции попадают только в пакет для печати; добавьте --batch ФАЙЛ.pdf "
            + "(или укажите `--files all`)")
}

// MARK: Dispatch (`DispatchError`)

extension Message {
    public static func emailTemplateMissing(_ path: String) -> Message {
        Message(english: "\(path): e-mail template missing; restore it from the distribution's Templates/email/",
                russian: "\(path): нет шаблона письма; восстановите его из Templates/email/ дистрибутива")
    }

    /// `fault` says what is wrong where the parser stopped (`templateSectionNotClosed`, ...).
    public static func emailTemplateInvalid(_ path: String, line: Int, column: Int, fault: Message) -> Message {
        Message(english: "\(path):\(line):\(column): not a valid Mustache template: \(fault.english); check its {{ }} tags",
                russian: "\(path):\(line):\(column): ошибка в шаблоне Mustache: \(fault.russian); проверьте теги {{ }}")
    }

    /// The template library failed without a position.
    public static func emailTemplateUnreadable(_ path: String) -> Message {
        Message(english: "\(path): cannot compile the e-mail template; check its {{ }} tags",
                russian: "\(path): не удается разобрать шаблон письма; проверьте теги {{ }}")
    }

    public static func receiptFileMissing(_ file: String, period: Period, folder: String) -> Message {
        Message(english: "no receipt file \(file); render it with `raschet render receipts --period \(period.code) --out \(folder)`",
                russian: "нет файла квитанции \(file); сформируйте его командой "
                    + "`raschet render receipts --period \(period.code) --out \(folder)`")
    }

    // MARK: Exports and the files written next to the database

    public static func csvOnlyOption(_ option: String) -> Message {
        Message(english: "\(option) applies to CSV only (JSON is always UTF-8 with a decimal point); add --format csv",
                russian: "\(option) действует только для CSV (JSON всегда в UTF-8 с десятичной точкой); добавьте --format csv")
    }

    public static func bomWithEncoding(_ encoding: String) -> Message {
        Message(english: "--bom marks UTF-8 and cannot be combined with --encoding \(encoding)",
                russian: "--bom отмечает UTF-8 и не сочетается с --encoding \(encoding)")
    }

    /// A character of the export that windows-1251 cannot write (`codePoint`: its hexadecimal code).
    public static func noCP1251Form(line: Int, file: String?, account: String?, character: String, codePoint: String) -> Message {
        let english = "cannot write line \(line) of \(file ?? "the export")" + (account.map { " (account \($0))" } ?? "")
        let russian = "не удается записать строку \(line) \(file.map { "файла " + $0 } ?? "выгрузки")"
            + (account.map { " (лицевой счет \($0))" } ?? "")
        return Message(english: english + " in windows-1251: «\(character)» (U+\(codePoint)) has no windows-1251 form; "
                           + "export with --encoding utf8 --bom instead",
                       russian: russian + " в windows-1251: у символа «\(character)» (U+\(codePoint)) нет кода в windows-1251; "
                           + "выгрузите с --encoding utf8 --bom")
    }

    public static func exportRefusedParked(_ period: Period, count: Int, shown: String) -> Message {
        Message(english: "period \(period.code) has \(englishCount(count, "parked account")) (\(shown)) that its exports would "
                    + "leave out; fix their data and run `raschet close \(period.code)` again, or export with --allow-parked",
                russian: "в периоде \(period.code) отложенных лицевых счетов: \(count) (\(shown)), выгрузка их бы не содержала; "
                    + "исправьте их данные и снова выполните `raschet close \(period.code)` или выгрузите с --allow-parked")
    }

    public static func documentRefusedParked(_ period: Period, count: Int, shown: String) -> Message {
        Message(english: "period \(period.code) has \(englishCount(count, "parked account")) (\(shown)) whose figures were not "
                    + "computed, so the document would misstate them; fix their data and run `raschet close \(period.code)` again",
                russian: "в периоде \(period.code) отложенных лицевых счетов: \(count) (\(shown)), их суммы не рассчитаны, и "
                    + "документ их исказил бы; исправьте их данные и снова выполните `raschet close \(period.code)`")
    }

    public static func badEnvironmentValue(_ variable: String, _ value: String, expected: Message) -> Message {
        Message(english: "\(variable)=\(value) cannot be read: it takes \(expected.english); correct the variable or unset it",
                russian: "\(variable)=\(value) не удается прочитать: ожидается \(expected.russian); исправьте переменную или удалите ее")
    }

    public static let environmentDateForm = Message(english: "a date, YYYY-MM-DD", russian: "дата в виде ГГГГ-ММ-ДД")

    public static let environmentSecondsForm = Message(english: "whole seconds from 0 to 3600",
                                                       russian: "целое число секунд от 0 до 3600")

    public static let closedPeriodsChangedDuringExport = Message(
        english: "a close or reopen changed the closed periods while this command read them; run it again (no file was "
            + "written; what went to standard output is not valid)",
        russian: "закрытие или открытие периода изменило закрытые периоды, пока команда их читала; выполните ее снова "
            + "(файл не записан; выведенное на стандартный вывод недействительно)")

    public static func outputWouldReplace(_ path: String, role: Message) -> Message {
        Message(english: "\(path) is \(role.english) this command uses; writing there would replace it: choose another file name",
                russian: "\(path) — это \(role.russian), с которым работает команда; запись туда заменила бы его: укажите "
                    + "другое имя файла")
    }

    /// An output named as a file a command keeps that is not there now (a lock file, a journal, the
    /// settings file looked for).
    public static func outputWouldTakeThePlace(_ path: String, role: Message) -> Message {
        Message(english: "\(path) is where raschet keeps \(role.english); a file written there would be taken for it: "
                    + "choose another file name",
                russian: "\(path) — место, где raschet держит \(role.russian); записанный туда файл был бы принят за него: "
                    + "укажите другое имя файла")
    }

    public static let theDatabase = Message(english: "the database", russian: "файл базы данных")

    public static func aFileBesideTheDatabase(_ path: String) -> Message {
        Message(english: "\(path), a file beside the database", russian: "\(path), файл рядом с базой данных")
    }

    public static let theSettingsFile = Message(english: "the settings file", russian: "файл настроек")

    public static func outputIsADatabase(_ path: String) -> Message {
        Message(english: "\(path) is an SQLite database; writing there would replace it: choose another file name",
                russian: "\(path) — база данных SQLite; запись туда заменила бы ее: укажите другое имя файла")
    }

    public static let outputPathEmpty = Message(english: "an output path is empty; name the file or folder to write",
                                                russian: "путь для записи пуст; укажите файл или папку")

    public static func outputNotAFile(_ path: String) -> Message {
        Message(english: "\(path) is not a file but a folder, a device or a pipe, which writing there would replace; choose a file name",
                russian: "\(path) — не файл, а папка, устройство или канал, и запись туда заменила бы их; укажите имя файла")
    }

    public static func outputIsSymbolicLink(_ path: String) -> Message {
        Message(english: "\(path) is a symbolic link, and raschet never writes through one; remove the link or choose another path",
                russian: "\(path) — символическая ссылка, а raschet никогда не пишет через ссылки; удалите ссылку или укажите "
                    + "другой путь")
    }

    public static func temporaryFileExists(_ path: String, temporary: String) -> Message {
        Message(english: "cannot write \(path): its temporary file \(temporary) already exists (raschet never reuses or follows "
                    + "one); remove it and run the command again",
                russian: "не удается записать \(path): временный файл \(temporary) уже существует (raschet не использует "
                    + "и не открывает чужие временные файлы); удалите его и запустите команду снова")
    }

    public static func reviewListNotWritten(_ period: Period, cause: Message) -> Message {
        Message(english: "period \(period.code) is closed, but its review list was not written: \(cause.english); the next "
                    + "raschet command on this database writes it",
                russian: "период \(period.code) закрыт, но список на проверку не записан: \(cause.russian); его запишет "
                    + "следующая команда raschet с этой базой")
    }

    public static func reviewListWrittenLate(_ period: Period, flags: Int, path: String) -> Message {
        Message(english: "the review list of \(period.code) (\(englishCount(flags, "flag"))) was written late to \(path)",
                russian: "список на проверку за \(period.code) (отметок: \(flags)) записан с опозданием в \(path)")
    }

    public static func reviewListStillPending(_ period: Period, cause: Message) -> Message {
        Message(english: "the review list of \(period.code) still could not be written: \(cause.english); the next raschet "
                    + "command on this database tries again",
                russian: "список на проверку за \(period.code) все еще не удается записать: \(cause.russian); следующая "
                    + "команда raschet с этой базой попробует снова")
    }
}
