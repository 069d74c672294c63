// The catalog: the database (`StoreError`), the order of closes and reopens, reading submission.
// Each entry gives its English and Russian text side by side; SQLite's own reason is a quoted cause.

extension Message {
    // MARK: What a database call was doing (the context of a failure)

    public static let storingCloseResults = Message(
        english: "cannot store the close's results", russian: "не удается сохранить результаты закрытия")

    public static func storingReading(meter: String, date: CivilDate) -> Message {
        Message(english: "cannot store the reading of meter \(meter) on \(date.isoString)",
                russian: "не удается сохранить показание счетчика \(meter) на \(date.russianString)")
    }

    public static func storingImportRow(entity: String, key: String) -> Message {
        Message(english: "cannot store a \(entity) row (\(key))", russian: "не удается сохранить строку \(entity) (\(key))")
    }

    /// `PATH: cannot ACTION`, a database operation that failed.
    public static func databaseOperation(_ path: String, _ operation: DatabaseOperation) -> Message {
        let action: (english: String, russian: String) = switch operation {
        case .assignNumbers: (english: "cannot assign document numbers", russian: "не удается присвоить номера документам")
        case .readReceiptData: (english: "cannot read the receipts' data", russian: "не удается прочитать данные для квитанций")
        case .reopen(let period): (english: "cannot reopen \(period.code)", russian: "не удается открыть период \(period.code)")
        case .open: (english: "cannot open the database", russian: "не удается открыть базу данных")
        case .prepareSchema: (english: "cannot prepare the database schema", russian: "не удается подготовить схему базы данных")
        case .write: (english: "cannot write to the database", russian: "не удается записать в базу данных")
        case .read: (english: "cannot read the database", russian: "не удается прочитать базу данных")
        case .storeImport: (english: "cannot store the imported rows", russian: "не удается сохранить импортированные строки")
        case .openReader: (english: "cannot open a reading connection", russian: "не удается открыть соединение для чтения")
        case .readCloseInputs: (english: "cannot read the close's inputs", russian: "не удается прочитать данные для закрытия")
        case .readStoredRows: (english: "cannot read the stored rows the import is checked against",
                               russian: "не удается прочитать сохраненные строки, с которыми сверяется импорт")
        case .openReadOnlyMedia: (english: "cannot open the database on read-only media",
                                  russian: "не удается открыть базу данных на носителе только для чтения")
        case .checkpoint: (english: "cannot copy the write-ahead log into the database file",
                           russian: "не удается перенести журнал упреждающей записи в файл базы данных")
        }
        return Message(english: "\(path): \(action.english)", russian: "\(path): \(action.russian)")
    }

    /// What a failed database call was doing, for `databaseOperation`.
    public enum DatabaseOperation: Sendable {
        case assignNumbers, readReceiptData, reopen(Period), open, prepareSchema, write, read, storeImport, openReader,
             readCloseInputs, readStoredRows, openReadOnlyMedia, checkpoint
    }

    // MARK: Why a database call failed (after the context)

    public static func databaseBusy(_ context: Message) -> Message {
        Message(english: "\(context.english): the database is busy with another command; run this one again when it has finished",
                russian: "\(context.russian): база данных занята другой командой; повторите эту команду, когда та завершится")
    }

    public static func diskFull(_ context: Message, sqlite reason: String) -> Message {
        Message(english: "\(context.english): the disk is full; free some space and run the command again (SQLite: \(reason))",
                russian: "\(context.russian): диск заполнен; освободите место и повторите команду (SQLite: «\(reason)»)")
    }

    public static func databaseUnreadable(_ context: Message, sqlite reason: String) -> Message {
        Message(english: "\(context.english): the database file cannot be read or written; check the disk and the file's "
                    + "permissions (SQLite: \(reason))",
                russian: "\(context.russian): файл базы данных не читается или не записывается; проверьте диск и права на "
                    + "файл (SQLite: «\(reason)»)")
    }

