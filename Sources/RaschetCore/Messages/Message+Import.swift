// The catalog: problems with input files and rows (`IngestError`, the import report). Each entry
// gives its English and Russian text side by side; file, column and element names are values.

extension Message {
    /// `FILE:LINE: column: problem`, the place of an input problem (the same in both languages).
    public static func located(file: String, line: Int?, column: String?, _ problem: Message) -> Message {
        var place = file
        if let line { place += ":" + String(line) }
        place += ": "
        if let column { place += column + ": " }
        return Message(english: place + problem.english, russian: place + problem.russian)
    }

    /// `column: problem`, one reason in a rejected-rows file.
    public static func inColumn(_ column: String?, _ problem: Message) -> Message {
        let prefix = column.map { $0 + ": " } ?? ""
        return Message(english: prefix + problem.english, russian: prefix + problem.russian)
    }

    /// Texts one per line (an import's listing as one failure).
    public static func lines(_ parts: [Message]) -> Message {
        Message(english: parts.map(\.english).joined(separator: "\n"), russian: parts.map(\.russian).joined(separator: "\n"))
    }

    /// Problems joined with `; ` (the reasons of one rejected row).
    public static func joined(_ parts: [Message]) -> Message {
        Message(english: parts.map(\.english).joined(separator: "; "), russian: parts.map(\.russian).joined(separator: "; "))
    }

    public static func moreProblemsNotListed(file: String, count: Int, limit: Int) -> Message {
        Message(english: "\(file): \(englishCount(count, "more problem")) not listed ("
                    + (limit == 1 ? "the first is above" : "the first \(limit) are above") + "); fix those and import "
                    + "again to see the rest",
                russian: "\(file): еще ошибок не показано: \(count) (выше первые \(limit)); исправьте их и повторите "
                    + "импорт, чтобы увидеть остальные")
    }

    // MARK: Files and encodings

    public static func utf8ByteInvalid(byte: String, offset: Int) -> Message {
        Message(english: "the file is UTF-8 but the byte \(byte) at offset \(offset) is not: fix or remove it, or save the "
                    + "file as UTF-8 again (--encoding cp1251 forces windows-1251)",
                russian: "файл в кодировке UTF-8, но байт \(byte) по смещению \(offset) в ней недопустим: исправьте или "
                    + "удалите его либо сохраните файл в UTF-8 заново (--encoding cp1251 читает файл как windows-1251)")
    }

    public static func byteNotText(byte: String, offset: Int) -> Message {
        Message(english: "the byte \(byte) at offset \(offset) is text in neither UTF-8 nor windows-1251: is this a CSV file? "
                    + "Remove the byte or export the file again",
                russian: "байт \(byte) по смещению \(offset) не является текстом ни в UTF-8, ни в windows-1251: это точно "
                    + "CSV-файл? Удалите байт или выгрузите файл заново")
    }

    /// The import's temporary file of the readings it checks the next ones against failed, in its folder.
    public static func importSpillFailed(_ reason: String) -> Message {
        Message(english: "cannot write or read back the import's temporary file here (\(reason)); free space in this folder "
                    + "or set TMPDIR to a folder with room: about 24 bytes for each reading and 16 for each other row imported, "
                    + "and the size of the XML files imported",
                russian: "не удается записать или прочитать временный файл импорта в этой папке («\(reason)»); освободите "
                    + "место или укажите в TMPDIR папку, где оно есть: около 24 байт на каждое импортируемое показание, 16 байт "
                    + "на каждую другую строку и объем импортируемых файлов XML")
    }

    public static func cannotReadFile(_ reason: String) -> Message {
        Message(english: "cannot read the file (\(reason)); check the path and permissions",
                russian: "не удается прочитать файл («\(reason)»); проверьте путь и права доступа")
    }

    public static func cannotOpenFile(_ reason: String) -> Message {
        Message(english: "cannot open the file: \(reason)", russian: "не удается открыть файл: «\(reason)»")
    }

