public import RaschetCore

/// The catalog: what the command line prints (summaries, progress labels, listings). Each entry
/// gives its English and Russian text side by side; paths, ids, periods and amounts are values.
///
/// In `RaschetApp`, not `RaschetCore`, because the executable imports only `RaschetApp` (and sees
/// only members declared in the modules it imports); the entries are `Message`s like the rest of the
/// catalog (`Sources/RaschetCore/Messages/`).
public enum CommandText {
    // MARK: init

    public static func created(_ path: String) -> Message {
        Message(english: "created \(path)", russian: "создана база \(path)")
    }

    public static func schemaUpToDate(_ path: String) -> Message {
        Message(english: "\(path) already exists; its schema is up to date", russian: "\(path) уже есть; ее схема актуальна")
    }

    // MARK: import

    public static func importRefused(problems: Int) -> Message {
        Message(english: "\(englishCount(problems, "problem")); nothing was imported. Fix the rows above, or use --partial to store "
                    + "the valid rows.",
                russian: "ошибок: \(problems); ничего не импортировано. Исправьте строки выше или укажите --partial, чтобы "
                    + "сохранить верные строки.")
    }

    /// A whole file's problem refused an import with `--partial`, which leaves out rows only.
    public static func importRefusedForFiles(problems: Int) -> Message {
        Message(english: "\(englishCount(problems, "problem")); nothing was imported: a file could not be read as rows (above). "
                    + "--partial leaves out bad rows, not whole files.",
                russian: "ошибок: \(problems); ничего не импортировано: файл не удалось прочитать построчно (см. выше). "
                    + "--partial пропускает неверные строки, но не целые файлы.")
    }

    public static func tableImported(_ entity: String, rows: Int, inserted: Int, updated: Int, unchanged: Int) -> Message {
        Message(english: "\(entity): \(englishCount(rows, "row")), \(inserted) new, \(updated) changed, \(unchanged) unchanged",
                russian: "\(entity): строк \(rows), новых \(inserted), измененных \(updated), без изменений \(unchanged)")
    }

    public static let noRowsImported = Message(english: "no rows imported", russian: "ни одной строки не импортировано")

    public static func rowsRejected(_ rows: Int, file: String, path: String) -> Message {
        Message(english: "\(englishCount(rows, "row")) of \(file) rejected; see \(path)",
                russian: "\(file): отклонено строк: \(rows); см. \(path)")
    }

    // MARK: close

    public static func closeProgress(_ period: String) -> Message {
        Message(english: "close \(period)", russian: "закрытие \(period)")
    }

    public static func alreadyClosed(_ period: String) -> Message {
        Message(english: "period \(period) is already closed; nothing to do (a closed period is never rewritten)",
                russian: "период \(period) уже закрыт; делать нечего (закрытый период не переписывается)")
    }

    public static func closeSummary(_ period: String, dryRun: Bool, closed: Int, parked: Int, alreadyDone: Int) -> Message {
        let done = (english: alreadyDone > 0 ? ", \(alreadyDone) already done by an earlier run" : "",
                    russian: alreadyDone > 0 ? ", рассчитано прошлым запуском: \(alreadyDone)" : "")
        return Message(english: "\(dryRun ? "dry run of" : "closed") \(period): \(englishCount(closed, "account")) closed, "
                            + "\(parked) parked" + done.english,
                       russian: "\(dryRun ? "пробное закрытие" : "закрыт период") \(period): рассчитано лицевых счетов "
                            + "\(closed), отложено \(parked)" + done.russian)
    }

    public static func closeTotals(lines: Int, charged: String, recalc: String, penalty: String, paid: String) -> Message {
        Message(english: "lines \(lines); charged \(charged), recalc \(recalc), penalty \(penalty), paid \(paid)",
                russian: "строк \(lines); начислено \(charged), перерасчет \(recalc), пени \(penalty), оплачено \(paid)")
    }

    /// The close's parts, each in seconds with milliseconds (as the other figures, with a point).
    public static func closeTimings(load: Duration, compute: Duration, save: Duration, batches: Int) -> Message {
        let (load, compute, save) = (seconds(load), seconds(compute), seconds(save))
        return Message(english: "timings: load \(load) s, compute \(compute) s, save+commit \(save) s, "
                            + englishCount(batches, "batch", "batches"),
                       russian: "время: загрузка \(load) с, расчет \(compute) с, запись \(save) с, пакетов \(batches)")
    }

