import RaschetCore
import RaschetSynth
import Testing

/// The files of a generated data set, with the chunks each one arrived in.
struct GeneratedFiles {
    var order: [String] = []
    var chunks: [String: [[UInt8]]] = [:]

    init(_ set: SyntheticDataSet) {
        set.generate { name, chunk in
            if chunks[name] == nil { order.append(name) }
            chunks[name, default: []].append(chunk)
        }
    }

    func bytes(_ name: String) -> [UInt8] { (chunks[name] ?? []).flatMap { $0 } }

    /// Rows as fields, header first (the generator never quotes, so `;` splits fields).
    func rows(_ name: String) -> [[String]] {
        String(decoding: bytes(name), as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast()
            .map { $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init) }
    }

    /// Data rows as dictionaries keyed by the header.
    func records(_ name: String) -> [[String: String]] {
        let all = rows(name)
        guard let header = all.first else { return [] }
        return all.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }
}

let october = Period(year: 2026, month: 10)!

/// SPEC section 3 and the accounts' `changed_from` (README), copied here on purpose: the test must not read the generator's own constants.
let specColumns: [String: String] = [
    "suppliers.csv": "supplier_id;name;inn;kpp;bank_name;bic;corr_account;account;address;phone",
    "services.csv": "service_id;name;unit;supplier_id;method;vat_mode;absence_recalc;group",
    "tariffs.csv": "service_id;valid_from;price;valid_to;zone;category;norm;coefficient",
    "accounts.csv": "account_id;kind;name;address;inn;contract_no;contract_date;postal_address;area;residents;email;email_confirmed;e_receipt;delivery_route;opened;closed;changed_from",
    "account_services.csv": "account_id;service_id;valid_from;valid_to;quantity;installation",
    "meters.csv": "meter_id;account_id;service_id;zones;digits;installed;removed;verification_due",
    "readings.csv": "meter_id;date;value;zone;source;rollover",
    "volumes.csv": "account_id;service_id;period;quantity;installation",
    "payments.csv": "payment_id;account_id;date;amount;source;period",
    "absences.csv": "account_id;date_from;date_to;persons;document",
    "key_rates.csv": "valid_from;rate",
]

@Suite struct SyntheticDataSetTests {
    static let small = GeneratedFiles(SyntheticDataSet(accounts: 3_000, seed: 42, period: october))

    @Test func theSameSeedGivesTheSameBytes() {
        let again = GeneratedFiles(SyntheticDataSet(accounts: 3_000, seed: 42, period: october))
        #expect(again.order == Self.small.order)
        for name in SyntheticDataSet.fileNames {
            #expect(again.bytes(name) == Self.small.bytes(name), "\(name)")
        }
    }

    @Test func aDifferentSeedGivesDifferentBytes() {
        let other = GeneratedFiles(SyntheticDataSet(accounts: 3_000, seed: 43, period: october))
        for name in ["accounts.csv", "account_services.csv", "meters.csv", "readings.csv", "payments.csv"] {
            #expect(other.bytes(name) != Self.small.bytes(name), "\(name)")
        }
        // The fixed tables do not depend on the seed.
        #expect(other.bytes("services.csv") == Self.small.bytes("services.csv"))
    }

    @Test func aLargerSetStartsWithTheSmallerOne() {
        let larger = GeneratedFiles(SyntheticDataSet(accounts: 3_500, seed: 42, period: october))
        let small = Self.small.bytes("accounts.csv")
        #expect(Array(larger.bytes("accounts.csv").prefix(small.count)) == small)
    }

    @Test func filesComeInDependencyOrderWithTheSpecHeaders() {
        #expect(Self.small.order == SyntheticDataSet.fileNames)
        #expect(Set(Self.small.order) == Set(specColumns.keys))
        for (name, header) in specColumns {
            let bytes = Self.small.bytes(name)
            #expect(!bytes.starts(with: [0xEF, 0xBB, 0xBF]), "\(name) has a BOM")
            #expect(Self.small.rows(name).first?.joined(separator: ";") == header, "\(name)")
        }
    }

