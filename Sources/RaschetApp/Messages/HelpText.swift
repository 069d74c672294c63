public import RaschetCore

/// The catalog: the command line's help (`--help`): command abstracts and discussions, argument and
/// option help. Each entry gives its English and Russian text side by side; option names, file names,
/// column names and value forms (YYYY-MM) are the program's own words.
///
/// In `RaschetApp`, like `CommandText`, because the executable imports only `RaschetApp`.
public enum HelpText {
    // MARK: raschet and the global options

    public static let raschet = Message(
        english: "Batch billing and documents for utility settlement centers.",
        russian: "Пакетные расчеты и документы для расчетных центров ЖКХ.")
    public static func db(default path: String) -> Message {
        Message(english: "The SQLite database file (default: \(path)).", russian: "Файл базы данных SQLite (по умолчанию \(path)).")
    }
    public static let config = Message(
        english: "The settings file (default: raschet.toml in the database's folder, when present).",
        russian: "Файл настроек (по умолчанию raschet.toml в папке базы данных, если он есть).")

    // MARK: init, import

    public static let initAbstract = Message(english: "Create an empty database.", russian: "Создать пустую базу данных.")

    public static let importAbstract = Message(
        english: "Import CSV or XML files into the database, all or nothing.",
        russian: "Импортировать файлы CSV или XML в базу: все или ничего.")
    public static func importDiscussion(entities: String) -> Message {
        Message(english: "ENTITY is one of: \(entities), or `auto` to tell each file's entity from its name (CSV) or content "
                    + "(XML); files are imported in dependency order.",
                russian: "ENTITY — одно из: \(entities), или `auto`, чтобы вид данных определялся по имени файла (CSV) или "
                    + "содержимому (XML); файлы импортируются в порядке зависимостей.")
    }
    public static let importEntity = Message(
        english: "The entity the files hold, or `auto`.", russian: "Вид данных в файлах или `auto`.")
    public static let importFiles = Message(english: "CSV or XML files.", russian: "Файлы CSV или XML.")
    public static let importPartial = Message(
        english: "Store the valid rows and write the rejected ones, with a reason, to FILE.rejected.csv "
            + "(a file that cannot be read as rows still refuses the import).",
        russian: "Сохранить верные строки, а отклоненные с причиной записать в FILE.rejected.csv "
            + "(файл, который нельзя прочитать построчно, по-прежнему отменяет импорт).")
    public static let importEncoding = Message(
        english: "The files' encoding: automatic (the default: UTF-8, or windows-1251 when not valid UTF-8), utf8 or cp1251.",
        russian: "Кодировка файлов: automatic (по умолчанию: UTF-8, а если файл не в UTF-8 — windows-1251), utf8 или cp1251.")

    // MARK: close, reopen

    public static let closeAbstract = Message(
        english: "Compute and store a period's charges, recalculations, penalties, payments and balances.",
        russian: "Рассчитать и сохранить начисления, перерасчеты, пени, оплаты и сальдо за период.")
    public static let closeDiscussion = Message(
        english: "Accounts are closed in batches, one transaction each; a rerun after a crash finishes the period. Accounts "
            + "that cannot be computed are parked and listed (exit 65); closing the period again after the data is fixed "
            + "computes only them. The review list of implausible charges is written to DB.review-YYYY-MM.csv next to the "
            + "database.",
        russian: "Лицевые счета закрываются пакетами, каждый в своей транзакции; повторный запуск после сбоя завершает "
            + "период. Счета, которые нельзя рассчитать, откладываются и перечисляются (код 65); повторное закрытие после "
            + "исправления данных рассчитывает только их. Список сомнительных начислений на проверку записывается в "
            + "DB.review-YYYY-MM.csv рядом с базой.")
    public static let closePeriod = Message(english: "The period to close.", russian: "Закрываемый период.")
    public static let closeDryRun = Message(
        english: "Compute and report without storing anything.", russian: "Рассчитать и показать итоги, ничего не сохраняя.")
    public static func closeBatchSize(default count: Int) -> Message {
        Message(english: "Accounts per transaction (default: \(count)).", russian: "Лицевых счетов в одной транзакции (по умолчанию \(count)).")
    }
    public static let closeFullRecompute = Message(
        english: "Recompute every earlier period, not only those whose inputs changed (same result).",
        russian: "Пересчитать все прежние периоды, а не только те, где изменились исходные данные (результат тот же).")
    public static let closeTimings = Message(
        english: "Print where the time went (load, compute, save).", russian: "Показать, на что ушло время (загрузка, расчет, запись).")

