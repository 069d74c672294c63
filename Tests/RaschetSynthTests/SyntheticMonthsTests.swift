import RaschetCore
import RaschetSynth
import Testing

/// `SyntheticDataSet.generateMonth`: the later months of `raschet synth --months N`.
@Suite struct SyntheticMonthsTests {
    static let set: SyntheticDataSet = {
        var set = SyntheticDataSet(accounts: 3_000, seed: 42, period: october)
        set.months = 3
        return set
    }()
    static let first = GeneratedFiles(set)
    static let single = GeneratedFiles(SyntheticDataSet(accounts: 3_000, seed: 42, period: october))
    static let november = MonthFiles(set, 1)
    static let december = MonthFiles(set, 2)

    /// The files of one later month.
    struct MonthFiles {
        var files = GeneratedFiles(SyntheticDataSet(accounts: 0, seed: 0, period: october))
        init(_ set: SyntheticDataSet, _ k: Int) {
            files.order = []
            files.chunks = [:]
            set.generateMonth(k) { name, chunk in
                if files.chunks[name] == nil { files.order.append(name) }
                files.chunks[name, default: []].append(chunk)
            }
        }
        func records(_ name: String) -> [[String: String]] { files.records(name) }
    }

    @Test func theFirstMonthIsTheSingleSetWithoutThePaymentsThatArriveLate() {
        for name in SyntheticDataSet.fileNames where name != "payments.csv" {
            #expect(Self.first.bytes(name) == Self.single.bytes(name), "\(name)")
        }
        let all = Self.single.records("payments.csv")
        let onTime = Self.first.records("payments.csv")
        let late = Self.november.records("payments.csv").filter { $0["date"]!.hasPrefix("2026-10") }
        #expect(late.count == 66)
        #expect(onTime.count + late.count == all.count)
        #expect(Set(onTime.map { $0["payment_id"]! }).isDisjoint(with: late.map { $0["payment_id"]! }))
        #expect(Set(all.map { $0["payment_id"]! }) == Set((onTime + late).map { $0["payment_id"]! }))
    }

    @Test func aLaterMonthHasItsFilesAndTheSameBytesEveryTime() {
        #expect(Self.november.files.order == SyntheticDataSet.monthFileNames)
        let again = MonthFiles(Self.set, 1)
        for name in SyntheticDataSet.monthFileNames {
            #expect(again.files.bytes(name) == Self.november.files.bytes(name), "\(name)")
            #expect(Self.november.files.rows(name).first?.joined(separator: ";") == specColumns[name], "\(name)")
        }
    }

    @Test func novemberCountsAndRows() {
        let readings = Self.november.records("readings.csv")
        let lateReadings = readings.filter { $0["date"]!.hasPrefix("2026-10") }
        #expect(readings.count == 7_444)
        #expect(lateReadings.count == 118)
        // A late reading is one the first month left out: its meter has no October reading there.
        let octoberMeters = Set(Self.first.records("readings.csv").filter { $0["date"]!.hasPrefix("2026-10") }.map { $0["meter_id"]! })
        #expect(lateReadings.allSatisfy { !octoberMeters.contains($0["meter_id"]!) })
        #expect(readings.filter { $0["date"]!.hasPrefix("2026-11") }.count == 7_326)

        let volumes = Self.november.records("volumes.csv")
        let businesses = Self.first.records("accounts.csv").filter { $0["kind"] == "business" }.count
        #expect(volumes.filter { $0["period"] == "2026-11" && $0["service_id"] == "TEPLO_B" }.count == businesses)
        #expect(volumes.filter { $0["period"] == "2026-10" }.count == 12)

        let payments = Self.november.records("payments.csv")
        #expect(payments.count == 2_774)
        #expect(payments.allSatisfy { $0["date"]!.hasPrefix("2026-10") || $0["date"]!.hasPrefix("2026-11") })

        let absences = Self.november.records("absences.csv")
        #expect(absences.filter { $0["date_from"]!.hasPrefix("2026-10") }.count == 5)
        #expect(absences.filter { $0["date_from"]!.hasPrefix("2026-11") }.count == 19)
        #expect(Self.november.records("accounts.csv").count == 28)
        #expect(Self.december.records("readings.csv").filter { $0["date"]!.hasPrefix("2026-12") }.count == 7_398)
    }

    @Test func exactRows() {
        func lines(_ name: String) -> [String] { Self.november.files.rows(name).dropFirst().map { $0.joined(separator: ";") } }
        // Residents 3 → 2 of the first corrected account (its October row has 3), from 2026-06.
        #expect(lines("accounts.csv").first == "3000000199;person;Александров Владимир Евгеньевич;162643, г. Череповец, "
            + "ул. Победы, д. 61, кв. 199;;;;;74.86;2;;0;0;М-001;2024-07-16;;2026-06")
        let dates = Self.november.records("accounts.csv").map { $0["changed_from"]! }
        #expect(dates.filter(\.isEmpty).count == 5)
        #expect(dates.filter { !$0.isEmpty }.allSatisfy { ["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"].contains($0) })
        #expect(Self.first.records("accounts.csv").first { $0["account_id"] == "3000000199" }?["residents"] == "3")
        #expect(lines("readings.csv").contains("3000000009-H;2026-10-16;3212.961;single;cabinet;0"))
        #expect(lines("volumes.csv").contains("5000000861;TEPLO_B;2026-10;1.981;Нежилое помещение, ул. Щетинина, д. 14, пом. 141"))
        #expect(lines("payments.csv").contains("SB-202610-3000000004;3000000004;2026-10-08;16497.00;Сбербанк;2026-09"))
        #expect(lines("absences.csv").contains("3000000011;2026-11-02;2026-11-11;1;Справка № 8371"))
    }
}
