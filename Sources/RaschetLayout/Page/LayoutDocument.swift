public import PDFText
public import PDFWriter
public import QRCode

/// Lays out content top to bottom on pages and writes the PDF: text lines, paragraphs, tables that
/// break across pages, rules, rectangles, images and QR codes.
///
/// Positions are in points from the top-left corner of the page (y grows downwards); the class converts
/// to PDF user space (origin bottom left). A vertical ``cursor`` tracks where flowing content continues.
///
/// Not thread-safe: one instance per document. Font faces are shared between documents; each document
/// keeps its own font subsets, and holds a ``TextCache`` (its own, or one of a shared ``LayoutCache``).
///
/// A document made with a ``PagePreparation`` keeps its pages' encoded content streams, and another
/// document made with the same font list can take them as they are (``finishPreparingPages()``,
/// ``finishPagesOnly()``, ``append(_:)``).
public final class LayoutDocument {
    /// Whether a document keeps its pages' encoded contents for another document (``PreparedPages``),
    /// and whether it writes a file of its own.
    public enum PagePreparation: Sendable {
        /// The pages go into the document's file only.
        case none
        /// The pages go into the file and are kept (``finishPreparingPages()``).
        case keptWithFile
        /// The pages are kept and no file is written (``finishPagesOnly()``): a document drawn only to
        /// be taken by another. ``finish()``, ``finishPreparingPages()`` and ``append(_:)`` are not for it.
        case keptOnly
    }

    /// Page size and margins.
    public let geometry: PageGeometry
    /// Where the next flowing block starts, in points from the top of the page.
    public var cursor: Double

    private var document: PDFDocument
    private let options: PDFWriteOptions
    private let footer: PageFooter?
    /// Resource names fixed per face (``init(metadata:options:geometry:footer:sink:fonts:pagePreparation:cache:)``).
    private let fixedFontNames: [ObjectIdentifier: String]
    /// Faces in the order first drawn, with the 0-based page they were first drawn on.
    private var fontOrder: [(face: FontFace, firstPage: Int)] = []
    /// Whether a face outside the fixed list was drawn (its name then depends on the document).
    private var usesUnlistedFont = false
    private var usesImages = false
    private let pagePreparation: PagePreparation
    private var preparedPages: [PreparedPages.Page] = []
    /// The page being drawn follows pages taken from another document (``append(_:)``): it is dropped
    /// if nothing is drawn on it.
    private var pageIsOptional = false
    private var content = ContentStream(capacity: 16_384)
    private var heldPages: [ContentStream] = []
    private var fonts: [ObjectIdentifier: (font: EmbeddedFont, name: String)] = [:]
    private let textCache: TextCache
    private let sharedCache: LayoutCache?
    /// What the page's content has set so far, so that an operator repeating it is left out: the fill
    /// colour, the stroke colour and line width, the font and size; and whether a text object is open
    /// (texts drawn one after another share one, closed before anything else is drawn).
    private var fillColor: PDFColor? = nil
    private var stroke: (color: PDFColor, width: Double)? = nil
    private var textFont: (name: String, size: Double)? = nil
    private var isInTextObject = false
    /// Where the text object's current line starts, in thousandths of a point (a text object starts
    /// at the origin).
    private var textLineStart = (x: 0, y: 0)
    private var hasContent = false
    /// The 1-based number of the page being drawn.
    public private(set) var pageNumber = 1
    /// Draws marks around the breaks of ``newPage()``; nil: none.
    public var pageBreakHook: PageBreakHook?

    /// Starts a document with one empty page.
    ///
    /// With a `footer`, pages are kept in memory until ``finish()`` (the footer needs the page count);
    /// without one, each page is written as soon as the next one starts. With a `sink`, the file's
    /// bytes go to it as they are written (a print batch streamed to disk). `fonts` are named `F1`,
    /// `F2`, ... in that order whatever order they are first drawn in (other faces follow them), so that
    /// documents made with the same list write the same content streams; `pagePreparation` keeps each
    /// page's encoded content for another document, with the file or instead of it; shaped texts and line breaks are kept in a
    /// cache of `cache`, shared with the documents drawn before (none: the document's own).
    public init(metadata: PDFMetadata, options: PDFWriteOptions = PDFWriteOptions(),
                geometry: PageGeometry = .a4(marginMillimetres: 15), footer: PageFooter? = nil,
                sink: (any PDFByteSink)? = nil, fonts: [FontFace] = [], pagePreparation: PagePreparation = .none,
                cache: LayoutCache? = nil) {
        self.sharedCache = cache
        textCache = cache?.take() ?? TextCache()
        self.geometry = geometry
        self.footer = footer
        self.options = options
        self.pagePreparation = pagePreparation
        var names: [ObjectIdentifier: String] = [:]
        for face in fonts where names[ObjectIdentifier(face)] == nil {
            names[ObjectIdentifier(face)] = "F\(names.count + 1)"
        }
        fixedFontNames = names
        document = PDFDocument(metadata: metadata, options: options, sink: sink)
        cursor = geometry.top
    }