    public static func fileReadFailed(_ reason: String) -> Message {
        Message(english: "cannot read the file: \(reason)", russian: "ошибка чтения файла: «\(reason)»")
    }

    public static let linesEndWithCROnly = Message(
        english: "the lines end with CR alone (the old Mac format); save the file with Windows (CRLF) or Unix (LF) line ends",
        russian: "строки файла оканчиваются одним символом CR (старый формат Mac); сохраните файл с концами строк Windows (CRLF) "
            + "или Unix (LF)")

    public static let notRegularFile = Message(
        english: "is not a regular file; name a CSV or XML file",
        russian: "не обычный файл; укажите файл CSV или XML")

    public static func unknownEntityOfFile(_ path: String) -> Message {
        Message(english: "cannot tell which entity this file holds; name it after the entity (for example tariffs.csv) or "
                    + "run `raschet import ENTITY \(path)`",
                russian: "непонятно, какие данные в файле; назовите его по виду данных (например, tariffs.csv) или "
                    + "выполните `raschet import ENTITY \(path)`")
    }

    // MARK: CSV structure

    public static let emptyCSV = Message(
        english: "the file is empty: a header line with the column names is expected",
        russian: "файл пуст: ожидается строка заголовка с именами столбцов")

    public static let headerLineEmpty = Message(
        english: "line 1 must be the header with the column names, found an empty line",
        russian: "строка 1 должна быть заголовком с именами столбцов, а она пуста")

    public static func headerFieldEmpty(_ number: Int) -> Message {
        Message(english: "header field \(number) is empty: every column needs a name",
                russian: "поле заголовка \(number) пусто: у каждого столбца должно быть имя")
    }

    public static let duplicateHeaderName = Message(
        english: "duplicate column name in the header", russian: "имя столбца повторяется в заголовке")

    /// A row with another number of fields than the header; `delimiter` as the file has it (`;`, `,`
    /// or `TAB`). Too few: the error names the first column without a value.
    public static func fieldCount(expected: Int, found: Int, delimiter: String) -> Message {
        if found < expected {
            return Message(english: "expected \(englishCount(expected, "field")) as in the header, found \(found): the row ends "
                               + "before this column; give every column a value (an empty one is nothing between two \(delimiter))",
                           russian: "ожидалось полей, как в заголовке: \(expected), найдено: \(found): строка кончается перед этим "
                               + "столбцом; у каждого столбца должно быть значение (пустое — ничего между двумя \(delimiter))")
        }
        return Message(english: "expected \(englishCount(expected, "field")) as in the header, found \(found): a value that holds "
                           + "\(delimiter) must be in double quotes, and the row may have no more fields than the header",
                       russian: "ожидалось полей, как в заголовке: \(expected), найдено: \(found): значение, содержащее \(delimiter), "
                           + "заключите в двойные кавычки, а лишних полей в строке быть не должно")
    }

    /// ` (field 7)`: a field beyond the header, named by its number.
    public static func fieldNumber(_ number: Int?) -> Message {
        guard let number else { return Message(english: "", russian: "") }
        return Message(english: " (field \(number))", russian: " (поле \(number))")
    }

    public static func brokenQuote(field: Message, _ detail: Message) -> Message {
        Message(english: "broken quote\(field.english): \(detail.english)", russian: "ошибка в кавычках\(field.russian): \(detail.russian)")
    }

    public static let characterAfterClosingQuote = Message(
        english: "unexpected character after the closing quote (a \" inside a quoted value must be doubled: \"\")",
        russian: "лишний символ после закрывающей кавычки (кавычка \" внутри значения в кавычках удваивается: \"\")")

    public static let quoteInUnquotedValue = Message(
        english: "a \" inside an unquoted value (quote the whole value and double the \": \"\")",
        russian: "кавычка \" внутри значения без кавычек (возьмите все значение в кавычки и удвойте \": \"\")")

    public static func unterminatedQuote(field: Message) -> Message {
        Message(english: "unterminated quoted field\(field.english): the closing \" is missing",
                russian: "не закрыта кавычка в поле\(field.russian): нет закрывающей \"")
    }

