import RaschetCore
import RaschetIngest
import Testing

@Suite struct ImportReportListingTests {
    @Test func eachFileListsItsFirstProblemsThenCountsTheRest() {
        var problems: [IngestError] = []
        for line in 2...6 { problems.append(IngestError(file: "a.csv", line: line, column: "date", message: .expectedDate)) }
        problems.append(IngestError(file: "b.csv", line: 2, message: .fieldCount(expected: 3, found: 4, delimiter: ";")))
        let report = ImportReport(problems: problems, rejected: [:], headers: [:])
        #expect(report.listing(limit: 2).map(\.english) == [
            "a.csv:2: date: a date; write YYYY-MM-DD or DD.MM.YYYY",
            "a.csv:3: date: a date; write YYYY-MM-DD or DD.MM.YYYY",
            "b.csv:2: expected 3 fields as in the header, found 4: a value that holds ; must be in double quotes, and the row may have "
                + "no more fields than the header",
            "a.csv: 3 more problems not listed (the first 2 are above); fix those and import again to see the rest",
        ])
        #expect(report.listing().count == 6)
        #expect(report.listing(limit: 2).map(\.russian) == [
            "a.csv:2: date: дата; пишите ГГГГ-ММ-ДД или ДД.ММ.ГГГГ",
            "a.csv:3: date: дата; пишите ГГГГ-ММ-ДД или ДД.ММ.ГГГГ",
            "b.csv:2: ожидалось полей, как в заголовке: 3, найдено: 4: значение, содержащее ;, заключите в двойные кавычки, а лишних "
                + "полей в строке быть не должно",
            "a.csv: еще ошибок не показано: 3 (выше первые 2); исправьте их и повторите импорт, чтобы увидеть остальные",
        ])
    }

    /// Problems of two files in turn (an XML file's collections are checked entity by entity, between
    /// other files): each file still gets one line counting what is not listed.
    @Test func filesWhoseProblemsAlternateGetOneCountEach() {
        var problems: [IngestError] = []
        for line in 2...4 {
            problems.append(IngestError(file: "a.xml", line: line, message: .expectedDate))
            problems.append(IngestError(file: "b.csv", line: line, message: .expectedDate))
        }
        problems.append(IngestError(file: "a.xml", line: 5, message: .expectedDate))
        let report = ImportReport(problems: problems, rejected: [:], headers: [:])
        #expect(report.listing(limit: 1).map(\.english) == [
            "a.xml:2: a date; write YYYY-MM-DD or DD.MM.YYYY",
            "b.csv:2: a date; write YYYY-MM-DD or DD.MM.YYYY",
            "a.xml: 3 more problems not listed (the first is above); fix those and import again to see the rest",
            "b.csv: 2 more problems not listed (the first is above); fix those and import again to see the rest",
        ])
    }
}
