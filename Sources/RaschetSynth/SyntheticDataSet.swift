public import RaschetCore

/// A deterministic synthetic data set in the SPEC section 3 CSV formats, for `raschet synth`,
/// load tests and benchmarks.
///
/// The same `(accounts, seed, period)` always gives the same bytes, on every platform: the
/// randomness is SplitMix64 keyed by the seed and the account index (no system generator, no
/// clock, no `Dictionary` iteration). The set is ready to close for `period`:
///
/// - about 90 % households in buildings of 240 flats (addresses from a small list of towns and
///   streets, Russian names), about 10 % business contracts (ООО «…» or ИП, VAT on top);
/// - every method: cold/hot water and electricity meters (single-rate and day/night), water
///   and electricity by norm, area (heating, maintenance, capital repair), fixed (intercom),
///   quantity (common-property volumes, waste by contract, supplier-provided heat volumes);
/// - readings on a day from the 15th to the 25th of every month from `historyMonths + 1`
///   months before the period (the baseline) through the period, so averages exist; about 3 %
///   of metered accounts have no reading in the period, a few cold-water registers wrap
///   (`rollover=1`); supplier volumes for business heat and wastewater in the same months;
/// - one payment in the period for most accounts (for the previous period: some overpay, some
///   pay half, about 6 % of households and 8 % of businesses pay nothing); a few absences;
/// - the suppliers, services, tariffs and key rates of `Fixtures/`.
///
/// Accounts are numbered `30` + 8 digits (households) and `50` + 8 digits (businesses), the
/// digits being the account's position from 1, so at most 99 999 999 accounts.
public struct SyntheticDataSet: Sendable {
    public let accounts: Int
    public let seed: UInt64
    public let period: Period
    /// Months of consumption history before the period: readings are written from
    /// `historyMonths + 1` months before the period (the baseline) through the period, and
    /// business volumes for every month after the baseline. The default 4 gives the "at least
    /// 3 months" average of a newer meter; RULES.md asks 6 months for an older one (set 6 for
    /// that, at about 40 % more readings).
    public var historyMonths: Int = 4
    /// Consecutive months of data (`generateMonth`): the first is `generate`'s set for `period`, each
    /// later one what arrives before its close. With more than one, `generate` leaves out the
    /// payments that arrive late (they are in the second month's files).
    public var months: Int = 1

    /// The file names `generate` writes, in the order it writes them (dependency order).
    public static let fileNames = [
        "suppliers.csv", "services.csv", "tariffs.csv", "key_rates.csv", "accounts.csv",
        "account_services.csv", "meters.csv", "readings.csv", "volumes.csv", "payments.csv", "absences.csv",
    ]

    /// Chunks handed to `write` are cut at row boundaries once they reach this size.
    public static let chunkSize = 1 << 20

    /// The periods a data set can be made for: its readings start up to 25 months before the period
    /// (`--history-months` 24) and its meters' verification dates lie years after it, all within the
    /// calendar's years 1900...9999.
    public static let periods = Period(year: 1903, month: 1)!...Period(year: 9979, month: 12)!

    public init(accounts: Int, seed: UInt64, period: Period) {
        precondition((0...99_999_999).contains(accounts), "accounts must be 0...99 999 999")
        precondition(Self.periods.contains(period), "the period must be within SyntheticDataSet.periods")
        self.accounts = accounts
        self.seed = seed
        self.period = period
    }

    /// Writes every entity file, in dependency order (`fileNames`), in the SPEC CSV formats
    /// (`;`, UTF-8 without BOM, header row with every SPEC column): calls `write(fileName, chunk)`
    /// with successive chunks of about 1 MiB, each ending at a row boundary, so that a million
    /// accounts never sit in memory as one buffer. Every file gets at least one chunk (its header).
    ///
    /// - Complexity: O(accounts × historyMonths) time; O(chunkSize) memory.
    public func generate(_ write: (String, [UInt8]) throws -> Void) rethrows {
        precondition(historyMonths >= 1 && historyMonths <= 24, "historyMonths must be 1...24")
        precondition(months >= 1, "months must be positive")
        try stream(.suppliers, count: 1, write) { out, _ in writeSuppliers(&out) }
        try stream(.services, count: 1, write) { out, _ in writeServices(&out) }
        try stream(.tariffs, count: 1, write) { out, _ in writeTariffs(&out) }
        try stream(.keyRates, count: 1, write) { out, _ in writeKeyRates(&out) }
        try stream(.accounts, count: accounts, write) { out, i in
            writeAccount(&out, profile(i))
        }
        try stream(.accountServices, count: accounts, write) { out, i in
            writeAccountServices(&out, profile(i))
        }
        try stream(.meters, count: accounts, write) { out, i in
            writeMeters(&out, profile(i))
        }
        try stream(.readings, count: accounts, write) { out, i in
            writeReadings(&out, profile(i))
        }
        try stream(.volumes, count: accounts, write) { out, i in
            writeVolumes(&out, profile(i))
        }
        try stream(.payments, count: accounts, write) { out, i in
            let p = profile(i)
            if !paysLate(p, month: 0) { writePayment(&out, p, month: period) }
        }
        try stream(.absences, count: accounts, write) { out, i in
            let p = profile(i)
            if p.absence { writeAbsence(&out, p, month: period, stream: 8) }
        }
    }

    /// Runs `rows` for `0..<count` into the buffer of `kind`'s file (its header first), handing
    /// it to `write` whenever it is full.
    func stream(_ kind: EntityKind, count: Int,
                        _ write: (String, [UInt8]) throws -> Void,
                        rows: (inout [UInt8], Int) -> Void) rethrows {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(Self.chunkSize + 16 * 1024)
        buffer.put(Self.header(kind))
        buffer.newline()
        for i in 0..<count {
            rows(&buffer, i)
            if buffer.count >= Self.chunkSize {
                try write(kind.name + ".csv", buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if !buffer.isEmpty { try write(kind.name + ".csv", buffer) }
    }

    // MARK: - Derived dates

    /// The first month with a reading (the baseline).
    var firstReadingMonth: Period { Period(ordinal: period.ordinal - historyMonths - 1) }

    /// Accounts are opened, and meters installed, at least a month before the first reading.
    var openedBefore: CivilDate { firstReadingMonth.firstDay.adding(days: -31) }

    func profile(_ index: Int) -> AccountProfile {
        AccountProfile(seed: seed, index: index, openedBefore: openedBefore)
    }
}

extension SyntheticDataSet {
    /// The header row of an entity's file: every column of the column table, in SPEC order.
    static func header(_ kind: EntityKind) -> [UInt8] { Array(kind.columns.names.joined(separator: ";").utf8) }

    /// Per entity (by `EntityKind.position`), the separators of the columns added after the
    /// first schema, which the generator leaves empty.
    /// - Precondition: they come last in the column table.
    static let addedColumnCells: [[UInt8]] = EntityKind.allCases.map { kind in
        let columns = kind.columns.columns
        let first = columns.prefix { $0.addedBy == nil }.count
        precondition(columns[first...].allSatisfy { $0.addedBy != nil }, "\(kind.name): columns added later come last")
        return Array(repeating: UInt8(ascii: ";"), count: columns.count - first)
    }
}