    public static func unknownColumn(entity: String, expected: [String]) -> Message {
        let list = expected.joined(separator: ", ")
        return Message(english: "unknown column for \(entity); expected one of: \(list). Fix the column name (a typo must not "
                            + "silently drop data)",
                       russian: "неизвестный столбец для \(entity); допустимы: \(list). Исправьте имя столбца (опечатка не "
                            + "должна молча терять данные)")
    }

    public static let columnTwice = Message(
        english: "the column appears twice; keep one", russian: "столбец встречается дважды; оставьте один")

    public static let requiredColumnMissing = Message(
        english: "required column is missing; add it", russian: "нет обязательного столбца; добавьте его")

    // MARK: XML structure

    public static func wrongCollection(_ collection: String, expected: String) -> Message {
        Message(english: "holds <\(collection)> rows, but the command imports \(expected); use `raschet import auto` or "
                    + "`import \(collection)`",
                russian: "содержит строки <\(collection)>, а команда импортирует \(expected); выполните "
                    + "`raschet import auto` или `import \(collection)`")
    }

    public static let xmlParserUnavailable = Message(
        english: "cannot create an XML parser (out of memory)", russian: "не удается создать разборщик XML (не хватает памяти)")

    public static let emptyXML = Message(
        english: "the file is empty: expected <raschet-data version=\"1\">",
        russian: "файл пуст: ожидается <raschet-data version=\"1\">")

    public static func malformedXMLStatus(_ status: Int32) -> Message {
        Message(english: "malformed XML (libxml2 error \(status))", russian: "ошибка в разметке XML (код libxml2 \(status))")
    }

    /// libxml2's own words are the quoted cause; `cp1251Hint` adds how a windows-1251 file declares itself.
    public static func malformedXML(_ cause: String, cp1251Hint: Bool) -> Message {
        let hint = (english: cp1251Hint ? " (a windows-1251 file must declare <?xml version=\"1.0\" encoding=\"windows-1251\"?>)" : "",
                    russian: cp1251Hint ? " (файл в windows-1251 объявляет кодировку: <?xml version=\"1.0\" encoding=\"windows-1251\"?>)" : "")
        return Message(english: "malformed XML: " + cause + hint.english,
                       russian: "ошибка в разметке XML (libxml2: «" + cause + "»)" + hint.russian)
    }

    public static let xmlNoDTD = Message(
        english: "DTDs and entity declarations are not accepted in Raschet XML; remove the <!DOCTYPE ...> declaration",
        russian: "DTD и объявления сущностей в XML Raschet не допускаются; удалите объявление <!DOCTYPE ...>")

    public static let xmlNoRoot = Message(
        english: "no root element: expected <raschet-data version=\"1\">",
        russian: "нет корневого элемента: ожидается <raschet-data version=\"1\">")

    public static func xmlWrongRoot(_ name: String) -> Message {
        Message(english: "the root element must be <raschet-data version=\"1\">, found <\(name)>",
                russian: "корневой элемент должен быть <raschet-data version=\"1\">, а найден <\(name)>")
    }

    public static let xmlVersionMissing = Message(
        english: "<raschet-data> needs version=\"1\"", russian: "у <raschet-data> должен быть атрибут version=\"1\"")

    public static func xmlVersionUnsupported(_ version: String) -> Message {
        Message(english: "unsupported version \"\(version)\": expected <raschet-data version=\"1\">",
                russian: "версия «\(version)» не поддерживается: ожидается <raschet-data version=\"1\">")
    }

    public static func xmlUnknownCollection(_ name: String, expected: String) -> Message {
        Message(english: "unknown collection <\(name)>: expected one of \(expected)",
                russian: "неизвестная коллекция <\(name)>: допустимы \(expected)")
    }

    public static func xmlCollectionAttributes(_ name: String) -> Message {
        Message(english: "the collection <\(name)> takes no attributes", russian: "у коллекции <\(name)> не бывает атрибутов")
    }