    /// `duration` as seconds with three decimals (`12.345`), from its integer parts.
    private static func seconds(_ duration: Duration) -> String {
        let (whole, attoseconds) = duration.components
        let milliseconds = attoseconds / 1_000_000_000_000_000
        let fraction = String(milliseconds)
        return "\(whole)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    public static func reviewListWritten(flags: Int, path: String) -> Message {
        Message(english: "review list: \(englishCount(flags, "flag")) in \(path)",
                russian: "список на проверку: отметок \(flags) в \(path)")
    }

    public static func reviewListNotWritten(flags: Int) -> Message {
        Message(english: "review list: \(englishCount(flags, "flag")) (not written: dry run)",
                russian: "список на проверку: отметок \(flags) (не записан: пробное закрытие)")
    }

    public static func parkedAccount(_ account: String, reason: Message) -> Message {
        Message(english: "parked \(account): \(reason.english)", russian: "отложен \(account): \(reason.russian)")
    }

    public static func accountsParked(_ count: Int, period: String) -> Message {
        Message(english: "\(englishCount(count, "account")) parked; fix the data and run `raschet close \(period)` again to compute them",
                russian: "отложено лицевых счетов: \(count); исправьте данные и повторите `raschet close \(period)`, чтобы "
                    + "рассчитать их")
    }

    // MARK: reopen

    public static func reopened(_ period: String, deletedReviewList: String?) -> Message {
        Message(english: "reopened \(period): its close is undone" + (deletedReviewList.map { "; deleted the review list \($0)" } ?? ""),
                russian: "период \(period) открыт: его закрытие отменено"
                    + (deletedReviewList.map { "; удален список на проверку \($0)" } ?? ""))
    }

    // MARK: reading

    public static func readingAccepted(meter: String, zone: String, date: String, value: String) -> Message {
        Message(english: "accepted: meter \(meter), zone \(zone), \(date), \(value)",
                russian: "принято: счетчик \(meter), зона \(zone), \(date), \(value)")
    }

    /// The jump an operator forced with `--force`, logged in the database.
    public static func readingForced(_ jump: Message) -> Message {
        Message(english: "forced, logged in the database: \(jump.english)",
                russian: "принято принудительно, отмечено в базе: \(jump.russian)")
    }

    // MARK: synth

    public static func synthWritten(files: Int, accounts: Int, period: String, months: Int, seed: UInt64, folder: String) -> Message {
        let english = months == 1 ? "period \(period)" : "\(months) months from \(period)"
        let russian = months == 1 ? "период \(period)" : "месяцев \(months) с \(period)"
        return Message(english: "wrote \(englishCount(files, "file")) for \(englishCount(accounts, "account")), \(english), "
                            + "seed \(seed), to \(folder)",
                       russian: "записано файлов: \(files), лицевых счетов \(accounts), \(russian), seed \(seed), в \(folder)")
    }

    // MARK: render

    public static func receiptsProgress(_ period: String) -> Message {
        Message(english: "receipts \(period)", russian: "квитанции \(period)")
    }

    public static func receiptsWritten(_ count: Int, period: String, folder: String) -> Message {
        Message(english: "wrote \(englishCount(count, "receipt")) of \(period) to \(folder)",
                russian: "записано квитанций за \(period): \(count), в \(folder)")
    }

    public static func printBatchWritten(receipts: Int, path: String, eReceipts: Int) -> Message {
        Message(english: "print batch: \(englishCount(receipts, "receipt")) in \(path); "
                    + "\(englishCount(eReceipts, "e-receipt account")) left out",
                russian: "пакет для печати: квитанций \(receipts) в \(path); не вошли лицевые счета с электронной квитанцией: \(eReceipts)")
    }

    /// `reason` is the parking reason the close stored.
    public static func parkedNoReceipt(_ account: String, reason: Message) -> Message {
        Message(english: "parked \(account): no receipt (\(reason.english))", russian: "отложен \(account): квитанции нет (\(reason.russian))")
    }

    public static func receiptsParked(_ count: Int, period: String) -> Message {
        Message(english: "\(englishCount(count, "account")) parked in the close of \(period); fix the data, run "
                    + "`raschet close \(period)` and render them again",
                russian: "в закрытии \(period) отложено лицевых счетов: \(count); исправьте данные, выполните "
                    + "`raschet close \(period)` и сформируйте их квитанции снова")
    }

    public static func specimenWritten(_ path: String, bytes: Int, pages: Int) -> Message {
        Message(english: "wrote \(path) (\(englishCount(bytes, "byte")), \(englishCount(pages, "page")))",
                russian: "записан \(path) (байт: \(bytes), страниц: \(pages))")
    }

    // A statement written: `title` is the document's own title (its template's, in Russian), which
    // the Russian line gives; the English line names the kind, number and subject.

    public static func settlementWritten(_ path: String, number: String, account: String, title: String) -> Message {
        Message(english: "wrote \(path): settlement statement No. \(number), account \(account)", russian: "записан \(path): \(title)")
    }