    deinit { sharedCache?.giveBack(textCache) }

    // MARK: - Text

    /// `text` shaped with `face`, cached.
    public func shaped(_ text: String, face: FontFace) -> ShapedText {
        textCache.shaped(text, face: face)
    }

    /// The width of `text` in `style`, from the shaped advances.
    public func measure(_ text: String, style: TextStyle) -> Double {
        shaped(text, face: style.font).width(size: style.size)
    }

    /// Breaks `text` into lines of at most `width` points (cached by text, face, size and width). A text
    /// that fits on one line is kept as that line only, not also as a shaped text: most are a receipt's
    /// own amounts and names, met once.
    public func lines(_ text: String, style: TextStyle, width: Double) -> [TextLine] {
        let key = LinesKey(text: ShapeKey(face: style.font, text: text), size: style.size, width: width)
        return textCache.lines(for: key) {
            LineBreaker(size: style.size, shape: { self.textCache.shaped($0, face: style.font) },
                        shapeWhole: { style.font.shape($0) }).lines(text, width: width)
        }
    }

    /// ``lines(_:style:width:)`` of a text the caller knows to be the same in every document drawn with
    /// this document's cache (a template's label or heading), numbered `slot` by the caller: kept in that
    /// slot and found again without hashing the text. The slot is a hint: the kept lines are returned only
    /// for the same text, face, size and width, so a wrong slot costs time, never other lines.
    public func lines(_ text: String, style: TextStyle, width: Double, slot: Int?) -> [TextLine] {
        guard let slot else { return lines(text, style: style, width: width) }
        if let kept = textCache.lines(slot: slot, text: text, face: style.font, size: style.size, width: width) { return kept }
        let result = lines(text, style: style, width: width)
        textCache.keep(result, slot: slot, text: text, face: style.font, size: style.size, width: width)
        return result
    }

    /// Draws one line of text with its baseline at `baseline` (from the top); `wordSpacing` adds to
    /// every space (justification).
    public func drawText(_ text: String, style: TextStyle, x: Double, baseline: Double, wordSpacing: Double = 0) {
        guard !text.isEmpty else { return }
        drawShaped(shaped(text, face: style.font), style: style, x: x, baseline: baseline, wordSpacing: wordSpacing)
    }

    /// ``drawText(_:style:x:baseline:wordSpacing:)`` for text already shaped in the style's face; `glyphRun`,
    /// the `TJ` of its fixed codes (``TextLine``), is written as it is when no word spacing changes it.
    private func drawShaped(_ run: ShapedText, glyphRun: GlyphRun? = nil, style: TextStyle, x: Double, baseline: Double,
                            wordSpacing: Double = 0) {
        guard !run.glyphs.isEmpty else { return }
        let font = embedded(style.font)
        setFill(style.color)
        if !isInTextObject {
            content.beginText()
            isInTextObject = true
            textLineStart = (0, 0)
        }
        if textFont?.name != font.name || textFont?.size != style.size {
            content.font(font.name, size: style.size)
            textFont = (font.name, style.size)
        }
        // The line's start as a move from the previous line's, in the thousandths numbers are written
        // in: exact, so every line starts where an absolute `Tm` would put it, in fewer bytes.
        let start = (x: PDFBytes.thousandths(x), y: PDFBytes.thousandths(geometry.height - baseline))
        content.moveText(x: Double(start.x - textLineStart.x) / 1000, y: Double(start.y - textLineStart.y) / 1000)
        textLineStart = start
        if wordSpacing == 0, let glyphRun, font.font.recordUsage(of: run) {
            content.showGlyphs(glyphRun)
        } else {
            var (codes, adjustments) = font.font.encode(run)
            if wordSpacing != 0 {
                let extra = Int((wordSpacing * 1000 / style.size).rounded())
                for (index, glyph) in run.glyphs.enumerated() where glyph.text == " " && index + 1 < adjustments.count {
                    adjustments[index + 1] -= extra
                }
            }
            content.showGlyphs(codes, adjustments: adjustments)
        }
        hasContent = true
    }