    public static func notADatabase(_ context: Message, sqlite reason: String) -> Message {
        Message(english: "\(context.english): the file is not a usable Raschet database (SQLite: \(reason))",
                russian: "\(context.russian): файл не является рабочей базой Raschet (SQLite: «\(reason)»)")
    }

    public static func sqliteFailed(_ context: Message, sqlite reason: String) -> Message {
        Message(english: "\(context.english): SQLite: \(reason)", russian: "\(context.russian): ошибка SQLite: «\(reason)»")
    }

    /// A library's error that is not SQLite's: its own words after our context.
    public static func failedWithCause(_ context: Message, _ cause: String) -> Message {
        Message(english: "\(context.english): \(cause)", russian: "\(context.russian): «\(cause)»")
    }

    public static func sqliteResultCode(_ code: Int32) -> String { "SQLite result code \(code)" }

    // MARK: The database file

    public static func noSuchDatabase(_ path: String) -> Message {
        Message(english: "\(path): no such database; create it with `raschet init --db \(path)`",
                russian: "\(path): базы данных нет; создайте ее командой `raschet init --db \(path)`")
    }

    public static func readOnlyMediaUnmergedLog(_ path: String, log: String) -> Message {
        Message(english: "\(path): the database is on read-only media and its write-ahead log \(log) holds changes not yet "
                    + "merged into it; run any command on it once on writable storage, then copy it back",
                russian: "\(path): база данных на носителе только для чтения, а ее журнал \(log) содержит еще не перенесенные "
                    + "в нее изменения; выполните на ней любую команду на записываемом носителе и скопируйте ее обратно")
    }

    public static func readOnlyMediaOldSchema(_ path: String) -> Message {
        Message(english: "\(path): the database is on read-only media and was made by an older raschet whose schema must be "
                    + "upgraded first; copy it to writable storage and run any command on it",
                russian: "\(path): база данных на носителе только для чтения создана прежней версией raschet, и ее схему "
                    + "нужно сначала обновить; скопируйте ее на записываемый носитель и выполните на ней любую команду")
    }

    public static func diskFullOnOpen(_ path: String) -> Message {
        Message(english: "\(path): cannot open the database: the disk holding it is full; free some space and run the command again",
                russian: "\(path): не удается открыть базу данных: диск, на котором она лежит, заполнен; освободите место "
                    + "и запустите команду снова")
    }

    public static func databaseReadOnly(_ path: String) -> Message {
        Message(english: "\(path): the database is read-only (its file or folder cannot be written); this command changes it: "
                    + "copy the database to writable storage, or run a command that only reads it (export)",
                russian: "\(path): база данных только для чтения (ее файл или папка недоступны для записи), а эта команда ее "
                    + "изменяет: скопируйте базу на записываемый носитель или выполните команду, которая только читает (export)")
    }

    public static func damagedLines(_ path: String, account: String, period: Period) -> Message {
        Message(english: "\(path): the lines the close of \(period.code) stored for account \(account) are damaged; restore "
                    + "the database from a backup",
                russian: "\(path): строки начислений лицевого счета \(account), сохраненные закрытием \(period.code), "
                    + "повреждены; восстановите базу данных из резервной копии")
    }

    public static func damagedPremises(_ path: String, account: String, period: Period) -> Message {
        Message(english: "\(path): the area and residents the close of \(period.code) stored for account \(account) are "
                    + "damaged; restore the database from a backup",
                russian: "\(path): площадь и число жильцов лицевого счета \(account), сохраненные закрытием \(period.code), "
                    + "повреждены; восстановите базу данных из резервной копии")
    }

    public static func unknownOutboxStatus(_ path: String, account: String, period: Period, status: String) -> Message {
        Message(english: "\(path): outbox entry \(account) \(period.code) has the unknown status \(status)",
                russian: "\(path): у записи очереди отправки \(account) \(period.code) неизвестный статус \(status)")
    }

