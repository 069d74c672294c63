import Foundation
import RaschetDocuments
import RaschetLayout
import RaschetTesting
import Testing

/// The shipped statement templates compile against their fields, in their page orientation; a
/// misspelt field in a shared part fails with the part's file, line and column.
@Suite struct StatementTemplateTests {
    static let family = Result { try FontFamily.ptSans(directory: ExternalTool.fontsDirectory) }
    static let shipped = TemplateDirectory(path: ExternalTool.packageRoot.appendingPathComponent("Templates").path)
    static let mm = PageGeometry.pointsPerMillimetre

    @Test func theShippedStatementTemplatesCompileTheSheetsInLandscape() throws {
        let fonts = try Self.family.get()
        let widths = [
            try SettlementRenderer(templates: Self.shipped, fonts: fonts).template.geometry.width,
            try AccrualRenderer(templates: Self.shipped, fonts: fonts).template.geometry.width,
            try TurnoverRenderer(templates: Self.shipped, fonts: fonts).template.geometry.width,
            try ReconciliationActRenderer(templates: Self.shipped, fonts: fonts).template.geometry.width,
            try NoDebtRenderer(templates: Self.shipped, fonts: fonts).template.geometry.width,
        ]
        #expect(widths.map { ($0 / Self.mm).rounded() } == [210, 297, 297, 210, 210])
    }

    @Test func aMisspeltFieldInTheCounterpartyPartFailsWithItsLineAndColumn() throws {
        let folder = try TemporaryFolder("raschet-documents")
        defer { folder.remove() }
        let target = folder.url("templates")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Self.shipped.path), to: target)
        let part = target.appendingPathComponent("parts/counterparty.tmpl")
        let text = try String(contentsOf: part, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "{{account.inn}}", with: "{{account.nni}}").utf8).write(to: part)
        let fonts = try Self.family.get()
        do {
            _ = try SettlementRenderer(templates: TemplateDirectory(path: target.path), fonts: fonts)
            Issue.record("a template with an unknown field compiled")
        } catch {
            // `cell "{{account.inn}}"` is line 11 of the part, the field at column 11.
            #expect(error.description == "parts/counterparty.tmpl:11:11: unknown field `account.nni`")
        }
    }
}
