// The catalog: document templates and documents (`DocumentError`), read by whoever edits
// `Templates/`. Each entry gives its English and Russian text side by side; keywords, attributes,
// field names and the Mustache library's words are values.

extension Message {
    /// `FILE:LINE:COLUMN: problem` (or `FILE: problem`, or the problem alone).
    public static func inTemplate(file: String?, line: Int, column: Int, _ problem: Message) -> Message {
        guard let file else { return problem }
        let place = line > 0 ? "\(file):\(line):\(column): " : "\(file): "
        return Message(english: place + problem.english, russian: place + problem.russian)
    }

    public static func includesItself(_ name: String) -> Message {
        Message(english: "`\(name)` includes itself", russian: "`\(name)` включает сам себя")
    }

    public static let endClosesNothing = Message(
        english: "`end` closes nothing", russian: "`end` нечего закрывать")

    public static func notClosedWithEnd(_ keyword: String) -> Message {
        Message(english: "`\(keyword)` is not closed with `end`", russian: "`\(keyword)` не закрыт строкой `end`")
    }

    public static let qrNeedsField = Message(
        english: "`qr` needs `field=` (the text to encode)", russian: "у `qr` должен быть `field=` (кодируемый текст)")

    public static let imageNeedsFileAndWidth = Message(
        english: "`image` needs `file=` (a PNG in the template folder) and `width=`",
        russian: "у `image` должны быть `file=` (PNG в папке шаблонов) и `width=`")

    /// `problem`: one of the `png…` messages below.
    public static func notAPNG(_ name: String, problem: Message) -> Message {
        Message(english: "`\(name)` is not a PNG image this writer reads: \(problem.english)",
                russian: "`\(name)` — не PNG, который читает программа: \(problem.russian)")
    }

    public static let pngSignatureMissing = Message(
        english: "the file does not start with the PNG signature; save the image as PNG",
        russian: "файл не начинается с сигнатуры PNG; сохраните изображение в формате PNG")

    public static func pngChunkTruncated(_ type: String) -> Message {
        Message(english: "its \(type) chunk runs past the end of the file; the file is cut short, save it again",
                russian: "блок \(type) выходит за конец файла; файл обрезан, сохраните его заново")
    }

    public static let pngHeaderMissing = Message(
        english: "it has no `IHDR` chunk giving its size; save it again as PNG",
        russian: "в нем нет блока `IHDR` с размерами; сохраните его заново в формате PNG")

    public static func pngBitDepthUnsupported(_ depth: Int) -> Message {
        Message(english: "its bit depth is \(depth); save it with 8 bits per channel",
                russian: "глубина цвета \(depth) бит; сохраните его с 8 битами на канал")
    }

    public static let pngInterlaced = Message(
        english: "it is interlaced; save it without interlacing",
        russian: "изображение с чересстрочной разверткой; сохраните его без нее")

    public static func pngColourTypeUnsupported(_ type: Int) -> Message {
        Message(english: "its colour type \(type) is not read; save it as grey, RGB, RGBA or palette",
                russian: "тип цвета \(type) не поддерживается; сохраните его в оттенках серого, в цвете (с прозрачностью или без) или с палитрой")
    }

    public static let pngImageDataBroken = Message(
        english: "its image data (`IDAT`) is damaged; save it again",
        russian: "данные изображения (`IDAT`) повреждены; сохраните его заново")

    public static let pngImageDataShort = Message(
        english: "its image data (`IDAT`) is shorter than its size says; save it again",
        russian: "данных изображения (`IDAT`) меньше, чем требует его размер; сохраните его заново")

    public static let pngPaletteIndexOutOfRange = Message(
        english: "a pixel names a colour past the end of its palette; save it again",
        russian: "пиксель ссылается на цвет за концом палитры; сохраните его заново")

    public static func pngRowFilterUnknown(_ filter: Int) -> Message {
        Message(english: "a row uses the unknown filter \(filter); save it again",
                russian: "строка изображения использует неизвестный фильтр \(filter); сохраните его заново")
    }

    public static let chartNeedsAttributes = Message(
        english: "`chart` needs `each=` (a list), `value=` (an amount in each item) and `label=`",
        russian: "у `chart` должны быть `each=` (список), `value=` (сумма в каждом элементе) и `label=`")

    public static func blocksNestedTooDeep(_ limit: Int) -> Message {
        Message(english: "blocks are nested more than \(limit) deep; a document needs far fewer levels",
                russian: "блоки вложены глубже \(limit) уровней; документу нужно гораздо меньше")
    }

    public static func bandHoldsBlocks(_ keyword: String) -> Message {
        Message(english: "a `band` holds only `block`s (side by side); put `\(keyword)` in a block",
                russian: "в `band` бывают только `block` (рядом друг с другом); поместите `\(keyword)` в block")
    }

    public static func unknownKeyword(_ keyword: String, known: String) -> Message {
        Message(english: "unknown keyword `\(keyword)`; known: \(known)", russian: "неизвестное слово `\(keyword)`; допустимы: \(known)")
    }