    public static func xmlWrongRow(_ name: String, collection: String, row: String) -> Message {
        Message(english: "<\(name)> inside <\(collection)>: expected <\(row)> elements",
                russian: "<\(name)> внутри <\(collection)>: ожидаются элементы <\(row)>")
    }

    public static func xmlChildElement(row: String, child: String) -> Message {
        Message(english: "<\(row)> elements carry attributes only: the child element <\(child)> is not allowed",
                russian: "у элементов <\(row)> бывают только атрибуты: вложенный элемент <\(child)> не допускается")
    }

    public static let xmlTextInRoot = Message(
        english: "text is not allowed inside <raschet-data>: it holds collection elements only",
        russian: "текст внутри <raschet-data> не допускается: в нем только элементы коллекций")

    public static func xmlTextInCollection(_ collection: String, row: String) -> Message {
        Message(english: "text is not allowed inside <\(collection)>: it holds <\(row)> elements only",
                russian: "текст внутри <\(collection)> не допускается: в нем только элементы <\(row)>")
    }

    public static func xmlTextInRow(_ row: String) -> Message {
        Message(english: "<\(row)> elements carry attributes only: text inside them is not allowed",
                russian: "у элементов <\(row)> бывают только атрибуты: текст внутри них не допускается")
    }

    // MARK: Row values

    public static let requiredValueEmpty = Message(
        english: "required value is empty; fill it in", russian: "обязательное значение пусто; заполните его")

    public static func controlCharacter(_ code: String) -> Message {
        Message(english: "holds the control character U+\(code); remove it",
                russian: "содержит управляющий символ U+\(code); удалите его")
    }

    public static func textTooLong(bytes: Int, limit: Int) -> Message {
        Message(english: "is \(englishCount(bytes, "byte")) long; a text may hold at most \(limit) bytes (UTF-8)",
                russian: "длина в байтах: \(bytes); текст может занимать не более \(limit) байт (UTF-8)")
    }

    /// `"VALUE" is not EXPECTED`: a value that does not parse as its column's type.
    public static func notA(_ value: String, _ expected: Message) -> Message {
        Message(english: "\"\(value)\" is not \(expected.english)", russian: "«\(value)» — не \(expected.russian)")
    }

    public static let expectedDate = Message(
        english: "a date; write YYYY-MM-DD or DD.MM.YYYY", russian: "дата; пишите ГГГГ-ММ-ДД или ДД.ММ.ГГГГ")
    public static let expectedPeriod = Message(
        english: "a period; write YYYY-MM", russian: "период; пишите ГГГГ-ММ")
    public static let expectedNumber = Message(
        english: "a number with at most 6 decimals (use . or , as the decimal separator)",
        russian: "число с не более чем 6 знаками после запятой (разделитель — точка или запятая)")
    public static let expectedAmount = Message(
        english: "an amount with at most 2 decimals (use . or , as the decimal separator)",
        russian: "сумма с не более чем 2 знаками после запятой (разделитель — точка или запятая)")
    public static let expectedWholeNumber = Message(
        english: "a whole number", russian: "целое число")
    public static let expectedYesNo = Message(
        english: "a yes/no value; write 1/0, true/false or да/нет", russian: "значение да/нет; пишите 1/0, true/false или да/нет")

    public static func notOneOf(_ value: String, _ codes: [String]) -> Message {
        let list = codes.joined(separator: ", ")
        return Message(english: "\"\(value)\" is not one of: \(list)", russian: "«\(value)» — не из списка: \(list)")
    }

    public static func digitsRequired(_ value: String, counts: [Int]) -> Message {
        let sorted = counts.sorted().map(String.init)
        return Message(english: "\"\(value)\" must be "
                           + (sorted.count == 1 ? englishCount(counts[0], "digit") : sorted.joined(separator: " or ") + " digits"),
                       russian: "«\(value)»: должно быть цифр: \(sorted.joined(separator: " или "))")
    }

    public static func notAnEmail(_ value: String) -> Message {
        Message(english: "\"\(value)\" is not an e-mail address; write name@domain",
                russian: "«\(value)» — не адрес электронной почты; пишите имя@домен")
    }