    public static let reopenAbstract = Message(
        english: "Undo the latest close when none of its documents was issued or sent.",
        russian: "Отменить последнее закрытие, если по нему не выпущено и не отправлено ни одного документа.")
    public static let reopenDiscussion = Message(
        english: "Deletes everything the close of the period stored (lines, balances, posted payments, review flags) and its "
            + "review list, so the database is as it was before the close. Refused (exit 65) for a period that is not the "
            + "latest closed one, or when documents of it were numbered or sent: nothing cancels a document number, so "
            + "such a period stays closed; import the corrections, and the next close posts them as recalculations.",
        russian: "Удаляет все, что сохранило закрытие периода (строки, сальдо, проведенные оплаты, отметки на проверку), и "
            + "его список на проверку: база становится такой, как до закрытия. Отказ (код 65) для периода, который не "
            + "последний закрытый, или если по нему документы получили номера или отправлены: номер документа не "
            + "аннулируется, поэтому такой период остается закрытым; импортируйте исправления, и следующее закрытие "
            + "проведет их перерасчетом.")
    public static let reopenPeriod = Message(english: "The period to reopen.", russian: "Открываемый период.")

    // MARK: export

    public static let exportAbstract = Message(
        english: "Write a closed period's charges, balances or payments, or a turnover sheet, as JSON or CSV.",
        russian: "Выгрузить начисления, сальдо или оплаты закрытого периода либо оборотно-сальдовую ведомость в JSON или CSV.")
    public static let exportWhat = Message(
        english: "charges, balances, payments or turnover.", russian: "charges, balances, payments или turnover.")
    public static let exportPeriod = Message(
        english: "The closed period (charges, balances, payments).", russian: "Закрытый период (charges, balances, payments).")
    public static let turnoverFrom = Message(
        english: "The first period of the turnover sheet.", russian: "Первый период ведомости.")
    public static let turnoverTo = Message(english: "The last period of the turnover sheet.", russian: "Последний период ведомости.")
    public static let onlyAccount = Message(english: "Only this account.", russian: "Только этот лицевой счет.")
    public static let exportFormat = Message(english: "json or csv (default: csv for an --out file named *.csv, else json).",
                                             russian: "json или csv (по умолчанию csv для файла --out с именем *.csv, иначе json).")
    public static let exportOut = Message(
        english: "Write to this file (atomically; never through a symbolic link) instead of standard output.",
        russian: "Записать в этот файл (атомарно; никогда через символическую ссылку), а не в стандартный вывод.")
    public static let exportDecimalComma = Message(
        english: "CSV only: numbers with a decimal comma (1234,56); fields stay separated by ;.",
        russian: "Только CSV: числа с десятичной запятой (1234,56); поля по-прежнему разделены ;.")
    public static let exportEncoding = Message(
        english: "CSV only: utf8 (the default) or cp1251 (windows-1251).",
        russian: "Только CSV: utf8 (по умолчанию) или cp1251 (windows-1251).")
    public static let exportBOM = Message(
        english: "CSV only: start with a UTF-8 byte order mark, for Excel.",
        russian: "Только CSV: начать с метки порядка байтов UTF-8, для Excel.")
    public static let exportAllowParked = Message(
        english: "Export even though accounts of the period are parked (they are left out).",
        russian: "Выгрузить, хотя в периоде есть отложенные лицевые счета (их в выгрузке не будет).")

