import GRDB
import RaschetCore
@testable import RaschetStore
import RaschetTesting
import Testing

/// The close's tables with the real migrations: what `saveClose` writes, what the queries read back.
@Suite struct CloseTablesTests {
    static let october = Period(year: 2026, month: 10)!
    static let account = "4102738516"

    static func store(in folder: TemporaryFolder) throws -> Store {
        let store = try Store.create(at: folder.path("test.sqlite")).store
        var data = StoreTests.sampleData()
        data.accounts.append(Account(id: "4102738517", kind: .person, name: "Петров", address: "кв. 119"))
        _ = try store.store(data)
        return store
    }

    /// `store(in:)` with a third account, …518, after the two.
    static func storeWithThirdAccount(in folder: TemporaryFolder) throws -> Store {
        let store = try store(in: folder)
        var more = DataSet()
        more.accounts = [Account(id: "4102738518", kind: .person, name: "Сидорова", address: "кв. 120")]
        _ = try store.store(more)
        return store
    }

    /// 5.000 м³ × 52.34 = 261.70, VAT 20 % inside = 43.62 (261.70 × 20/120 = 43.6166…).
    static func closed() -> AccountCloseOutcome {
        let line = ChargeLine(accountID: account, serviceID: "HVS", supplierID: "VOD", period: october, kind: .charge,
                              refPeriod: october, basis: .reading, quantity: ExactDecimal(parsing: "5")!, unit: "м³",
                              price: ExactDecimal(parsing: "52.34")!, vatMode: .included, vatRate: ExactDecimal(20),
                              amounts: VATAmounts(net: Money(kopecks: 21_808), vat: Money(kopecks: 4_362), gross: Money(kopecks: 26_170)))
        let flag = ReviewFlag(accountID: account, serviceID: "HVS", zone: .single, period: october, reason: .negativeTotal,
                              message: "проверка")
        return AccountCloseOutcome(accountID: account, lines: [line],
                                   balance: AccountBalance(opening: .zero, charged: Money(kopecks: 26_170), recalc: .zero,
                                                           penalty: .zero, paid: Money(kopecks: 912_488)),
                                   postedPayments: ["OP-1"], flags: [flag], parked: nil)
    }