    // MARK: Reading submission

    public static func meterNotFound(_ meter: String) -> Message {
        Message(english: "meter \(meter) not found; check the meter number", russian: "счетчик \(meter) не найден; проверьте номер счетчика")
    }

    public static func zoneRequired(meter: String, zones: [String]) -> Message {
        let list = zones.joined(separator: ", ")
        return Message(english: "meter \(meter) has several zones: give --zone (\(list))",
                       russian: "счетчик \(meter) многотарифный: укажите --zone (\(list))")
    }

    public static func noSuchZone(meter: String, zone: String, zones: [String]) -> Message {
        let list = zones.joined(separator: ", ")
        return Message(english: "meter \(meter) has no zone \(zone); its zones: \(list)",
                       russian: "у счетчика \(meter) нет зоны \(zone); зоны счетчика: \(list)")
    }

    public static func negativeReading(meter: String, _ value: ExactDecimal) -> Message {
        Message(english: "meter \(meter), reading \(value.machineString): a reading cannot be negative; give the register's value "
                    + "as the meter shows it",
                russian: "счетчик \(meter), показание \(value.machineString): показание не может быть отрицательным; укажите "
                    + "значение, которое показывает счетчик")
    }

    public static func readingTooLarge(meter: String, _ value: ExactDecimal, maximum: ExactDecimal) -> Message {
        Message(english: "meter \(meter), reading \(value.machineString): a reading cannot be above \(maximum.machineString); "
                    + "check the value (a misplaced decimal separator?)",
                russian: "счетчик \(meter), показание \(value.machineString): показание не может быть больше "
                    + "\(maximum.machineString); проверьте значение (не сбит ли разделитель дробной части?)")
    }

    public static func outsideReadingWindow(meter: String, value: ExactDecimal, first: Int, last: Int, date: CivilDate) -> Message {
        Message(english: "meter \(meter), reading \(value.machineString): readings are accepted from day \(first) to day \(last) "
                    + "of the month; \(date.isoString) is outside (a reading taken in the window and entered later: give its day "
                    + "with --date)",
                russian: "счетчик \(meter), показание \(value.russianString): показания принимаются с \(first) по \(last) число "
                    + "месяца; дата \(date.russianString) вне этого окна (показание, снятое в окне и вносимое позже: укажите его "
                    + "день в --date)")
    }

    // MARK: Closed periods and documents

    /// `period` has no finished close; `closed` are the closed periods, ascending: the fix depends
    /// on where `period` lies (before them: never closed; the next: close it; further on: in order).
    public static func periodNotClosed(_ period: Period, closed: [Period]) -> Message {
        if let first = closed.first, period < first {
            return Message(english: "period \(period.code) is not closed: the first closed period of this database is \(first.code), "
                               + "and no period before it is closed",
                           russian: "период \(period.code) не закрыт: первый закрытый период этой базы данных \(first.code), "
                               + "более ранних закрытых периодов нет")
        }
        if let last = closed.last, period > last.next {
            return Message(english: "period \(period.code) is not closed; periods close in order, the next to close is \(last.next.code)",
                           russian: "период \(period.code) не закрыт; периоды закрываются по порядку, следующим закрывается "
                               + "\(last.next.code)")
        }
        return Message(english: "period \(period.code) is not closed; run `raschet close \(period.code)` first",
                       russian: "период \(period.code) не закрыт; сначала выполните `raschet close \(period.code)`")
    }

    public static func periodCloseUnfinished(_ period: Period) -> Message {
        Message(english: "the close of \(period.code) did not finish; run `raschet close \(period.code)` again",
                russian: "закрытие периода \(period.code) не завершено; повторите `raschet close \(period.code)`")
    }

    public static func accountNotInClose(_ account: String, period: Period) -> Message {
        Message(english: "account \(account) is not in the close of \(period.code); check the account number",
                russian: "лицевого счета \(account) нет в закрытии периода \(period.code); проверьте номер счета")
    }