    // MARK: reading

    public static let readingAbstract = Message(english: "Submit meter readings.", russian: "Передать показания счетчиков.")
    public static let readingSubmitAbstract = Message(
        english: "Store one reading: the import's checks, the reading window, the readings before and after it, no implausible jump.",
        russian: "Сохранить одно показание: проверки импорта, окно приема, показания до и после него, без неправдоподобного скачка.")
    public static let readingMeter = Message(english: "The meter id.", russian: "Номер счетчика.")
    public static let readingValue = Message(
        english: "The reading (up to 6 decimals, `.` or `,`).", russian: "Показание (до 6 знаков после запятой, `.` или `,`).")
    public static let readingZone = Message(
        english: "single, day, night, peak or halfpeak (default: single for a one-zone meter).",
        russian: "single, day, night, peak или halfpeak (по умолчанию single для однотарифного счетчика).")
    public static let readingDate = Message(
        english: "The reading's date, YYYY-MM-DD or DD.MM.YYYY (default: today).",
        russian: "Дата показания, ГГГГ-ММ-ДД или ДД.ММ.ГГГГ (по умолчанию сегодня).")
    public static let readingForce = Message(
        english: "Store a reading refused as an implausible jump anyway; the database logs that it was forced.",
        russian: "Сохранить показание, отклоненное как неправдоподобный скачок; в базе отмечается, что оно принято принудительно.")

    // MARK: synth

    public static let synthAbstract = Message(
        english: "Write a deterministic synthetic data set (CSV files) ready to close for a period.",
        russian: "Записать воспроизводимый синтетический набор данных (файлы CSV), готовый к закрытию периода.")
    public static let synthAccounts = Message(
        english: "How many accounts (about 90 % households, 10 % businesses).",
        russian: "Сколько лицевых счетов (около 90 % население, 10 % юридические лица).")
    public static let synthOut = Message(
        english: "The folder to write the CSV files into (created if needed).",
        russian: "Папка для файлов CSV (создается при необходимости).")
    public static func synthSeed(default seed: UInt64) -> Message {
        Message(english: "The random seed: the same seed, count and period give the same bytes (default: \(seed)).",
                russian: "Начальное значение генератора: те же seed, число счетов и период дают те же байты (по умолчанию \(seed)).")
    }
    public static func synthMonths(default count: Int) -> Message {
        Message(english: "Consecutive months of inputs from the period, one folder DIR/YYYY-MM per month (default: \(count)).",
                russian: "Сколько месяцев подряд, начиная с периода; по папке DIR/ГГГГ-ММ на месяц (по умолчанию \(count)).")
    }
    public static func synthHistoryMonths(default count: Int) -> Message {
        Message(english: "Months of readings before the period: 4 gives newer meters' 3-month averages, 6 or more older meters' "
                    + "6-month ones (default: \(count)).",
                russian: "Сколько месяцев показаний до периода: 4 дают средние за 3 месяца (новые счетчики), 6 и больше — "
                    + "за 6 месяцев (по умолчанию \(count)).")
    }
    public static let synthPeriod = Message(
        english: "The period the data is ready to close (default: the previous month).",
        russian: "Период, к закрытию которого готовы данные (по умолчанию прошлый месяц).")

    // MARK: render

