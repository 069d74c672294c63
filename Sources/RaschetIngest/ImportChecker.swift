import RaschetCore

/// Checks decoded rows of one import and passes the good ones on to a sink, checking what needs
/// more than one row: duplicate natural keys within the import and references to suppliers,
/// services, accounts and meters (known to the store or added earlier in the same import).
///
/// Files must be fed in dependency order (`EntityKind` order), as `Importer` does. Duplicate keys
/// are found through 64-bit hashes of the keys (with the line of the first, `KeyLines`), so that
/// 10^7 rows need about 100 MB of memory rather than a copy of every key, freed when the entity's
/// rows end; those of readings among the readings the neighbour check keeps anyway
/// (`KnownMeters`). The stored readings and posted payments a row is checked against are looked up
/// (`StoredLookup`) as the row comes.
struct ImportChecker<Sink: DataSink> {
    var sink: Sink
    /// The problems found, in the order found (the first of each file kept, the others counted).
    private(set) var problems = ProblemList(limit: ImportReport.listedProblemsPerFile)
    /// How many of `problems` concern a whole file (`fail`).
    private(set) var fileProblems = 0
    /// How many rows of each file were refused.
    private(set) var rejectedRows: [String: Int] = [:]
    /// Where the refused rows go, as they are found; nil: they are only counted.
    private let rejectedOutput: (any RejectedRowsOutput)?
    /// Whether good rows still go to the sink once a problem is found (`Importer.storesAfterAProblem`).
    private let storesAfterAProblem: Bool
    private var known: KnownKeys
    private let stored: any StoredLookup
    /// Hash of a natural key -> the line (and file, in `entityFiles`) where it was first seen, for
    /// the entity being read (not readings).
    private var seenKeys = Self.keyLines()
    /// The files of the entity being read, in the order their rows came (`beginFile`; at most 255
    /// named, later ones share the last position and are not named as a duplicate's first file).
    private var entityFiles: [String] = []
    /// The position in `entityFiles` of the file whose rows come now.
    private var fileNumber: UInt8 = 0
    /// Per `Reference`, the last id found known: rows of one account (its services, its meters)
    /// come one after another, so most references are the one before, compared instead of hashed.
    /// Known ids stay known for the whole import.
    private var lastKnown = ["", "", ""]
    /// The meter of the last reading whose meter was known: a meter's readings come together. A
    /// meter's handle (its slot in `known.meters`) stays the same for the whole import.
    private var lastMeter: (id: String, handle: KnownMeters.MeterHandle)?

    init(known: KnownKeys, stored: any StoredLookup, sink: Sink, rejectedOutput: (any RejectedRowsOutput)? = nil,
         storesAfterAProblem: Bool = true) {
        self.known = known
        self.stored = stored
        self.sink = sink
        self.rejectedOutput = rejectedOutput
        self.storesAfterAProblem = storesAfterAProblem
    }

    /// Keeps at most about `residentBytes` of the accepted readings in memory, the others in `spill`
    /// (`KnownMeters.spillReadings(to:residentBytes:)`).
    mutating func spillReadings(to spill: any PageSpill, residentBytes: Int) {
        known.meters.spillReadings(to: spill, residentBytes: residentBytes)
    }

