import RaschetCore
import Mustache

/// A piece of text in a template, compiled once: constant text, or text with fields. Mustache defines
/// what the tags mean; the forms receipts use on every row — plain fields (`ИНН {{payee.inn}}`),
/// sections and inverted sections on one line (`{{#zone}} ({{zone}}){{/zone}}`,
/// `{{^previous}}—{{/previous}}`) and transforms (`{{abs(balance.closing)}}`) — are filled here by
/// looking the fields up directly (a batch fills hundreds of these per page, and the library's generic
/// lookups were a tenth of a receipt's time); anything else (several lines, `{{.}}`) Mustache renders.
/// `TextTemplateTests` checks that both give the same text.
struct TextTemplate: Sendable {
    private indirect enum Part: Sendable {
        case text(String)
        case field(FieldPath)
        case transform(String, FieldPath)
        case section(FieldPath, inverted: Bool, [Part])
    }

    private enum Kind: Sendable {
        case constant(String)
        case parts([Part])
        case mustache(MustacheTemplate)
    }

    private let kind: Kind
    /// For a constant text, its number among the template's constant texts (set by ``TemplateCompiler``):
    /// its lines are laid out once per layout cache and found by it (``LayoutDocument/lines(_:style:width:slot:)``).
    /// Nil for a text with fields.
    var slot: Int?

    /// Whether the text has no fields (the same in every document).
    var isConstant: Bool {
        if case .constant = kind { return true }
        return false
    }

    /// The text with its fields filled from `scope` (a missing field prints nothing).
    func render(_ scope: TemplateScope) -> String {
        switch kind {
        case .constant(let text): return text
        case .parts(let parts):
            var result = ""
            Self.render(parts, scope: scope, into: &result)
            return result
        case .mustache(let template): return template.render(scope)
        }
    }

    /// Mustache's meaning of `parts` (`Template+Render.swift` of swift-mustache): a section renders once
    /// for a true flag or a value that is not an empty text, once per item of a list and in a record's
    /// scope; an inverted one when the field is missing, false, an empty text or an empty list. A
    /// transform prints nothing for a flag, record or list.
    private static func render(_ parts: [Part], scope: TemplateScope, into result: inout String) {
        for part in parts {
            switch part {
            case .text(let text): result += text
            case .field(let path): result += scope.value(path)?.text ?? ""
            case .transform(let name, let path):
                switch scope.value(path) {
                case nil, .flag?, .record?, .list?: break
                case let value?:
                    switch MustacheScalar(value: value).transform(name) {
                    case let scalar as MustacheScalar: result += scalar.renderText
                    case let text as String: result += text
                    default: break
                    }
                }
            case .section(let path, let inverted, let inner):
                switch scope.value(path) {
                case .list(let items)?:
                    if inverted {
                        if items.isEmpty { render(inner, scope: scope, into: &result) }
                    } else {
                        for item in items { render(inner, scope: scope.pushing(item), into: &result) }
                    }
                case .flag(let flag)?:
                    if flag != inverted { render(inner, scope: scope, into: &result) }
                case .record(let record)?:
                    if !inverted { render(inner, scope: scope.pushing(record), into: &result) }
                case nil, .text("")?:
                    if inverted { render(inner, scope: scope, into: &result) }
                case _?:
                    if !inverted { render(inner, scope: scope, into: &result) }
                }
            }
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
        if let parts = Self.parts(source) {
            kind = .parts(parts)
            return
        }
        do {
            // Plain text output: Mustache escapes for HTML by default.
            kind = .mustache(try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT }}" + source))
        } catch let error as MustacheTemplate.ParserError {
            throw DocumentError(file: file, line: line + error.context.lineNumber - 1,
                                column: column + max(0, error.context.columnNumber - Self.prefixLength(error)),
                                message: .notMustache(fault: error.fault))
        } catch {
            throw DocumentError(file: file, line: line, column: column, message: .textDoesNotParse(kind: String(describing: type(of: error))))
        }
    }

    /// The text as parts when it is one line whose tags are all plain field names (`{{payee.inn}}`),
    /// transforms of one (`{{abs(balance.opening)}}`) or sections on one (`{{#name}}`, `{{^name}}`,
    /// `{{/name}}`); nil otherwise. A section body naming `value` is left to Mustache too (inside a
    /// section on a scalar, Mustache finds its own `value` property there).
    private static func parts(_ source: String) -> [Part]? {
        guard !source.contains("\n"), !source.contains("\r") else { return nil }
        var stack: [(name: Substring, path: FieldPath, inverted: Bool, parts: [Part])] = []
        var parts: [Part] = []
        var rest = Substring(source)
        func isName(_ name: Substring) -> Bool {
            !name.isEmpty && name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." })
                && name.first != "." && name.last != "." && !name.contains("..")
        }
        while let open = rest.firstRange(of: "{{") {
            if open.lowerBound > rest.startIndex { parts.append(.text(String(rest[..<open.lowerBound]))) }
            guard let close = rest[open.upperBound...].firstRange(of: "}}") else { return nil }
            var tag = rest[open.upperBound..<close.lowerBound]
            rest = rest[close.upperBound...]
            let sigil = tag.first
            if sigil == "#" || sigil == "^" || sigil == "/" { tag = tag.dropFirst() }
            if sigil == "/" {
                guard let section = stack.popLast(), section.name == tag else { return nil }
                let inner = parts
                parts = section.parts
                parts.append(.section(section.path, inverted: section.inverted, inner))
                continue
            }
            if !stack.isEmpty, tag.split(separator: ".").contains("value") { return nil }
            if let paren = tag.firstIndex(of: "("), tag.last == ")", sigil != "#", sigil != "^" {
                let name = tag[tag.index(after: paren)..<tag.index(before: tag.endIndex)]
                guard isName(name) else { return nil }
                parts.append(.transform(String(tag[..<paren]), FieldPath(String(name))))
                continue
            }
            guard isName(tag) else { return nil }
            if sigil == "#" || sigil == "^" {
                stack.append((tag, FieldPath(String(tag)), sigil == "^", parts))
                parts = []
            } else {
                parts.append(.field(FieldPath(String(tag))))
            }
        }
        guard stack.isEmpty else { return nil }
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
