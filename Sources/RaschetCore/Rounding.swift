/// Integer division that rounds half away from zero: the one rounding rule of SPEC section 1
/// (0.005 -> 0.01, -0.005 -> -0.01).
///
/// - Precondition: `divisor > 0`.
@inlinable
public func divideRoundingHalfAwayFromZero(_ dividend: Int128, by divisor: Int128) -> Int128 {
    precondition(divisor > 0, "divisor must be positive")
    let magnitude = dividend.magnitude
    let d = divisor.magnitude
    let (q, r) = magnitude.quotientAndRemainder(dividingBy: d)
    let rounded = r * 2 >= d ? q + 1 : q
    return dividend < 0 ? -Int128(rounded) : Int128(rounded)
}
