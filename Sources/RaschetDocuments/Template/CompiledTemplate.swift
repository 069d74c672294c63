import PDFWriter
public import PDFText
public import RaschetLayout

/// A document template read and checked once: its page, document title and elements, with styles
/// resolved to fonts and images decoded. Rendering fills it from a ``TemplateRecord``.
public struct CompiledTemplate: Sendable {
    /// The page size and margins (`page size=A4 margin=10mm`).
    public let geometry: PageGeometry
    /// The PDF's title (`title "..."`).
    let title: TextTemplate?
    let elements: [TemplateElement]
    let images: [PDFImage]
    /// The style of the sheet marks of a document longer than a page (the `note` style, else `body`).
    let sheetStyle: TextStyle
    /// The faces of the template's font family, in the order that names them in every document drawn
    /// from it (``LayoutDocument``'s `fonts`).
    public let fonts: [FontFace]
    /// Shaped texts and line breaks shared by every document drawn from the template (``LayoutCache``).
    public let layoutCache = LayoutCache()

    /// Reads `name` from `directory` (with its includes) and compiles it against `schema`.
    /// - Throws: ``DocumentError`` naming the template file, line and column of the first problem.
    public init(_ name: String, in directory: TemplateDirectory, fonts: FontFamily,
                schema: [String: TemplateSchema]) throws(DocumentError) {
        var compiler = TemplateCompiler(directory: directory, fonts: fonts, schema: schema)
        let elements = try compiler.compileFile(name, includedFrom: nil)
        geometry = compiler.geometry
        title = compiler.title
        images = compiler.images
        sheetStyle = compiler.style(named: "note")
        self.elements = elements
        self.fonts = fonts.faces
    }

    /// The PDF title for `record`.
    public func title(for record: TemplateRecord) -> String {
        title?.render(TemplateScope(records: [record])) ?? ""
    }
}
