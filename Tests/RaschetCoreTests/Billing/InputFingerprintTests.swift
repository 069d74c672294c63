import RaschetCore
import Testing

/// `AccountBilling.bill` with stored input fingerprints: a closed period is recomputed only when what
/// its lines are computed from changed.
@Suite struct InputFingerprintTests {
    static let digests = ReferenceDigests(rules: Fixture.rules)

    static func bill(_ input: AccountBillingInput, _ period: String, recomputeAll: Bool = false)
        -> (lines: [ChargeLine], fingerprints: [Period: UInt64]) {
        let billed = AccountBilling.bill(input, period: month(period), rules: Fixture.rules, digests: digests,
                                         recomputeAll: recomputeAll)
        var fingerprints: [Period: UInt64] = [:]
        for fingerprint in billed.fingerprints { fingerprints[fingerprint.refPeriod] = fingerprint.value }
        return (billed.result.lines ?? [], fingerprints)
    }

    @Test func anUnchangedPeriodIsNotRecomputedAndAChangedOneIs() throws {
        let september = Self.bill(Fixture.input(["SOD"]), "2026-09")
        // 50.5 m² × 32.00 = 1616.00 on top of which VAT: one charge line; its fingerprint is stored.
        #expect(september.lines.map(\.gross) == [rub("1971.52")])
        #expect(september.fingerprints.keys.sorted() == [month("2026-09")])
        // What was posted is deliberately wrong by 1 m²: only a recomputation can notice it.
        var posted = september.lines
        posted[0].quantity = dec("49.5")
        var input = Fixture.input(["SOD"], posted: posted)
        input.closedFingerprints = september.fingerprints

        let skipped = Self.bill(input, "2026-10")
        #expect(skipped.lines.map(\.kind) == [.charge])
        #expect(skipped.fingerprints.keys.sorted() == [month("2026-10")])
        let full = Self.bill(input, "2026-10", recomputeAll: true)
        #expect(full.lines.map(\.kind) == [.charge, .recalc])
        #expect(full.lines.last?.quantity == dec("1"))

        // A corrected area changes September's fingerprint: recomputed (52.5 − 49.5 posted = 3 m²) and stored.
        input.account.area = dec("52.5")
        let corrected = Self.bill(input, "2026-10")
        #expect(corrected.lines.map(\.kind) == [.charge, .recalc])
        #expect(corrected.lines.last?.quantity == dec("3"))
        #expect(corrected.fingerprints.keys.sorted() == [month("2026-09"), month("2026-10")])
        #expect(corrected.fingerprints[month("2026-09")] != september.fingerprints[month("2026-09")])
    }