    public static let renderAbstract = Message(english: "Render documents as PDF.", russian: "Сформировать документы в PDF.")
    public static let receiptsAbstract = Message(
        english: "Render a closed period's receipts: one PDF/A-3b file per account, and a print batch.",
        russian: "Сформировать квитанции закрытого периода: по файлу PDF/A-3b на лицевой счет и пакет для печати.")
    public static let receiptsDiscussion = Message(
        english: "Files are named <account id>_<YYYY-MM>.pdf (A-Z a-z 0-9 . - kept, _ doubled, any other character and a "
            + "leading dot written _ and its Unicode code in six hex digits, so no two ids share a name) and carry the "
            + "receipt's data as an attached receipt.xml. The print batch holds every paper receipt (accounts with "
            + "e_receipt = 1 and a confirmed e-mail are left out), sorted by delivery route, then address. Each receipt gets a number of the "
            + "organization's gapless series once; a reprint shows the same number. Parked accounts get no receipt: they "
            + "are listed and the exit code is 65.",
        russian: "Файлы называются <номер л/с>_<ГГГГ-ММ>.pdf (A-Z a-z 0-9 . - остаются, _ удваивается, любой другой символ и "
            + "точка в начале записываются как _ и код символа Юникода из шести шестнадцатеричных цифр, так что имена "
            + "разных счетов не совпадают) и несут "
            + "данные квитанции во вложении receipt.xml. В пакет для печати входят все бумажные квитанции (счета с "
            + "e_receipt = 1 и подтвержденной почтой не входят), по маршрутам доставки, затем по адресу. Номер из сквозной нумерации организации "
            + "квитанция получает один раз; при повторной печати номер тот же. Отложенные счета квитанций не получают: они "
            + "перечисляются, код выхода 65.")
    public static let closedPeriod = Message(english: "The closed period.", russian: "Закрытый период.")
    public static let receiptsOut = Message(
        english: "The folder for the separate files (created when missing).", russian: "Папка для отдельных файлов (создается, если ее нет).")
    public static let receiptsAccounts = Message(
        english: "Only these accounts (`--account A B` or `--account A --account B`).",
        russian: "Только эти лицевые счета (`--account A B` или `--account A --account B`).")
    public static let receiptsBatch = Message(
        english: "Also write the print batch of paper receipts to this file.",
        russian: "Также записать в этот файл пакет бумажных квитанций для печати.")
    public static let receiptsFiles = Message(
        english: "Which receipts get a separate file: `all` (default), or `e-receipts`: only the accounts that get "
            + "e-receipts, the paper receipts going into the print batch alone (needs --batch; each receipt is "
            + "rendered once, as it is delivered).",
        russian: "Каким квитанциям отдельный файл: `all` (по умолчанию) всем, `e-receipts` только счетам с электронной "
            + "квитанцией, а бумажные квитанции только в пакет для печати (нужен --batch; каждая квитанция "
            + "формируется один раз, в том виде, в каком ее доставят).")
    public static let fonts = Message(
        english: "The font folder (default: Fonts/ under $RASCHET_HOME, in the working folder, or next to the executable).",
        russian: "Папка шрифтов (по умолчанию Fonts/ в $RASCHET_HOME, в рабочей папке или рядом с программой).")
    public static let templates = Message(
        english: "The template folder (default: Templates/ under $RASCHET_HOME, in the working folder, or next to the "
            + "executable).",
        russian: "Папка шаблонов (по умолчанию Templates/ в $RASCHET_HOME, в рабочей папке или рядом с программой).")
    public static let specimenAbstract = Message(
        english: "Write a one-page specimen: every font style, a table, a paragraph of text and a payment QR code.",
        russian: "Записать одностраничный образец: все начертания шрифта, таблицу, абзац текста и платежный QR-код.")
    public static let pdfOut = Message(english: "The PDF file to write.", russian: "Записываемый файл PDF.")
    public static let specimenText = Message(
        english: "The paragraph text (default: a Russian pangram).", russian: "Текст абзаца (по умолчанию панграмма).")
    public static let specimenQR = Message(
        english: "The QR code payload (default: a sample GOST R 56042-2014 payment string).",
        russian: "Содержимое QR-кода (по умолчанию образец платежной строки по ГОСТ Р 56042-2014).")
    public static let statementAccount = Message(english: "The account.", russian: "Лицевой счет.")
    public static let statementFrom = Message(
        english: "The first day (YYYY-MM-DD or DD.MM.YYYY).", russian: "Первый день (ГГГГ-ММ-ДД или ДД.ММ.ГГГГ).")
    public static let statementTo = Message(
        english: "The last day (YYYY-MM-DD or DD.MM.YYYY).", russian: "Последний день (ГГГГ-ММ-ДД или ДД.ММ.ГГГГ).")
    public static let settlementAbstract = Message(
        english: "Render a settlement statement of an account for a date range.",
        russian: "Сформировать справку по взаиморасчетам лицевого счета за период.")
    public static let settlementDiscussion = Message(
        english: "Opening balance, one row per charge, recalculation, penalty and payment, closing balance, from the closed "
            + "periods. Numbered from the gapless series; a reprint gives the same number.",
        russian: "Входящее сальдо, по строке на каждое начисление, перерасчет, пени и оплату, исходящее сальдо — по "
            + "закрытым периодам. Номер из сквозной нумерации; при повторной печати номер тот же.")
    public static let accrualsAbstract = Message(
        english: "Render an accrual statement of an account for a date range.",
        russian: "Сформировать справку по начислениям лицевого счета за период.")
    public static let accrualsDiscussion = Message(
        english: "One row per charge line of the closed periods whose last day is in the range, and the total.",
        russian: "По строке на каждое начисление закрытых периодов, последний день которых входит в диапазон, и «Итого».")
    public static let actAbstract = Message(
        english: "Render a reconciliation act of a business account for a date range.",
        russian: "Сформировать акт сверки по договору юридического лица за период.")
    public static let actDiscussion = Message(
        english: "A receipt of each closed period in the debit column, payments in the credit column, the "
            + "balances in figures and words, signature blocks for both parties. Business accounts only (exit 65).",
        russian: "Квитанция каждого закрытого периода в дебете, оплаты в кредите, сальдо цифрами и прописью, "
            + "подписи обеих сторон. Только для договоров юридических лиц (иначе код 65).")
    public static let turnoverAbstract = Message(
        english: "Render a turnover sheet of closed periods, per account and service.",
        russian: "Сформировать оборотно-сальдовую ведомость закрытых периодов по лицевым счетам и услугам.")
    public static let turnoverDiscussion = Message(
        english: "For one account (numbered from the series) or, without --account, the whole center (not numbered). The same "
            + "rows as `raschet export turnover`.",
        russian: "По одному лицевому счету (с номером из сквозной нумерации) или без --account по всему центру (без "
            + "номера). Те же строки, что в `raschet export turnover`.")
    public static let firstPeriod = Message(english: "The first period.", russian: "Первый период.")
    public static let lastPeriod = Message(english: "The last period.", russian: "Последний период.")
    public static let noDebtAbstract = Message(
        english: "Render a no-debt certificate of an account on a date.",
        russian: "Сформировать справку об отсутствии задолженности по лицевому счету на дату.")
    public static let noDebtDiscussion = Message(
        english: "Issued only when the balance on the date is zero or an advance; otherwise refused with the debt (exit 65) "
            + "and no file is written.",
        russian: "Выдается, только если на дату нет долга (сальдо нулевое или аванс); иначе отказ с суммой долга (код 65), "
            + "файл не записывается.")
    public static let noDebtDate = Message(
        english: "The date (YYYY-MM-DD or DD.MM.YYYY).", russian: "Дата (ГГГГ-ММ-ДД или ДД.ММ.ГГГГ).")