    @Test func everyRowHasTheHeadersColumnCountAndValidUTF8() {
        for name in SyntheticDataSet.fileNames {
            let bytes = Self.small.bytes(name)
            #expect(String(validating: bytes, as: UTF8.self) != nil, "\(name) is not UTF-8")
            #expect(bytes.last == UInt8(ascii: "\n"))
            #expect(!bytes.contains(UInt8(ascii: "\"")) && !bytes.contains(UInt8(ascii: "\r")), "\(name) needs quoting")
            let rows = Self.small.rows(name)
            let width = rows[0].count
            for (line, row) in rows.enumerated() where row.count != width {
                Issue.record("\(name):\(line + 1): \(row.count) fields, header has \(width)")
            }
        }
    }

    @Test func countsAndMix() {
        let accounts = Self.small.records("accounts.csv")
        #expect(accounts.count == 3_000)
        #expect(Set(accounts.map { $0["account_id"]! }).count == 3_000)
        let business = accounts.filter { $0["kind"] == "business" }
        #expect((150...450).contains(business.count), "about 10 % business: \(business.count)")
        #expect(accounts.allSatisfy { $0["kind"] == "business" || $0["kind"] == "person" })
        for a in business {
            #expect(a["inn"]!.count == 10 || a["inn"]!.count == 12)
            #expect(!a["contract_no"]!.isEmpty && !a["contract_date"]!.isEmpty)
        }
        let services = Self.small.records("account_services.csv")
        #expect(Set(services.map { $0["account_id"]! }).count == 3_000, "every account has services")
        let methods = Set(Self.small.records("services.csv").map { $0["method"]! })
        #expect(methods == ["meter", "norm", "area", "fixed", "quantity"])
        let zones = Set(Self.small.records("readings.csv").map { $0["zone"]! })
        #expect(zones == ["single", "day", "night"])
        let payments = Self.small.records("payments.csv")
        #expect((2_500..<3_000).contains(payments.count), "most accounts pay: \(payments.count)")
        #expect(Set(payments.map { $0["payment_id"]! }).count == payments.count)
        #expect(!Self.small.records("absences.csv").isEmpty)
        #expect(!Self.small.records("volumes.csv").isEmpty)
    }