    /// The area and residents stored with a closed account, as text and back; a receipt shows them,
    /// or for a close that stored none (an older build's) those of the period, and refuses damaged
    /// ones.
    @Test func aCloseStoresTheAreaAndResidentsItBilledWith() throws {
        let values = [Premises(area: ExactDecimal(parsing: "62.8"), residents: 3), Premises(area: nil, residents: 2),
                      Premises(area: ExactDecimal(parsing: "40.25"), residents: nil), Premises(area: nil, residents: nil)]
        #expect(values.map(CloseAccountsTable.text) == ["62.8;3", ";2", "40.25;", ";"])
        #expect(values.map { CloseAccountsTable.premises(CloseAccountsTable.text($0)) } == values)
        #expect(["62.8", "x;3", "62.8;x", "1;2;3"].map(CloseAccountsTable.premises) == [nil, nil, nil, nil])

        let folder = try TemporaryFolder("raschet-store")
        defer { folder.remove() }
        let store = try Self.store(in: folder)
        var closed = Self.closed()
        closed.premises = values[0]
        try store.startCloseRun(Self.october, rulesDigest: 1, terms: nil)
        try store.saveClose([closed, Self.parked("4102738517")], period: Self.october)
        try store.finishCloseRun(Self.october)
        let queue = try DatabaseQueue(path: folder.path("test.sqlite"))
        #expect(try queue.read { try String.fetchAll($0, sql: "SELECT coalesce(premises, 'NULL') FROM close_accounts ORDER BY account_id") }
            == ["62.8;3", "NULL"])
        func shown() throws -> Premises? { try store.receiptInputs(Self.october, accountIDs: [Self.account]).first?.account.premises }
        #expect(try shown() == values[0])
        try queue.write { try $0.execute(sql: "UPDATE close_accounts SET premises = NULL") }
        // The account's own row (`StoreTests.sampleData`): 54.3 m², 2 residents.
        #expect(try shown() == Premises(area: ExactDecimal(parsing: "54.3"), residents: 2))
        try queue.write { try $0.execute(sql: "UPDATE close_accounts SET premises = 'м²;3'") }
        #expect(throws: StoreError.self) { try shown() }
    }

    static func parked(_ id: String) -> AccountCloseOutcome {
        .parked(id, BillingError(code: .noArea, message: .noArea, accountID: id, period: october))
    }

    @Test func aSavedBatchReadsBackTableByTable() throws {
        let folder = try TemporaryFolder("raschet-store")
        defer { folder.remove() }
        let store = try Self.store(in: folder)
        #expect(try store.accountsToClose(Self.october) == ["4102738516", "4102738517"])
        try store.saveClose([Self.closed(), Self.parked("4102738517")], period: Self.october)

        #expect(try store.closeMarkers(Self.october) == 2)
        #expect(try store.closeMarkers(Self.october, .closed) == 1 && store.closeMarkers(Self.october, .parked) == 1)
        #expect(try store.parkedAccounts(Self.october) == ["4102738517"])
        #expect(try store.accountsToClose(Self.october) == ["4102738517"])
        #expect(try store.chargeLines(Self.october) == Self.closed().lines)
        let balances = try store.balances(Self.october)
        #expect(balances.map(\.accountID) == [Self.account] && balances.map(\.balance.closing) == [Money(kopecks: 26_170 - 912_488)])
        #expect(try store.postedPayments(Self.october).map(\.id) == ["OP-1"])
        #expect(try store.reviewFlags(Self.october) == Self.closed().flags)
    }

    /// A batch's lines go in 64 per statement across accounts (`ManyRowInsert`), the rest one by one:
    /// 70 + 60 = 130 lines are two statements of 64 rows and two of one, with a parked account
    /// between the two. Each line reads back with its own texts and numbers, in posting order.
    @Test func theLinesOfABatchReadBackExactlyAcrossStatementsOfManyRows() throws {
        let folder = try TemporaryFolder("raschet-store")
        defer { folder.remove() }
        let store = try Self.storeWithThirdAccount(in: folder)
        func outcome(_ id: String, lines count: Int) -> AccountCloseOutcome {
            var outcome = Self.closed()
            outcome.accountID = id
            outcome.postedPayments = []
            outcome.flags = []
            outcome.lines = (0..<count).map { index in
                var line = Self.closed().lines[0]
                line.accountID = id
                line.quantity = ExactDecimal(index + 1)
                line.unit = "м³ \(id) № \(index)"
                return line
            }
            return outcome
        }
        let first = outcome(Self.account, lines: 70), last = outcome("4102738518", lines: 60)
        try store.saveClose([first, Self.parked("4102738517"), last], period: Self.october)

        let stored = try store.chargeLines(Self.october)
        #expect(stored.count == 130)
        #expect(stored == first.lines + last.lines)
        #expect(stored[69].unit == "м³ 4102738516 № 69" && stored[69].quantity == ExactDecimal(70))
        #expect(stored[129].unit == "м³ 4102738518 № 59" && stored[129].quantity == ExactDecimal(60))
        #expect(try store.parkedAccounts(Self.october) == ["4102738517"] && store.closeMarkers(Self.october, .closed) == 2)
    }

    @Test func aParkedMarkerIsReplacedWhenTheAccountClosesLater() throws {
        let folder = try TemporaryFolder("raschet-store")
        defer { folder.remove() }
        let store = try Self.store(in: folder)
        try store.saveClose([Self.parked(Self.account)], period: Self.october)
        #expect(try store.parkedAccounts(Self.october) == [Self.account])
        try store.saveClose([Self.closed()], period: Self.october)
        #expect(try store.parkedAccounts(Self.october).isEmpty && store.closeMarkers(Self.october, .closed) == 1)
    }

    @Test func aCloseRunIsRunningUntilFinishedAndStartingAgainKeepsIt() throws {
        let folder = try TemporaryFolder("raschet-store")
        defer { folder.remove() }
        let store = try Self.store(in: folder)
        #expect(try store.closeStatus(Self.october) == nil)
        try store.startCloseRun(Self.october, rulesDigest: 1, terms: nil)
        #expect(try store.closeStatus(Self.october) == .running)
        try store.finishCloseRun(Self.october)
        try store.startCloseRun(Self.october, rulesDigest: 1, terms: nil)
        #expect(try store.closeRuns() == [CloseRun(period: Self.october, status: .closed)])
    }

    @Test func aBatchThatCannotBeStoredKeepsNothingOfIt() throws {
        let folder = try TemporaryFolder("raschet-store")
        defer { folder.remove() }
        let store = try Self.store(in: folder)
        // The same account twice: its second line violates the key, so the whole batch rolls back.
        #expect(throws: StoreError.self) { try store.saveClose([Self.closed(), Self.closed()], period: Self.october) }
        #expect(try store.closeMarkers(Self.october) == 0 && store.chargeLines(Self.october).isEmpty)
    }

    /// An October close with a balance, a stored debt and a fingerprint of its own per account,
    /// posting `posted` (which `paid` is the sum of).
    static func closed(_ id: String, paid: Int64, mark: Int64, posted: [String] = []) -> AccountCloseOutcome {
        AccountCloseOutcome(accountID: id, lines: [],
                            balance: AccountBalance(opening: .zero, charged: Money(kopecks: 10_000), recalc: .zero,
                                                    penalty: .zero, paid: Money(kopecks: paid)),
                            postedPayments: posted, flags: [], fingerprints: [PeriodFingerprint(refPeriod: october, value: UInt64(mark))],
                            postedDebt: Money(kopecks: mark),
                            paymentsToDate: PaymentTotals(count: posted.count, amount: Money(kopecks: paid)), parked: nil)
    }

    /// …516 closed in October with OP-1 posted, its October debt (1 kopeck) settled for good.
    static func settledInOctober() -> AccountCloseOutcome {
        var paid = closed("4102738516", paid: 912_488, mark: 1, posted: ["OP-1"])
        paid.settledDebts = SettledDebts(through: october, offset: Money(kopecks: -1))
        return paid
    }

    /// The reader matches each row to its account by position in the ids asked for: the account
    /// between them (…517, in the range but not asked for) lends none of its rows to its neighbours.
    @Test func theCloseInputsOfTheAccountsAroundAnotherAreTheirOwn() throws {
        let folder = try TemporaryFolder("raschet-store")
        defer { folder.remove() }
        let store = try Self.storeWithThirdAccount(in: folder)
        var more = DataSet()
        more.payments = [
            Payment(id: "OP-2", accountID: "4102738517", date: CivilDate(year: 2026, month: 11, day: 2)!, amount: Money(kopecks: 50_000)),
            Payment(id: "OP-3", accountID: "4102738518", date: CivilDate(year: 2026, month: 11, day: 3)!, amount: Money(kopecks: 70_000)),
        ]
        _ = try store.store(more)
        try store.startCloseRun(Self.october, rulesDigest: 1, terms: nil)
        try store.saveClose([Self.closed("4102738516", paid: 912_488, mark: 1, posted: ["OP-1"]),
                             Self.closed("4102738517", paid: 0, mark: 2), Self.closed("4102738518", paid: 0, mark: 3)],
                            period: Self.october)
        try store.finishCloseRun(Self.october)

        let november = Period(year: 2026, month: 11)!
        let inputs = try store.openCloseInputReader().inputs(
            for: ["4102738516", "4102738518"], period: november, reference: store.closeReference(for: november),
            allEarlierLines: false)
        #expect(inputs.map(\.billing.account.id) == ["4102738516", "4102738518"])
        #expect(inputs.map(\.opening) == [Money(kopecks: 10_000 - 912_488), Money(kopecks: 10_000)])
        #expect(inputs.map(\.billing.closedFingerprints) == [[Self.october: 1], [Self.october: 3]])
        #expect(inputs.map(\.earlierDebts) == [[EarlierDebt(period: Self.october, amount: Money(kopecks: 1))],
                                                [EarlierDebt(period: Self.october, amount: Money(kopecks: 3))]])
        #expect(inputs.map(\.earlierPayments) == [PaymentTotals(count: 1, amount: Money(kopecks: 912_488)), .zero])
        #expect(inputs.map { $0.payments.map(\.id) } == [[], ["OP-3"]])
    }

    /// The debts a close found settled for good are kept with its balance, and the next close reads
    /// no debt of theirs: …516's October debt is left out, …518's (none settled) read; with a payment
    /// below zero in November (a reversal), …518 would read all of them again, as …516 does here.
    @Test func theDebtsSettledForGoodAreNotReadAgain() throws {
        let folder = try TemporaryFolder("raschet-store")
        defer { folder.remove() }
        let store = try Self.storeWithThirdAccount(in: folder)
        try store.startCloseRun(Self.october, rulesDigest: 1, terms: nil)
        try store.saveClose([Self.settledInOctober(), Self.closed("4102738517", paid: 0, mark: 2),
                             Self.closed("4102738518", paid: 0, mark: 3)],
                            period: Self.october)
        try store.finishCloseRun(Self.october)

        let november = Period(year: 2026, month: 11)!
        let ids = ["4102738516", "4102738518"]
        let reader = try store.openCloseInputReader()
        var inputs = try reader.inputs(for: ids, period: november, reference: store.closeReference(for: november),
                                       allEarlierLines: false)
        #expect(inputs.map(\.settledDebts) == [SettledDebts(through: Self.october, offset: Money(kopecks: -1)), nil])
        #expect(inputs.map(\.earlierDebts) == [[], [EarlierDebt(period: Self.october, amount: Money(kopecks: 3))]])

        var reversal = DataSet()
        reversal.payments = [Payment(id: "OP-9", accountID: "4102738516", date: CivilDate(year: 2026, month: 11, day: 5)!,
                                     amount: Money(kopecks: -100))]
        _ = try store.store(reversal)
        inputs = try reader.inputs(for: ids, period: november, reference: store.closeReference(for: november),
                                   allEarlierLines: false)
        #expect(inputs.map(\.settledDebts) == [nil, nil])
        #expect(inputs.map(\.earlierDebts) == [[EarlierDebt(period: Self.october, amount: Money(kopecks: 1))],
                                                [EarlierDebt(period: Self.october, amount: Money(kopecks: 3))]])
    }

    /// The debts a close leaves open are kept with its balance, and the next close takes them there:
    /// …517's (kept as 20 kopecks where `close_debts` says 2, to show where they come from), …518's
    /// from `close_debts` (its balance keeps none, as one stored by an earlier raschet), …516's none
    /// (all settled). With a reversal in November …516 reads every debt from `close_debts` (the open
    /// ones lack the settled), while …517, which settled none, still takes its open ones.
    @Test func theDebtsLeftOpenAreTakenFromTheBalance() throws {
        let folder = try TemporaryFolder("raschet-store")
        defer { folder.remove() }
        let store = try Self.storeWithThirdAccount(in: folder)
        try store.startCloseRun(Self.october, rulesDigest: 1, terms: nil)
        var paid = Self.settledInOctober()
        paid.openDebts = []
        var owing = Self.closed("4102738517", paid: 0, mark: 2)
        owing.openDebts = [EarlierDebt(period: Self.october, amount: Money(kopecks: 20))]
        try store.saveClose([paid, owing, Self.closed("4102738518", paid: 0, mark: 3)], period: Self.october)
        try store.finishCloseRun(Self.october)

        let november = Period(year: 2026, month: 11)!
        let ids = ["4102738516", "4102738517", "4102738518"]
        let reader = try store.openCloseInputReader()
        func debts() throws -> [[String]] {
            try reader.inputs(for: ids, period: november, reference: store.closeReference(for: november), allEarlierLines: false)
                .map { ($0.earlierDebts ?? []).map { "\($0.period.code) \($0.amount.kopecks)" } }
        }
        #expect(try debts() == [[], ["2026-10 20"], ["2026-10 3"]])

        var reversals = DataSet()
        reversals.payments = ["4102738516", "4102738517"].map {
            Payment(id: "R-" + $0, accountID: $0, date: CivilDate(year: 2026, month: 11, day: 5)!, amount: Money(kopecks: -100))
        }
        _ = try store.store(reversals)
        #expect(try debts() == [["2026-10 1"], ["2026-10 20"], ["2026-10 3"]])
    }

    /// A late payment leaves out the debts the close before its month settled for good: with LP-1
    /// (dated November 20) reaching December's close, …516 reads November's debt only, October's left
    /// out as October's balance settled it (OP-1, dated October 5, standing for the payments before
    /// November); …518, late too but with nothing settled, reads October's and November's (its
    /// open ones). Without the late payments, …516 takes November's balance, which settled both.
    @Test func aLatePaymentLeavesOutTheDebtsSettledBeforeItsMonth() throws {
        let folder = try TemporaryFolder("raschet-store")
        defer { folder.remove() }
        let store = try Self.storeWithThirdAccount(in: folder)
        try store.startCloseRun(Self.october, rulesDigest: 1, terms: nil)
        try store.saveClose([Self.settledInOctober(), Self.closed("4102738517", paid: 0, mark: 2),
                             Self.closed("4102738518", paid: 0, mark: 3)], period: Self.october)
        try store.finishCloseRun(Self.october)
        let november = Period(year: 2026, month: 11)!, december = Period(year: 2026, month: 12)!
        func inNovember(_ id: String, paid: Int64, debt: Int64, settled: SettledDebts?, open: [EarlierDebt]) -> AccountCloseOutcome {
            AccountCloseOutcome(accountID: id, lines: [],
                                balance: AccountBalance(opening: .zero, charged: .zero, recalc: .zero, penalty: .zero, paid: .zero),
                                postedPayments: [], flags: [], postedDebt: Money(kopecks: debt),
                                paymentsToDate: PaymentTotals(count: paid == 0 ? 0 : 1, amount: Money(kopecks: paid)),
                                settledDebts: settled, openDebts: open, parked: nil)
        }
        try store.startCloseRun(november, rulesDigest: 1, terms: nil)
        try store.saveClose([
            inNovember("4102738516", paid: 912_488, debt: 4, settled: SettledDebts(through: november, offset: Money(kopecks: -5)), open: []),
            inNovember("4102738517", paid: 0, debt: 5, settled: nil, open: []),
            inNovember("4102738518", paid: 0, debt: 6, settled: nil,
                       open: [EarlierDebt(period: Self.october, amount: Money(kopecks: 3)), EarlierDebt(period: november, amount: Money(kopecks: 6))]),
        ], period: november)
        try store.finishCloseRun(november)

        let ids = ["4102738516", "4102738518"]
        let reader = try store.openCloseInputReader()
        func inputs() throws -> [AccountCloseInput] {
            try reader.inputs(for: ids, period: december, reference: store.closeReference(for: december), allEarlierLines: false)
        }
        func debts(_ inputs: [AccountCloseInput]) -> [[String]] {
            inputs.map { ($0.earlierDebts ?? []).map { "\($0.period.code) \($0.amount.kopecks)" } }
        }
        var read = try inputs()
        #expect(read.map(\.settledDebts) == [SettledDebts(through: november, offset: Money(kopecks: -5)), nil])
        #expect(debts(read) == [[], ["2026-10 3", "2026-11 6"]])

        var late = DataSet()
        late.payments = [("LP-1", "4102738516"), ("LP-2", "4102738518")].map {
            Payment(id: $0.0, accountID: $0.1, date: CivilDate(year: 2026, month: 11, day: 20)!, amount: Money(kopecks: 100))
        }
        _ = try store.store(late)
        read = try inputs()
        #expect(read.map(\.settledDebts) == [SettledDebts(through: Self.october, offset: Money(kopecks: -1)), nil])
        #expect(debts(read) == [["2026-11 4"], ["2026-10 3", "2026-11 6"]])
        #expect(read.map(\.earlierPayments) == [PaymentTotals(count: 1, amount: Money(kopecks: 912_488)), .zero])
        #expect(read.map { $0.payments.map(\.id) } == [["LP-1"], ["LP-2"]])
    }

    /// With input marks, an account without one is read without its stored fingerprints and with the
    /// volumes of the period being closed only; `addComparisonInputs` adds both when its plan
    /// compares an earlier period. With a marked account among few (one in two here), every account
    /// is read whole. A volume of a later period is never read.
    @Test func anUnmarkedAccountIsReadWithoutWhatOnlyComparingNeeds() throws {
        let folder = try TemporaryFolder("raschet-store")
        defer { folder.remove() }
        let store = try Self.storeWithThirdAccount(in: folder)
        let november = Period(year: 2026, month: 11)!
        func volume(_ id: String, _ period: Period) -> Volume {
            Volume(accountID: id, serviceID: "HVS", period: period, quantity: ExactDecimal(3))
        }
        var volumes = DataSet()
        volumes.volumes = ["4102738516", "4102738518"].flatMap {
            [volume($0, Self.october), volume($0, november), volume($0, november.next)]
        }
        _ = try store.store(volumes)
        try store.startCloseRun(Self.october, rulesDigest: 1, terms: nil)
        try store.saveClose([Self.closed("4102738516", paid: 0, mark: 1), Self.closed("4102738517", paid: 0, mark: 2),
                             Self.closed("4102738518", paid: 0, mark: 3)], period: Self.october)
        try store.finishCloseRun(Self.october)

        let reader = try store.openCloseInputReader()
        let ids = ["4102738516", "4102738518"]
        func periods(_ input: AccountCloseInput) -> [String] { input.billing.volumes.map(\.period.code) }
        var inputs = try reader.inputs(for: ids, period: november, reference: store.closeReference(for: november),
                                       allEarlierLines: false, marksSince: Self.october)
        #expect(inputs.map(\.billing.closedFingerprintsLoaded) == [false, false])
        #expect(inputs.map(\.billing.closedFingerprints) == [[:], [:]])
        #expect(inputs.map(\.billing.volumesFrom) == [november, november])
        #expect(inputs.map(periods) == [["2026-11"], ["2026-11"]])
        try reader.addComparisonInputs(at: [1], to: &inputs, period: november, reference: store.closeReference(for: november))
        #expect(inputs.map(\.billing.closedFingerprints) == [[:], [Self.october: 3]])
        #expect(inputs.map(\.billing.volumesFrom) == [november, nil])
        #expect(inputs.map(periods) == [["2026-11"], ["2026-10", "2026-11"]])

        var rows = DataSet()
        rows.accounts = [Account(id: "4102738518", kind: .person, name: "Сидорова С. С.", address: "кв. 120")]
        _ = try store.store(rows)
        inputs = try reader.inputs(for: ids, period: november, reference: store.closeReference(for: november),
                                   allEarlierLines: false, marksSince: Self.october)
        #expect(inputs.map(\.billing.changedFrom) == [november, nil])
        #expect(inputs.map(\.billing.closedFingerprints) == [[Self.october: 1], [Self.october: 3]])
        #expect(inputs.map(\.billing.volumesFrom) == [nil, nil])
        #expect(inputs.map(periods) == [["2026-10", "2026-11"], ["2026-10", "2026-11"]])
    }

    /// With a bound, the close reads the meters' readings from its date on but for those of the
    /// periods it leaves out; `addLeftOutReadings` adds those of the periods left out (after the
    /// others: a register's history orders its readings), `addWholeReadings` reads the whole
    /// history. So does the loading of the accounts `accountsReadWhole` finds: one with a rollover
    /// before the date on a meter without a digit count (…517), which the close parks, and one with
    /// a rollover among the readings left out or later.
    @Test func aCloseReadsTheReadingsOfItsBound() throws {
        let folder = try TemporaryFolder("raschet-store")
        defer { folder.remove() }
        let store = try Self.store(in: folder)
        func reading(_ meter: String, _ date: String, _ value: String, rollover: Bool = false) -> Reading {
            Reading(meterID: meter, date: CivilDate(parsing: date)!, value: ExactDecimal(parsing: value)!, rollover: rollover)
        }
        var more = DataSet()
        more.meters = [Meter(id: "M-16", accountID: "4102738516", serviceID: "HVS"),
                       Meter(id: "M-17", accountID: "4102738517", serviceID: "HVS")]
        more.readings = [reading("M-16", "2026-01-20", "100"), reading("M-16", "2026-03-20", "110"),
                         reading("M-16", "2026-05-20", "120"), reading("M-16", "2026-06-20", "130"),
                         reading("M-17", "2026-01-20", "9"), reading("M-17", "2026-02-20", "3", rollover: true),
                         reading("M-17", "2026-06-20", "7")]
        _ = try store.store(more)

        let november = Period(year: 2026, month: 11)!
        let reader = try store.openCloseInputReader()
        // From March (February 26 on, the window ending on the 25th), April and May left out.
        let from = CivilDate(parsing: "2026-02-26")!
        let leftOut = Period(year: 2026, month: 4)!...Period(year: 2026, month: 5)!
        let bound = ReadingsBound(from: from, first: november, leftOut: leftOut, window: ReadingWindow(1...25))
        #expect(bound.leftOutDates == CivilDate(parsing: "2026-03-26")!..<CivilDate(parsing: "2026-05-26")!)
        let ids = ["4102738516", "4102738517"]
        #expect(try reader.accountsReadWhole(with: bound) == ["4102738517"])
        var inputs = try reader.inputs(for: ids, period: november, reference: store.closeReference(for: november),
                                       allEarlierLines: false, readings: bound, readWhole: ["4102738517"])
        func dates(_ input: AccountCloseInput) -> [String] { input.billing.readings.map { $0.meterID + " " + $0.date.isoString } }
        let m17 = ["M-17 2026-01-20", "M-17 2026-02-20", "M-17 2026-06-20"]
        #expect(inputs.map(dates) == [["M-16 2026-03-20", "M-16 2026-06-20"], m17])
        #expect(inputs.map(\.billing.readingsFrom) == [from, nil])
        #expect(inputs.map(\.billing.readingsLeftOut) == [leftOut, nil])
        try reader.addLeftOutReadings(of: bound, at: [0], to: &inputs)
        #expect(inputs.map(dates) == [["M-16 2026-03-20", "M-16 2026-06-20", "M-16 2026-05-20"], m17])
        #expect(inputs.map(\.billing.readingsFrom) == [from, nil])
        #expect(inputs.map(\.billing.readingsLeftOut) == [nil, nil])
        try reader.addWholeReadings(at: [0], to: &inputs)
        #expect(inputs.map(dates) == [["M-16 2026-01-20", "M-16 2026-03-20", "M-16 2026-05-20", "M-16 2026-06-20"], m17])
        #expect(inputs.map(\.billing.readingsFrom) == [nil, nil])

        // June's reading marked as a rollover: its step is from May's, which is left out.
        var rollover = DataSet()
        rollover.readings = [reading("M-16", "2026-06-20", "5", rollover: true)]
        _ = try store.store(rollover)
        let readWhole = try reader.accountsReadWhole(with: bound)
        #expect(readWhole == ["4102738516", "4102738517"])
        let laterLeftOut = ReadingsBound(from: from, first: november, leftOut: Period(year: 2026, month: 7)!...Period(year: 2026, month: 8)!,
                                         window: ReadingWindow(1...25))
        #expect(try reader.accountsReadWhole(with: laterLeftOut) == ["4102738517"])
        inputs = try reader.inputs(for: ids, period: november, reference: store.closeReference(for: november),
                                   allEarlierLines: false, readings: bound, readWhole: readWhole)
        #expect(inputs.map(\.billing.readingsFrom) == [nil, nil])
        #expect(inputs.map(\.billing.readingsLeftOut) == [nil, nil])
        #expect(inputs.map(dates)[0] == ["M-16 2026-01-20", "M-16 2026-03-20", "M-16 2026-05-20", "M-16 2026-06-20"])
    }

    /// A later close reads the payments of earlier months as the totals the previous balance carries
    /// (`payments_posted`, `amount_posted`); with a payment dated before the period and not posted yet
    /// (…517), those from that payment's month on, the totals less the posted ones among them (OP-5)
    /// standing for the rest (none here); and one by one where the totals cannot stand for them: a
    /// balance stored without totals by an older raschet (…518), no balance (…519, parked in October).
    @Test func aLaterCloseTakesEarlierPaymentsAsTheTotalsItsPreviousBalanceCarries() throws {
        let folder = try TemporaryFolder("raschet-store")
        defer { folder.remove() }
        let store = try Self.storeWithThirdAccount(in: folder)
        func date(_ month: Int, _ day: Int) -> CivilDate { CivilDate(year: 2026, month: month, day: day)! }
        var more = DataSet()
        more.accounts = [Account(id: "4102738519", kind: .person, name: "Орлова", address: "кв. 121")]
        more.payments = [
            Payment(id: "OP-4", accountID: "4102738516", date: date(11, 10), amount: Money(kopecks: 30_000)),
            Payment(id: "OP-5", accountID: "4102738517", date: date(10, 20), amount: Money(kopecks: 10_000)),
            Payment(id: "OP-6", accountID: "4102738518", date: date(10, 21), amount: Money(kopecks: 5_000)),
            Payment(id: "OP-8", accountID: "4102738519", date: date(10, 22), amount: Money(kopecks: 7_000)),
        ]
        _ = try store.store(more)
        func closed(_ id: String, _ payment: String, _ kopecks: Int64) -> AccountCloseOutcome {
            AccountCloseOutcome(accountID: id, lines: [],
                                balance: AccountBalance(opening: .zero, charged: .zero, recalc: .zero, penalty: .zero,
                                                        paid: Money(kopecks: kopecks)),
                                postedPayments: [payment], flags: [],
                                paymentsToDate: PaymentTotals(count: 1, amount: Money(kopecks: kopecks)), parked: nil)
        }
        try store.startCloseRun(Self.october, rulesDigest: 1, terms: nil)
        try store.saveClose([closed("4102738516", "OP-1", 912_488), closed("4102738517", "OP-5", 10_000),
                             closed("4102738518", "OP-6", 5_000), Self.parked("4102738519")], period: Self.october)
        try store.finishCloseRun(Self.october)
        let queue = try DatabaseQueue(path: folder.path("test.sqlite"))
        #expect(try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT account_id, payments_posted, amount_posted FROM balances ORDER BY account_id")
                .map { "\($0[0] as String) \($0[1] as Int) \($0[2] as Int)" }
        } == ["4102738516 1 912488", "4102738517 1 10000", "4102738518 1 5000"])
        try queue.write { db in
            try db.execute(sql: "UPDATE balances SET payments_posted = NULL, amount_posted = NULL WHERE account_id = '4102738518'")
        }
        try queue.close()
        var late = DataSet()
        late.payments = [Payment(id: "OP-7", accountID: "4102738517", date: date(10, 30), amount: Money(kopecks: 2_500))]
        _ = try store.store(late)

        let november = Period(year: 2026, month: 11)!
        let ids = ["4102738516", "4102738517", "4102738518", "4102738519"]
        let reader = try store.openCloseInputReader()
        let reference = try store.closeReference(for: november)
        let inputs = try reader.inputs(for: ids, period: november, reference: reference, allEarlierLines: false)
        #expect(inputs.map(\.earlierPayments) == [PaymentTotals(count: 1, amount: Money(kopecks: 912_488)), .zero, nil, nil])
        #expect(inputs.map { $0.payments.map(\.id) } == [["OP-4"], ["OP-5", "OP-7"], ["OP-6"], ["OP-8"]])
        #expect(inputs.map { $0.newPayments.map(\.id) } == [["OP-4"], ["OP-7"], [], ["OP-8"]])
        // The full recompute reads every payment.
        let full = try reader.inputs(for: ids, period: november, reference: reference, allEarlierLines: true)
        #expect(full.map(\.earlierPayments) == [nil, nil, nil, nil])
        #expect(full.map { $0.payments.map(\.id) } == [["OP-1", "OP-4"], ["OP-5", "OP-7"], ["OP-6"], ["OP-8"]])
    }
}
