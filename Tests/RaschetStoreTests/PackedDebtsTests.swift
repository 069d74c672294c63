import RaschetCore
@testable import RaschetStore
import Testing

/// The format `balances.open_debts` keeps the debts a close left open in (`PackedDebts`): its bytes
/// worked out by hand, a round trip, and damaged values refused.
@Suite struct PackedDebtsTests {
    /// October 2026 owes 1500.00, November 2026 is a credit of 200.00. Every number is zigzag
    /// (n ↦ 2n, −n ↦ 2n − 1), then 7 bits per byte, lowest first: the count 2 → 04; 2026-10 is
    /// ordinal 2026 × 12 + 9 = 24,321 → 48,642 = 2·128² + 124·128 + 2 → 82 FC 02; 150,000 kopecks →
    /// 300,000 = 18·128² + 39·128 + 96 → E0 A7 12; 2026-11 → 48,644 → 84 FC 02; −20,000 kopecks →
    /// 39,999 = 2·128² + 56·128 + 63 → BF B8 02.
    @Test func debtsArePackedByteByByteAndComeBack() {
        let debts = [EarlierDebt(period: Period(year: 2026, month: 10)!, amount: Money(kopecks: 150_000)),
                     EarlierDebt(period: Period(year: 2026, month: 11)!, amount: Money(kopecks: -20_000))]
        let bytes = PackedDebts.packed(debts)
        #expect(bytes == [0x01, 0x04, 0x82, 0xFC, 0x02, 0xE0, 0xA7, 0x12, 0x84, 0xFC, 0x02, 0xBF, 0xB8, 0x02])
        #expect(bytes.withUnsafeBytes { PackedDebts.debts($0) } == debts)
        #expect(PackedDebts.packed([]).withUnsafeBytes { PackedDebts.debts($0) } == [])
    }

    /// No value, another version, a cut or longer value, an amount beyond `Money.limit`: nil, so
    /// that the reader takes the debts from `close_debts`.
    @Test func damagedValuesAreRefused() {
        let good = PackedDebts.packed([EarlierDebt(period: Period(year: 2026, month: 10)!, amount: Money(kopecks: 150_000))])
        var huge = [PackedDebts.version, 0x02, 0x82, 0xFC, 0x02]
        PackedWriter.appendNumber(Money.limit.kopecks + 1, to: &huge)
        for bytes in [[], [0x02] + good.dropFirst(), Array(good.dropLast()), good + [0x00], huge] {
            #expect(bytes.withUnsafeBytes { PackedDebts.debts($0) } == nil, "\(bytes)")
        }
    }
}
