/// Every meter an import knows — stored, or added earlier by the same import — with its number of
/// zones (so that a reading's zone can be checked) and the readings of its registers (meter + zone)
/// accepted so far from the import's own files, so that each new reading is checked against its
/// neighbours by date (README, "import": a reading lower than the previous one without the rollover
/// mark is a row error), and a second row of the same register and date in the import is found. The
/// stored neighbours are looked up per reading (`StoredLookup`) and joined in by `Neighbours.completed(by:)`.
///
/// Compact because an import may bring millions: each meter id is kept once, with its zone count and
/// the index of its latest reading; every reading is a 24-byte entry of one paged array, chained per
/// meter (all its zones) from the latest date to the earliest. New readings usually come after the
/// known ones, so placing one or finding its neighbours mostly stops at the head of its meter's chain,
/// which is why the entries' older pages can wait in a file (`spillReadings(to:residentBytes:)`).
/// Its methods throw only what that file's spill throws.
public struct KnownMeters: Sendable {
    /// A known reading next to a new one: plain values, copied without reference counting (a
    /// reading's check makes several), its file named only when a message needs it (`file(of:)`).
    public struct Neighbour: Sendable, Hashable {
        public var date: CivilDate
        public var value: ExactDecimal
        public var rollover: Bool
        /// Where it came from: nil for a stored reading, else the import's row.
        public var origin: Origin?

        public init(date: CivilDate, value: ExactDecimal, rollover: Bool, origin: Origin? = nil) {
            self.date = date
            self.value = value
            self.rollover = rollover
            self.origin = origin
        }
    }

    /// A row of the import: its file, by the position in which the import's files were first
    /// added readings (`file(of:)`), and its line.
    public struct Origin: Sendable, Hashable {
        public var file: Int32
        public var line: Int32

        public init(file: Int32, line: Int32) {
            self.file = file
            self.line = line
        }
    }

    /// The known readings of a reading's register around its date.
    public struct Neighbours: Sendable, Hashable {
        /// The latest one before the date.
        public var previous: Neighbour?
        /// The one of the same date, which the reading would replace.
        public var sameDay: Neighbour?
        /// The earliest one after the date.
        public var next: Neighbour?

        public init(previous: Neighbour? = nil, sameDay: Neighbour? = nil, next: Neighbour? = nil) {
            self.previous = previous
            self.sameDay = sameDay
            self.next = next
        }

        /// The stored readings of `reading`'s register around its date, from `stored` (a meter's
        /// stored readings, every zone, in any order).
        public init(of reading: Reading, amongStored stored: [Reading]) {
            self.init()
            for known in stored where known.zone == reading.zone {
                let neighbour = Neighbour(date: known.date, value: known.value, rollover: known.rollover)
                if known.date < reading.date {
                    if previous.map({ known.date > $0.date }) ?? true { previous = neighbour }
                } else if known.date > reading.date {
                    if next.map({ known.date < $0.date }) ?? true { next = neighbour }
                } else {
                    sameDay = neighbour
                }
            }
        }

        /// These neighbours among the import's own readings completed by the stored ones: on each
        /// side the nearer of the two; at the same date the import's, which replaced the stored one.
        public func completed(by stored: Neighbours) -> Neighbours {
            var result = self
            if let other = stored.previous, previous.map({ other.date > $0.date }) ?? true { result.previous = other }
            if let other = stored.next, next.map({ other.date < $0.date }) ?? true { result.next = other }
            if sameDay == nil { result.sameDay = stored.sameDay }
            return result
        }
    }

    /// One reading: 24 bytes (six 32-bit words, so no padding).
    private struct Entry {
        var microsLow: UInt32
        var microsHigh: Int32
        var day: Int32
        /// The line in `files[file]`.
        var line: Int32
        /// The next entry of the meter's chain (an earlier date, or the same date in another zone),
        /// -1 at its end.
        var next: Int32
        /// `file << 4 | zone << 1 | rollover`, where `file` indexes `files` and `zone` is the
        /// zone's position in `Zone.allCases`.
        var origin: Int32

