import RaschetCore
@testable import RaschetStore
import Testing

/// The format `account_lines.lines` keeps a close's lines in (`PackedChargeLines`): its bytes worked
/// out by hand, every value through a round trip, and damaged values refused.
@Suite struct PackedChargeLinesTests {
    static let october = Period(year: 2026, month: 10)!

    static func packed(_ lines: [ChargeLine], period: Period = october) -> [UInt8] {
        var bytes: [UInt8] = []
        PackedChargeLines.append(lines, period: period, to: &bytes)
        return bytes
    }

    static func unpacked(_ bytes: [UInt8], accountID: String = CloseTablesTests.account, period: Period = october) -> [ChargeLine]? {
        bytes.withUnsafeBytes { PackedChargeLines.lines($0, accountID: accountID, period: period) }
    }

    /// `CloseTablesTests.closed()`'s line, 5.000 м³ × 52.34 with VAT 20 % inside, by hand: every number
    /// is zigzag (n ↦ 2n for n ≥ 0), then 7 bits per byte, lowest first, the high bit on all but the
    /// last. 5.000 = 5,000,000 millionths → 10,000,000 = 4·128³ + 98·128² + 45·128 + 0 → 80 AD E2 04;
    /// 52.34 → 104,680,000 = 49·128³ + 117·128² + 20·128 + 64 → C0 94 F5 31; 20 % → 40,000,000 =
    /// 19·128³ + 9·128² + 52·128 + 0 → 80 B4 89 13; 218.08 → 43,616 = 2·128² + 84·128 + 96 → E0 D4 02;
    /// 43.62 → 8,724 = 68·128 + 20 → 94 44; 261.70 → 52,340 = 3·128² + 24·128 + 116 → F4 98 03.
    @Test func aLineIsPackedByteByByteAsTheFormatSays() {
        let expected: [UInt8] = [
            0x01, 0x02,                                 // format 1, one line
            0x03, 0x48, 0x56, 0x53, 0x03, 0x56, 0x4F, 0x44,  // "HVS", "VOD"
            0x00, 0x00, 0x00, 0x00, 0x00,               // charge, the posting period, single, base, reading
            0x80, 0xAD, 0xE2, 0x04,                     // quantity
            0x04, 0xD0, 0xBC, 0xC2, 0xB3,               // "м³"
            0xC0, 0x94, 0xF5, 0x31, 0x01,               // price, VAT included
            0x80, 0xB4, 0x89, 0x13,                     // VAT rate
            0xE0, 0xD4, 0x02, 0x94, 0x44, 0xF4, 0x98, 0x03,  // net, VAT, gross
            0x00,                                       // no installation
        ]
        let line = CloseTablesTests.closed().lines[0]
        #expect(Self.packed([line]) == expected)
        #expect(Self.unpacked(expected) == [line])
    }

    /// Every case of every enumeration, negative amounts, reference periods back and forth, the
    /// extremes of `Int64`, and an installation absent, empty and present come back as they went in.
    @Test func everyValueComesBackAsItWentIn() {
        var lines: [ChargeLine] = []
        for (index, kind) in ChargeKind.allCases.enumerated() {
            for zone in Zone.allCases {
                for component in ChargeComponent.allCases {
                    for basis in ChargeBasis.allCases {
                        for vatMode in VATMode.allCases {
                            let n = Int64(lines.count)
                            let installation: String? = [nil, "", "ИПУ-\(n)"][lines.count % 3]
                            lines.append(ChargeLine(
                                accountID: CloseTablesTests.account, serviceID: "S\(n % 7)", supplierID: "ВОД", period: Self.october,
                                kind: kind, refPeriod: Period(ordinal: Self.october.ordinal - 35 + index * 20), zone: zone,
                                component: component, basis: basis, quantity: ExactDecimal(micros: -n * 1_234_567),
                                unit: n % 2 == 0 ? "кВт·ч" : "", price: ExactDecimal(micros: n * 999_999), vatMode: vatMode,
                                vatRate: ExactDecimal(micros: n % 3 * 10_000_000),
                                amounts: VATAmounts(net: Money(kopecks: -n), vat: Money(kopecks: n * 3), gross: Money(kopecks: n * 2)),
                                installation: installation))
                        }
                    }
                }
            }
        }
        lines.append(ChargeLine(accountID: CloseTablesTests.account, serviceID: "", supplierID: "", period: Self.october,
                                kind: .recalc, refPeriod: Self.october, basis: .fixed, quantity: ExactDecimal(micros: .min),
                                unit: "", price: ExactDecimal(micros: .max), vatMode: .exempt, vatRate: .zero,
                                amounts: VATAmounts(net: Money(kopecks: .min), vat: Money(kopecks: .max), gross: Money(kopecks: -1))))
        #expect(lines.count == 3 * 5 * 4 * 7 * 3 + 1)
        #expect(Self.unpacked(Self.packed(lines)) == lines)
        #expect(Self.unpacked(Self.packed([])) == [])
    }

    /// A value that is not format 1 decodes to nil (the store then names the account and period as
    /// damaged): any cut short, one byte too many, another version, an unknown case, an endless number,
    /// a gross that is not net + VAT.
    @Test func damagedValuesAreRefused() {
        let whole = Self.packed(CloseTablesTests.closed().lines + CloseTablesTests.closed().lines)
        for length in 0..<whole.count {
            #expect(Self.unpacked(Array(whole[..<length])) == nil, "cut to \(length) bytes")
        }
        #expect(Self.unpacked(whole + [0]) == nil)
        #expect(Self.unpacked([2] + whole.dropFirst()) == nil)
        var unknownKind = Self.packed(CloseTablesTests.closed().lines)
        unknownKind[10] = 3
        #expect(Self.unpacked(unknownKind) == nil)
        #expect(Self.unpacked([1, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02]) == nil)
        #expect(Self.unpacked([1, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00]) == nil)
        #expect(Self.unpacked([1, 0x7E]) == nil)
        var grossOff = Self.packed(CloseTablesTests.closed().lines)
        grossOff[grossOff.count - 4] = 0xF6  // 261.71: net and VAT add up to 261.70
        #expect(Self.unpacked(grossOff) == nil)
    }
}
