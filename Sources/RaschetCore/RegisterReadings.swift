/// The readings of every meter register (meter + zone) an import knows — the stored ones and those
/// accepted so far from the import's own files — so that each new reading is checked against its
/// neighbours by date (README, "import": a reading lower than the previous one without the rollover
/// mark is a row error).
///
/// Compact (24 bytes a reading, one array per register) because an import may bring millions; the
/// arrays stay sorted by date, and rows that arrive in date order append.
public struct RegisterReadings: Sendable {
    /// A known reading next to a new one.
    public struct Neighbour: Sendable, Hashable {
        public var date: CivilDate
        public var value: ExactDecimal
        public var rollover: Bool
        /// Where it came from: nil for a stored reading, else the import's file and line.
        public var file: String?
        public var line: Int?
    }

    private struct Key: Hashable {
        var meterID: String
        var zone: Zone
    }

    private struct Entry {
        var micros: Int64
        var day: Int32
        /// The line in `files[file]`, 0 for a stored reading.
        var line: Int32
        /// An index into `files`, -1 for a stored reading.
        var file: Int32
        var rollover: Bool
    }

    private var registers: [Key: [Entry]] = [:]
    private var files: [String] = []
    private var fileIndex: [String: Int32] = [:]

    public init() {}

    /// Adds a stored reading.
    public mutating func addStored(_ reading: Reading) {
        place(reading, file: -1, line: 0)
    }

    /// Adds a reading accepted from `file` at `line`; it replaces a known one of the same date.
    public mutating func add(_ reading: Reading, file: String, line: Int) {
        let index: Int32
        if let known = fileIndex[file] {
            index = known
        } else {
            index = Int32(files.count)
            files.append(file)
            fileIndex[file] = index
        }
        place(reading, file: index, line: Int32(clamping: line))
    }

    /// The latest known reading of the register before `reading`'s date and the earliest after it (one
    /// of the same date is the one `reading` replaces, not a neighbour).
    public func neighbours(of reading: Reading) -> (previous: Neighbour?, next: Neighbour?) {
        guard let entries = registers[Key(meterID: reading.meterID, zone: reading.zone)] else { return (nil, nil) }
        let day = Int32(clamping: reading.date.dayNumber)
        let index = Self.firstIndex(notBefore: day, in: entries)
        let previous = index > 0 ? neighbour(entries[index - 1]) : nil
        var after = index
        if after < entries.count, entries[after].day == day { after += 1 }
        return (previous, after < entries.count ? neighbour(entries[after]) : nil)
    }

    private mutating func place(_ reading: Reading, file: Int32, line: Int32) {
        let entry = Entry(micros: reading.value.micros, day: Int32(clamping: reading.date.dayNumber), line: line,
                          file: file, rollover: reading.rollover)
        Self.place(entry, into: &registers[Key(meterID: reading.meterID, zone: reading.zone), default: []])
    }

    /// Keeps `entries` sorted by day: appends a later day, replaces the same day, inserts an earlier one.
    private static func place(_ entry: Entry, into entries: inout [Entry]) {
        if let last = entries.last, last.day < entry.day {
            entries.append(entry)
            return
        }
        let index = firstIndex(notBefore: entry.day, in: entries)
        if index < entries.count, entries[index].day == entry.day {
            entries[index] = entry
        } else {
            entries.insert(entry, at: index)
        }
    }

    private func neighbour(_ entry: Entry) -> Neighbour {
        Neighbour(date: CivilDate(dayNumber: Int(entry.day)), value: ExactDecimal(micros: entry.micros), rollover: entry.rollover,
                  file: entry.file >= 0 ? files[Int(entry.file)] : nil, line: entry.file >= 0 ? Int(entry.line) : nil)
    }

    /// The first position whose day is `day` or later (binary search).
    private static func firstIndex(notBefore day: Int32, in entries: [Entry]) -> Int {
        var low = 0, high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].day < day { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