        var micros: Int64 { Int64(microsHigh) << 32 | Int64(microsLow) }
        var zone: Int32 { origin >> 1 & 0b111 }
        var rollover: Bool { origin & 1 == 1 }
        /// An index into `files`.
        var file: Int32 { origin >> 4 }
    }

    /// A known meter, found once for all a reading's checks and its adding (`meter(_:)`): one hash
    /// of its id per reading. Valid until the next meter is added.
    public struct MeterHandle: Sendable {
        fileprivate let slot: Int32
    }

    /// A meter: 8 bytes.
    private struct Slot {
        /// 1...3; 0 for a meter known only through the import's readings.
        var zones: Int32
        /// Its latest entry (the head of its chain), -1 when none.
        var latest: Int32
    }

    /// Each meter id's position in `slots`.
    private var meters: [String: Int32] = [:]
    private var slots: [Slot] = []
    /// Indexed by `Int32`: room for 2^31 readings, 48 GiB of entries.
    private var entries = PagedArray<Entry>()
    private var files: [String] = []
    private var fileIndex: [String: Int32] = [:]

    public init() {}

    /// The number of zones of a known meter, nil for an unknown one.
    public func zones(of meterID: String) -> Int? {
        meter(meterID).flatMap(zones(of:))
    }

    /// A meter known with its zones or through the import's readings, nil for an unknown one.
    public func meter(_ id: String) -> MeterHandle? {
        meters[id].map(MeterHandle.init(slot:))
    }

    /// The number of zones of a meter, nil for one known only through the import's readings.
    public func zones(of meter: MeterHandle) -> Int? {
        let zones = slots[Int(meter.slot)].zones
        return zones > 0 ? Int(zones) : nil
    }

    /// Adds a meter, or changes the number of zones of a known one (its readings stay).
    public mutating func addMeter(_ id: String, zones: Int) {
        slots[Int(slot(of: id))].zones = Int32(clamping: zones)
    }

    /// The slot of `id`, added without zones or readings when it is new.
    private mutating func slot(of id: String) -> Int32 {
        if let slot = meters[id] { return slot }
        let slot = Int32(slots.count)
        slots.append(Slot(zones: 0, latest: -1))
        meters[id] = slot
        return slot
    }

    /// From now on keeps at most about `residentBytes` of the readings' entries in memory, the pages
    /// of the others in `spill`.
    public mutating func spillReadings(to spill: any PageSpill, residentBytes: Int) {
        entries.spill(to: spill, residentPages: residentBytes / (MemoryLayout<Entry>.stride * entries.pageSize))
    }

    /// Adds a reading accepted from `file` at `line`; it replaces a known one of the same date.
    public mutating func add(_ reading: Reading, file: String, line: Int) throws {
        try add(reading, meter: MeterHandle(slot: slot(of: reading.meterID)), file: file, line: line)
    }

    /// Adds a reading of `meter` (`meter(reading.meterID)`) accepted from `file` at `line`; it
    /// replaces a known one of the same date.
    public mutating func add(_ reading: Reading, meter: MeterHandle, file: String, line: Int) throws {
        let index: Int32
        if let last = files.last, last == file {
            index = Int32(files.count - 1)
        } else if let known = fileIndex[file] {
            index = known
        } else {
            index = Int32(files.count)
            files.append(file)
            fileIndex[file] = index
        }
        try place(reading, slot: meter.slot, file: index, line: Int32(clamping: line))
    }

    /// The latest known reading of the register before `reading`'s date, the one of the same date
    /// (which `reading` would replace: not a neighbour) and the earliest one after it.
    /// - Complexity: O(k), k the meter's readings from its latest down to `reading`'s date.
    public mutating func neighbours(of reading: Reading) throws -> Neighbours {
        guard let meter = meter(reading.meterID) else { return Neighbours() }
        return try neighbours(of: reading, meter: meter)
    }

