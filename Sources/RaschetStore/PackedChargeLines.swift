import RaschetCore

/// The lines one close posted for one account, packed into the one value of `account_lines.lines`
/// that holds them, in posting order: one row per account and close instead of one per line, which
/// SQLite writes several times faster (BENCHMARKS.md, "The close's lines stored one row per account").
///
/// Format 1: a version byte (1), the number of lines, then per line, in this order: service id,
/// supplier id, kind, reference period (months after the posting period, zigzag: recalculations and
/// penalties refer back), zone, component, basis, quantity (millionths), unit, price (millionths),
/// VAT mode, VAT rate (millionths of a percent), net, VAT, gross (kopecks), installation (0 when none,
/// else its length + 1, then its bytes). A text is its UTF-8 length then its bytes; lengths are LEB128
/// varints, every other number (the count of lines too) a zigzag LEB128 varint; an enumeration is one
/// byte, the case's position in the tables below, which are part of the format and never reordered.
enum PackedChargeLines {
    static let version: UInt8 = 1

    static let kinds: [ChargeKind] = [.charge, .recalc, .penalty]
    static let zones: [Zone] = [.single, .day, .night, .peak, .halfpeak]
    static let components: [ChargeComponent] = [.base, .coefficientExtra, .absence, .penalty]
    static let bases: [ChargeBasis] = [.reading, .average, .norm, .area, .fixed, .quantity, .penalty]
    static let vatModes: [VATMode] = [.onTop, .included, .exempt]

    /// `lines` (one account's, posted in `period`) in the format, appended to `bytes`.
    static func append(_ lines: [ChargeLine], period: Period, to bytes: inout [UInt8]) {
        bytes.append(version)
        appendNumber(Int64(lines.count), to: &bytes)
        for line in lines {
            appendText(line.serviceID, to: &bytes)
            appendText(line.supplierID, to: &bytes)
            bytes.append(code(line.kind, in: kinds))
            appendNumber(Int64(line.refPeriod.ordinal - period.ordinal), to: &bytes)
            bytes.append(code(line.zone, in: zones))
            bytes.append(code(line.component, in: components))
            bytes.append(code(line.basis, in: bases))
            appendNumber(line.quantity.micros, to: &bytes)
            appendText(line.unit, to: &bytes)
            appendNumber(line.price.micros, to: &bytes)
            bytes.append(code(line.vatMode, in: vatModes))
            appendNumber(line.vatRate.micros, to: &bytes)
            appendNumber(line.net.kopecks, to: &bytes)
            appendNumber(line.vat.kopecks, to: &bytes)
            appendNumber(line.gross.kopecks, to: &bytes)
            if let installation = line.installation {
                appendText(installation, lengthBias: 1, to: &bytes)
            } else {
                bytes.append(0)
            }
        }
    }

    /// The lines packed in `bytes`, of `accountID`, posted in `period`; nil when `bytes` are not
    /// format 1 or a line's net and VAT do not add up to its gross (a damaged file).
    static func lines(_ bytes: UnsafeRawBufferPointer, accountID: String, period: Period) -> [ChargeLine]? {
        var reader = Reader(bytes: bytes)
        guard reader.byte() == version, let count = reader.number(), count >= 0, count <= Int64(bytes.count) else {
            return nil
        }
        var lines: [ChargeLine] = []
        lines.reserveCapacity(Int(count))
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

    /// `text`'s UTF-8 length plus `lengthBias` (1 for an installation, whose 0 means none), then its bytes.
    private static func appendText(_ text: String, lengthBias: UInt64 = 0, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            appendUnsigned(UInt64(utf8.count) + lengthBias, to: &bytes)
            bytes.append(contentsOf: utf8)
        }
    }

    private static func appendNumber(_ value: Int64, to bytes: inout [UInt8]) {
        appendUnsigned(UInt64(bitPattern: (value << 1) ^ (value >> 63)), to: &bytes)
    }

    private static func appendUnsigned(_ value: UInt64, to bytes: inout [UInt8]) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// Reads the format from the front; every read is nil past the end or on a malformed value.
    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var position = 0

        var isAtEnd: Bool { position == bytes.count }

        mutating func byte() -> UInt8? {
            guard position < bytes.count else { return nil }
            defer { position += 1 }
            return bytes[position]
        }

        mutating func unsigned() -> UInt64? {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while let next = byte() {
                guard shift < 64, shift < 63 || next <= 1 else { return nil }
                value |= UInt64(next & 0x7F) << shift
                if next < 0x80 { return value }
                shift += 7
            }
            return nil
        }

        mutating func number() -> Int64? {
            guard let zigzag = unsigned() else { return nil }
            return Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1)
        }

        mutating func code<T>(_ table: [T]) -> T? {
            guard let index = byte(), Int(index) < table.count else { return nil }
            return table[Int(index)]
        }

        mutating func text() -> String? {
            guard let length = unsigned() else { return nil }
            return utf8(length)
        }

        /// An installation: nil for 0, else a text of the length less one. The outer nil is malformed.
        mutating func optionalText() -> String?? {
            guard let length = unsigned() else { return nil }
            if length == 0 { return .some(nil) }
            guard let text = utf8(length - 1) else { return nil }
            return .some(text)
        }

        private mutating func utf8(_ length: UInt64) -> String? {
            guard length <= UInt64(bytes.count - position) else { return nil }
            let start = position
            position += Int(length)
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        }
    }
}