    /// Draws lines aligned within `x ..< x + width`, the first line box's top at `top`; returns the
    /// height used.
    @discardableResult
    public func drawLines(_ lines: [TextLine], style: TextStyle, x: Double, top: Double, width: Double,
                          alignment: TextAlignment) -> Double {
        var y = top
        for line in lines {
            drawLine(line, style: style, x: x, baseline: y + style.ascent, width: width, alignment: alignment)
            y += style.leading
        }
        return y - top
    }

    private func drawLine(_ line: TextLine, style: TextStyle, x: Double, baseline: Double, width: Double,
                          alignment: TextAlignment) {
        switch alignment {
        case .left:
            drawShaped(line.shaped, glyphRun: line.glyphRun, style: style, x: x, baseline: baseline)
        case .right:
            drawShaped(line.shaped, glyphRun: line.glyphRun, style: style, x: x + width - line.width, baseline: baseline)
        case .center:
            drawShaped(line.shaped, glyphRun: line.glyphRun, style: style, x: x + (width - line.width) / 2, baseline: baseline)
        case .justified:
            let spaces = line.text.reduce(0) { $0 + ($1 == " " ? 1 : 0) }
            let spacing = line.isParagraphEnd || spaces == 0 ? 0 : (width - line.width) / Double(spaces)
            drawShaped(line.shaped, glyphRun: line.glyphRun, style: style, x: x, baseline: baseline, wordSpacing: max(0, spacing))
        }
    }

    /// Flows a paragraph at the cursor across the content width (or `width` from `x`), breaking pages
    /// between lines; moves the cursor below it plus `spaceAfter`.
    /// `slot`: the text is the same in every document, numbered by the caller (``lines(_:style:width:slot:)``).
    public func paragraph(_ text: String, style: TextStyle, alignment: TextAlignment = .left,
                          x: Double? = nil, width: Double? = nil, spaceAfter: Double = 0, slot: Int? = nil) {
        let left = x ?? geometry.left
        let lineWidth = width ?? (geometry.width - geometry.right - left)
        for line in lines(text, style: style, width: lineWidth, slot: slot) {
            ensureSpace(style.leading)
            drawLine(line, style: style, x: left, baseline: cursor + style.ascent, width: lineWidth, alignment: alignment)
            cursor += style.leading
        }
        cursor += spaceAfter
    }

    // MARK: - Pages

    /// Starts a new page when less than `height` points are left above the bottom margin.
    public func ensureSpace(_ height: Double) {
        if cursor + height > geometry.contentBottom && cursor > geometry.top { newPage() }
    }

    /// The number of pages so far, counting the one being drawn unless it is an empty page after
    /// appended pages (``append(_:)``).
    public var pageCount: Int { pageIsOptional && content.isEmpty ? pageNumber - 1 : pageNumber }

    /// Ends the current page and starts an empty one with the cursor at the top margin; the
    /// ``pageBreakHook`` draws on both sides of the break. An empty page after appended pages is not
    /// ended: drawing goes on there.
    public func newPage() {
        pageBreakHook?.pageEnding(self)
        let dropped = pageIsOptional && content.isEmpty
        endPage()
        if !dropped { pageNumber += 1 }
        cursor = geometry.top
        pageBreakHook?.pageStarted(self)
    }

    private func endPage() {
        endTextObject()
        if pageIsOptional && content.isEmpty {
            pageIsOptional = false
            return
        }
        pageIsOptional = false
        if footer != nil {
            heldPages.append(content)
        } else if pagePreparation != .none {
            let encoded = options.compress ? Flate.compress(content.bytes, level: options.compressionLevel) : content.bytes
            preparedPages.append(PreparedPages.Page(width: geometry.width, height: geometry.height, content: encoded))
            if pagePreparation == .keptWithFile {
                document.addPage(width: geometry.width, height: geometry.height, encodedContent: encoded)
            }
        } else {
            document.addPage(width: geometry.width, height: geometry.height, content: content)
        }
        startContent(ContentStream(capacity: 16_384))
        hasContent = false
    }