    public static func unknownKeywordInTable(_ keyword: String) -> Message {
        Message(english: "unknown keyword `\(keyword)` in a table; after its `column` lines a table holds rows, group, row and end",
                russian: "неизвестное слово `\(keyword)` в таблице; после строк `column` в таблице бывают rows, group, row и end")
    }

    public static let paddingTakesTwo = Message(
        english: "`padding=` takes two lengths, horizontal and vertical: `padding=1mm,0.8mm`",
        russian: "`padding=` — две длины, по горизонтали и по вертикали: `padding=1mm,0.8mm`")

    public static let columnNeedsWidth = Message(
        english: "`column` needs `width=` (a length, or * for the rest)",
        russian: "у `column` должен быть `width=` (длина или * для остатка)")

    public static let tableStartsWithColumns = Message(
        english: "a `table` starts with its `column` lines", russian: "`table` начинается со строк `column`")

    public static func needsEach(_ keyword: String) -> Message {
        Message(english: "`\(keyword)` needs `each=` (a list)", russian: "у `\(keyword)` должен быть `each=` (список)")
    }

    public static func cellsSpanTooMany(_ columns: Int) -> Message {
        Message(english: "the row's cells span more than the table's \(englishCount(columns, "column"))",
                russian: "ячейки строки занимают больше столбцов, чем в таблице (\(columns))")
    }

    public static let rowHoldsCells = Message(
        english: "a `row` holds `cell` lines and is closed with `end`",
        russian: "в `row` бывают строки `cell`, и закрывается она строкой `end`")

    public static func cellsSpan(_ span: Int, of columns: Int) -> Message {
        Message(english: "the row's cells span \(span) of the table's \(englishCount(columns, "column")); use `span=`",
                russian: "ячейки строки занимают \(span) из \(columns) столбцов таблицы; используйте `span=`")
    }

    public static func unknownStyleDefineAbove(_ name: String) -> Message {
        Message(english: "unknown style `\(name)`; define it above", russian: "неизвестный стиль `\(name)`; определите его выше")
    }

    public static func unknownStyle(_ name: String, known: [String]) -> Message {
        Message(english: "unknown style `\(name)`; known: \(known.joined(separator: ", "))",
                russian: "неизвестный стиль `\(name)`; допустимы: \(known.joined(separator: ", "))")
    }

    public static func unknownField(_ name: String) -> Message {
        Message(english: "unknown field `\(name)`", russian: "неизвестное поле `\(name)`")
    }

    public static func notAList(_ name: String) -> Message {
        Message(english: "`\(name)` is not a list", russian: "`\(name)` — не список")
    }

    public static func notPrintable(_ name: String) -> Message {
        Message(english: "`\(name)` is not a value that can be printed", russian: "`\(name)` — не значение, которое можно напечатать")
    }

    public static let tagNotClosed = Message(english: "the tag is not closed with }}", russian: "тег не закрыт символами }}")

    public static let mustacheFeatureUnsupported = Message(
        english: "partials, blocks and delimiter changes are not supported here: use `include` for shared parts",
        russian: "partials, blocks и смена разделителей здесь не поддерживаются: общие части подключайте через `include`")

    public static func unknownTransform(_ name: String, known: [String]) -> Message {
        Message(english: "unknown transform `\(name)`; known: \(known.joined(separator: ", "))",
                russian: "неизвестное преобразование `\(name)`; допустимы: \(known.joined(separator: ", "))")
    }

    public static func closesNoSection(_ name: String) -> Message {
        Message(english: "`{{/\(name)}}` closes no open section", russian: "`{{/\(name)}}` не закрывает ни одну открытую секцию")
    }

    public static func sectionNotClosed(_ name: String) -> Message {
        Message(english: "section `{{#\(name)}}` is not closed", russian: "секция `{{#\(name)}}` не закрыта")
    }

    /// `cause` is the Mustache library's words.
    /// `fault`: one of the `template…` faults below (`MustacheTemplate.ParserError.fault`).
    public static func notMustache(fault: Message) -> Message {
        Message(english: "the text does not parse as a Mustache template (\(fault.english)); check its {{ }} tags",
                russian: "текст не разбирается как шаблон Mustache (\(fault.russian)); проверьте теги {{ }}")
    }

    /// `kind`: the type of the error the Mustache library threw, when it was not a parser error.
    public static func textDoesNotParse(kind: String) -> Message {
        Message(english: "the text does not parse as a Mustache template (the library failed with \(kind)); check its {{ }} tags",
                russian: "текст не разбирается как шаблон Mustache (ошибка библиотеки \(kind)); проверьте теги {{ }}")
    }

    public static let textNotClosed = Message(
        english: "the text is not closed with \"", russian: "текст не закрыт кавычкой \"")

    public static let lineStartsWithKeyword = Message(
        english: "a line starts with a keyword, not a text", russian: "строка начинается с ключевого слова, а не с текста")

