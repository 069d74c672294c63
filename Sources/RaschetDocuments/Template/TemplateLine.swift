import RaschetCore

/// One line of a template file split into a keyword, attributes (`width=46mm`, `caption="..."`) and
/// quoted texts, each with its 1-based column.
struct TemplateLine: Sendable {
    struct Word: Sendable {
        let text: String
        let column: Int
    }

    let file: String
    let number: Int
    let keyword: Word
    /// Attributes in order; a name given twice is an error.
    let attributes: [(name: Word, value: Word)]
    /// Quoted texts in order.
    let texts: [Word]

    /// Splits `source` (one line, no newline); nil for a blank or comment (`#`) line.
    /// - Complexity: O(characters).
    static func parse(_ source: Substring, file: String, number: Int) throws(DocumentError) -> TemplateLine? {
        let characters = Array(source)
        var index = 0
        func fail(_ column: Int, _ message: Message) -> DocumentError {
            DocumentError(file: file, line: number, column: column, message: message)
        }
        func skipSpaces() { while index < characters.count, characters[index] == " " || characters[index] == "\t" { index += 1 } }
        func quoted() throws(DocumentError) -> Word {
            let start = index + 1
            index += 1
            var text = ""
            while index < characters.count, characters[index] != "\"" {
                if characters[index] == "\\", index + 1 < characters.count {
                    index += 1
                    text.append(characters[index] == "n" ? "\n" : characters[index])
                } else {
                    text.append(characters[index])
                }
                index += 1
            }
            guard index < characters.count else { throw fail(start, .textNotClosed) }
            index += 1
            return Word(text: text, column: start + 1)
        }
        func bare() -> Word {
            let start = index
            while index < characters.count, characters[index] != " ", characters[index] != "\t", characters[index] != "=" {
                index += 1
            }
            return Word(text: String(characters[start..<index]), column: start + 1)
        }

        skipSpaces()
        guard index < characters.count, characters[index] != "#" else { return nil }
        if characters[index] == "\"" { throw fail(index + 1, .lineStartsWithKeyword) }
        let keyword = bare()
        var attributes: [(name: Word, value: Word)] = []
        var texts: [Word] = []
        while true {
            skipSpaces()
            guard index < characters.count else { break }
            if characters[index] == "#" { break }
            if characters[index] == "\"" {
                texts.append(try quoted())
                continue
            }
            let name = bare()
            guard index < characters.count, characters[index] == "=" else {
                throw fail(name.column, .attributeNeedsValue(name.text))
            }
            index += 1
            guard index < characters.count, characters[index] != " " else { throw fail(name.column, .attributeHasNoValue(name.text)) }
            let value = characters[index] == "\"" ? try quoted() : bare()
            if attributes.contains(where: { $0.name.text == name.text }) {
                throw fail(name.column, .attributeTwice(name.text))
            }
            attributes.append((name, value))
        }
        return TemplateLine(file: file, number: number, keyword: keyword, attributes: attributes, texts: texts)
    }

    func error(_ column: Int, _ message: Message) -> DocumentError {
        DocumentError(file: file, line: number, column: column, message: message)
    }

    func attribute(_ name: String) -> Word? { attributes.first { $0.name.text == name }?.value }

    /// Fails on the first attribute not in `allowed` (a misspelt one would otherwise be ignored).
    func check(allowed: Set<String>, texts allowedTexts: ClosedRange<Int>) throws(DocumentError) {
        for (name, _) in attributes where !allowed.contains(name.text) {
            throw error(name.column, .noSuchAttribute(keyword.text, name.text, allowed: allowed.sorted()))
        }
        guard allowedTexts.contains(texts.count) else {
            let column = texts.count > allowedTexts.upperBound ? texts[allowedTexts.upperBound].column : keyword.column
            throw error(column, .textCount(keyword.text, low: allowedTexts.lowerBound, high: allowedTexts.upperBound, found: texts.count))
        }
    }

    /// A length: `12mm`, `8pt` or `8` (points).
    func length(_ name: String) throws(DocumentError) -> Double? {
        guard let word = attribute(name) else { return nil }
        return try Self.length(word, line: self)
    }

    static func length(_ word: Word, line: TemplateLine) throws(DocumentError) -> Double {
        var text = Substring(word.text)
        var scale = 1.0
        if text.hasSuffix("mm") { text = text.dropLast(2); scale = 72 / 25.4 } else if text.hasSuffix("pt") { text = text.dropLast(2) }
        guard let value = Double(text), value >= 0, value < 10_000 else {
            throw line.error(word.column, .notALength(word.text))
        }
        return value * scale
    }

    /// A plain number (font size, line height, grey level).
    func number(_ name: String, in range: ClosedRange<Double>) throws(DocumentError) -> Double? {
        guard let word = attribute(name) else { return nil }
        guard let value = Double(word.text), range.contains(value) else {
            throw error(word.column, .numberOutOfRange(name, word.text, low: "\(range.lowerBound)",
                                                             high: "\(range.upperBound)"))
        }
        return value
    }

    /// One of `choices`.
    func choice(_ name: String, _ choices: [String]) throws(DocumentError) -> String? {
        guard let word = attribute(name) else { return nil }
        guard choices.contains(word.text) else {
            throw error(word.column, .notAChoice(name, word.text, choices: choices))
        }
        return word.text
    }
}