    /// `neighbours(of:)` of a reading of `meter` (`meter(reading.meterID)`).
    public mutating func neighbours(of reading: Reading, meter: MeterHandle) throws -> Neighbours {
        let head = slots[Int(meter.slot)].latest
        let day = Int32(clamping: reading.date.dayNumber), zone = Self.zoneCode(reading.zone)
        var result = Neighbours()
        var later: Int32 = -1
        var index = head
        while index >= 0 {
            let entry = try entries.value(at: Int(index))
            if entry.zone == zone {
                if entry.day > day {
                    later = index
                } else {
                    if entry.day == day {
                        result.sameDay = Self.neighbour(entry)
                        index = try Self.nextInZone(after: entry, zone: zone, in: &entries)
                        if index >= 0 { result.previous = Self.neighbour(try entries.value(at: Int(index))) }
                    } else {
                        result.previous = Self.neighbour(entry)
                    }
                    break
                }
            }
            index = entry.next
        }
        if later >= 0 { result.next = Self.neighbour(try entries.value(at: Int(later))) }
        return result
    }

    private mutating func place(_ reading: Reading, slot: Int32, file: Int32, line: Int32) throws {
        let micros = UInt64(bitPattern: reading.value.micros)
        let zone = Self.zoneCode(reading.zone)
        let entry = Entry(microsLow: UInt32(truncatingIfNeeded: micros), microsHigh: Int32(truncatingIfNeeded: micros >> 32),
                          day: Int32(clamping: reading.date.dayNumber), line: line, next: -1,
                          origin: file << 4 | zone << 1 | (reading.rollover ? 1 : 0))
        try Self.place(entry, zone: zone, head: &slots[Int(slot)].latest, entries: &entries)
    }

    /// Keeps the chain from `head` sorted by day, latest first: a later day becomes the head, the
    /// same day and zone is replaced in place, an earlier day is linked in after the later ones.
    /// - Complexity: O(k), k the chain's entries from its head down to `entry`'s date.
    private static func place(_ entry: Entry, zone: Int32, head: inout Int32, entries: inout PagedArray<Entry>) throws {
        var previous: Int32 = -1
        var index = head
        while index >= 0 {
            let known = try entries.value(at: Int(index))
            if known.day < entry.day { break }
            if known.day == entry.day, known.zone == zone {
                var replacement = entry
                replacement.next = known.next
                try entries.set(replacement, at: Int(index))
                return
            }
            previous = index
            index = known.next
        }
        var linked = entry
        linked.next = index
        let new = Int32(entries.count)
        try entries.append(linked)
        if previous >= 0 {
            var earlier = try entries.value(at: Int(previous))
            earlier.next = new
            try entries.set(earlier, at: Int(previous))
        } else {
            head = new
        }
    }

    /// The first entry of `zone` after `entry` in its chain, -1 when none.
    private static func nextInZone(after entry: Entry, zone: Int32, in entries: inout PagedArray<Entry>) throws -> Int32 {
        var index = entry.next
        while index >= 0 {
            let candidate = try entries.value(at: Int(index))
            if candidate.zone == zone { break }
            index = candidate.next
        }
        return index
    }

    private static func zoneCode(_ zone: Zone) -> Int32 {
        switch zone {
        case .single: 0
        case .day: 1
        case .night: 2
        case .peak: 3
        case .halfpeak: 4
        }
    }

    /// The name of the file of `origin`, a row of a reading this import added.
    public func file(of origin: Origin) -> String {
        files[Int(origin.file)]
    }

    private static func neighbour(_ entry: Entry) -> Neighbour {
        Neighbour(date: CivilDate(dayNumber: Int(entry.day)), value: ExactDecimal(micros: entry.micros),
                  rollover: entry.rollover, origin: Origin(file: entry.file, line: entry.line))
    }
}
