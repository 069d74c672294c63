import RaschetCore
import Testing

@Suite struct ExactDecimalTests {
    @Test(arguments: [
        ("3.32", 3_320_000, "3.32"), ("3,320000", 3_320_000, "3.32"), ("0.000001", 1, "0.000001"),
        ("-0.5", -500_000, "-0.5"), ("+7", 7_000_000, "7"), ("54.30", 54_300_000, "54.3"), ("0", 0, "0"),
        ("1353.53", 1_353_530_000, "1353.53"),
    ] as [(String, Int64, String)])
    func parsesAndTrimsTrailingZeros(text: String, micros: Int64, machine: String) {
        let value = ExactDecimal(parsing: text)
        #expect(value?.micros == micros)
        #expect(value?.machineString == machine)
    }

    @Test(arguments: ["0.0000001", "1,2,3", ".", "-", "1e3", " 1", "1 ", "NaN"])
    func refusesMoreThanSixDecimalsAndNonNumbers(text: String) {
        #expect(ExactDecimal(parsing: text) == nil)
    }

    @Test func multipliesExactlyAndRoundsToSixDecimals() throws {
        let a = try #require(ExactDecimal(parsing: "2.000001"))
        let b = try #require(ExactDecimal(parsing: "0.5"))
        #expect((a * b).machineString == "1.000001")  // 1.0000005 rounds away from zero
        #expect((-a * b).machineString == "-1.000001")
    }

    @Test func printsWithADecimalCommaForDocuments() throws {
        #expect(try #require(ExactDecimal(parsing: "-10.400")).russianString == "-10,4")
    }

    @Test func printsTheExtremesWhole() {
        #expect(ExactDecimal(micros: .min).machineString == "-9223372036854.775808")
        #expect(ExactDecimal(micros: .max).russianString == "9223372036854,775807")
        #expect(ExactDecimal(micros: -5_000).machineString == "-0.005")
    }
}
