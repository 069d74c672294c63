import RaschetCore
import RaschetStore
import RaschetTesting
import Testing

/// The input marks (`input_marks`) every write of inputs leaves once a close has started, and the
/// rules digest stored with each close run: what tells a later close which accounts' earlier periods
/// may have changed.
@Suite struct InputMarksTests {
    static let october = CloseTablesTests.october
    static let november = Period(year: 2026, month: 11)!

    static func date(_ month: Int, _ day: Int) -> CivilDate { CivilDate(year: 2026, month: month, day: day)! }

    static func marks(_ folder: TemporaryFolder) throws -> [String] {
        try LatePaymentsTests.pairs(folder, "SELECT account_id, stamp FROM input_marks ORDER BY account_id, stamp")
    }

    /// Nothing is marked before a close has started. Once October's has, a volume of October, an
    /// absence from October 31 and a reading dated October 25 (of …516's meter) mark their accounts;
    /// a volume of November, an absence from November 1 and a reading of November 2 do not. An
    /// account row marks its account, as does a submitted reading dated up to October 31; a tariff
    /// row marks every account ("").
    @Test func rowsBearingOnAStartedCloseMarkTheirAccounts() throws {
        let folder = try TemporaryFolder("raschet-store")
        defer { folder.remove() }
        let store = try ReadingSpanTests.store(in: folder)
        var early = DataSet()
        early.volumes = [Volume(accountID: "4102738516", serviceID: "HVS", period: Self.october, quantity: ExactDecimal(3))]
        _ = try store.store(early)
        #expect(try Self.marks(folder) == [])

        try store.startCloseRun(Self.october, rulesDigest: 7, terms: nil)
        var later = DataSet()
        later.volumes = [Volume(accountID: "4102738517", serviceID: "HVS", period: Self.november, quantity: ExactDecimal(3))]
        later.absences = [Absence(accountID: "4102738517", dateFrom: Self.date(11, 1), dateTo: Self.date(11, 9), persons: 1)]
        later.readings = [Reading(meterID: "M-16", date: Self.date(11, 2), value: ExactDecimal(120))]
        _ = try store.store(later)
        #expect(try Self.marks(folder) == [])

        var october = DataSet()
        october.readings = [Reading(meterID: "M-16", date: Self.date(10, 25), value: ExactDecimal(110))]
        _ = try store.store(october)
        #expect(try Self.marks(folder) == ["4102738516 2026-10"])
        october = DataSet()
        october.absences = [Absence(accountID: "4102738517", dateFrom: Self.date(10, 31), dateTo: Self.date(11, 3), persons: 1)]
        _ = try store.store(october)
        #expect(try Self.marks(folder) == ["4102738516 2026-10", "4102738517 2026-10"])

        let folder2 = try TemporaryFolder("raschet-store")
        defer { folder2.remove() }
        let other = try ReadingSpanTests.store(in: folder2)
        try other.startCloseRun(Self.october, rulesDigest: 7, terms: nil)
        var rows = DataSet()
        rows.accounts = [Account(id: "4102738517", kind: .person, name: "Петров П. П.", address: "кв. 119")]
        _ = try other.store(rows)
        #expect(try Self.marks(folder2) == ["4102738517 2026-10"])
        _ = try other.submitReading(meterID: "M-16", value: ExactDecimal(105), zone: nil, date: Self.date(10, 20),
                                    today: Self.date(10, 20), rules: .legalDefaults)
        #expect(try Self.marks(folder2) == ["4102738516 2026-10", "4102738517 2026-10"])
        rows = DataSet()
        rows.tariffs = [Tariff(serviceID: "HVS", validFrom: Self.date(7, 1), price: ExactDecimal(parsing: "53.00")!)]
        _ = try other.store(rows)
        #expect(try Self.marks(folder2) == [" 2026-10", "4102738516 2026-10", "4102738517 2026-10"])
    }