    public static func accountNotComputed(_ account: String, period: Period) -> Message {
        Message(english: "account \(account) was not computed for \(period.code); run `raschet close \(period.code)`",
                russian: "лицевой счет \(account) не рассчитан за период \(period.code); выполните `raschet close \(period.code)`")
    }

    public static func accountNotFound(_ account: String) -> Message {
        Message(english: "account \(account) not found; check the number or import accounts",
                russian: "лицевой счет \(account) не найден; проверьте номер или импортируйте accounts")
    }

    // MARK: The order of closes (SPEC section 4)

    public static func beforeFirstClose(_ period: Period, first: Period) -> Message {
        Message(english: "period \(period.code) is before \(first.code), the first period this database closed: its history starts "
                    + "there, and no period before it is closed; corrections are posted as recalculations in the current period",
                russian: "период \(period.code) раньше \(first.code), первого закрытого периода этой базы данных: ее история "
                    + "начинается с него, и более ранних закрытых периодов нет; исправления проводятся перерасчетом в текущем периоде")
    }

    public static func closeUnfinished(_ other: Period) -> Message {
        Message(english: "the close of \(other.code) did not finish; run raschet close \(other.code) first",
                russian: "закрытие периода \(other.code) не завершено; сначала выполните raschet close \(other.code)")
    }

    public static func closeOutOfOrder(_ period: Period, last: Period) -> Message {
        Message(english: "cannot close \(period.code): the last closed period is \(last.code), the next to close is \(last.next.code)",
                russian: "нельзя закрыть период \(period.code): последний закрытый период \(last.code), следующим "
                    + "закрывается \(last.next.code)")
    }

    public static func parkedInPrevious(_ previous: Period, count: Int) -> Message {
        Message(english: "\(englishCount(count, "account")) of \(previous.code) \(count == 1 ? "is" : "are") parked; fix the data "
                    + "and run raschet close \(previous.code) again",
                russian: "в периоде \(previous.code) отложено лицевых счетов: \(count); исправьте данные и повторите "
                    + "raschet close \(previous.code)")
    }

    public static func firstCloseTooFar(_ period: Period, earliest: Period, latest: Period) -> Message {
        Message(english: "cannot close \(period.code): no period is closed yet, and the first close must be within a year of "
                    + "today, from \(earliest.code) to \(latest.code)",
                russian: "нельзя закрыть период \(period.code): в базе нет закрытых периодов, а первым закрывается период "
                    + "не дальше года от текущей даты, с \(earliest.code) по \(latest.code)")
    }

    public static func reopenNotClosed(_ period: Period) -> Message {
        Message(english: "period \(period.code) is not closed; there is nothing to reopen",
                russian: "период \(period.code) не закрыт; открывать нечего")
    }

    public static func reopenNotLatest(_ period: Period, latest: Period) -> Message {
        Message(english: "cannot reopen \(period.code): \(latest.code) was closed after it; only the latest closed period "
                    + "reopens (first raschet reopen \(latest.code))",
                russian: "нельзя открыть период \(period.code): после него закрывался период \(latest.code); открывается "
                    + "только последний закрытый период (сначала raschet reopen \(latest.code))")
    }

    public static func reopenDocumentsIssued(_ period: Period, numbered: Int, outbox: Int) -> Message {
        Message(english: "cannot reopen \(period.code): \(englishCount(numbered, "document")) of it \(numbered == 1 ? "was" : "were") "
                    + "issued and \(outbox) \(outbox == 1 ? "is" : "are") queued or "
                    + "sent, so it stays closed; import the corrections, and the next close recalculates it",
                russian: "нельзя открыть период \(period.code): по нему выпущено документов: \(numbered), в очереди отправки "
                    + "или отправлено: \(outbox), поэтому он остается закрытым; импортируйте исправления, и следующее "
                    + "закрытие сделает перерасчет")
    }
}
