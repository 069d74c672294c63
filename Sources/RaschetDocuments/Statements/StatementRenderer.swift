public import PDFWriter
public import RaschetLayout

/// Renders one kind of statement (``StatementFields``) through its template of a ``TemplateDirectory``:
/// the template is read and compiled once, here. The same content, header, template and date give
/// the same bytes.
public struct StatementRenderer<Fields: StatementFields>: Sendable {
    /// The compiled template.
    public let template: CompiledTemplate
    /// PDF options (compression; PDF/A-3b is on by default).
    public let options: PDFWriteOptions

    /// Reads and compiles `Fields.templateName` (and its parts) from `templates`.
    /// - Throws: ``DocumentError`` naming the template file, line and column of the first problem.
    public init(templates: TemplateDirectory, fonts: FontFamily, options: PDFWriteOptions = PDFWriteOptions()) throws(DocumentError) {
        template = try CompiledTemplate(Fields.templateName, in: templates, fonts: fonts,
                                        schema: Fields.schema.merging(StatementFieldsCommon.schema) { own, _ in own })
        self.options = options
    }

    /// The record `content` and `header` fill the template with.
    public func record(_ content: Fields.Content, header: StatementHeader) -> TemplateRecord {
        var record = Fields.record(content)
        StatementFieldsCommon.add(header, to: &record)
        return record
    }

    /// The document as a PDF/A-3b file.
    public func render(_ content: Fields.Content, header: StatementHeader, creationDate: PDFDate) throws -> [UInt8] {
        let record = record(content, header: header)
        let metadata = PDFMetadata(title: template.title(for: record), author: "Raschet", subject: Fields.subject,
                                   creationDate: creationDate)
        let document = LayoutDocument(metadata: metadata, options: options, geometry: template.geometry,
                                      cache: template.layoutCache)
        try TemplateCanvas(document: document).draw(template, record: record)
        return try document.finish()
    }
}

/// The settlement statement's renderer (`settlement.tmpl`).
public typealias SettlementRenderer = StatementRenderer<SettlementFields>
/// The accrual statement's renderer (`accruals.tmpl`).
public typealias AccrualRenderer = StatementRenderer<AccrualFields>
/// The turnover sheet's renderer (`turnover.tmpl`).
public typealias TurnoverRenderer = StatementRenderer<TurnoverFields>
/// The reconciliation act's renderer (`act.tmpl`).
public typealias ReconciliationActRenderer = StatementRenderer<ReconciliationActFields>
/// The no-debt certificate's renderer (`no-debt.tmpl`).
public typealias NoDebtRenderer = StatementRenderer<NoDebtFields>