    /// Account and connection rows imported again as they are stored mark nothing, whatever their
    /// number (a center may import its whole list each month); a changed account row, a new connection
    /// and a changed one mark their account, also when they come many to a statement.
    @Test func onlyAccountAndConnectionRowsThatChangeTheStoredOnesMarkTheirAccount() throws {
        let folder = try TemporaryFolder("raschet-store")
        defer { folder.remove() }
        let store = try CloseTablesTests.store(in: folder)
        let start = Self.date(1, 1)
        var rows = DataSet()
        rows.accounts = (0..<200).map { Account(id: "50000\($0 + 10_000)", kind: .person, name: "Жилец \($0)", address: "кв. \($0)") }
        rows.accountServices = rows.accounts.map { AccountService(accountID: $0.id, serviceID: "HVS", validFrom: start) }
        _ = try store.store(rows)
        try store.startCloseRun(Self.october, rulesDigest: 7, terms: nil)
        _ = try store.store(rows)
        #expect(try Self.marks(folder) == [])

        var changed = rows
        changed.accounts[3].name = "Жилец 3 (новый)"
        changed.accountServices[150].quantity = ExactDecimal(2)
        changed.accountServices.append(AccountService(accountID: "5000010077", serviceID: "HVS", validFrom: Self.date(10, 1)))
        _ = try store.store(changed)
        #expect(try Self.marks(folder) == ["5000010003 2026-10", "5000010077 2026-10", "5000010150 2026-10"])
    }

    /// Services, tariffs and meters imported again as they are stored mark nothing. A tariff in force
    /// from a day after the started close's period marks nothing; one from within it, every account
    /// (""); a new meter its account; a meter moved to another account both; a changed service every account.
    @Test func referenceRowsMarkOnlyWhatTheirChangesBearOn() throws {
        let folder = try TemporaryFolder("raschet-store")
        defer { folder.remove() }
        let store = try ReadingSpanTests.store(in: folder)
        try store.startCloseRun(Self.october, rulesDigest: 7, terms: nil)
        var again = StoreTests.sampleData()
        again.meters = [Meter(id: "M-16", accountID: "4102738516", serviceID: "HVS", digits: 5)]
        _ = try store.store(again)
        #expect(try Self.marks(folder) == [])

        var rows = DataSet()
        rows.tariffs = [Tariff(serviceID: "HVS", validFrom: Self.date(11, 1), price: ExactDecimal(60))]
        _ = try store.store(rows)
        #expect(try Self.marks(folder) == [])
        rows.meters = [Meter(id: "M-17", accountID: "4102738517", serviceID: "HVS", digits: 5)]
        _ = try store.store(rows)
        #expect(try Self.marks(folder) == ["4102738517 2026-10"])
        rows = DataSet()
        rows.meters = [Meter(id: "M-16", accountID: "4102738517", serviceID: "HVS", digits: 5)]
        _ = try store.store(rows)
        #expect(try Self.marks(folder) == ["4102738516 2026-10", "4102738517 2026-10"])
        rows = DataSet()
        rows.tariffs = [Tariff(serviceID: "HVS", validFrom: Self.date(10, 1), price: ExactDecimal(55))]
        _ = try store.store(rows)
        #expect(try Self.marks(folder) == [" 2026-10", "4102738516 2026-10", "4102738517 2026-10"])

        let folder2 = try TemporaryFolder("raschet-store")
        defer { folder2.remove() }
        let other = try ReadingSpanTests.store(in: folder2)
        try other.startCloseRun(Self.october, rulesDigest: 7, terms: nil)
        rows = DataSet()
        rows.services = [Service(id: "HVS", name: "Холодное водоснабжение", unit: "м³", supplierID: "VOD", method: .norm)]
        _ = try other.store(rows)
        #expect(try Self.marks(folder2) == [" 2026-10"])
    }

