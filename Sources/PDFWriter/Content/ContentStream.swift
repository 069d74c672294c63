/// Builds a page content stream operator by operator (§8, §9.4; operator summary in Annex A).
///
/// Coordinates are PDF user space: points, origin at the bottom left. Operators are emitted exactly as
/// called, so a test can compare the bytes. The buffer is private: every operator goes through one of
/// the methods below, and the save/restore depth is tracked so a page cannot end inside a `q`.
public struct ContentStream: Sendable {
    private var out: PDFBytes
    /// Graphics states saved by ``save()`` and not yet restored.
    private var depth = 0

    /// Creates an empty content stream.
    public init(capacity: Int = 4096) { out = PDFBytes(capacity: capacity) }

    /// The content bytes.
    public var bytes: [UInt8] { out.bytes }

    /// Whether no operator has been written.
    public var isEmpty: Bool { out.count == 0 }

    /// Whether every ``save()`` has been matched by a ``restore()``.
    public var isBalanced: Bool { depth == 0 }

    /// `q`: saves the graphics state (§8.4.2).
    public mutating func save() {
        depth += 1
        out.raw("q\n")
    }

    /// `Q`: restores the graphics state saved by the matching ``save()``.
    public mutating func restore() {
        precondition(depth > 0, "Q without a matching q")
        depth -= 1
        out.raw("Q\n")
    }

    /// Runs `body` between `q` and `Q`, so the state it changes (colour, matrix) ends with it.
    public mutating func withSavedState(_ body: (inout ContentStream) -> Void) {
        save()
        body(&self)
        restore()
    }

    /// `cm`: concatenates a matrix to the CTM.
    public mutating func transform(a: Double, b: Double, c: Double, d: Double, e: Double, f: Double) {
        numbers(a, b, c, d, e, f)
        out.raw("cm\n")
    }

    /// `w`: line width.
    public mutating func lineWidth(_ width: Double) {
        numbers(width)
        out.raw("w\n")
    }

    /// `rg`: non-stroking (fill) colour.
    public mutating func fillColor(_ color: PDFColor) {
        numbers(color.red, color.green, color.blue)
        out.raw("rg\n")
    }

    /// `RG`: stroking colour.
    public mutating func strokeColor(_ color: PDFColor) {
        numbers(color.red, color.green, color.blue)
        out.raw("RG\n")
    }

    /// `re`: appends a rectangle to the path.
    public mutating func rectangle(x: Double, y: Double, width: Double, height: Double) {
        numbers(x, y, width, height)
        out.raw("re\n")
    }

    /// `m`: begins a subpath.
    public mutating func move(x: Double, y: Double) {
        numbers(x, y)
        out.raw("m\n")
    }

    /// `l`: appends a line segment.
    public mutating func line(x: Double, y: Double) {
        numbers(x, y)
        out.raw("l\n")
    }

    /// `S`: strokes the path.
    public mutating func stroke() { out.raw("S\n") }

    /// `f`: fills the path (non-zero winding).
    public mutating func fill() { out.raw("f\n") }

    /// `B`: fills and strokes the path.
    public mutating func fillAndStroke() { out.raw("B\n") }

    /// `n`: ends the path without painting it (§8.5.3.1).
    public mutating func endPath() { out.raw("n\n") }

    /// `BT`: begins a text object.
    public mutating func beginText() { out.raw("BT\n") }

    /// `ET`: ends a text object.
    public mutating func endText() { out.raw("ET\n") }

    /// `Tf`: selects a font resource and size.
    public mutating func font(_ resource: String, size: Double) {
        out.name(resource)
        out.byte(0x20)
        numbers(size)
        out.raw("Tf\n")
    }

    /// `Td`: moves to the start of the next line, offset from the start of the current one.
    public mutating func moveText(x: Double, y: Double) {
        numbers(x, y)
        out.raw("Td\n")
    }

    /// `Tm`: sets the text matrix to a translation.
    public mutating func textPosition(x: Double, y: Double) {
        out.raw("1 0 0 1 ")
        numbers(x, y)
        out.raw("Tm\n")
    }

