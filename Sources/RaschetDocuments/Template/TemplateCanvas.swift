import PDFWriter
import RaschetCore
public import RaschetLayout
import QRCode

/// Draws compiled templates into one ``LayoutDocument``: a separate file holds one document, a
/// print batch many, each starting on a new page. Keeps the document's embedded images.
public final class TemplateCanvas {
    /// The document drawn into.
    public let document: LayoutDocument
    private var imageResources: [Int: ImageResource] = [:]
    /// The tables filled and laid out for the record being drawn, by ``TableElement/index`` and width: a
    /// band measures its blocks before drawing them.
    private var laidTables: [Int: (width: Double, table: LaidTable)] = [:]
    private var isEmpty = true

    /// A canvas on `document` (empty: nothing drawn on its first page yet).
    public init(document: LayoutDocument) { self.document = document }

    /// Draws `template` filled from `record`, on a new page unless it is the document's first; when it
    /// runs over a page, each of its pages carries its title and sheet number (``SheetMarks``).
    /// `qrCodes` may hold QR images prepared ahead of time (on other cores), by payload.
    /// - Throws: ``DocumentError`` when a QR payload does not fit a QR code.
    public func draw(_ template: CompiledTemplate, record: TemplateRecord, qrCodes: [String: QRCodeImage] = [:]) throws(DocumentError) {
        document.pageBreakHook = nil
        laidTables.removeAll(keepingCapacity: true)
        if !isEmpty { document.newPage() }
        isEmpty = false
        document.pageBreakHook = SheetMarks(label: template.title(for: record), style: template.sheetStyle,
                                            firstPage: document.pageNumber).hook
        let geometry = document.geometry
        try draw(template.elements, template: template, scope: TemplateScope(records: [record]), x: geometry.left,
                 width: geometry.contentWidth, qrCodes: qrCodes)
    }

    /// Appends the pages of a document drawn elsewhere from the same template (a receipt's own file,
    /// ``LayoutDocument/append(_:)``), starting on a new page like ``draw(_:record:qrCodes:)``.
    /// - Returns: false, having drawn nothing, when the document cannot take them as they are.
    public func append(_ pages: PreparedPages) -> Bool {
        document.pageBreakHook = nil
        guard document.append(pages) else { return false }
        isEmpty = false
        return true
    }

    // MARK: - Drawing

    private func draw(_ elements: [TemplateElement], template: CompiledTemplate, scope: TemplateScope, x: Double, width: Double,
                      qrCodes: [String: QRCodeImage]) throws(DocumentError) {
        let doc = document
        for element in elements where element.condition?.holds(scope) ?? true {
            switch element.kind {
            case .text(let text, let style, let alignment, let spaceAfter):
                let string = text.render(scope)
                if !string.isEmpty {
                    doc.paragraph(string, style: style, alignment: alignment, x: x, width: width, spaceAfter: spaceAfter,
                                  slot: text.slot)
                }
            case .space(let height):
                doc.cursor += height
            case .rule(let lineWidth, let spaceAfter):
                doc.ensureSpace(lineWidth + spaceAfter)
                doc.line(x1: x, y1: doc.cursor + lineWidth / 2, x2: x + width, y2: doc.cursor + lineWidth / 2, width: lineWidth)
                doc.cursor += lineWidth + spaceAfter
            case .qr(let qr):
                doc.ensureSpace(measure(element, scope: scope, width: width))
                let payload = scope.value(qr.field)?.text ?? ""
                let left = x + offset(qr.alignment, of: qr.size, in: width)
                let image: QRCodeImage
                if let prepared = qrCodes[payload] {
                    image = prepared
                } else {
                    guard !payload.isEmpty else {
                        throw DocumentError(file: nil, message: .qrFieldEmpty(qr.field.names.joined(separator: ".")))
                    }
                    do { image = QRCodeImage(try QRCode.encode(payload)) } catch {
                        throw DocumentError(file: nil, message: .paymentStringTooLong(bytes: error.byteCount, payload: payload))
                    }
                }
                doc.qrCode(image, x: left, y: doc.cursor, size: qr.size)
                doc.cursor += qr.size
                if let caption = qr.caption?.render(scope) {
                    let lines = doc.lines(caption, style: qr.captionStyle, width: qr.size, slot: qr.caption?.slot)
                    doc.cursor += doc.drawLines(lines, style: qr.captionStyle, x: left, top: doc.cursor, width: qr.size, alignment: .center)
                }
            case .image(let index, let imageWidth, let height, let alignment):
                doc.ensureSpace(height)
                let resource: ImageResource
                if let known = imageResources[index] { resource = known } else {
                    resource = doc.register(template.images[index])
                    imageResources[index] = resource
                }
                doc.image(resource, x: x + offset(alignment, of: imageWidth, in: width), y: doc.cursor, width: imageWidth, height: height)
                doc.cursor += height
            case .chart(let chart):
                doc.ensureSpace(measure(element, scope: scope, width: width))
                drawChart(chart, scope: scope, x: x, width: width)
            case .table(let table):
                doc.table(self.table(table, scope: scope, width: width), x: x, spaceAfter: table.spaceAfter)
            case .block(let block):
                guard block.condition?.holds(scope) ?? true else { continue }
                let top = doc.cursor
                if let y = block.y { doc.cursor = doc.geometry.top + y }
                try draw(block.elements, template: template, scope: scope, x: x + block.x,
                         width: block.width ?? (width - block.x), qrCodes: qrCodes)
                if block.y != nil { doc.cursor = max(top, doc.cursor) }
            case .band(let blocks):
                let height = measure(element, scope: scope, width: width)
                if height > doc.geometry.contentBottom - doc.geometry.top {
                    // Taller than a page: the blocks follow one another, so that their tables can
                    // continue on the next page instead of running off this one.
                    for block in blocks where block.condition?.holds(scope) ?? true {
                        try draw(block.elements, template: template, scope: scope, x: x + block.x,
                                 width: block.width ?? (width - block.x), qrCodes: qrCodes)
                    }
                    continue
                }
                doc.ensureSpace(height)
                let top = doc.cursor
                var bottom = top
                for block in blocks where block.condition?.holds(scope) ?? true {
                    doc.cursor = top + (block.y ?? 0)
                    try draw(block.elements, template: template, scope: scope, x: x + block.x,
                             width: block.width ?? (width - block.x), qrCodes: qrCodes)
                    bottom = max(bottom, doc.cursor)
                }
                doc.cursor = bottom
            }
        }
    }