    /// Each mark names the earliest period its rows bear on, the earliest of them when an account is
    /// marked again: a volume its period, an absence its first day's, a reading its month, an account
    /// row with `changed_from` (kind and dates unchanged) that period; a connection row any (''). The
    /// same rows stored again mark nothing; a changed volume marks again.
    @Test func marksNameTheEarliestPeriodTheirRowsBearOn() throws {
        let folder = try TemporaryFolder("raschet-store")
        defer { folder.remove() }
        let store = try ReadingSpanTests.store(in: folder)
        try store.startCloseRun(Self.october, rulesDigest: 7, terms: nil)
        func from() throws -> [String] {
            try LatePaymentsTests.pairs(folder, "SELECT account_id, from_period FROM input_marks ORDER BY account_id")
        }
        var rows = DataSet()
        rows.volumes = [Volume(accountID: "4102738517", serviceID: "HVS", period: Self.october, quantity: ExactDecimal(3)),
                        Volume(accountID: "4102738517", serviceID: "HVS", period: Period(year: 2026, month: 9)!, quantity: ExactDecimal(3))]
        rows.readings = [Reading(meterID: "M-16", date: Self.date(10, 25), value: ExactDecimal(110))]
        _ = try store.store(rows)
        #expect(try from() == ["4102738516 2026-10", "4102738517 2026-09"])
        rows = DataSet()
        rows.absences = [Absence(accountID: "4102738516", dateFrom: Self.date(8, 20), dateTo: Self.date(9, 9), persons: 1)]
        rows.accounts = [Account(id: "4102738517", kind: .person, name: "Петров", address: "кв. 119", area: ExactDecimal(40),
                                 changedFrom: Period(year: 2026, month: 7))]
        _ = try store.store(rows)
        #expect(try from() == ["4102738516 2026-08", "4102738517 2026-07"])
        rows = DataSet()
        rows.accountServices = [AccountService(accountID: "4102738517", serviceID: "HVS", validFrom: Self.date(1, 1))]
        _ = try store.store(rows)
        #expect(try from() == ["4102738516 2026-08", "4102738517 "])

        // The same volumes, reading and absence again, once November's close has started: no mark.
        try store.startCloseRun(Self.november, rulesDigest: 7, terms: nil)
        rows = DataSet()
        rows.volumes = [Volume(accountID: "4102738517", serviceID: "HVS", period: Self.october, quantity: ExactDecimal(3))]
        rows.readings = [Reading(meterID: "M-16", date: Self.date(10, 25), value: ExactDecimal(110))]
        rows.absences = [Absence(accountID: "4102738516", dateFrom: Self.date(8, 20), dateTo: Self.date(9, 9), persons: 1)]
        _ = try store.store(rows)
        #expect(try Self.marks(folder).filter { $0.hasSuffix("2026-11") } == [])
        rows.volumes[0].quantity = ExactDecimal(4)
        _ = try store.store(rows)
        #expect(try Self.marks(folder).filter { $0.hasSuffix("2026-11") } == ["4102738517 2026-11"])
    }

    /// The reference of November's close says October's rules digest and whether every account was
    /// marked since October's close began; a run resumed under other rules forgets the digest.
    @Test func theNextCloseKnowsThePreviousRulesAndWhetherEveryAccountWasMarked() throws {
        let folder = try TemporaryFolder("raschet-store")
        defer { folder.remove() }
        let store = try CloseTablesTests.store(in: folder)
        #expect(try store.closeReference(for: Self.november).previousRulesDigest == nil)
        try store.startCloseRun(Self.october, rulesDigest: 7, terms: nil)
        try store.startCloseRun(Self.october, rulesDigest: 7, terms: nil)
        var reference = try store.closeReference(for: Self.november)
        #expect(reference.previousRulesDigest == 7 && !reference.marksEveryAccount)

        var rows = DataSet()
        rows.services = [Service(id: "HVS", name: "Холодная вода", unit: "м³", supplierID: "VOD", method: .meter)]
        _ = try store.store(rows)
        reference = try store.closeReference(for: Self.november)
        #expect(reference.marksEveryAccount)
        #expect(try !store.closeReference(for: Period(year: 2026, month: 12)!).marksEveryAccount)

        try store.startCloseRun(Self.october, rulesDigest: 8, terms: nil)
        #expect(try store.closeReference(for: Self.november).previousRulesDigest == nil)
    }
}
