import RaschetCore
import PDFWriter
import RaschetLayout

/// Parses template files line by line into ``TemplateElement``s, resolving styles, includes and
/// images and checking every field name against the data's schema.
///
/// The format, one statement per line (`#` starts a comment; indentation is for the reader):
/// `page`, `title`, `style` and `include` set up; `text`, `space`, `rule`, `qr`, `image`, `chart`
/// draw; `block ... end`, `band ... end` and `table ... end` nest. `Templates/README.md` documents
/// every keyword and attribute.
struct TemplateCompiler {
    let directory: TemplateDirectory
    let fonts: FontFamily
    var geometry = PageGeometry.a4(marginMillimetres: 10)
    var title: TextTemplate?
    var images: [PDFImage] = []
    private var styles: [String: TextStyle]
    private var scopes: [[String: TemplateSchema]]
    private var including: [String] = []
    /// The lines of the file being read and the position in them.
    private var lines: [TemplateLine] = []
    private var position = 0
    /// The tables compiled so far (``TableElement/index``).
    private var tableCount = 0
    /// The constant texts compiled so far (``TextTemplate/slot``).
    private var constantCount = 0
    /// How many blocks enclose the line being read.
    private var blockDepth = 0
    /// The deepest nesting of blocks a template may have: far more than a document needs, and few
    /// enough that compiling and laying it out (both recursive) never run out of stack.
    static let deepestBlocks = 64

    /// The style defined as `name`, or `body` when there is none.
    func style(named name: String) -> TextStyle { styles[name] ?? body }

    /// The `body` style: the default of every text, redefinable by the template, never removed.
    private var body: TextStyle { styles["body"] ?? Self.initialBody(fonts) }

    private static func initialBody(_ fonts: FontFamily) -> TextStyle { TextStyle(font: fonts.regular, size: 8) }

    init(directory: TemplateDirectory, fonts: FontFamily, schema: [String: TemplateSchema]) {
        self.directory = directory
        self.fonts = fonts
        scopes = [schema]
        styles = ["body": Self.initialBody(fonts)]
    }

