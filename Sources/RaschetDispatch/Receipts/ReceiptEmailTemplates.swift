import RaschetCore
import RaschetDocuments
import Foundation
import Mustache

/// The e-receipt's subject and bodies, from Mustache templates (`subject.txt`, `receipt.txt`,
/// `receipt.html` in `Templates/email/`), so the wording changes without recompiling.
/// The text templates start with `{{% CONTENT_TYPE: TEXT}}` (no HTML escaping).
public struct ReceiptEmailTemplates: Sendable {
    private let subject: MustacheTemplate
    private let text: MustacheTemplate
    private let html: MustacheTemplate

    /// Parses the templates of `directory`.
    /// - Throws: `DispatchError` naming the file that is missing or not valid Mustache.
    public init(directory: String) throws(DispatchError) {
        func load(_ name: String) throws(DispatchError) -> MustacheTemplate {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw DispatchError(.missingInput, .emailTemplateMissing(path))
            }
            do {
                // Without the byte order mark an editor such as Notepad puts first: it would start the subject.
                return try MustacheTemplate(string: String(decoding: ByteOrderMark.dropped(from: data), as: UTF8.self))
            } catch let error as MustacheTemplate.ParserError {
                throw DispatchError(.badInput, .emailTemplateInvalid(path, line: error.context.lineNumber,
                                                                     column: error.context.columnNumber,
                                                                     fault: error.fault))
            } catch {
                throw DispatchError(.badInput, .emailTemplateUnreadable(path))
            }
        }
        subject = try load("subject.txt")
        text = try load("receipt.txt")
        html = try load("receipt.html")
    }

    /// The subject (one line, surrounding whitespace trimmed), the plain text and the HTML.
    public func render(_ fields: ReceiptEmailFields) -> (subject: String, text: String, html: String) {
        let context = fields.templateContext
        let subjectLine = subject.render(context).split(whereSeparator: \.isNewline).joined(separator: " ")
        return (subjectLine.trimmingCharacters(in: .whitespaces), text.render(context), html.render(context))
    }
}