    /// Decodes, checks and adds one row; a bad row is recorded as rejected instead.
    mutating func add(_ record: SourceRecord, kind: EntityKind, layout: ColumnLayout, file: String) throws {
        var row = RowDecoder(record: record, layout: layout, file: file)
        let entity: DataRow
        /// What the row adds to the known keys when it is good, taken from its entity here: finding
        /// it in `entity` afterwards would copy the whole row.
        var addition = Addition.nothing
        /// A reading's meter, found once for its checks and its adding.
        var readingMeter: KnownMeters.MeterHandle?
        switch kind {
        case .suppliers:
            let v = row.supplier()
            addition = .supplier(v.id)
            entity = .supplier(v)
        case .services:
            let v = row.service()
            requireKnown(&row, .supplier, v.supplierID)
            addition = .service(v.id)
            entity = .service(v)
        case .tariffs:
            let v = row.tariff()
            requireKnown(&row, .service, v.serviceID)
            entity = .tariff(v)
        case .accounts:
            let v = row.account()
            addition = .account(v.id)
            entity = .account(v)
        case .accountServices:
            let v = row.accountService()
            requireKnown(&row, .account, v.accountID)
            requireKnown(&row, .service, v.serviceID)
            entity = .accountService(v)
        case .meters:
            let v = row.meter()
            requireKnown(&row, .account, v.accountID)
            requireKnown(&row, .service, v.serviceID)
            addition = .meter(v.id, zones: v.zones)
            entity = .meter(v)
        case .readings:
            let v = row.reading()
            readingMeter = knownMeter(v.meterID)
            if let readingMeter, let zones = known.meters.zones(of: readingMeter) {
                let allowed = Meter.zoneSet(forCount: zones)
                if !allowed.contains(v.zone) {
                    row.fail("zone", .meterZones(meter: v.meterID, zones: zones, allowed: allowed.map(\.rawValue), found: v.zone.rawValue))
                }
            } else if !v.meterID.isEmpty {
                row.fail("meter_id", .unknownReference(v.meterID, row: EntityKind.meters.rowElementName, collection: EntityKind.meters.name))
            }
            if row.problems.isEmpty, let readingMeter { try checkNeighbours(of: v, meter: readingMeter, &row) }
            // A good reading's meter is known (an empty id fails as a required value first).
            if let readingMeter { addition = .reading(v, meter: readingMeter) }
            entity = .reading(v)
        case .volumes:
            let v = row.volume()
            requireKnown(&row, .account, v.accountID)
            requireKnown(&row, .service, v.serviceID)
            entity = .volume(v)
        case .payments:
            let v = row.payment()
            requireKnown(&row, .account, v.accountID)
            if row.problems.isEmpty, let posted = try stored.postedPayment(v.id), posted.payment != v {
                row.fail("payment_id", Self.postedPaymentChange(posted.payment, period: posted.period))
            }
            entity = .payment(v)
        case .absences:
            let v = row.absence()
            requireKnown(&row, .account, v.accountID)
            entity = .absence(v)
        case .keyRates:
            entity = .keyRate(row.keyRate())
        }
        // Readings find their duplicates among the meters' readings (`checkNeighbours`).
        var keyHash: Int?
        if kind != .readings {
            var hasher = Hasher()
            entity.combineKey(into: &hasher)
            keyHash = hasher.finalize()
        }
        if row.problems.isEmpty, let keyHash, let first = try seenKeys.first(of: keyHash) {
            // The first row's file is named when it is another file of the entity (`import auto a.csv b.csv`).
            let firstFile = first.file != fileNumber && first.file < 255 ? entityFiles[Int(first.file)] : nil
            row.fail(kind.keyColumns.joined(separator: "+"), .duplicateKey(entity.keyDescription, firstLine: Int(first.line), file: firstFile))
        }
        guard row.problems.isEmpty else {
            try reject(record, kind: kind, file: file, reasons: row.problems)
            return
        }
        if let keyHash { try seenKeys.insert(keyHash, line: Int32(clamping: record.line), file: fileNumber) }
        switch addition {
        case .nothing: break
        case .supplier(let id): known.suppliers.insert(id)
        case .service(let id): known.services.insert(id)
        case .account(let id): known.accounts.insert(id)
        case .meter(let id, let zones):
            known.meters.addMeter(id, zones: zones)
        case .reading(let v, let meter): try known.meters.add(v, meter: meter, file: file, line: record.line)
        }
        // The row's keys are known either way: the rows after it are checked as when it is stored.
        if storesAfterAProblem || problems.count == 0 { try sink.add(entity) }
    }

    /// Tells the checker that the next rows come from `file` (a file of the entity being read,
    /// whose rows end with `forgetKeys`), so that a duplicate can name the file of its first row.
    mutating func beginFile(_ file: String) {
        if let index = entityFiles.firstIndex(of: file) {
            fileNumber = UInt8(min(index, 255))
        } else {
            entityFiles.append(file)
            fileNumber = UInt8(min(entityFiles.count - 1, 255))
        }
    }

    /// What a good row adds to the known keys.
    private enum Addition {
        case nothing
        case supplier(String), service(String), account(String)
        case meter(String, zones: Int)
        case reading(Reading, meter: KnownMeters.MeterHandle)
    }

    /// The known meter of a reading, nil for an unknown one: the last reading's when it has the same id.
    private mutating func knownMeter(_ id: String) -> KnownMeters.MeterHandle? {
        if let lastMeter, lastMeter.id == id { return lastMeter.handle }
        guard let handle = known.meters.meter(id) else { return nil }
        lastMeter = (id, handle)
        return handle
    }