    public static func accrualsWritten(_ path: String, number: String, account: String, title: String) -> Message {
        Message(english: "wrote \(path): accrual statement No. \(number), account \(account)", russian: "записан \(path): \(title)")
    }

    public static func actWritten(_ path: String, number: String, account: String, title: String) -> Message {
        Message(english: "wrote \(path): reconciliation act No. \(number), account \(account)", russian: "записан \(path): \(title)")
    }

    public static func noDebtWritten(_ path: String, number: String, account: String, title: String) -> Message {
        Message(english: "wrote \(path): no-debt certificate No. \(number), account \(account)", russian: "записан \(path): \(title)")
    }

    public static func turnoverWritten(_ path: String, number: String, account: String, from: String, to: String, title: String)
        -> Message {
        Message(english: "wrote \(path): turnover sheet No. \(number), account \(account), \(from) to \(to)",
                russian: "записан \(path): \(title)")
    }

    public static func centerTurnoverWritten(_ path: String, from: String, to: String, title: String) -> Message {
        Message(english: "wrote \(path): turnover sheet of every account, \(from) to \(to)", russian: "записан \(path): \(title)")
    }

    public static func dataAsOf(_ date: CivilDate) -> Message {
        Message(english: "data as of \(date.isoString): the range reaches into an open period; figures stop at the last closed day",
                russian: "по данным на \(date.russianString): период захватывает незакрытый месяц; суммы — по последний закрытый день")
    }

    // MARK: dispatch

    public static func dispatchProgress(_ period: String) -> Message {
        Message(english: "dispatch \(period)", russian: "рассылка \(period)")
    }

    public static func dispatchSummary(_ period: String, dryRun: Bool, sent: Int, failed: Int, skipped: Int, unknown: Int,
                                       wouldSend: Int, rendered: Int) -> Message {
        let would = (english: dryRun ? ", \(wouldSend) would be sent" : "", russian: dryRun ? ", к отправке \(wouldSend)" : "")
        let made = (english: rendered > 0 ? "; \(englishCount(rendered, "missing receipt")) rendered first" : "",
                    russian: rendered > 0 ? "; недостающих квитанций сформировано: \(rendered)" : "")
        return Message(english: "\(dryRun ? "dry run of dispatch" : "dispatch") \(period): \(sent) sent, \(failed) failed, "
                            + "\(skipped) skipped, \(unknown) unknown" + would.english + made.english,
                       russian: "\(dryRun ? "пробная рассылка" : "рассылка") \(period): отправлено \(sent), ошибок \(failed), "
                            + "пропущено \(skipped), неизвестно \(unknown)" + would.russian + made.russian)
    }

    public static func reportWritten(_ path: String) -> Message {
        Message(english: "report: \(path)", russian: "отчет: \(path)")
    }

    /// One account the dispatch did not send: `4102470044 <a@b.ru> failed: the server refused ...`;
    /// `result` is one of the `dispatchResult…` words.
    public static func dispatchProblem(account: String, email: String, result: Message, reason: Message) -> Message {
        Message(english: "\(account) <\(email)> \(result.english): \(reason.english)",
                russian: "\(account) <\(email)> \(result.russian): \(reason.russian)")
    }

    public static let dispatchResultSent = Message(english: "sent", russian: "отправлено")
    public static let dispatchResultFailed = Message(english: "failed", russian: "ошибка")
    public static let dispatchResultSkipped = Message(english: "skipped", russian: "пропущено")
    public static let dispatchResultUnknown = Message(english: "unknown", russian: "неизвестно")
    public static let dispatchResultWouldSend = Message(english: "would send", russian: "к отправке")

    public static func mailServerUnavailable(_ cause: Message) -> Message {
        Message(english: "the mail server cannot be used: \(cause.english); the outbox keeps every unsent message, run the "
                    + "command again when the server is back",
                russian: "почтовый сервер недоступен: \(cause.russian); очередь отправки хранит все неотправленные письма, "
                    + "повторите команду, когда сервер заработает")
    }

    // MARK: demo

    public static func demoCreated(_ database: String) -> Message {
        Message(english: "1. created \(database)", russian: "1. создана база \(database)")
    }

    public static func demoImported(files: Int, folder: String) -> Message {
        Message(english: "2. imported \(englishCount(files, "file")) from \(folder):",
                russian: "2. импортировано файлов из \(folder): \(files)")
    }

    public static func demoTableRows(_ entity: String, rows: Int) -> Message {
        let padded = entity + String(repeating: " ", count: max(0, 17 - entity.count))
        return Message(english: "   \(padded) \(englishCount(rows, "row"))", russian: "   \(padded) строк: \(rows)")
    }