    @Test func businessINNsCarryValidCheckDigits() {
        func check(_ digits: [Int], _ weights: [Int]) -> Int {
            zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 } % 11 % 10
        }
        for a in Self.small.records("accounts.csv") where a["kind"] == "business" {
            let d = a["inn"]!.compactMap { $0.wholeNumberValue }
            if d.count == 10 {
                #expect(d[9] == check(d, [2, 4, 10, 3, 5, 9, 4, 6, 8]), "\(a["inn"]!)")
            } else {
                #expect(d[10] == check(d, [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]), "\(a["inn"]!)")
                #expect(d[11] == check(d, [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]), "\(a["inn"]!)")
            }
        }
    }

    @Test func everyRowReferencesWhatExists() {
        let accounts = Set(Self.small.records("accounts.csv").map { $0["account_id"]! })
        let services = Set(Self.small.records("services.csv").map { $0["service_id"]! })
        let suppliers = Set(Self.small.records("suppliers.csv").map { $0["supplier_id"]! })
        let meterRows = Self.small.records("meters.csv")
        let meters = Set(meterRows.map { $0["meter_id"]! })
        #expect(meters.count == meterRows.count)
        let links = Set(Self.small.records("account_services.csv").map { $0["account_id"]! + "/" + $0["service_id"]! })

        #expect(Self.small.records("services.csv").allSatisfy { suppliers.contains($0["supplier_id"]!) })
        #expect(Self.small.records("tariffs.csv").allSatisfy { services.contains($0["service_id"]!) })
        for r in Self.small.records("account_services.csv") {
            #expect(accounts.contains(r["account_id"]!) && services.contains(r["service_id"]!), "\(r)")
        }
        for m in meterRows {
            #expect(links.contains(m["account_id"]! + "/" + m["service_id"]!), "meter of an unconnected service: \(m)")
        }
        #expect(Self.small.records("readings.csv").allSatisfy { meters.contains($0["meter_id"]!) })
        for name in ["payments.csv", "absences.csv", "volumes.csv"] {
            #expect(Self.small.records(name).allSatisfy { accounts.contains($0["account_id"]!) }, "\(name)")
        }
        for v in Self.small.records("volumes.csv") {
            #expect(links.contains(v["account_id"]! + "/" + v["service_id"]!), "volume of an unconnected service: \(v)")
        }
    }

    @Test func readingsAreReadyToCloseThePeriod() throws {
        let readings = Self.small.records("readings.csv")
        var last: [String: (date: String, value: ExactDecimal)] = [:]
        var wraps = 0
        var metersReadInPeriod = Set<String>()
        for r in readings {
            let date = try #require(CivilDate(parsing: r["date"]!))
            #expect((15...25).contains(date.day), "outside the reading window: \(r)")
            #expect(date.period >= Period(year: 2026, month: 5)! && date.period <= october, "4 months of history")
            if date.period == october { metersReadInPeriod.insert(r["meter_id"]!) }
            let value = try #require(ExactDecimal(parsing: r["value"]!))
            let key = r["meter_id"]! + "/" + r["zone"]!
            if let previous = last[key] {
                #expect(previous.date < r["date"]!)
                if r["rollover"] == "1" {
                    wraps += 1
                    #expect(value < previous.value)
                } else {
                    #expect(previous.value <= value, "lower reading without rollover: \(r)")
                }
            } else {
                #expect(r["rollover"] == "0")
            }
            last[key] = (r["date"]!, value)
        }
        var history: [String: Int] = [:]
        for r in readings where !r["date"]!.hasPrefix("2026-10") { history[r["meter_id"]! + "/" + r["zone"]!, default: 0] += 1 }
        #expect(history.values.allSatisfy { $0 == 5 }, "a baseline and 4 months of history for every register")
        let meters = Set(Self.small.records("meters.csv").map { $0["meter_id"]! })
        let missing = meters.subtracting(metersReadInPeriod)
        #expect(!missing.isEmpty && missing.count < meters.count / 10, "some meters unread in the period: \(missing.count)")
        #expect(wraps > 0, "some registers wrap")
    }

    @Test func paymentsAbsencesAndVolumesFallInThePeriod() throws {
        for p in Self.small.records("payments.csv") {
            #expect(try #require(CivilDate(parsing: p["date"]!)).period == october)
            #expect(try #require(Money(parsing: p["amount"]!)) > .zero)
            #expect(p["period"] == "" || p["period"] == "2026-09")
        }
        for a in Self.small.records("absences.csv") {
            let from = try #require(CivilDate(parsing: a["date_from"]!))
            let to = try #require(CivilDate(parsing: a["date_to"]!))
            #expect(from < to && from.period == october && to.period == october)
        }
        let periods = Set(Self.small.records("volumes.csv").map { $0["period"]! })
        #expect(periods == ["2026-06", "2026-07", "2026-08", "2026-09", "2026-10"])
    }

    @Test func tariffsCoverEveryMonthOfAnEarlierDataSet() throws {
        let early = GeneratedFiles(SyntheticDataSet(accounts: 10, seed: 1, period: Period(year: 2024, month: 3)!))
        let tariffs = early.records("tariffs.csv")
        let lines = Set(tariffs.map { $0["service_id"]! + "/" + $0["zone"]! + "/" + $0["category"]! })
        for line in lines {
            let dates = tariffs.filter { $0["service_id"]! + "/" + $0["zone"]! + "/" + $0["category"]! == line }
                .map { $0["valid_from"]! }
            #expect(dates.min()! <= "2023-10-01", "\(line) has no price for the first reading month")
        }
    }

    @Test func chunksAreAboutOneMebibyteAndEndAtRowBoundaries() {
        let large = GeneratedFiles(SyntheticDataSet(accounts: 40_000, seed: 7, period: october))
        let chunks = large.chunks["readings.csv"]!
        #expect(chunks.count > 2)
        for chunk in chunks {
            #expect(chunk.count <= SyntheticDataSet.chunkSize + 16 * 1024)
            #expect(chunk.last == UInt8(ascii: "\n"))
        }
        #expect(chunks.dropLast().allSatisfy { $0.count >= SyntheticDataSet.chunkSize })
    }

    @Test func anEmptySetHasHeadersAndTheFixedTables() {
        let empty = GeneratedFiles(SyntheticDataSet(accounts: 0, seed: 0, period: october))
        #expect(empty.order == SyntheticDataSet.fileNames)
        #expect(empty.records("accounts.csv").isEmpty)
        #expect(empty.records("services.csv").count == 19)
        #expect(empty.records("key_rates.csv").count == 21)
    }

    @Test func writeErrorsPropagate() {
        struct Full: Error {}
        #expect(throws: Full.self) {
            try SyntheticDataSet(accounts: 10, seed: 1, period: october).generate { _, _ in throw Full() }
        }
    }
}