    public static func negative(_ value: String) -> Message {
        Message(english: "\(value) is negative; it must be 0 or more", russian: "\(value) — отрицательное; нужно 0 или больше")
    }

    /// ` (NOTE)`: why a check holds, when the column table says.
    static func aside(_ note: Message?) -> (english: String, russian: String) {
        (note.map { " (\($0.english))" } ?? "", note.map { " (\($0.russian))" } ?? "")
    }

    public static func notPositive(_ value: String, note: Message?) -> Message {
        let aside = aside(note)
        return Message(english: "\(value) must be greater than 0" + aside.english,
                       russian: "\(value): нужно больше 0" + aside.russian)
    }

    public static func zeroNotAllowed(_ value: String, note: Message?) -> Message {
        let aside = aside(note)
        return Message(english: "\(value) is not allowed" + aside.english, russian: "\(value) не допускается" + aside.russian)
    }

    public static func outOfRange(_ value: String, low: String, high: String) -> Message {
        Message(english: "\(value) is out of range; it must be from \(low) to \(high)",
                russian: "\(value) вне допустимого диапазона; нужно от \(low) до \(high)")
    }

    public static func dateBefore(_ value: CivilDate, column: String, other: CivilDate) -> Message {
        Message(english: "\(value.isoString) is before \(column) \(other.isoString)",
                russian: "\(value.isoString) раньше \(column) \(other.isoString)")
    }

    /// The column table's note on `amount` of payments.
    public static let paymentSign = Message(
        english: "a payment is positive, a reversal of a posted payment negative",
        russian: "оплата положительна, сторно проведенной оплаты отрицательно")

    public static let eReceiptNeedsEmail = Message(
        english: "e-receipts need an e-mail address; fill in email or set e_receipt to 0",
        russian: "для электронной квитанции нужен адрес почты; заполните email или поставьте e_receipt = 0")

    // MARK: Rows against the stored data

    public static func meterZones(meter: String, zones: Int, allowed: [String], found: String) -> Message {
        let list = allowed.joined(separator: ", ")
        return Message(english: "meter \(meter) has \(englishCount(zones, "zone")) and reads \(list), not \(found)",
                       russian: "у счетчика \(meter) зон: \(zones), он показывает \(list), а не \(found)")
    }

    public static func unknownReference(_ id: String, row: String, collection: String) -> Message {
        Message(english: "unknown \(row) \"\(id)\"; import it in \(collection) first",
                russian: "нет записи «\(id)» в \(collection); сначала импортируйте ее туда")
    }

    /// `file`: the file of the first row when it is another one than the duplicate's.
    public static func duplicateKey(_ key: String, firstLine: Int, file: String? = nil) -> Message {
        let of = (english: file.map { " of " + $0 } ?? "", russian: file.map { " файла " + $0 } ?? "")
        return Message(english: "duplicate key \(key) (first on line \(firstLine)\(of.english)); keep one of the rows",
                       russian: "ключ \(key) повторяется (впервые в строке \(firstLine)\(of.russian)); оставьте одну из строк")
    }

    /// The `source` a reversal of a posted payment is imported with (a value of the data).
    static let reversalSource = "Корректировка оплаты"

    public static func postedPaymentChange(id: String, account: String, date: CivilDate, amount: Money, period: Period) -> Message {
        Message(english: "payment \(id) (account \(account), \(date.isoString), \(amount.machineString)) was posted in the close "
                    + "of \(period.code) and is never changed; to correct or move it, import a reversal with a new payment_id "
                    + "(account \(account), date \(date.isoString), amount \((-amount).machineString), source «\(reversalSource)») and a new payment with the right values",
                russian: "оплата \(id) (л/с \(account), \(date.isoString), \(amount.machineString)) проведена при закрытии "
                    + "\(period.code) и не изменяется; чтобы исправить или перенести ее, импортируйте сторно с новым "
                    + "payment_id (л/с \(account), дата \(date.isoString), сумма \((-amount).machineString), source "
                    + "«\(reversalSource)») и новую оплату с верными данными")
    }
}