    /// A dated change (`Account.changedFrom`) leaves the area and residents it replaced for the earlier
    /// periods (`earlierPremises`): the flat grew from 50.5 to 52.5 m² and from 3 to 4 residents from
    /// September, so the October close recomputes September only, August's fingerprint being the one
    /// stored. September's recalculations: SOD 2 m² × 32.00 = 64.00 + 22 % VAT on top = 78.08; HVSN
    /// 4.9 m³ (one resident × the norm), 19.6 × 52.34 = 1025.86 − 14.7 × 52.34 = 769.40: 256.46.
    @Test func aDatedChangeRecomputesThePeriodsFromItsDateOnly() {
        let august = Self.bill(Fixture.input(["SOD", "HVSN"]), "2026-08")
        let september = Self.bill(Fixture.input(["SOD", "HVSN"]), "2026-09")
        var input = Fixture.input(["SOD", "HVSN"], account: Fixture.account(area: "52.5", residents: 4),
                                  posted: august.lines + september.lines)
        input.closedFingerprints = august.fingerprints.merging(september.fingerprints) { a, _ in a }
        input.earlierPremises = [EarlierPremises(until: month("2026-09"), area: dec("50.5"), residents: 3)]
        #expect(input.account(in: month("2026-08")).area == dec("50.5") && input.account(in: month("2026-08")).residents == 3)
        #expect(input.account(in: month("2026-09")) == input.account)

        let october = Self.bill(input, "2026-10")
        let recalcs = october.lines.filter { $0.kind == .recalc }
        #expect(recalcs.map(\.refPeriod) == [month("2026-09"), month("2026-09")])
        #expect(recalcs.map(\.serviceID) == ["HVSN", "SOD"])
        #expect(recalcs.map(\.quantity) == [dec("4.9"), dec("2")])
        #expect(recalcs.map(\.gross) == [rub("256.46"), rub("78.08")])
        #expect(october.fingerprints.keys.sorted() == [month("2026-09"), month("2026-10")])

        // The same change without a date corrects August as well.
        input.earlierPremises = []
        #expect(Self.bill(input, "2026-10").lines.filter { $0.kind == .recalc }.map(\.refPeriod)
                == [month("2026-08"), month("2026-08"), month("2026-09"), month("2026-09")])
    }

    /// The close makes the plan before it loads the earlier lines (`AccountClose.prepare`): a line of
    /// a period the plan did not compare (closed before fingerprints were stored) makes `bill` plan
    /// again, as if it had been given none.
    @Test func aPlanMadeBeforeTheEarlierLinesHoldsOnlyWhenItComparedTheirPeriods() {
        let october = month("2026-10")
        #expect(AccountBilling.plan(Fixture.input(["SOD"]), period: october, rules: Fixture.rules, digests: Self.digests) == nil)
        let august = Self.bill(Fixture.input(["SOD"]), "2026-08")
        // September posted wrong by 1 m² and with no stored fingerprint.
        var september = Self.bill(Fixture.input(["SOD"]), "2026-09").lines
        september[0].quantity = dec("49.5")
        var input = Fixture.input(["SOD"])
        input.closedFingerprints = august.fingerprints
        let plan = AccountBilling.plan(input, period: october, rules: Fixture.rules, digests: Self.digests)
        #expect(plan?.recompute == [])

        input.posted = august.lines + september
        let planned = AccountBilling.bill(input, period: october, rules: Fixture.rules, digests: Self.digests, plan: plan)
        let unplanned = AccountBilling.bill(input, period: october, rules: Fixture.rules, digests: Self.digests)
        #expect(planned.result.lines?.map(\.kind) == [.charge, .recalc])
        #expect(planned.result.lines?.last?.quantity == dec("1"))
        #expect(planned.result.lines == unplanned.result.lines)
        #expect(planned.fingerprints.map(\.refPeriod) == [october, month("2026-09")])
    }

    /// The close's loader gives each account its own rows only: `bill` takes the plan made from them
    /// with the earlier lines loaded since, and bills as it would without the plan.
    @Test func aPlanOfAnInputOfOneAccountBillsAsWithoutIt() {
        let october = month("2026-10")
        let august = Self.bill(Fixture.input(["SOD"]), "2026-08")
        var september = Self.bill(Fixture.input(["SOD"]), "2026-09").lines
        september[0].quantity = dec("49.5")
        var input = AccountBilling.narrowed(Fixture.input(["SOD"]))
        input.closedFingerprints = august.fingerprints
        input.recomputePeriods = [month("2026-09")]
        let plan = AccountBilling.plan(input, period: october, rules: Fixture.rules, digests: Self.digests)
        #expect(plan?.recompute == [month("2026-09")])

        var foreign = september[0]
        foreign.accountID = "1002"
        foreign.quantity = dec("10")
        input.posted = august.lines + september + [foreign]
        let planned = AccountBilling.bill(input, period: october, rules: Fixture.rules, digests: Self.digests, plan: plan)
        let unplanned = AccountBilling.bill(input, period: october, rules: Fixture.rules, digests: Self.digests)
        // September posted 49.5 m² of 50.5: one recalculation of 1 m², the other account's line ignored.
        #expect(planned.result.lines?.map(\.kind) == [.charge, .recalc])
        #expect(planned.result.lines?.last?.quantity == dec("1"))
        #expect(planned.result.lines == unplanned.result.lines)
        #expect(planned.fingerprints == unplanned.fingerprints)
    }

    @Test func aLateReadingChangesTheFingerprintsOfTheEstimatedPeriodsOnly() {
        // Real readings Jan..Jul, none in Aug and Sep (charged by the average), Oct read: the gap
        // Jul→Oct is spread over Aug, Sep, Oct, so Aug and Sep change, Jul does not.
        let history = MeterConsumptionTests.history
        let meter = MeterConsumptionTests.water
        func fingerprints(_ readings: [Reading], asOf period: String) -> [Period: UInt64] {
            var input = Fixture.input(["HVS"], meters: [meter], readings: readings)
            input.recomputePeriods = ["2026-07", "2026-08", "2026-09"].map(month)
            return Self.bill(input, period).fingerprints
        }
        let before = fingerprints(history, asOf: "2026-10")
        let after = fingerprints(history + Fixture.readings("M1", [("2026-10", "200")]), asOf: "2026-10")
        #expect(before[month("2026-07")] == after[month("2026-07")])
        #expect(before[month("2026-08")] != after[month("2026-08")])
        #expect(before[month("2026-09")] != after[month("2026-09")])
    }

    /// Without input marks (`changedFrom` the period being closed), only the earlier periods the period's
    /// readings re-estimate are fingerprinted: October's reading closes the gap after July, so August
    /// and September are compared (their stored fingerprints, 1, differ and are replaced) and July is
    /// not, though its stored one differs too. Without October's reading nothing is compared.
    @Test func withoutInputMarksOnlyThePeriodsTheReadingsReestimateAreCompared() throws {
        let meter = MeterConsumptionTests.water
        let readings = MeterConsumptionTests.history + Fixture.readings("M1", [("2026-10", "200")])
        var input = Fixture.input(["HVS"], meters: [meter], readings: readings)
        input.closedFingerprints = [month("2026-07"): 1, month("2026-08"): 1, month("2026-09"): 1]
        #expect(Self.bill(input, "2026-10").fingerprints.keys.sorted() == ["2026-07", "2026-08", "2026-09", "2026-10"].map(month))
        input.changedFrom = month("2026-10")
        #expect(Self.bill(input, "2026-10").fingerprints.keys.sorted() == ["2026-08", "2026-09", "2026-10"].map(month))

        var unread = Fixture.input(["HVS"], meters: [meter], readings: MeterConsumptionTests.history)
        unread.closedFingerprints = input.closedFingerprints
        unread.changedFrom = month("2026-10")
        #expect(Self.bill(unread, "2026-10").fingerprints.keys.sorted() == [month("2026-10")])

        // The gap itself: after July for October; none for July, read after June; none for August.
        func gap(_ readings: [Reading], _ period: String) throws -> Range<Period> {
            try RegisterHistory(meter: meter, zone: .single, readings: readings, window: Fixture.rules.readingWindow,
                                asOf: month(period)).gapClosed(at: month(period))
        }
        #expect(try gap(readings, "2026-10") == month("2026-08")..<month("2026-10"))
        #expect(try gap(readings, "2026-07").isEmpty)
        #expect(try gap(readings, "2026-08").isEmpty)
    }

    /// With input marks from a period (`changedFrom`), the earlier periods from it on are fingerprinted,
    /// and before it those the readings counting for it or later re-estimate: marked from September
    /// (a corrected volume), September only; from August, August and September, not July. A reading
    /// of September submitted late (marked from September) closes the gap after July: August is
    /// compared as well.
    @Test func withInputMarksFromAPeriodItAndTheGapsItsReadingsCloseAreCompared() {
        let meter = MeterConsumptionTests.water
        var input = Fixture.input(["HVS"], meters: [meter], readings: MeterConsumptionTests.history)
        input.closedFingerprints = [month("2026-07"): 1, month("2026-08"): 1, month("2026-09"): 1]
        input.changedFrom = month("2026-09")
        #expect(Self.bill(input, "2026-10").fingerprints.keys.sorted() == ["2026-09", "2026-10"].map(month))
        input.changedFrom = month("2026-08")
        #expect(Self.bill(input, "2026-10").fingerprints.keys.sorted() == ["2026-08", "2026-09", "2026-10"].map(month))
        input.readings += Fixture.readings("M1", [("2026-09", "190")])
        input.changedFrom = month("2026-09")
        #expect(Self.bill(input, "2026-10").fingerprints.keys.sorted() == ["2026-08", "2026-09", "2026-10"].map(month))
        // Marked from a later period (a change from December): as unmarked, the gap October's
        // reading closes after September is compared; none here, September having a reading.
        input.readings += Fixture.readings("M1", [("2026-10", "200")])
        input.changedFrom = month("2026-12")
        #expect(Self.bill(input, "2026-10").fingerprints.keys.sorted() == [month("2026-10")])
        input.readings.removeAll { $0.date.period == month("2026-09") }
        #expect(Self.bill(input, "2026-10").fingerprints.keys.sorted() == ["2026-08", "2026-09", "2026-10"].map(month))
    }

    /// An account loaded without its stored fingerprints (no input mark: the store reads them only
    /// when the plan needs them): its plan awaits them when its readings re-estimate an earlier period,
    /// compares those periods once they are added, and bills as if they had been loaded from the
    /// start; with no reading of October (no gap closed), it needs none.
    @Test func aPlanAwaitsTheStoredFingerprintsOnlyWhenTheReadingsReestimateAPeriod() {
        let meter = MeterConsumptionTests.water
        let close = AccountClose(period: month("2026-10"), rules: Fixture.rules, keyRates: [])
        func input(_ readings: [Reading], loaded: Bool) -> AccountCloseInput {
            var billing = Fixture.input(["HVS"], meters: [meter], readings: readings)
            billing.changedFrom = month("2026-10")
            billing.closedFingerprints = loaded ? [month("2026-07"): 1, month("2026-08"): 1, month("2026-09"): 1] : [:]
            billing.closedFingerprintsLoaded = loaded
            return AccountCloseInput(billing: billing, opening: .zero, payments: [], newPayments: [], earlier: [])
        }
        let readings = MeterConsumptionTests.history + Fixture.readings("M1", [("2026-10", "200")])
        var awaiting = input(readings, loaded: false)
        #expect(!close.makePlan(&awaiting))
        #expect(awaiting.billingPlan?.awaitsClosedFingerprints == true)
        #expect(awaiting.billingPlan?.compared == [month("2026-08"), month("2026-09")])
        #expect(!close.makePlan(&awaiting))

        var loaded = input(readings, loaded: true)
        awaiting.billing = loaded.billing
        #expect(close.prepare(&awaiting) == .from(month("2026-08")))
        #expect(close.prepare(&loaded) == .from(month("2026-08")))
        #expect(awaiting.billingPlan == loaded.billingPlan)
        #expect(awaiting.billingPlan?.recompute == [month("2026-08"), month("2026-09")])
        #expect(close.close(awaiting) == close.close(loaded))

        var unread = input(MeterConsumptionTests.history, loaded: false)
        #expect(close.prepare(&unread) == .none)
        #expect(unread.billingPlan?.compared == [])
        #expect(close.close(unread).fingerprints.map(\.refPeriod) == [month("2026-10")])
    }

    /// The close digests the catalog once (`ReferenceDigests`): an account's fingerprint is the same
    /// whether its services' digests come from that table or from its own rows, in whatever order its
    /// tariffs come; a table made from other rows than the account's is not used.
    @Test func theCatalogsDigestsChangeNoFingerprint() {
        let ids = ["EL", "HVSN", "SOD"]
        func part(_ input: AccountBillingInput, _ digests: ReferenceDigests) -> UInt64 {
            var parts = InputFingerprint.AccountParts(input, digests: digests)
            return parts.part(for: month("2026-10")).value
        }
        // As the close loads an account: services by id, each one's tariffs in a run, in that order.
        var input = AccountBilling.narrowed(Fixture.input(ids))
        input.services.sort { $0.id < $1.id }
        input.tariffs = input.services.flatMap { service in Fixture.tariffs.filter { $0.serviceID == service.id } }
        let computed = part(input, ReferenceDigests(rules: Fixture.rules))
        let table = ReferenceDigests(rules: Fixture.rules, services: Fixture.services, tariffs: Fixture.tariffs)
        #expect(part(input, table) == computed)
        // The catalog's order (HVSN's tariff before EL's): each service's own tariffs are the same.
        var catalogOrder = input
        catalogOrder.tariffs = Fixture.tariffs.filter { ids.contains($0.serviceID) }
        #expect(catalogOrder.tariffs.map(\.serviceID) == ["HVSN", "EL", "EL", "SOD", "SOD", "SOD", "SOD"])
        #expect(part(catalogOrder, table) == computed)
        // A table made before SOD's 2026 tariff was corrected is not used for the account's rows.
        var corrected = Fixture.tariffs
        corrected[5].price = dec("33.00")
        let stale = ReferenceDigests(rules: Fixture.rules, services: Fixture.services, tariffs: corrected)
        #expect(part(input, stale) == computed)
        // The account billed with the corrected tariff: another fingerprint, whichever way it is digested.
        var correctedInput = input
        correctedInput.tariffs = input.services.flatMap { service in corrected.filter { $0.serviceID == service.id } }
        #expect(part(correctedInput, stale) == part(correctedInput, ReferenceDigests(rules: Fixture.rules)))
        #expect(part(correctedInput, stale) != computed)
        #expect(part(correctedInput, table) != computed)
    }

    /// An input's services' digests are kept by where its two lists are stored (the close's loader
    /// gives every account with the same services the same two arrays): an input sharing them gets
    /// the same digests; a list changed after it was digested, even where it is stored, is digested
    /// again from its rows.
    @Test func theDigestsOfSharedListsAreKeptAndAChangedListIsDigestedAgain() {
        func part(_ input: AccountBillingInput, _ digests: ReferenceDigests) -> UInt64 {
            var parts = InputFingerprint.AccountParts(input, digests: digests)
            return parts.part(for: month("2026-10")).value
        }
        let table = ReferenceDigests(rules: Fixture.rules, services: Fixture.services, tariffs: Fixture.tariffs)
        var input = AccountBilling.narrowed(Fixture.input(["EL", "HVSN", "SOD"]))
        input.services.sort { $0.id < $1.id }
        input.tariffs = input.services.flatMap { service in Fixture.tariffs.filter { $0.serviceID == service.id } }
        let computed = part(input, ReferenceDigests(rules: Fixture.rules))
        #expect(part(input, table) == computed)
        var sharing = AccountBilling.narrowed(Fixture.input(["EL", "HVSN", "SOD"]))
        sharing.services = input.services
        sharing.tariffs = input.tariffs
        #expect(part(sharing, table) == computed)
        // `input` alone holds its tariffs besides the table's entry, which a change copies first.
        sharing.tariffs = []
        input.tariffs[input.tariffs.count - 1].price = dec("33.00")
        #expect(part(input, table) == part(input, ReferenceDigests(rules: Fixture.rules)))
        #expect(part(input, table) != computed)
    }

    @Test func theFingerprintIsTheSameInEveryProcess() {
        // FNV-1a of the bytes 3 (Int64 little-endian), "SOD", 50_500_000 (micros), worked out independently
        // (Python): a change of the encoding would silently change every stored fingerprint.
        var hasher = StableHasher()
        hasher.combine("SOD")
        hasher.combine(dec("50.5"))
        #expect(hasher.value == 0x1489_ea0f_fbae_315c)
        // Texts beyond ASCII and the empty text: their UTF-8 bytes, each after its byte count.
        var texts = StableHasher()
        texts.combine("Холодное водоснабжение")
        texts.combine("")
        texts.combine("м³")
        #expect(texts.value == 0xa03f_1311_6e16_1038)
    }

    /// `InputFingerprint` feeds every field of these entities (the account's but `changedFrom`, whose
    /// effect is fed as each period's area and residents): a new field must be added to it
    /// (`StableHasher+Entities.swift`) and counted here.
    @Test func everyFieldOfTheBillingEntitiesIsFingerprinted() {
        #expect(Mirror(reflecting: Fixture.account()).children.count == 16 + 1)
        #expect(Mirror(reflecting: Fixture.connect(["SOD"])[0]).children.count == 6)
        #expect(Mirror(reflecting: Fixture.services[0]).children.count == 8)
        #expect(Mirror(reflecting: Fixture.tariffs[0]).children.count == 8)
        #expect(Mirror(reflecting: MeterConsumptionTests.water).children.count == 8)
        #expect(Mirror(reflecting: Volume(accountID: "1", serviceID: "HEAT", period: month("2026-10"), quantity: .one))
            .children.count == 5)
        #expect(Mirror(reflecting: Absence(accountID: "1", dateFrom: day("2026-10-01"), dateTo: day("2026-10-09"), persons: 1))
            .children.count == 5)
    }
}