    /// Writes the pages of another document (``PreparedPages``) after the pages so far, as they are,
    /// and records their glyphs in this document's fonts; drawing goes on from a new page after them,
    /// written only if something is drawn on it. The page being drawn is ended first, unless nothing is
    /// drawn on it and it is the document's first page (then the appended pages replace it) or an
    /// empty page after earlier appended pages. The ``pageBreakHook`` is not called.
    /// - Returns: false, having changed nothing, when the pages cannot be taken as they are: they were
    ///   compressed differently, a font of theirs has another resource name here, or this document has
    ///   a footer.
    public func append(_ prepared: PreparedPages) -> Bool {
        precondition(pagePreparation != .keptOnly, "a document of kept pages only writes no pages")
        let compression: Int32? = options.compress ? options.compressionLevel : nil
        guard footer == nil, prepared.compression == compression,
              prepared.fonts.allSatisfy({ fixedFontNames[ObjectIdentifier($0.face)] == $0.name }) else { return false }
        if !(content.isEmpty && document.pageCount == 0) { endPage() }
        var nextFont = 0
        for (index, page) in prepared.pages.enumerated() {
            while nextFont < prepared.fonts.count, prepared.fonts[nextFont].firstPage <= index {
                embedded(prepared.fonts[nextFont].face).font.merge(prepared.fonts[nextFont].usage)
                nextFont += 1
            }
            document.addPage(width: page.width, height: page.height, encodedContent: page.content)
            if pagePreparation != .none { preparedPages.append(page) }
        }
        pageNumber = document.pageCount + 1
        cursor = geometry.top
        startContent(ContentStream(capacity: 16_384))
        pageIsOptional = true
        return true
    }

    /// Attaches a file (for example the document's data as XML) to the PDF.
    public func attach(_ attachment: PDFAttachment) { document.attach(attachment) }

    /// Ends the last page, prints footers, and returns the PDF bytes.
    public func finish() throws -> [UInt8] { try finishPreparingPages().file }

    /// Ends the last page, prints footers, and returns the PDF bytes and, for a document made with
    /// ``PagePreparation/keptWithFile`` whose content streams do not depend on it, its pages
    /// (``PreparedPages``): every font drawn is in the fixed list and coded by its face's fixed CIDs, no
    /// image, no footer.
    public func finishPreparingPages() throws -> (file: [UInt8], pages: PreparedPages?) {
        precondition(pagePreparation != .keptOnly, "a document of kept pages only has no file")
        endPage()
        if let footer {
            let count = heldPages.count
            for (index, page) in heldPages.enumerated() {
                startContent(page)
                let text = footer.text(index + 1, count)
                let line = TextLine(shaped(text, face: footer.style.font), size: footer.style.size, isParagraphEnd: true)
                drawLine(line, style: footer.style, x: geometry.left,
                         baseline: geometry.height - geometry.bottom / 2, width: geometry.contentWidth,
                         alignment: footer.alignment)
                endTextObject()
                document.addPage(width: geometry.width, height: geometry.height, content: content)
            }
            heldPages = []
        }
        return (try document.finish(), preparedResult())
    }

    /// Ends the last page and returns the pages of a document made with ``PagePreparation/keptOnly``,
    /// as ``finishPreparingPages()`` would without the file: for a document drawn only to be taken by
    /// another (a receipt that goes into a print batch and nowhere else). Nil when its pages cannot be
    /// taken as they are.
    public func finishPagesOnly() -> PreparedPages? {
        precondition(pagePreparation == .keptOnly, "finishPagesOnly is for a document of kept pages only")
        endPage()
        return preparedResult()
    }

    private func preparedResult() -> PreparedPages? {
        guard pagePreparation != .none, footer == nil, !usesImages, !usesUnlistedFont else { return nil }
        var fonts: [PreparedPages.Font] = []
        for (face, firstPage) in fontOrder {
            guard let entry = self.fonts[ObjectIdentifier(face)], let usage = entry.font.usage else { return nil }
            fonts.append(PreparedPages.Font(face: face, name: entry.name, usage: usage, firstPage: firstPage))
        }
        return PreparedPages(pages: preparedPages, fonts: fonts,
                             compression: options.compress ? options.compressionLevel : nil)
    }

    // MARK: - Graphics

    /// Strokes a line from (`x1`, `y1`) to (`x2`, `y2`).
    public func line(x1: Double, y1: Double, x2: Double, y2: Double, width: Double = 0.5, color: PDFColor = .black) {
        strokeSetup(width: width, color: color)
        content.move(x: x1, y: geometry.height - y1)
        content.line(x: x2, y: geometry.height - y2)
        content.stroke()
    }

