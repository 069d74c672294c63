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
}
