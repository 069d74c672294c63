import RaschetCore
@testable import RaschetSynth
import Testing

@Suite struct CSVBytesTests {
    @Test(arguments: [(0, 1, "0"), (7, 1, "7"), (42, 1, "42"), (7, 3, "007"), (2026, 4, "2026"), (123_456, 2, "123456"),
                      (Int(Int32.max), 1, "2147483647")])
    func writesIntegersWithPadding(value: Int, width: Int, text: String) {
        var out: [UInt8] = []
        out.put(value, width: width)
        #expect(String(decoding: out, as: UTF8.self) == text)
    }

    @Test(arguments: [(5_430, 2, "54.30"), (5, 2, "0.05"), (0, 3, "0.000"), (99_993_402, 3, "99993.402"), (11_220, 0, "11220")])
    func writesFixedPointValues(units: Int, decimals: Int, text: String) {
        var out: [UInt8] = []
        out.put(fixed: units, decimals: decimals)
        #expect(String(decoding: out, as: UTF8.self) == text)
    }

    @Test func writesDatesAndPeriods() throws {
        var out: [UInt8] = []
        out.put(try #require(CivilDate(year: 2026, month: 3, day: 5)))
        out.separator()
        out.put(try #require(Period(year: 2026, month: 11)))
        #expect(String(decoding: out, as: UTF8.self) == "2026-03-05;2026-11")
    }
}