    public static func attributeNeedsValue(_ name: String) -> Message {
        Message(english: "`\(name)` needs a value (`\(name)=...`) or quotes (\"...\")",
                russian: "у `\(name)` должно быть значение (`\(name)=...`) или кавычки (\"...\")")
    }

    public static func attributeHasNoValue(_ name: String) -> Message {
        Message(english: "`\(name)=` has no value", russian: "у `\(name)=` нет значения")
    }

    public static func attributeTwice(_ name: String) -> Message {
        Message(english: "`\(name)` is given twice", russian: "`\(name)` указан дважды")
    }

    public static func noSuchAttribute(_ keyword: String, _ name: String, allowed: [String]) -> Message {
        Message(english: "`\(keyword)` has no attribute `\(name)`; it takes: \(allowed.joined(separator: ", "))",
                russian: "у `\(keyword)` нет атрибута `\(name)`; допустимы: \(allowed.joined(separator: ", "))")
    }

    public static func textCount(_ keyword: String, low: Int, high: Int, found: Int) -> Message {
        let russianWanted = low == high ? "\(low)" : "от \(low) до \(high)"
        return Message(english: "`\(keyword)` takes "
                           + (low == high ? englishCount(low, "quoted text") : "\(low) to \(high) quoted texts") + ", found \(found)",
                       russian: "у `\(keyword)` текстов в кавычках должно быть \(russianWanted), найдено \(found)")
    }

    public static func notALength(_ text: String) -> Message {
        Message(english: "`\(text)` is not a length (write 12mm, 8pt or 8)", russian: "`\(text)` — не длина (пишите 12mm, 8pt или 8)")
    }

    /// `low` and `high` are the bounds as the template language writes them.
    public static func numberOutOfRange(_ name: String, _ text: String, low: String, high: String) -> Message {
        Message(english: "`\(name)=\(text)` must be a number from \(low) to \(high)",
                russian: "`\(name)=\(text)`: нужно число от \(low) до \(high)")
    }

    public static func notAChoice(_ name: String, _ text: String, choices: [String]) -> Message {
        Message(english: "`\(name)=\(text)` must be one of: \(choices.joined(separator: ", "))",
                russian: "`\(name)=\(text)`: допустимо одно из: \(choices.joined(separator: ", "))")
    }

    public static func pathOutsideTemplates(_ name: String) -> Message {
        Message(english: "`\(name)` must be a path inside the template folder", russian: "`\(name)` должен быть путем внутри папки шаблонов")
    }

    public static let nameOutsideTemplates = Message(
        english: "the name must be a path inside the template folder", russian: "имя должно быть путем внутри папки шаблонов")

    public static func cannotReadTemplateFile(_ name: String, folder: String) -> Message {
        Message(english: "cannot read `\(name)` in the template folder \(folder)",
                russian: "не удается прочитать `\(name)` в папке шаблонов \(folder)")
    }

    public static let templateNotUTF8 = Message(
        english: "the template is not valid UTF-8; save it as UTF-8", russian: "шаблон не в кодировке UTF-8; сохраните его в UTF-8")

    public static func qrFieldEmpty(_ field: String) -> Message {
        Message(english: "the field `\(field)` of a `qr` is empty, so there is nothing to encode; show the qr only `when=` it has "
                    + "a value",
                russian: "поле `\(field)` в `qr` пустое, кодировать нечего; показывайте qr только при `when=` с непустым значением")
    }

    /// `cause` is the QR encoder's words.
    public static func paymentStringTooLong(bytes: Int, payload: String) -> Message {
        Message(english: "the payment string of \(englishCount(bytes, "byte")) does not fit a QR code at level M: \(payload)",
                russian: "платежная строка (байт: \(bytes)) не помещается в QR-код уровня M: \(payload)")
    }

    // MARK: Faults of a Mustache text (`MustacheTemplate.ParserError.fault`: document and e-mail templates)

    public static var templateSectionClosedWithAnotherName: Message {
        Message(english: "a section is closed with another name than it was opened with",
                russian: "секция закрыта не тем именем, каким открыта")
    }

    public static var templateTagUnfinished: Message {
        Message(english: "a tag is not finished", russian: "тег не закончен")
    }

    public static var templateSectionNotClosed: Message {
        Message(english: "a section is not closed", russian: "секция не закрыта")
    }

    public static var templateDelimiterChangeMalformed: Message {
        Message(english: "a delimiter change {{= =}} is malformed", russian: "неверная смена разделителей {{= =}}")
    }

    public static var templateInheritanceMisused: Message {
        Message(english: "template inheritance ({{< }}, {{$ }}) is used where it is not allowed",
                russian: "наследование шаблонов ({{< }}, {{$ }}) использовано там, где оно недопустимо")
    }

    public static var templateSyntaxError: Message {
        Message(english: "a syntax error", russian: "синтаксическая ошибка")
    }

    public static var templateConfigurationTagUnknown: Message {
        Message(english: "a configuration tag {{% }} is not recognised", russian: "тег настройки {{% }} не распознан")
    }
}
