import RaschetCore
import RaschetIngest
import Testing

/// Reads every row, turning each into `line: [name=value, ...]` for compact exact comparisons.
private func rows(_ text: String, file: String = "t.csv") throws -> [String] {
    var reader = try CSVReader(bytes: Array(text.utf8), file: file)
    return try rows(&reader)
}

private func rows(_ reader: inout CSVReader) throws -> [String] {
    var result: [String] = []
    while let record = try reader.next() {
        result.append(describe(record))
    }
    return result
}

private func describe(_ record: SourceRecord) -> String {
    "\(record.line): " + zip(record.names, record.values).map { "\($0)=\($1)" }.joined(separator: "|")
}

/// The error thrown by `body`, or nil.
private func error(_ body: () throws(IngestError) -> Void) -> IngestError? {
    do {
        try body()
        return nil
    } catch {
        return error
    }
}

@Suite("CSV reader")
struct CSVReaderTests {
    @Test(
        "The delimiter is detected from the header",
        arguments: [
            ("a;b,c\n1;2,3\n", UInt8(ascii: ";"), ["2: a=1|b,c=2,3"]),
            ("a,b\n1,2\n", UInt8(ascii: ","), ["2: a=1|b=2"]),
            ("a\tb c\n1\t2 3\n", UInt8(ascii: "\t"), ["2: a=1|b c=2 3"]),
            ("a\tb,c\n1\t2,3\n", UInt8(ascii: "\t"), ["2: a=1|b,c=2,3"]),
            ("\"x;y\",b\n1,2\n", UInt8(ascii: ","), ["2: x;y=1|b=2"]),
            ("only\nvalue\n", UInt8(ascii: ";"), ["2: only=value"]),
        ])
    func delimiterDetection(text: String, delimiter: UInt8, expected: [String]) throws {
        var reader = try CSVReader(bytes: Array(text.utf8), file: "t.csv")
        #expect(reader.delimiter == delimiter)
        #expect(try rows(&reader) == expected)
    }

    @Test("Header names are trimmed and reused for every row")
    func headerNames() throws {
        let reader = try CSVReader(bytes: Array(" account_id ; \" name\t\" ;amount\n".utf8), file: "t.csv")
        #expect(reader.header == ["account_id", "name", "amount"])
        #expect(reader.encoding == .utf8)
    }

    @Test("A UTF-8 byte order mark is stripped")
    func byteOrderMark() throws {
        var reader = try CSVReader(bytes: [0xEF, 0xBB, 0xBF] + Array("name;sum\nИванов;54,30\n".utf8), file: "t.csv")
        #expect(reader.header == ["name", "sum"])
        #expect(reader.encoding == .utf8)
        #expect(try rows(&reader) == ["2: name=Иванов|sum=54,30"])
    }

    @Test("windows-1251 bytes are detected and read like their UTF-8 twin")
    func windows1251() throws {
        let utf8 = "ФИО;Сумма;Дата\r\nИванов;54,30;31.10.2026\r\nЁлкина Щ.;-1,00;01.11.2026\r\n"
        let cp1251 = cp1251Bytes(utf8)
        #expect(cp1251.count == utf8.unicodeScalars.count)
        var detected = try CSVReader(bytes: cp1251, file: "t.csv")
        #expect(detected.encoding == .cp1251)
        #expect(detected.header == ["ФИО", "Сумма", "Дата"])
        let expected = ["2: ФИО=Иванов|Сумма=54,30|Дата=31.10.2026", "3: ФИО=Ёлкина Щ.|Сумма=-1,00|Дата=01.11.2026"]
        #expect(try rows(&detected) == expected)
        #expect(try rows(utf8) == expected)

        var forced = try CSVReader(bytes: cp1251, file: "t.csv", encoding: .cp1251)
        #expect(forced.encoding == .cp1251)
        #expect(try rows(&forced) == expected)
    }

    /// Text that says it is UTF-8 (forced, or by its byte order mark) and is not is refused at the
    /// byte at fault: never stored as U+FFFD.
    @Test("Forced or marked UTF-8 with a byte that is not UTF-8 is an error naming its line and offset")
    func forcedUTF8() throws {
        let expected = IngestError(file: "t.csv", line: 2, message: .utf8ByteInvalid(byte: "0xC8", offset: 2))
        #expect(throws: expected) { _ = try CSVReader(bytes: Array("a\n".utf8) + [0xC8, 0x0A], file: "t.csv", encoding: .utf8) }
        let marked = IngestError(file: "t.csv", line: 2, message: .utf8ByteInvalid(byte: "0xC8", offset: 5))
        #expect(throws: marked) { _ = try CSVReader(bytes: [0xEF, 0xBB, 0xBF] + Array("a\n".utf8) + [0xC8, 0x0A], file: "t.csv") }
        var valid = try CSVReader(bytes: Array("a\nЖ\n".utf8), file: "t.csv", encoding: .utf8)
        #expect(try rows(&valid) == ["2: a=Ж"])
    }

