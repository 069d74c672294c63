import RaschetCore
import Testing

@Suite struct VATCalculationTests {
    @Test(arguments: [
        // on_top 20: net = round(3.32 × 1353.53 = 4493.7196) = 4493.72; vat = round(898.744) = 898.74; gross 5392.46
        ("3.32", "1353.53", VATMode.onTop, 20, "4493.72", "898.74", "5392.46"),
        // on_top 22: vat = round(4493.72 × 0.22 = 988.6184) = 988.62; gross 5482.34
        ("3.32", "1353.53", .onTop, 22, "4493.72", "988.62", "5482.34"),
        // included 20: gross = round(6.2 × 52.34 = 324.508) = 324.51; vat = round(324.51 × 20/120 = 54.085) = 54.09
        ("6.2", "52.34", .included, 20, "270.42", "54.09", "324.51"),
        // included 22: vat = round(324.51 × 22/122 = 58.518...) = 58.52; net = 265.99
        ("6.2", "52.34", .included, 22, "265.99", "58.52", "324.51"),
        // negative on_top 20: net = round(-10.4 × 38.15 = -396.76); vat = round(-79.352) = -79.35
        ("-10.4", "38.15", .onTop, 20, "-396.76", "-79.35", "-476.11"),
        // negative included 22: the mirror of the positive line
        ("-6.2", "52.34", .included, 22, "-265.99", "-58.52", "-324.51"),
        // half a kopeck of VAT rounds away from zero: 0.25 × 0.22 = 0.055 -> 0.06, -0.055 -> -0.06
        ("1", "0.25", .onTop, 22, "0.25", "0.06", "0.31"),
        ("1", "-0.25", .onTop, 22, "-0.25", "-0.06", "-0.31"),
        // included: 0.03 × 20/120 = 0.005 -> 0.01; net 0.02
        ("1", "0.03", .included, 20, "0.02", "0.01", "0.03"),
        ("-1", "0.03", .included, 20, "-0.02", "-0.01", "-0.03"),
        // exempt: round(2 × 100.005 = 200.01), no VAT whatever the rate
        ("2", "100.005", .exempt, 22, "200.01", "0.00", "200.01"),
        ("-2", "100.005", .exempt, 0, "-200.01", "0.00", "-200.01"),
    ] as [(String, String, VATMode, Int, String, String, String)])
    func computesVATPerLine(quantity: String, price: String, mode: VATMode, rate: Int, net: String, vat: String,
                            gross: String) throws {
        let amounts = try VATCalculation.line(quantity: dec(quantity), price: dec(price), mode: mode, rate: ExactDecimal(rate))
        #expect(amounts == VATAmounts(net: rub(net), vat: rub(vat), gross: rub(gross)))
        #expect(amounts.net + amounts.vat == amounts.gross)
    }

    @Test(arguments: [
        ("2024-06", 20), ("2025-12", 20), ("2026-01", 22), ("2026-10", 22), ("2030-01", 22),
    ])
    func ratesFollowTheDeliveryPeriod(period: String, rate: Int) throws {
        #expect(try Fixture.rules.vatRate(for: month(period), mode: .onTop) == ExactDecimal(rate))
        #expect(try Fixture.rules.vatRate(for: month(period), mode: .exempt) == .zero)
    }

    @Test func aPeriodBeforeTheTableHasNoRate() {
        let rules = BillingRules.legalDefaults
        var custom = rules
        custom.vatRates = VATRateTable([.init(from: month("2026-01"), value: ExactDecimal(22))])
        #expect(throws: BillingError.self) { try custom.vatRate(for: month("2025-12"), mode: .included) }
    }
}