    /// Makes room in the duplicate-key hashes for about `count` more rows of `kind` (readings keep
    /// none), so that they are not rehashed each time the table doubles; at most 2^23 rows are
    /// reserved ahead (a bad estimate costs no more than that), beyond that the table grows as it fills.
    mutating func expectRows(_ count: Int, of kind: EntityKind) throws {
        guard kind != .readings, count > 0 else { return }
        try seenKeys.reserveCapacity(seenKeys.count &+ min(count, 1 << 23))
    }

    /// A duplicate-key table that keeps 2^21 keys' lines (32 MiB) in memory, the others in a
    /// temporary file made when first needed.
    private static func keyLines() -> KeyLines { KeyLines(spill: TemporaryFileSpill(), residentEntries: 1 << 21) }

    /// Frees the duplicate-key hashes of the entity read so far: called when its rows end.
    mutating func forgetKeys() {
        seenKeys = Self.keyLines()
        entityFiles = []
        fileNumber = 0
    }

    /// A reading lower than the one before it without the rollover mark, or higher than the one after
    /// it when that one has no rollover mark, is a row error (the close could not read the register):
    /// against the stored readings and the rows accepted so far. Else a row of this import with the
    /// same register and date makes it a duplicate (a stored one of that date is replaced).
    private mutating func checkNeighbours(of reading: Reading, meter: KnownMeters.MeterHandle, _ row: inout RowDecoder) throws {
        let around = try known.meters.neighbours(of: reading, meter: meter).completed(by: try stored.neighbours(of: reading))
        if let previous = around.previous, reading.value < previous.value, !reading.rollover {
            row.fail("value", .importedReadingBelowPrevious(reading, previous: previous.value, on: previous.date,
                                                            origin: origin(previous)))
        } else if let next = around.next, next.value < reading.value, !next.rollover {
            row.fail("value", .importedReadingAboveNext(reading, next: next.value, on: next.date, origin: origin(next)))
        } else if let first = around.sameDay?.origin {
            let firstFile = known.meters.file(of: first)
            row.fail(EntityKind.readings.keyColumns.joined(separator: "+"),
                     .duplicateKey(DataRow.reading(reading).keyDescription, firstLine: Int(first.line),
                                   file: firstFile == row.file ? nil : firstFile))
        }
    }

    /// Where a known reading came from: the file and line of a row of this import, nil when stored.
    private func origin(_ neighbour: KnownMeters.Neighbour) -> (file: String, line: Int)? {
        neighbour.origin.map { (known.meters.file(of: $0), Int($0.line)) }
    }

    /// Why a posted payment cannot be changed, and how to correct it.
    static func postedPaymentChange(_ payment: Payment, period: Period) -> Message {
        .postedPaymentChange(id: payment.id, account: payment.accountID, date: payment.date, amount: payment.amount, period: period)
    }

    /// Records a refused row: one that could not be read (a broken quote, a wrong number of fields) or
    /// that failed its checks. Only its first problems are kept, and the row itself goes to the output.
    mutating func reject(_ record: SourceRecord, kind: EntityKind?, file: String, reasons: [IngestError]) throws {
        for reason in reasons { problems.append(reason) }
        rejectedRows[file, default: 0] += 1
        try rejectedOutput?.add(RejectedRow(kind: kind, record: record, reasons: reasons), file: file)
    }

    /// Records a problem with a whole file (a bad header, an unreadable file).
    mutating func fail(_ errors: [IngestError]) {
        for error in errors { problems.append(error) }
        fileProblems += errors.count
    }

    /// The entities a row may reference by id.
    private enum Reference: Int {
        case supplier, service, account

        var column: String { ["supplier_id", "service_id", "account_id"][rawValue] }
        var entity: EntityKind { [.suppliers, .services, .accounts][rawValue] }
    }

    private mutating func requireKnown(_ row: inout RowDecoder, _ reference: Reference, _ id: String) {
        guard !id.isEmpty, id != lastKnown[reference.rawValue] else { return }
        let found = switch reference {
        case .supplier: known.suppliers.contains(id)
        case .service: known.services.contains(id)
        case .account: known.accounts.contains(id)
        }
        if found {
            lastKnown[reference.rawValue] = id
        } else {
            row.fail(reference.column, .unknownReference(id, row: reference.entity.rowElementName, collection: reference.entity.name))
        }
    }
}