    @Test("Quoted fields hold delimiters, line breaks and doubled quotes")
    func quotedFields() throws {
        let text = "id;name;note\r\n1;\"Ivanov; Ivan\";\"said \"\"hi\"\"\"\r\n2;\"two\r\nlines\";\"\"\n3; \" padded \" ;x\n"
        #expect(try rows(text) == [
            "2: id=1|name=Ivanov; Ivan|note=said \"hi\"",
            "3: id=2|name=two\r\nlines|note=",
            "5: id=3|name= padded |note=x",
        ])
    }

    @Test("Line numbers stay physical after a multi-line quoted field")
    func lineNumbersAfterMultilineField() throws {
        let text = "a;b\n1;\"x\ny\nz\"\n2;w\n\n3;\"\n\"\n4;v"
        #expect(try rows(text) == ["2: a=1|b=x\ny\nz", "5: a=2|b=w", "7: a=3|b=\n", "9: a=4|b=v"])
    }

    @Test("Unquoted values lose surrounding spaces; empty cells are present")
    func spacesAndEmptyCells() throws {
        #expect(try rows("a;b;c\n  x y  ;   ;\n") == ["2: a=x y|b=|c="])
    }

    /// Unquoted values are scanned eight bytes at a time: a value's end, a CR inside it and a stray
    /// quote are found at every offset within and across those words.
    @Test("Values end, keep a lone CR and break at a quote at every offset", arguments: 0...19)
    func everyOffset(length: Int) throws {
        let value = String((0..<length).map { Character(UnicodeScalar(UInt8(ascii: "a") + UInt8($0 % 26))) })
        #expect(try rows("a;b\n\(value);\(value)x\n\(value)\r\(value);-\r\n") == [
            "2: a=\(value)|b=\(value)x", "3: a=\(value)\r\(value)|b=-",
        ])
        var reader = try CSVReader(bytes: Array("a;b\nq;x\(value)\"\(value)\n1;2\n".utf8), file: "q.csv")
        let failure = error { () throws(IngestError) in _ = try reader.next() }
        #expect(failure?.message == .brokenQuote(field: .fieldNumber(nil), .quoteInUnquotedValue))
        #expect(try reader.next().map(describe) == "3: a=1|b=2")
    }

    @Test("Blank lines are skipped and counted")
    func blankLines() throws {
        #expect(try rows("a;b\n\n1;2\r\n   \r\n\r\n3;4\n\n") == ["3: a=1|b=2", "6: a=3|b=4"])
        #expect(try rows("a;b\n") == [])
        #expect(try rows("a;b") == [])
        #expect(try rows("a;b\n1;2") == ["2: a=1|b=2"])
    }

    @Test("A quote inside an unquoted value is a broken quote, and reading continues after it")
    func brokenQuoteInsideValue() throws {
        var reader = try CSVReader(bytes: Array("id;name;sum\n1;Ivanov;5\n2;Pe\"trov;6\n3;Sidorov;7\n".utf8), file: "pay.csv")
        #expect(try reader.next().map(describe) == "2: id=1|name=Ivanov|sum=5")
        let failure = error { () throws(IngestError) in _ = try reader.next() }
        #expect(failure == IngestError(
            file: "pay.csv", line: 3, column: "name",
            message: .brokenQuote(field: .fieldNumber(nil), .quoteInUnquotedValue)))
        #expect(failure?.description
            == "pay.csv:3: name: broken quote: a \" inside an unquoted value (quote the whole value and double the \": \"\")")
        #expect(try reader.next().map(describe) == "4: id=3|name=Sidorov|sum=7")
        #expect(try reader.next() == nil)
    }

    @Test("A character after a closing quote is a broken quote, and reading continues after it")
    func brokenQuoteAfterClosingQuote() throws {
        var reader = try CSVReader(bytes: Array("id;name\n1;\"multi\nline\"x;\n2;ok\n".utf8), file: "a.csv")
        let failure = error { () throws(IngestError) in _ = try reader.next() }
        #expect(failure == IngestError(
            file: "a.csv", line: 2, column: "name",
            message: .brokenQuote(field: .fieldNumber(nil), .characterAfterClosingQuote)))
        #expect(try rows(&reader) == ["4: id=2|name=ok"])
    }

    @Test("A wrong field count names the expected and found counts, the first column without a value, the fix, and reading continues")
    func wrongFieldCount() throws {
        var reader = try CSVReader(bytes: Array("a;b;c\n1;2\n1;2;3;4\n\"x\ny\";2;3\n".utf8), file: "f.csv")
        let tooFew = error { () throws(IngestError) in _ = try reader.next() }
        #expect(tooFew == IngestError(file: "f.csv", line: 2, column: "c", message: .fieldCount(expected: 3, found: 2, delimiter: ";")))
        #expect(tooFew?.text.english == "f.csv:2: c: expected 3 fields as in the header, found 2: the row ends before this column; "
            + "give every column a value (an empty one is nothing between two ;)")
        #expect(tooFew?.text.russian == "f.csv:2: c: ожидалось полей, как в заголовке: 3, найдено: 2: строка кончается перед этим "
            + "столбцом; у каждого столбца должно быть значение (пустое — ничего между двумя ;)")
        let tooMany = error { () throws(IngestError) in _ = try reader.next() }
        #expect(tooMany == IngestError(file: "f.csv", line: 3, message: .fieldCount(expected: 3, found: 4, delimiter: ";")))
        #expect(tooMany?.text.english == "f.csv:3: expected 3 fields as in the header, found 4: a value that holds ; must be in "
            + "double quotes, and the row may have no more fields than the header")
        #expect(try rows(&reader) == ["4: a=x\ny|b=2|c=3"])
    }

    @Test("A broken quote beyond the header's columns names the field number")
    func brokenQuoteInExtraField() throws {
        var reader = try CSVReader(bytes: Array("a\n1;x\"y\n".utf8), file: "f.csv")
        let failure = error { () throws(IngestError) in _ = try reader.next() }
        #expect(failure == IngestError(
            file: "f.csv", line: 2,
            message: .brokenQuote(field: .fieldNumber(2), .quoteInUnquotedValue)))
        #expect(try reader.next() == nil)
    }

    @Test("A quoted field left open at the end of the file is reported at the line where it began")
    func unterminatedQuote() throws {
        var reader = try CSVReader(bytes: Array("a;b\n1;2\n3;\"open\n\nstill open\n".utf8), file: "u.csv")
        #expect(try reader.next().map(describe) == "2: a=1|b=2")
        let failure = error { () throws(IngestError) in _ = try reader.next() }
        #expect(failure == IngestError(
            file: "u.csv", line: 3, column: "b", message: .unterminatedQuote(field: .fieldNumber(nil))))
        #expect(try reader.next() == nil)
    }

    @Test(
        "A bad header is reported at line 1",
        arguments: [
            ("", IngestError(file: "h.csv", line: 1, message: .emptyCSV)),
            (" \r\n\n", IngestError(file: "h.csv", line: 1, message: .emptyCSV)),
            ("\na;b\n", IngestError(file: "h.csv", line: 1, message: .headerLineEmpty)),
            ("a;;b\n", IngestError(file: "h.csv", line: 1, message: .headerFieldEmpty(2))),
            ("a;b;\n", IngestError(file: "h.csv", line: 1, message: .headerFieldEmpty(3))),
            ("a; b ;b\n", IngestError(file: "h.csv", line: 1, column: "b", message: .duplicateHeaderName)),
            ("a;b\"\n", IngestError(file: "h.csv", line: 1, message: .brokenQuote(field: .fieldNumber(2), .quoteInUnquotedValue))),
        ])
    func badHeader(text: String, expected: IngestError) {
        let failure = error { () throws(IngestError) in _ = try CSVReader(bytes: Array(text.utf8), file: "h.csv") }
        #expect(failure == expected)
    }

    @Test("A BOM-only file is empty")
    func bomOnly() {
        let failure = error { () throws(IngestError) in _ = try CSVReader(bytes: [0xEF, 0xBB, 0xBF], file: "h.csv") }
        #expect(failure?.description == "h.csv:1: the file is empty: a header line with the column names is expected")
    }
}

/// Encodes Cyrillic and ASCII text as windows-1251 (test helper: Ё/ё and А..я only).
func cp1251Bytes(_ text: String) -> [UInt8] {
    text.unicodeScalars.map { scalar -> UInt8 in
        switch scalar.value {
        case 0..<0x80: UInt8(scalar.value)
        case 0x0401: 0xA8
        case 0x0451: 0xB8
        case 0x0410...0x044F: UInt8(scalar.value - 0x0410 + 0xC0)
        default: preconditionFailure("not in the test helper's table: \(scalar)")
        }
    }
}