    /// `TJ`: shows 2-byte glyph codes with position adjustments (§9.4.3).
    ///
    /// The codes are written as literal strings of their bytes, half the size of hex: `(`, `)` and `\`
    /// escaped, a carriage return as `\r` (a bare one would be read as a line feed, §7.3.4.2).
    /// `adjustments[i]`, when not zero, is written before code `i` in thousandths of text space units
    /// (positive moves left).
    public mutating func showGlyphs(_ codes: [UInt16], adjustments: [Int]) {
        Self.writeGlyphs(codes, adjustments: adjustments, into: &out)
    }

    /// `TJ` of a ``GlyphRun``: the same bytes as ``showGlyphs(_:adjustments:)`` of its codes.
    public mutating func showGlyphs(_ run: GlyphRun) {
        out.append(run.bytes)
    }

    /// The operator of ``showGlyphs(_:adjustments:)``, appended to `out`.
    static func writeGlyphs(_ codes: [UInt16], adjustments: [Int], into out: inout PDFBytes) {
        precondition(codes.count == adjustments.count)
        beginGlyphs(into: &out)
        for (code, adjustment) in zip(codes, adjustments) { writeGlyph(code, adjustment: adjustment, into: &out) }
        endGlyphs(into: &out)
    }

    /// The start of ``writeGlyphs(_:adjustments:into:)``: the array and its first string opened.
    static func beginGlyphs(into out: inout PDFBytes) { out.raw("[(") }

    /// One code of ``writeGlyphs(_:adjustments:into:)``, with the adjustment before it when not 0.
    @inline(__always)
    static func writeGlyph(_ code: UInt16, adjustment: Int, into out: inout PDFBytes) {
        if adjustment != 0 {
            out.byte(0x29)
            out.int(adjustment)
            out.byte(0x28)
        }
        out.stringByte(UInt8(code >> 8))
        out.stringByte(UInt8(code & 0xFF))
    }

    /// The end of ``writeGlyphs(_:adjustments:into:)``: the string and the array closed, `TJ`.
    static func endGlyphs(into out: inout PDFBytes) { out.raw(")]TJ\n") }

    /// An inline image mask (§8.9.7, §8.9.6.2): `rows` of one bit per sample, each row padded to a whole
    /// byte, 1 painted in the fill colour, drawn into the unit square of the current transformation with
    /// its first row at the top. The samples are written in hex (`/F /AHx`), so the data can never be
    /// read as the `EI` that ends it.
    public mutating func imageMask(width: Int, height: Int, rows: [UInt8]) {
        precondition(rows.count == (width + 7) / 8 * height, "one padded row of bits per image row")
        out.raw("BI /W ")
        out.int(width)
        out.raw(" /H ")
        out.int(height)
        out.raw(" /IM true /BPC 1 /D [1 0] /F /AHx ID\n")
        out.hexDigits(rows)
        out.raw(">\nEI\n")
    }

    /// `Do`: paints an XObject (an image) by resource name.
    public mutating func paintXObject(_ resource: String) {
        out.name(resource)
        out.raw(" Do\n")
    }

    // Fixed-arity overloads: a variadic parameter would allocate an array per operator.
    private mutating func numbers(_ a: Double) {
        out.number(a)
        out.byte(0x20)
    }

    private mutating func numbers(_ a: Double, _ b: Double) {
        numbers(a)
        numbers(b)
    }

    private mutating func numbers(_ a: Double, _ b: Double, _ c: Double) {
        numbers(a, b)
        numbers(c)
    }

    private mutating func numbers(_ a: Double, _ b: Double, _ c: Double, _ d: Double) {
        numbers(a, b)
        numbers(c, d)
    }

    private mutating func numbers(_ a: Double, _ b: Double, _ c: Double, _ d: Double, _ e: Double, _ f: Double) {
        numbers(a, b, c)
        numbers(d, e, f)
    }
}
