import RaschetIngest
import Testing

@Suite struct ImportReportListingTests {
    @Test func eachFileListsItsFirstProblemsThenCountsTheRest() {
        var problems: [IngestError] = []
        for line in 2...6 { problems.append(IngestError(file: "a.csv", line: line, column: "date", message: "bad date")) }
        problems.append(IngestError(file: "b.csv", line: 2, message: "bad row"))
        let report = ImportReport(problems: problems, rejected: [:], headers: [:])
        #expect(report.listing(limit: 2) == [
            "a.csv:2: date: bad date",
            "a.csv:3: date: bad date",
            "b.csv:2: bad row",
            "a.csv: 3 more problem(s) not listed (the first 2 are above); fix those and import again to see the rest",
        ])
        #expect(report.listing().count == 6)
    }
}