    private func offset(_ alignment: TextAlignment, of size: Double, in width: Double) -> Double {
        switch alignment {
        case .left, .justified: return 0
        case .center: return (width - size) / 2
        case .right: return width - size
        }
    }

    /// Bars scaled to the largest value, a label under each and an optional caption above each.
    private func drawChart(_ chart: ChartElement, scope: TemplateScope, x: Double, width: Double) {
        let doc = document
        guard case .list(let items)? = scope.value(chart.list), !items.isEmpty else { return }
        let values = items.map { item -> Double in
            switch TemplateScope(records: [item]).value(chart.value) {
            case .money(let money)?: return max(0, Double(money.kopecks))
            case .number(let number)?, .price(let number)?: return max(0, Double(number.micros))
            case .count(let count)?: return max(0, Double(count))
            default: return 0
            }
        }
        let largest = values.max() ?? 0
        let style = chart.style
        let top = doc.cursor
        let captionHeight = chart.caption == nil ? 0 : style.leading
        let barsBottom = top + chart.height - style.leading
        let barsHeight = barsBottom - top - captionHeight
        // Bars keep their width whatever the history's length; the latest is at the right.
        let slots = max(items.count, chart.bars)
        let slot = width / Double(slots)
        let first = x + Double(slots - items.count) * slot
        let barWidth = slot * 0.7
        doc.line(x1: x, y1: barsBottom, x2: x + width, y2: barsBottom, width: 0.3)
        for (index, item) in items.enumerated() {
            let itemScope = scope.pushing(item)
            let height = largest > 0 ? barsHeight * values[index] / largest : 0
            let left = first + Double(index) * slot + (slot - barWidth) / 2
            if height > 0 {
                doc.rectangle(x: left, y: barsBottom - height, width: barWidth, height: height, fill: chart.fill)
            }
            let label = chart.label.render(itemScope)
            let labelLines = doc.lines(label, style: style, width: slot)
            doc.drawLines(Array(labelLines.prefix(1)), style: style, x: first + Double(index) * slot, top: barsBottom,
                          width: slot, alignment: .center)
            if let caption = chart.caption?.render(itemScope) {
                let captionLines = doc.lines(caption, style: style, width: slot)
                doc.drawLines(Array(captionLines.prefix(1)), style: style, x: first + Double(index) * slot,
                              top: barsBottom - height - style.leading, width: slot, alignment: .center)
            }
        }
        doc.cursor = top + chart.height
    }

    // MARK: - Tables

    /// The ``Table`` of `element` filled from `scope` (the record's: every element is drawn in it), its
    /// columns fitted to `width`, laid out; filled and laid out once per record and width.
    private func table(_ element: TableElement, scope: TemplateScope, width: Double) -> LaidTable {
        if let laid = laidTables[element.index], laid.width == width { return laid.table }
        let table = document.layOut(fill(element, scope: scope, width: width))
        laidTables[element.index] = (width, table)
        return table
    }