    public static let demoClosing = Message(english: "3. monthly closes:", russian: "3. закрытие месяцев:")

    public static func demoClosed(_ month: String, closed: Int, parked: Int, charged: String, recalc: String, penalty: String,
                                  paid: String) -> Message {
        Message(english: "   \(month): \(englishCount(closed, "account")) closed, \(parked) parked; charged \(charged), recalc \(recalc), "
                    + "penalty \(penalty), paid \(paid)",
                russian: "   \(month): рассчитано лицевых счетов \(closed), отложено \(parked); начислено \(charged), "
                    + "перерасчет \(recalc), пени \(penalty), оплачено \(paid)")
    }

    public static func demoExported(_ month: String) -> Message {
        Message(english: "4. exports of \(month):", russian: "4. выгрузки за \(month):")
    }

    public static func demoSpecimen(_ path: String) -> Message {
        Message(english: "5. document engine specimen: \(path)", russian: "5. образец печати документов: \(path)")
    }

    public static func demoReceipts(_ month: String, files: Int, folder: String) -> Message {
        Message(english: "6. receipts of \(month): \(englishCount(files, "PDF/A-3b file")) in \(folder)",
                russian: "6. квитанции за \(month): файлов PDF/A-3b: \(files), в \(folder)")
    }

    public static func demoPrintBatch(_ path: String, paper: Int, eReceipts: Int) -> Message {
        Message(english: "   print batch: \(path) (\(englishCount(paper, "paper receipt")); "
                    + "\(englishCount(eReceipts, "e-receipt account")) left out)",
                russian: "   пакет для печати: \(path) (бумажных квитанций: \(paper); не вошли лицевые счета с "
                    + "электронной квитанцией: \(eReceipts))")
    }

    public static func demoStatements(_ account: String) -> Message {
        Message(english: "7. statements of business account \(account):", russian: "7. документы по договору \(account):")
    }

    public static func demoCertificateRefused(_ refusal: Message) -> Message {
        Message(english: "   \(refusal.english) (no file written)", russian: "   \(refusal.russian) (файл не записан)")
    }

    public static func demoDispatched(_ month: String, server: String, sent: Int, failed: Int, skipped: Int,
                                      report: String) -> Message {
        Message(english: "8. e-receipts of \(month) to \(server): \(sent) sent, \(failed) failed, \(skipped) skipped; report \(report)",
                russian: "8. электронные квитанции за \(month) на \(server): отправлено \(sent), ошибок \(failed), "
                    + "пропущено \(skipped); отчет \(report)")
    }

    public static func demoMailServerUnavailable(_ cause: Message) -> Message {
        Message(english: "the mail server cannot be used: \(cause.english)", russian: "почтовый сервер недоступен: \(cause.russian)")
    }

    // MARK: usage errors of the argument parser (exit 64)

    public static let batchSizePositive = Message(
        english: "--batch-size must be positive", russian: "--batch-size должен быть больше нуля")

    public static func exportLeftOutParked(_ count: Int) -> Message {
        Message(english: "--allow-parked: \(englishCount(count, "parked account")) left out of the export",
                russian: "--allow-parked: отложенных лицевых счетов не вошло в выгрузку: \(count)")
    }

    public static let turnoverNeedsRange = Message(
        english: "turnover needs --from and --to as YYYY-MM, for example --from 2026-08 --to 2026-10 (and no --period)",
        russian: "для turnover нужны --from и --to в виде ГГГГ-ММ, например --from 2026-08 --to 2026-10 (без --period)")

    public static func exportNeedsPeriod(_ what: String) -> Message {
        Message(english: "\(what) needs --period YYYY-MM, for example --period 2026-10 (--from and --to are for turnover)",
                russian: "для \(what) нужен --period ГГГГ-ММ, например --period 2026-10 (--from и --to нужны для turnover)")
    }

    public static func monthsFlagRange(_ limit: Int) -> Message {
        Message(english: "--months must be from 1 to \(limit)", russian: "--months — от 1 до \(limit)")
    }

    public static func historyMonthsFlagRange(_ limit: Int) -> Message {
        Message(english: "--history-months must be from 1 to \(limit)", russian: "--history-months — от 1 до \(limit)")
    }

    public static func accountsFlagRange(_ limit: Int) -> Message {
        Message(english: "--accounts must be from 1 to \(limit)", russian: "--accounts — от 1 до \(limit)")
    }

    public static let noFilesToImport = Message.noFilesToImport

    public static let qrNotEmpty = Message(english: "--qr must not be empty", russian: "--qr не должен быть пустым")
}
