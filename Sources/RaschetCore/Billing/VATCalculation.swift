/// VAT of a line (SPEC section 2, НК ст. 164), rounded per line half away from zero.
///
/// - `on_top`:   net = round(qty × price); vat = round(net × rate / 100); gross = net + vat.
/// - `included`: gross = round(qty × price); vat = round(gross × rate / (100 + rate)); net = gross − vat.
/// - `exempt`:   net = gross = round(qty × price); vat = 0.
///
/// Each step rounds an exact integer ratio once (`divideRoundingHalfAwayFromZero`), so negative
/// lines (credits, recalculations) are the exact mirror of positive ones.
public enum VATCalculation {
    /// The amounts of a line of `quantity` at `price`, VAT mode `mode`, rate `rate` percent.
    /// - Throws: an `overflow` billing error when the amount exceeds `Money.limit`.
    public static func line(quantity: ExactDecimal, price: ExactDecimal, mode: VATMode,
                            rate: ExactDecimal) throws(BillingError) -> VATAmounts {
        split(try ExactDecimal.moneyProduct(quantity, price), mode: mode, rate: rate)
    }

    /// Splits an already rounded line amount: the net for `on_top`, the gross for `included`.
    /// With |amount| ≤ `Money.limit` and a rate of 0…100 % (settings are checked) nothing overflows.
    public static func split(_ amount: Money, mode: VATMode, rate: ExactDecimal) -> VATAmounts {
        switch mode {
        case .onTop:
            let vat = vatOnTop(of: amount, rate: rate)
            return VATAmounts(net: amount, vat: vat, gross: amount + vat)
        case .included:
            let vat = vatIncluded(in: amount, rate: rate)
            return VATAmounts(net: amount - vat, vat: vat, gross: amount)
        case .exempt:
            return VATAmounts(net: amount, vat: .zero, gross: amount)
        }
    }

    /// round(net × rate / 100).
    public static func vatOnTop(of net: Money, rate: ExactDecimal) -> Money {
        let numerator = Int128(net.kopecks) * Int128(rate.micros)
        return Money(kopecks: Int64(divideRoundingHalfAwayFromZero(numerator, by: 100 * 1_000_000)))
    }

    /// round(gross × rate / (100 + rate)).
    /// - Precondition: `rate > -100`.
    public static func vatIncluded(in gross: Money, rate: ExactDecimal) -> Money {
        let numerator = Int128(gross.kopecks) * Int128(rate.micros)
        let denominator = Int128(100 * 1_000_000) + Int128(rate.micros)
        return Money(kopecks: Int64(divideRoundingHalfAwayFromZero(numerator, by: denominator)))
    }
}
