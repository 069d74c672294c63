import RaschetCore

/// The debts a close left open for one account (`AccountCloseOutcome.openDebts`), packed into the
/// one value of `balances.open_debts` that holds them, oldest first.
///
/// Format 1: a version byte (1), the number of debts, then per debt its period (`Period.ordinal`)
/// and amount in kopecks, every number `PackedWriter`'s.
enum PackedDebts {
    static let version: UInt8 = 1

    static func packed(_ debts: [EarlierDebt]) -> [UInt8] {
        var bytes = [version]
        PackedWriter.appendNumber(Int64(debts.count), to: &bytes)
        for debt in debts {
            PackedWriter.appendNumber(Int64(debt.period.ordinal), to: &bytes)
            PackedWriter.appendNumber(debt.amount.kopecks, to: &bytes)
        }
        return bytes
    }

    /// The debts packed in `bytes`; nil when they are not format 1 or an amount is beyond
    /// `Money.limit` (a damaged value: the reader then takes the debts from `close_debts`).
    static func debts(_ bytes: UnsafeRawBufferPointer) -> [EarlierDebt]? {
        var reader = PackedReader(bytes: bytes)
        guard let count = reader.count(version: version) else { return nil }
        var debts: [EarlierDebt] = []
        debts.reserveCapacity(count)
        for _ in 0..<count {
            guard let ordinal = reader.number(), ordinal.magnitude < 1 << 31, let kopecks = reader.number(),
                  kopecks.magnitude <= Money.limit.kopecks.magnitude
            else { return nil }
            debts.append(EarlierDebt(period: Period(ordinal: Int(ordinal)), amount: Money(kopecks: kopecks)))
        }
        return reader.isAtEnd ? debts : nil
    }
}
