import RaschetCore
import Testing

@Suite struct ExportStreamTests {
    static let header = [ExportTable.Field("from", "2026-08"), ExportTable.Field("to", "2026-10")]
    static let records: [[ExportTable.Field]] = [
        [ExportTable.Field("account", "1"), ExportTable.Field("name", "Офис; склад")],
        [ExportTable.Field("account", "2"), ExportTable.Field("name", "ООО \"Вектор\"")],
    ]

    static func streamed(_ format: ExportStream.Format, _ records: [[ExportTable.Field]]) -> String {
        var stream = ExportStream(format: format, header: header, collection: "rows", columns: ["account", "name"])
        var out = stream.opening()
        for record in records { out += stream.record(record) }
        return out + stream.closing()
    }

    @Test(arguments: [0, 1, 2])
    func aStreamWritesTheSameBytesAsTheTableOfTheSameRecords(count: Int) {
        let records = Array(Self.records.prefix(count))
        let table = ExportTable(header: Self.header, collection: "rows", columns: ["account", "name"], records: records)
        #expect(Self.streamed(.json, records) == table.json)
        #expect(Self.streamed(.csv, records) == table.csv)
    }

    @Test func theJSONStreamOfTwoRecordsIsOneRecordALine() {
        #expect(Self.streamed(.json, Self.records) == """
            {"from":"2026-08","to":"2026-10","rows":[
            {"account":"1","name":"Офис; склад"},
            {"account":"2","name":"ООО \\"Вектор\\""}
            ]}

            """)
    }

    /// `--decimal-comma`: only the numeric columns change (`-1234.56` → `-1234,56`, `0.512` → `0,512`);
    /// the text column keeps its dot, the separator stays `;`, JSON ignores the option.
    @Test func theDecimalCommaChangesOnlyNumericColumnsOfCSV() {
        let record = [ExportTable.Field("account", "1.5"), ExportTable.Field("quantity", "0.512"),
                      ExportTable.Field("gross", "-1234.56"), ExportTable.Field("unit", "кв.")]
        var csv = ExportStream(format: .csv, header: [], collection: "lines", columns: record.map(\.key), decimalComma: true)
        #expect(csv.opening() + csv.record(record) + csv.closing() == "account;quantity;gross;unit\n1.5;0,512;-1234,56;кв.\n")
        var json = ExportStream(format: .json, header: [], collection: "lines", columns: record.map(\.key), decimalComma: true)
        #expect(json.opening() + json.record(record) + json.closing()
            == "{\"lines\":[\n{\"account\":\"1.5\",\"quantity\":\"0.512\",\"gross\":\"-1234.56\",\"unit\":\"кв.\"}\n]}\n")
    }
}
