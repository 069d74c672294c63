import RaschetCore
import Mustache

/// A piece of text in a template, compiled once: constant text, text with plain fields
/// (`ИНН {{payee.inn}}`, filled by looking the fields up directly: a batch renders hundreds of
/// these per page), or anything else, which Mustache renders (sections such as
/// `{{#isDebt}}К оплате{{/isDebt}}`, transforms such as `{{abs(balance.closing)}}`).
struct TextTemplate: Sendable {
    private enum Part: Sendable {
        case text(String)
        case field([Substring])
    }

    private enum Kind: Sendable {
        case constant(String)
        case fields([Part])
        case mustache(MustacheTemplate)
    }

    private let kind: Kind

    /// The text with its fields filled from `scope` (a missing field prints nothing).
    func render(_ scope: TemplateScope) -> String {
        switch kind {
        case .constant(let text): return text
        case .fields(let parts):
            var result = ""
            for part in parts {
                switch part {
                case .text(let text): result += text
                case .field(let path): result += scope.value(path)?.text ?? ""
                }
            }
            return result
        case .mustache(let template): return template.render(scope)
        }
    }

    /// Compiles `source`, which starts at `line`:`column` of `file`, checking every field against
    /// `scopes`.
    init(_ source: String, scopes: [[String: TemplateSchema]], file: String, line: Int, column: Int) throws(DocumentError) {
        guard source.contains("{{") else {
            kind = .constant(source)
            return
        }
        try Self.check(source, scopes: scopes, file: file, line: line, column: column)
        if let parts = Self.plainFields(source) {
            kind = .fields(parts)
            return
        }
        do {
            // Plain text output: Mustache escapes for HTML by default.
            kind = .mustache(try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT }}" + source))
        } catch let error as MustacheTemplate.ParserError {
            throw DocumentError(file: file, line: line + error.context.lineNumber - 1,
                                column: column + max(0, error.context.columnNumber - Self.prefixLength(error)),
                                message: .notMustache(String(describing: error.error)))
        } catch {
            throw DocumentError(file: file, line: line, column: column, message: .textDoesNotParse(String(describing: error)))
        }
    }

    /// The text split into constant runs and fields when every tag is a plain field name
    /// (`{{payee.inn}}`); nil when any tag is a section, transform or other Mustache construct.
    private static func plainFields(_ source: String) -> [Part]? {
        var parts: [Part] = []
        var rest = Substring(source)
        while let open = rest.firstRange(of: "{{") {
            if open.lowerBound > rest.startIndex { parts.append(.text(String(rest[..<open.lowerBound]))) }
            guard let close = rest[open.upperBound...].firstRange(of: "}}") else { return nil }
            let name = rest[open.upperBound..<close.lowerBound]
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }),
                  name.first != ".", !name.contains("..") else { return nil }
            parts.append(.field(name.split(separator: ".")))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { parts.append(.text(String(rest))) }
        return parts
    }

    private static func prefixLength(_ error: MustacheTemplate.ParserError) -> Int {
        error.context.lineNumber == 1 ? "{{% CONTENT_TYPE: TEXT }}".count : 0
    }

    /// Walks the `{{ }}` tags: every name must be known in its scope, every section closed.
    private static func check(_ source: String, scopes: [[String: TemplateSchema]], file: String, line: Int,
                              column: Int) throws(DocumentError) {
        var scopes = scopes
        var open: [(name: String, pushed: Bool)] = []
        let characters = Array(source)
        var index = 0
        var lineOffset = 0, lineStart = 0
        while index + 1 < characters.count {
            if characters[index] == "\n" { lineOffset += 1; lineStart = index + 1 }
            guard characters[index] == "{", characters[index + 1] == "{" else { index += 1; continue }
            let tagColumn = (lineOffset == 0 ? column : 1) + index - lineStart
            func fail(_ message: Message) -> DocumentError {
                DocumentError(file: file, line: line + lineOffset, column: tagColumn, message: message)
            }
            var end = index + 2
            while end + 1 < characters.count, !(characters[end] == "}" && characters[end + 1] == "}") { end += 1 }
            guard end + 1 < characters.count else { throw fail(.tagNotClosed) }
            var tag = String(characters[(index + 2)..<end]).trimmingSpaces
            index = end + 2
            if tag.hasPrefix("{"), index < characters.count, characters[index] == "}" { index += 1 }
            let sigil = tag.first
            if sigil == "!" || sigil == "%" { continue }
            if sigil == ">" || sigil == "<" || sigil == "$" || sigil == "=" {
                throw fail(.mustacheFeatureUnsupported)
            }
            if let sigil, "#^/&{".contains(sigil) { tag = String(tag.dropFirst()).trimmingSpaces }
            var name = tag
            if let paren = tag.firstIndex(of: "("), tag.hasSuffix(")") {
                let transform = String(tag[..<paren])
                guard MustacheScalar.transformNames.contains(transform) else {
                    throw fail(.unknownTransform(transform, known: MustacheScalar.transformNames.sorted()))
                }
                name = String(tag[tag.index(after: paren)..<tag.index(before: tag.endIndex)])
            }
            if sigil == "/" {
                guard let last = open.popLast(), last.name == name else {
                    throw fail(.closesNoSection(name))
                }
                if last.pushed { scopes.removeLast() }
                continue
            }
            if name == "." { continue }
            guard let schema = TemplateSchema.resolve(name.split(separator: "."), in: scopes) else {
                throw fail(.unknownField(name))
            }
            if sigil == "#" || sigil == "^" {
                if sigil == "#", let fields = schema.fields {
                    scopes.append(fields)
                    open.append((name, true))
                } else {
                    open.append((name, false))
                }
            }
        }
        if let last = open.last {
            throw DocumentError(file: file, line: line, column: column, message: .sectionNotClosed(last.name))
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var slice = Substring(self)
        while slice.first == " " { slice.removeFirst() }
        while slice.last == " " { slice.removeLast() }
        return String(slice)
    }
}
