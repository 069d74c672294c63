import RaschetCore

/// The lines one close posted for one account, packed into the one value of `account_lines.lines`
/// that holds them, in posting order: one row per account and close instead of one per line, which
/// SQLite writes several times faster (Benchmarks/JOURNAL.md, "The close's lines stored one row per account").
///
/// Format 1: a version byte (1), the number of lines, then per line, in this order: service id,
/// supplier id, kind, reference period (months after the posting period, zigzag: recalculations and
/// penalties refer back), zone, component, basis, quantity (millionths), unit, price (millionths),
/// VAT mode, VAT rate (millionths of a percent), net, VAT, gross (kopecks), installation (0 when none,
/// else its length + 1, then its bytes). Texts and numbers (the count of lines too) are `PackedWriter`'s;
/// an enumeration is one byte, the case's position in the tables below, which are part of the format
/// and never reordered.
enum PackedChargeLines {
    static let version: UInt8 = 1

    static let kinds: [ChargeKind] = [.charge, .recalc, .penalty]
    static let zones: [Zone] = [.single, .day, .night, .peak, .halfpeak]
    static let components: [ChargeComponent] = [.base, .coefficientExtra, .absence, .penalty]
    static let bases: [ChargeBasis] = [.reading, .average, .norm, .area, .fixed, .quantity, .penalty]
    static let vatModes: [VATMode] = [.onTop, .included, .exempt]

    /// `lines` (one account's, posted in `period`) in the format, appended to `bytes`.
    static func append(_ lines: [ChargeLine], period: Period, to bytes: inout [UInt8]) {
        // The tables read once per call, not once per line (each read of a global checks that it is
        // made); room for 56 bytes a line (synth data's lines take 48 on average).
        let kinds = Self.kinds, zones = Self.zones, components = Self.components, bases = Self.bases, vatModes = Self.vatModes
        bytes.reserveCapacity(bytes.count + 8 + lines.count * 56)
        bytes.append(version)
        PackedWriter.appendNumber(Int64(lines.count), to: &bytes)
        for line in lines {
            PackedWriter.appendText(line.serviceID, to: &bytes)
            PackedWriter.appendText(line.supplierID, to: &bytes)
            bytes.append(code(line.kind, in: kinds))
            PackedWriter.appendNumber(Int64(line.refPeriod.ordinal - period.ordinal), to: &bytes)
            bytes.append(code(line.zone, in: zones))
            bytes.append(code(line.component, in: components))
            bytes.append(code(line.basis, in: bases))
            PackedWriter.appendNumber(line.quantity.micros, to: &bytes)
            PackedWriter.appendText(line.unit, to: &bytes)
            PackedWriter.appendNumber(line.price.micros, to: &bytes)
            bytes.append(code(line.vatMode, in: vatModes))
            PackedWriter.appendNumber(line.vatRate.micros, to: &bytes)
            PackedWriter.appendNumber(line.net.kopecks, to: &bytes)
            PackedWriter.appendNumber(line.vat.kopecks, to: &bytes)
            PackedWriter.appendNumber(line.gross.kopecks, to: &bytes)
            if let installation = line.installation {
                PackedWriter.appendText(installation, lengthBias: 1, to: &bytes)
            } else {
                bytes.append(0)
            }
        }
    }

    /// The lines packed in `bytes`, of `accountID`, posted in `period`; nil when `bytes` are not
    /// format 1 or a line's net and VAT do not add up to its gross (a damaged file).
    static func lines(_ bytes: UnsafeRawBufferPointer, accountID: String, period: Period) -> [ChargeLine]? {
        var reader = PackedReader(bytes: bytes)
        guard let count = reader.count(version: version) else { return nil }
        var lines: [ChargeLine] = []
        lines.reserveCapacity(count)
        for _ in 0..<count {
            guard let serviceID = reader.text(), let supplierID = reader.text(), let kind = reader.code(kinds),
                  let offset = reader.number(), offset.magnitude < 1 << 20, let zone = reader.code(zones),
                  let component = reader.code(components), let basis = reader.code(bases),
                  let quantity = reader.number(), let unit = reader.text(), let price = reader.number(),
                  let vatMode = reader.code(vatModes), let vatRate = reader.number(), let net = reader.number(),
                  let vat = reader.number(), let gross = reader.number(), let installation = reader.optionalText(),
                  net.addingReportingOverflow(vat) == (gross, false)
            else { return nil }
            lines.append(ChargeLine(
                accountID: accountID, serviceID: serviceID, supplierID: supplierID, period: period, kind: kind,
                refPeriod: Period(ordinal: period.ordinal + Int(offset)), zone: zone, component: component, basis: basis,
                quantity: ExactDecimal(micros: quantity), unit: unit, price: ExactDecimal(micros: price), vatMode: vatMode,
                vatRate: ExactDecimal(micros: vatRate),
                amounts: VATAmounts(net: Money(kopecks: net), vat: Money(kopecks: vat), gross: Money(kopecks: gross)),
                installation: installation))
        }
        return reader.isAtEnd ? lines : nil
    }

    private static func code<T: Equatable>(_ value: T, in table: [T]) -> UInt8 {
        UInt8(table.firstIndex(of: value)!)
    }
}