    /// Fills and/or strokes a rectangle whose top-left corner is (`x`, `y`).
    public func rectangle(x: Double, y: Double, width: Double, height: Double,
                          fill: PDFColor? = nil, stroke: PDFColor? = nil, lineWidth: Double = 0.5) {
        endTextObject()
        if let fill { setFill(fill) }
        if let stroke { strokeSetup(width: lineWidth, color: stroke) }
        content.rectangle(x: x, y: geometry.height - y - height, width: width, height: height)
        switch (fill != nil, stroke != nil) {
        case (true, true): content.fillAndStroke()
        case (true, false): content.fill()
        case (false, true): content.stroke()
        case (false, false): content.endPath()
        }
    }

    /// Draws `image` scaled into the box whose top-left corner is (`x`, `y`).
    public func image(_ resource: ImageResource, x: Double, y: Double, width: Double, height: Double) {
        let bottom = geometry.height - y - height
        endTextObject()
        content.withSavedState { content in
            content.transform(a: width, b: 0, c: 0, d: height, e: x, f: bottom)
            content.paintXObject(resource.name)
        }
    }

    /// Embeds an image once; draw it with ``image(_:x:y:width:height:)`` as often as needed.
    public func register(_ image: PDFImage) -> ImageResource {
        usesImages = true
        return ImageResource(name: document.addImage(image), width: image.width, height: image.height)
    }

    /// Draws a QR symbol with a light quiet zone of `quietZone` modules in a `size` x `size` box at
    /// (`x`, `y`), as an inline image mask (``QRCodeImage``).
    public func qrCode(_ matrix: QRMatrix, x: Double, y: Double, size: Double, quietZone: Int = 4) {
        qrCode(QRCodeImage(matrix), x: x, y: y, size: size, quietZone: quietZone)
    }

    /// Draws a QR symbol whose image was prepared ahead of time (for example on another core).
    public func qrCode(_ image: QRCodeImage, x: Double, y: Double, size: Double, quietZone: Int = 4) {
        let module = size / Double(image.modules + 2 * quietZone)
        let side = module * Double(image.modules)
        let left = x + Double(quietZone) * module
        let bottom = geometry.height - y - Double(quietZone) * module - side
        endTextObject()
        content.withSavedState { content in
            content.fillColor(.black)
            // The image's unit square scaled to the symbol, its first row at the top.
            content.transform(a: side, b: 0, c: 0, d: side, e: left, f: bottom)
            content.imageMask(width: image.modules, height: image.modules, rows: image.rows)
        }
        hasContent = true
    }

    // MARK: - Internals

    func setFill(_ color: PDFColor) {
        if fillColor != color {
            content.fillColor(color)
            fillColor = color
        }
    }

    func strokeSetup(width: Double, color: PDFColor) {
        endTextObject()
        if stroke?.color != color {
            content.strokeColor(color)
        }
        if stroke?.width != width {
            content.lineWidth(width)
        }
        stroke = (color, width)
    }

    func appendRectangle(x: Double, y: Double, width: Double, height: Double) {
        endTextObject()
        content.rectangle(x: x, y: geometry.height - y - height, width: width, height: height)
    }

    /// Adds a segment from (`x1`, `y1`) to (`x2`, `y2`) to the path.
    func appendLine(x1: Double, y1: Double, x2: Double, y2: Double) {
        endTextObject()
        content.move(x: x1, y: geometry.height - y1)
        content.line(x: x2, y: geometry.height - y2)
    }

    func fillPath() { content.fill() }

    func strokePath() { content.stroke() }

    /// Closes the open text object, if any: paths and images are drawn outside text objects.
    private func endTextObject() {
        if isInTextObject {
            content.endText()
            isInTextObject = false
        }
    }

    /// Continues drawing on `page`, whose content so far has set nothing (a page starts from the
    /// initial graphics state).
    private func startContent(_ page: ContentStream) {
        content = page
        fillColor = nil
        stroke = nil
        textFont = nil
        isInTextObject = false
    }

    private func embedded(_ face: FontFace) -> (font: EmbeddedFont, name: String) {
        if let known = fonts[ObjectIdentifier(face)] { return known }
        let font = EmbeddedFont(face: face)
        let name: String
        if let fixed = fixedFontNames[ObjectIdentifier(face)] {
            name = document.addFont(font, name: fixed)
        } else {
            usesUnlistedFont = true
            name = document.addFont(font, name: "F\(fixedFontNames.count + fonts.count + 1)")
        }
        let entry = (font, name)
        fonts[ObjectIdentifier(face)] = entry
        fontOrder.append((face, pageNumber - 1))
        return entry
    }
}