    mutating func compileFile(_ name: String, includedFrom line: TemplateLine?) throws(DocumentError) -> [TemplateElement] {
        if including.contains(name) {
            throw line?.error(line?.texts.first?.column ?? 1, .includesItself(name)) ?? DocumentError(file: name, message: .includesItself(name))
        }
        let text = try directory.text(name, includedFrom: line)
        var parsed: [TemplateLine] = []
        for (index, source) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = source.hasSuffix("\r") ? source.dropLast() : source
            if let line = try TemplateLine.parse(trimmed, file: name, number: index + 1) { parsed.append(line) }
        }
        let saved = (lines, position)
        (lines, position) = (parsed, 0)
        including.append(name)
        defer {
            including.removeLast()
            (lines, position) = saved
        }
        let elements = try elementsUntilEnd(opener: nil)
        return elements
    }

    /// Elements up to the `end` closing `opener` (or the end of the file when `opener` is nil).
    private mutating func elementsUntilEnd(opener: TemplateLine?) throws(DocumentError) -> [TemplateElement] {
        var elements: [TemplateElement] = []
        while position < lines.count {
            let line = lines[position]
            position += 1
            switch line.keyword.text {
            case "end":
                guard opener != nil else { throw line.error(line.keyword.column, .endClosesNothing) }
                try line.check(allowed: [], texts: 0...0)
                return elements
            case "page": try page(line)
            case "title":
                try line.check(allowed: [], texts: 1...1)
                title = try text(line.texts[0], line)
            case "style": try style(line)
            case "include":
                try line.check(allowed: [], texts: 1...1)
                elements += try compileFile(line.texts[0].text, includedFrom: line)
            default:
                elements.append(try element(line))
            }
        }
        if let opener {
            throw opener.error(opener.keyword.column, .notClosedWithEnd(opener.keyword.text))
        }
        return elements
    }

    private mutating func element(_ line: TemplateLine) throws(DocumentError) -> TemplateElement {
        let condition = try self.condition(line)
        let conditional: Set<String> = ["when", "unless"]
        switch line.keyword.text {
        case "text":
            try line.check(allowed: conditional.union(["style", "align", "space-after"]), texts: 1...1)
            return TemplateElement(condition: condition, kind: .text(
                try text(line.texts[0], line), style: try style(named: line, "style"), alignment: try alignment(line) ?? .left,
                spaceAfter: try line.length("space-after") ?? 0))
        case "space":
            try line.check(allowed: conditional.union(["height"]), texts: 0...0)
            return TemplateElement(condition: condition, kind: .space(try line.length("height") ?? 4))
        case "rule":
            try line.check(allowed: conditional.union(["width", "space-after"]), texts: 0...0)
            return TemplateElement(condition: condition, kind: .rule(lineWidth: try line.length("width") ?? 0.5,
                                                                     spaceAfter: try line.length("space-after") ?? 2))
        case "qr":
            try line.check(allowed: conditional.union(["field", "size", "caption", "caption-style", "align"]), texts: 0...0)
            guard let field = line.attribute("field") else { throw line.error(line.keyword.column, .qrNeedsField) }
            _ = try scalar(field, line)
            return TemplateElement(condition: condition, kind: .qr(QRElement(
                field: FieldPath(field.text), size: try line.length("size") ?? 100,
                caption: try line.attribute("caption").map { (word) throws(DocumentError) in try text(word, line) },
                captionStyle: try style(named: line, "caption-style"), alignment: try alignment(line) ?? .left)))
        case "image":
            try line.check(allowed: conditional.union(["file", "width", "align"]), texts: 0...0)
            guard let name = line.attribute("file"), let width = try line.length("width") else {
                throw line.error(line.keyword.column, .imageNeedsFileAndWidth)
            }
            let bytes = try directory.bytes(name.text, includedFrom: line)
            let image: PDFImage
            do { image = try PNGDecoder.decode(bytes) } catch {
                throw line.error(name.column, .notAPNG(name.text, problem: error.message))
            }
            images.append(image)
            return TemplateElement(condition: condition, kind: .image(
                index: images.count - 1, width: width, height: width * Double(image.height) / Double(image.width),
                alignment: try alignment(line) ?? .left))
        case "chart":
            try line.check(allowed: conditional.union(["each", "value", "label", "caption", "height", "bars", "style", "fill"]), texts: 0...0)
            guard let each = line.attribute("each"), let value = line.attribute("value"), let label = line.attribute("label") else {
                throw line.error(line.keyword.column, .chartNeedsAttributes)
            }
            let item = try list(each, line)
            scopes.append(item)
            defer { scopes.removeLast() }
            _ = try scalar(value, line)
            return TemplateElement(condition: condition, kind: .chart(ChartElement(
                list: FieldPath(each.text), value: FieldPath(value.text), label: try text(label, line),
                caption: try line.attribute("caption").map { (word) throws(DocumentError) in try text(word, line) },
                height: try line.length("height") ?? 60, bars: Int(try line.number("bars", in: 1...120) ?? 1), style: try style(named: line, "style"),
                fill: PDFColor(gray: try line.number("fill", in: 0...1) ?? 0.6))))
        case "block":
            try line.check(allowed: conditional.union(["x", "y", "width"]), texts: 0...0)
            return TemplateElement(condition: nil, kind: .block(try block(line, condition: condition)))
        case "band":
            try line.check(allowed: conditional, texts: 0...0)
            var blocks: [BlockElement] = []
            while position < lines.count, lines[position].keyword.text != "end" {
                let inner = lines[position]
                position += 1
                guard inner.keyword.text == "block" else {
                    throw inner.error(inner.keyword.column, .bandHoldsBlocks(inner.keyword.text))
                }
                try inner.check(allowed: conditional.union(["x", "y", "width"]), texts: 0...0)
                blocks.append(try block(inner, condition: try self.condition(inner)))
            }
            guard position < lines.count else { throw line.error(line.keyword.column, .notClosedWithEnd("band")) }
            position += 1
            return TemplateElement(condition: condition, kind: .band(blocks))
        case "table":
            return TemplateElement(condition: condition, kind: .table(try table(line)))
        default:
            throw line.error(line.keyword.column, .unknownKeyword(line.keyword.text, known: "page, title, style, include, text, space, rule, qr, image, chart, block, band, table, end"))
        }
    }

    private mutating func block(_ line: TemplateLine, condition: TemplateCondition?) throws(DocumentError) -> BlockElement {
        guard blockDepth < Self.deepestBlocks else { throw line.error(line.keyword.column, .blocksNestedTooDeep(Self.deepestBlocks)) }
        blockDepth += 1
        defer { blockDepth -= 1 }
        return BlockElement(x: try line.length("x") ?? 0, y: try line.length("y"), width: try line.length("width"),
                            condition: condition, elements: try elementsUntilEnd(opener: line))
    }

    // MARK: - Tables

    private mutating func table(_ line: TemplateLine) throws(DocumentError) -> TableElement {
        try line.check(allowed: ["when", "unless", "style", "header-style", "header-fill", "padding", "border", "space-after"], texts: 0...0)
        let tableStyle = try style(named: line, "style")
        var columns: [TableElement.Column] = []
        var sections: [TableElement.Section] = []
        let padding: (Double, Double)
        if let word = line.attribute("padding") {
            let parts = word.text.split(separator: ",")
            guard parts.count == 2 else { throw line.error(word.column, .paddingTakesTwo) }
            padding = (try TemplateLine.length(TemplateLine.Word(text: String(parts[0]), column: word.column), line: line),
                       try TemplateLine.length(TemplateLine.Word(text: String(parts[1]), column: word.column), line: line))
        } else {
            padding = (2.8, 1.5)
        }
        while position < lines.count, lines[position].keyword.text == "column" {
            let column = lines[position]
            position += 1
            try column.check(allowed: ["width", "align", "style"], texts: 1...2)
            let width: Double?
            if let word = column.attribute("width"), word.text == "*" { width = nil } else {
                guard let value = try column.length("width") else {
                    throw column.error(column.keyword.column, .columnNeedsWidth)
                }
                width = value
            }
            let value: TextTemplate?
            if column.texts.count == 2 {
                value = try listScoped { (compiler) throws(DocumentError) in try compiler.text(column.texts[1], column) }
            } else {
                value = nil
            }
            columns.append(TableElement.Column(
                heading: try text(column.texts[0], column), width: width, alignment: try alignment(column) ?? .left,
                style: column.attribute("style") == nil ? nil : try style(named: column, "style"), value: value))
        }
        guard !columns.isEmpty else { throw line.error(line.keyword.column, .tableStartsWithColumns) }
        sections = try tableSections(opener: line, columns: columns)
        tableCount += 1
        return TableElement(
            index: tableCount - 1, columns: columns, sections: sections, style: tableStyle, headerStyle: try style(named: line, "header-style"),
            headerFill: try line.number("header-fill", in: 0...1).map { PDFColor(gray: $0) }, padding: padding,
            border: try line.length("border") ?? 0.5, spaceAfter: try line.length("space-after") ?? 0)
    }

    /// Column values are checked in the scope of the innermost list a `rows` line can bind; they are
    /// compiled against every field reachable so far (lists' items included).
    private mutating func listScoped(_ body: (inout TemplateCompiler) throws(DocumentError) -> TextTemplate) throws(DocumentError) -> TextTemplate {
        let saved = scopes
        scopes.append(Self.itemFields(scopes.last ?? [:]))
        defer { scopes = saved }
        return try body(&self)
    }

    /// Every list item field under `fields`, flattened (for checking column values, which may be
    /// bound by any `rows each=`).
    private static func itemFields(_ fields: [String: TemplateSchema]) -> [String: TemplateSchema] {
        var result: [String: TemplateSchema] = [:]
        for case .list(let item) in fields.values {
            result.merge(item) { first, _ in first }
            result.merge(itemFields(item)) { first, _ in first }
        }
        return result
    }

    private mutating func tableSections(opener: TemplateLine, columns: [TableElement.Column]) throws(DocumentError) -> [TableElement.Section] {
        var sections: [TableElement.Section] = []
        while position < lines.count {
            let line = lines[position]
            position += 1
            switch line.keyword.text {
            case "end":
                return sections
            case "rows":
                try line.check(allowed: ["each", "style", "fill"], texts: 0...0)
                guard let each = line.attribute("each") else { throw line.error(line.keyword.column, .needsEach("rows")) }
                _ = try list(each, line)
                sections.append(.rows(list: FieldPath(each.text),
                                      style: line.attribute("style") == nil ? nil : try style(named: line, "style"),
                                      fill: try line.number("fill", in: 0...1).map { PDFColor(gray: $0) }))
            case "group":
                try line.check(allowed: ["each", "continued"], texts: 0...0)
                guard let each = line.attribute("each") else { throw line.error(line.keyword.column, .needsEach("group")) }
                scopes.append(try list(each, line))
                let continued = try line.attribute("continued").map { word throws(DocumentError) in try text(word, line) }
                let inner = try tableSections(opener: line, columns: columns)
                scopes.removeLast()
                sections.append(.group(list: FieldPath(each.text), sections: inner, continued: continued))
            case "row":
                try line.check(allowed: ["when", "unless", "style", "fill"], texts: 0...0)
                let condition = try self.condition(line)
                var cells: [TableElement.Cell] = []
                var span = 0
                while position < lines.count, lines[position].keyword.text == "cell" {
                    let cell = lines[position]
                    position += 1
                    try cell.check(allowed: ["span", "align", "style"], texts: 1...1)
                    let count = try cell.number("span", in: 1...Double(columns.count)).map { Int($0) } ?? 1
                    span += count
                    guard span <= columns.count else { throw cell.error(cell.keyword.column, .cellsSpanTooMany(columns.count)) }
                    cells.append(TableElement.Cell(
                        text: try text(cell.texts[0], cell), span: count, alignment: try alignment(cell),
                        style: cell.attribute("style") == nil ? nil : try style(named: cell, "style")))
                }
                guard position < lines.count, lines[position].keyword.text == "end" else {
                    throw line.error(line.keyword.column, .rowHoldsCells)
                }
                position += 1
                guard span == columns.count else {
                    throw line.error(line.keyword.column, .cellsSpan(span, of: columns.count))
                }
                sections.append(.row(cells: cells, style: line.attribute("style") == nil ? nil : try style(named: line, "style"),
                                     fill: try line.number("fill", in: 0...1).map { PDFColor(gray: $0) }, condition: condition))
            default:
                throw line.error(line.keyword.column, .unknownKeywordInTable(line.keyword.text))
            }
        }
        throw opener.error(opener.keyword.column, .notClosedWithEnd(opener.keyword.text))
    }

    // MARK: - Set-up statements

    private mutating func page(_ line: TemplateLine) throws(DocumentError) {
        try line.check(allowed: ["size", "margin", "orientation"], texts: 0...0)
        let margin = try line.length("margin") ?? 10 * PageGeometry.pointsPerMillimetre
        let size = try line.choice("size", ["A4", "A5"]) ?? "A4"
        let mm = PageGeometry.pointsPerMillimetre
        var (width, height) = size == "A4" ? (210 * mm, 297 * mm) : (148 * mm, 210 * mm)
        if try line.choice("orientation", ["portrait", "landscape"]) == "landscape" { swap(&width, &height) }
        geometry = PageGeometry(width: width, height: height, top: margin, right: margin, bottom: margin, left: margin)
    }

    private mutating func style(_ line: TemplateLine) throws(DocumentError) {
        try line.check(allowed: ["from", "font", "size", "color", "leading"], texts: 1...1)
        var style = body
        if let from = line.attribute("from") {
            guard let base = styles[from.text] else { throw line.error(from.column, .unknownStyleDefineAbove(from.text)) }
            style = base
        }
        switch try line.choice("font", ["regular", "bold", "italic", "bold-italic"]) {
        case "bold": style.font = fonts.bold
        case "italic": style.font = fonts.italic
        case "bold-italic": style.font = fonts.boldItalic
        case "regular": style.font = fonts.regular
        default: break
        }
        if let size = try line.number("size", in: 3...72) { style.size = size }
        if let gray = try line.number("color", in: 0...1) { style.color = PDFColor(gray: gray) }
        if let leading = try line.number("leading", in: 0.8...3) { style.lineHeight = leading }
        styles[line.texts[0].text] = style
    }

    // MARK: - Values

    /// The text `word` compiled; a constant one numbered (``TextTemplate/slot``).
    private mutating func text(_ word: TemplateLine.Word, _ line: TemplateLine) throws(DocumentError) -> TextTemplate {
        var text = try TextTemplate(word.text, scopes: scopes, file: line.file, line: line.number, column: word.column)
        if text.isConstant {
            text.slot = constantCount
            constantCount += 1
        }
        return text
    }

    private func style(named line: TemplateLine, _ attribute: String) throws(DocumentError) -> TextStyle {
        guard let word = line.attribute(attribute) else { return body }
        guard let style = styles[word.text] else {
            throw line.error(word.column, .unknownStyle(word.text, known: styles.keys.sorted()))
        }
        return style
    }

    private func alignment(_ line: TemplateLine) throws(DocumentError) -> TextAlignment? {
        switch try line.choice("align", ["left", "center", "right", "justify"]) {
        case "left": return .left
        case "center": return .center
        case "right": return .right
        case "justify": return .justified
        default: return nil
        }
    }

    private func condition(_ line: TemplateLine) throws(DocumentError) -> TemplateCondition? {
        let when = line.attribute("when"), unless = line.attribute("unless")
        guard let word = when ?? unless else { return nil }
        guard TemplateSchema.resolve(word.text.split(separator: "."), in: scopes) != nil else {
            throw line.error(word.column, .unknownField(word.text))
        }
        return TemplateCondition(path: FieldPath(word.text), negated: when == nil)
    }

    private func list(_ word: TemplateLine.Word, _ line: TemplateLine) throws(DocumentError) -> [String: TemplateSchema] {
        switch TemplateSchema.resolve(word.text.split(separator: "."), in: scopes) {
        case .list(let fields): return fields
        case nil: throw line.error(word.column, .unknownField(word.text))
        default: throw line.error(word.column, .notAList(word.text))
        }
    }

    private func scalar(_ word: TemplateLine.Word, _ line: TemplateLine) throws(DocumentError) -> TemplateSchema {
        switch TemplateSchema.resolve(word.text.split(separator: "."), in: scopes) {
        case .scalar?: return .scalar
        case nil: throw line.error(word.column, .unknownField(word.text))
        default: throw line.error(word.column, .notPrintable(word.text))
        }
    }
}
