import RaschetCore
import RaschetIngest
import RaschetTesting
import Testing

@Suite struct ProblemListTests {
    @Test func eachFileListsItsFirstProblemsThenCountsTheRest() {
        var problems = ProblemList(limit: 2)
        for line in 2...6 { problems.append(IngestError(file: "a.csv", line: line, column: "date", message: .expectedDate)) }
        problems.append(IngestError(file: "b.csv", line: 2, message: .fieldCount(expected: 3, found: 4, delimiter: ";")))
        #expect(problems.count == 6)
        #expect(problems.listed.map(\.line) == [2, 3, 2])
        #expect(problems.lines.map(\.english) == [
            "a.csv:2: date: a date; write YYYY-MM-DD or DD.MM.YYYY",
            "a.csv:3: date: a date; write YYYY-MM-DD or DD.MM.YYYY",
            "b.csv:2: expected 3 fields as in the header, found 4: a value that holds ; must be in double quotes, and the row may have "
                + "no more fields than the header",
            "a.csv: 3 more problems not listed (the first 2 are above); fix those and import again to see the rest",
        ])
        #expect(problems.lines.map(\.russian) == [
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
        var problems = ProblemList(limit: 1)
        for line in 2...4 {
            problems.append(IngestError(file: "a.xml", line: line, message: .expectedDate))
            problems.append(IngestError(file: "b.csv", line: line, message: .expectedDate))
        }
        problems.append(IngestError(file: "a.xml", line: 5, message: .expectedDate))
        #expect(problems.count == 7)
        #expect(problems.lines.map(\.english) == [
            "a.xml:2: a date; write YYYY-MM-DD or DD.MM.YYYY",
            "b.csv:2: a date; write YYYY-MM-DD or DD.MM.YYYY",
            "a.xml: 3 more problems not listed (the first is above); fix those and import again to see the rest",
            "b.csv: 2 more problems not listed (the first is above); fix those and import again to see the rest",
        ])
    }

    /// An import keeps the first 100 problems of each file and counts the others, so that a file
    /// whose every row is refused is not held in memory; `--partial` hands each refused row to its
    /// output as it comes.
    @Test func anImportKeepsTheFirstHundredProblemsOfAFileAndPassesOnEveryRefusedRow() throws {
        let folder = try TemporaryFolder("raschet-ingest")
        defer { folder.remove() }
        var csv = "meter_id;date;value;zone;source;rollover\n"
        for meter in 1...250 {
            csv += "X\(meter);2026-10-15;1;single;cabinet;0\n"
        }
        let path = try folder.write("readings.csv", csv)
        let rejected = CollectedRejectedRows()
        let (data, report) = try Importer().read([.init(path: path, kind: .readings)], rejectedRows: rejected)
        #expect(data.readings.isEmpty)
        #expect(report.problemCount == 250)
        #expect(report.problems.count == 100)
        #expect(report.problems.last?.description == path + ":101: meter_id: unknown meter \"X100\"; import it in meters first")
        #expect(report.listing().count == 101)
        #expect(report.listing().last?.english
            == path + ": 150 more problems not listed (the first 100 are above); fix those and import again to see the rest")
        #expect(report.rejectedRows == [path: 250])
        #expect(rejected.rows.map(\.row.record.line) == Array(2...251))
    }
}

/// An import that any problem refuses stops storing at its first problem and goes on checking.
@Suite struct StoresAfterAProblemTests {
    @Test func fromTheFirstProblemOnTheRowsAreOnlyChecked() throws {
        let folder = try TemporaryFolder("raschet-ingest")
        defer { folder.remove() }
        let path = try folder.write("accounts.csv", """
            account_id;kind;name;address;area;residents;opened
            1001;person;Житель 1;г. Вологда, кв. 1;54,30;2;2026-01-15
            1002;person;Житель 2;г. Вологда, кв. 2;-5;2;2026-01-15
            1003;person;Житель 3;г. Вологда, кв. 3;40,00;1;2026-01-15
            1001;person;Житель 1;г. Вологда, кв. 1;54,30;2;2026-01-15

            """)
        for stores in [true, false] {
            let (data, report) = try Importer(storesAfterAProblem: stores).read([.init(path: path, kind: .accounts)])
            #expect(data.accounts.map(\.id) == (stores ? ["1001", "1003"] : ["1001"]))
            #expect(report.problems.map(\.description) == [
                path + ":3: area: -5 is negative; it must be 0 or more",
                path + ":5: account_id: duplicate key 1001 (first on line 2); keep one of the rows",
            ])
        }
    }
}