    private func fill(_ element: TableElement, scope: TemplateScope, width: Double) -> Table {
        let fixed = element.columns.reduce(0) { $0 + ($1.width ?? 0) }
        let stars = element.columns.filter { $0.width == nil }.count
        let rest = stars > 0 ? max(0, width - fixed) / Double(stars) : 0
        let columns = element.columns.map { Table.Column(width: $0.width ?? rest, alignment: $0.alignment) }
        var header: [Table.Row] = []
        let headings = element.columns.map { $0.heading.render(scope) }
        if headings.contains(where: { !$0.isEmpty }) {
            header.append(Table.Row(zip(headings, element.columns).map { Table.Cell($0, slot: $1.heading.slot) },
                                    fill: element.headerFill, style: element.headerStyle))
        }
        var rows: [Table.Row] = []
        var continued: [Int: Table.Row] = [:]
        appendRows(element.sections, element: element, scope: scope, into: &rows, continued: &continued)
        var table = Table(columns: columns, header: header, rows: rows, style: element.style, padding: element.padding,
                          borderWidth: element.border)
        table.continuedHeadings = continued
        return table
    }

    private func appendRows(_ sections: [TableElement.Section], element: TableElement, scope: TemplateScope,
                            into rows: inout [Table.Row], continued: inout [Int: Table.Row]) {
        for section in sections {
            switch section {
            case .rows(let list, let style, let fill):
                guard case .list(let items)? = scope.value(list) else { continue }
                for item in items {
                    let itemScope = scope.pushing(item)
                    rows.append(Table.Row(element.columns.map { column in
                        Table.Cell(column.value?.render(itemScope) ?? "", style: column.style, slot: column.value?.slot)
                    }, fill: fill, style: style))
                }
            case .group(let list, let inner, let continuation):
                guard case .list(let items)? = scope.value(list) else { continue }
                for item in items {
                    let itemScope = scope.pushing(item)
                    let start = rows.count
                    appendRows(inner, element: element, scope: itemScope, into: &rows, continued: &continued)
                    // A group opening with a row (the supplier's name) repeats it, or its `continued` row, when
                    // its rows continue on a new page; an inner group's own heading takes precedence.
                    if case .row(_, let style, let fill, let condition)? = inner.first, condition?.holds(itemScope) ?? true {
                        for index in rows.indices.dropFirst(start + 1) where rows[index].groupHeading == nil {
                            rows[index].groupHeading = start
                        }
                        if let continuation {
                            continued[start] = Table.Row([Table.Cell(continuation.render(itemScope), columnSpan: element.columns.count,
                                                                     slot: continuation.slot)], fill: fill, style: style)
                        }
                    }
                }
            case .row(let cells, let style, let fill, let condition):
                guard condition?.holds(scope) ?? true else { continue }
                rows.append(Table.Row(cells.map { Table.Cell($0.text.render(scope), style: $0.style, alignment: $0.alignment, columnSpan: $0.span,
                                                                 slot: $0.text.slot) },
                                      fill: fill, style: style))
            }
        }
    }

    // MARK: - Measuring (for bands and keeping blocks whole)

    private func measure(_ element: TemplateElement, scope: TemplateScope, width: Double) -> Double {
        guard element.condition?.holds(scope) ?? true else { return 0 }
        let doc = document
        switch element.kind {
        case .text(let text, let style, _, let spaceAfter):
            let string = text.render(scope)
            return string.isEmpty ? 0 : Double(doc.lines(string, style: style, width: width, slot: text.slot).count) * style.leading
                + spaceAfter
        case .space(let height): return height
        case .rule(let lineWidth, let spaceAfter): return lineWidth + spaceAfter
        case .qr(let qr):
            let caption = qr.caption.map { doc.lines($0.render(scope), style: qr.captionStyle, width: qr.size, slot: $0.slot).count } ?? 0
            return qr.size + Double(caption) * qr.captionStyle.leading
        case .image(_, _, let height, _): return height
        case .chart(let chart): return chart.height
        case .table(let element):
            return table(element, scope: scope, width: width).height + element.spaceAfter
        case .block(let block):
            guard block.condition?.holds(scope) ?? true else { return 0 }
            let inner = block.elements.reduce(0) { $0 + measure($1, scope: scope, width: block.width ?? (width - block.x)) }
            return block.y == nil ? inner : 0
        case .band(let blocks):
            return blocks.filter { $0.condition?.holds(scope) ?? true }.map { block in
                (block.y ?? 0) + block.elements.reduce(0) { $0 + measure($1, scope: scope, width: block.width ?? (width - block.x)) }
            }.max() ?? 0
        }
    }
}
