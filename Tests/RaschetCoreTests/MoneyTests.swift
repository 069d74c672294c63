import RaschetCore
import Testing

@Suite struct MoneyTests {
    @Test(arguments: [
        ("0.00", 0), ("5392.46", 539_246), ("-12.50", -1_250), ("13481,16", 1_348_116), ("7", 700), ("-0,01", -1),
    ])
    func parsesTwoDecimalAmounts(text: String, kopecks: Int64) {
        #expect(Money(parsing: text) == Money(kopecks: kopecks))
    }

    @Test(arguments: ["1.005", "", "-", "1e5", "1 000,00", "12.3.4", "abc"])
    func refusesWhatIsNotAnAmount(text: String) {
        #expect(Money(parsing: text) == nil)
    }

    @Test(arguments: [
        (0, "0.00", "0,00"), (1, "0.01", "0,01"), (-1, "-0.01", "-0,01"), (539_246, "5392.46", "5 392,46"),
        (1_348_116, "13481.16", "13 481,16"), (-123_456_789, "-1234567.89", "-1 234 567,89"),
        (100_000_000_000_00, "100000000000.00", "100 000 000 000,00"), (-100_000, "-1000.00", "-1 000,00"),
        (.min, "-92233720368547758.08", "-92 233 720 368 547 758,08"),
        (.max, "92233720368547758.07", "92 233 720 368 547 758,07"),
    ] as [(Int64, String, String)])
    func formatsForMachinesAndDocuments(kopecks: Int64, machine: String, russian: String) {
        #expect(Money(kopecks: kopecks).machineString == machine)
        #expect(Money(kopecks: kopecks).russianString == russian)
    }

    @Test(arguments: [
        // quantity, price, expected kopecks: half a kopeck rounds away from zero, both signs
        ("1", "0.005", 1), ("1", "-0.005", -1), ("1", "0.004999", 0), ("1", "-0.004999", 0),
        ("3.32", "1353.53", 449_372), ("6.2", "52.34", 32_451), ("0.147", "52.34", 769),
        ("-10.4", "38.15", -39_676), ("1000000", "999999.999999", 99_999_999_999_900),
    ] as [(String, String, Int64)])
    func roundsALineOnceHalfAwayFromZero(quantity: String, price: String, kopecks: Int64) throws {
        let q = try #require(ExactDecimal(parsing: quantity))
        let p = try #require(ExactDecimal(parsing: price))
        #expect(try ExactDecimal.moneyProduct(q, p) == Money(kopecks: kopecks))
    }

    @Test func sumsOfRoundedLinesDifferFromRoundedSums() throws {
        // Three lines of 0.005 rub each round to 0.01 each: the document total is 0.03, not round(0.015) = 0.02.
        let q = ExactDecimal.one
        let p = try #require(ExactDecimal(parsing: "0.005"))
        let lines = try [q, q, q].map { try ExactDecimal.moneyProduct($0, p) }
        #expect(lines.reduce(Money.zero, +) == Money(kopecks: 3))
    }

    @Test func arithmeticIsExactForLargeSums() {
        let large = Money(kopecks: 900_000_000_000_000_00)
        #expect((large + Money(kopecks: 1) - large).kopecks == 1)
        #expect((-large).machineString == "-900000000000000.00")
    }

    @Test(arguments: [(0, 0), (5, 1), (-5, -1), (4, 0), (-4, 0), (15, 2), (-15, -2), (-25, -3)] as [(Int, Int)])
    func dividesTenthsHalfAwayFromZero(tenths: Int, expected: Int) {
        #expect(divideRoundingHalfAwayFromZero(Int128(tenths), by: 10) == Int128(expected))
    }
}