    // MARK: dispatch

    public static let dispatchAbstract = Message(
        english: "E-mail the period's e-receipts to the accounts that chose them.",
        russian: "Разослать электронные квитанции периода по почте тем, кто их выбрал.")
    public static let dispatchDiscussion = Message(
        english: "Only accounts with e_receipt = 1, email_confirmed = 1 and an address get a message, with the receipt PDF "
            + "from --receipts (default: receipts/YYYY-MM/ next to the database; missing ones are rendered there first) "
            + "attached. Every message goes through the outbox: a rerun sends only what the server has not accepted. A "
            + "message whose run was interrupted between sending and the server's answer is reported as unknown and not "
            + "sent again: check the server's log, then --resend. The report goes to standard output and to "
            + "DB.dispatch-YYYY-MM.csv. The SMTP password comes from RASCHET_SMTP_PASSWORD. Exit 69 when the mail server "
            + "cannot be used.",
        russian: "Письмо получают только счета с e_receipt = 1, email_confirmed = 1 и адресом; к нему прикладывается PDF "
            + "квитанции из --receipts (по умолчанию receipts/YYYY-MM/ рядом с базой; недостающие сначала формируются "
            + "там). Каждое письмо проходит через очередь отправки: повторный запуск отправляет только то, что сервер не "
            + "принял. Письмо, отправка которого прервалась между передачей и ответом сервера, помечается как "
            + "неизвестное и повторно не отправляется: проверьте журнал сервера, затем --resend. Отчет выводится на "
            + "экран и в DB.dispatch-YYYY-MM.csv. Пароль SMTP берется из RASCHET_SMTP_PASSWORD. Код 69, если почтовый "
            + "сервер недоступен.")
    public static let dispatchPeriod = Message(
        english: "The period whose receipts to send.", russian: "Период, квитанции которого отправить.")
    public static let dispatchSMTP = Message(
        english: "The server, overriding [smtp] host, port and security: smtp://[user@]host:port (security as the settings "
            + "say, else off), smtps://... (TLS), smtp+starttls://...",
        russian: "Сервер вместо host, port и security из [smtp]: smtp://[user@]host:port (security как в настройках, иначе "
            + "off), smtps://... (TLS), smtp+starttls://...")
    public static let dispatchResend = Message(
        english: "Send again what was sent, refused or left unknown.",
        russian: "Отправить повторно отправленное, отклоненное и неизвестное.")
    public static let dispatchDryRun = Message(
        english: "Build and check every message; send nothing.", russian: "Собрать и проверить все письма, ничего не отправляя.")
    public static let dispatchAccounts = Message(
        english: "Only this account (repeatable).", russian: "Только этот лицевой счет (можно повторять).")
    public static let dispatchReceipts = Message(
        english: "The folder of receipt PDFs named <account>_<YYYY-MM>.pdf.",
        russian: "Папка с PDF квитанций вида <л/с>_<ГГГГ-ММ>.pdf.")
    public static let dispatchReport = Message(
        english: "Where to write the CSV report (default: DB.dispatch-YYYY-MM.csv; .accounts.csv with --account, "
            + ".dry-run.csv with --dry-run).",
        russian: "Куда записать отчет CSV (по умолчанию DB.dispatch-YYYY-MM.csv; .accounts.csv с --account, "
            + ".dry-run.csv с --dry-run).")

    // MARK: demo

    public static let demoAbstract = Message(
        english: "Run the pipeline on the bundled Fixtures into a fresh database in --out.",
        russian: "Прогнать весь цикл на примерах Fixtures в новой базе в папке --out.")
    public static func demoOut(default folder: String) -> Message {
        Message(english: "Where the demo's database and outputs go (replaced; default: \(folder)).",
                russian: "Куда записать базу и результаты демонстрации (содержимое заменяется; по умолчанию \(folder)).")
    }
    public static let demoFixtures = Message(
        english: "The data set to use (default: the bundled Fixtures/).", russian: "Набор данных (по умолчанию Fixtures/ из поставки).")
    public static let demoSMTP = Message(
        english: "Also e-mail the e-receipts to this (test) server, e.g. smtp://127.0.0.1:2525.",
        russian: "Также отправить электронные квитанции на этот (тестовый) сервер, например smtp://127.0.0.1:2525.")
}
