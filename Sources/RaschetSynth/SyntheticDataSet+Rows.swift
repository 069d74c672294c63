import RaschetCore

/// The row writers: one function per file, appending one account's rows to the buffer. Each
/// writes the columns of the first schema; `endRow` leaves the columns added later empty.
extension SyntheticDataSet {
    // MARK: - Fixed tables

    func writeSuppliers(_ out: inout [UInt8]) {
        for row in ReferenceTables.suppliers { out.putRow(row, .suppliers) }
    }

    func writeServices(_ out: inout [UInt8]) {
        for row in ReferenceTables.services { out.putRow(row, .services) }
    }

    /// The tariffs of `Fixtures/`; when the data set starts before a tariff's first date, the
    /// first price also gets a row from January 1 of the first reading's year, so that every
    /// month of the data set has a price.
    func writeTariffs(_ out: inout [UInt8]) {
        let start = firstReadingMonth.firstDay
        let january = CivilDate(year: start.year, month: 1, day: 1)!
        for line in ReferenceTables.tariffs {
            var prices = line.prices.map { (CivilDate(parsing: $0.0)!, $0.1) }
            if start < prices[0].0 { prices.insert((january, prices[0].1), at: 0) }
            for (date, price) in prices {
                out.putRow([line.service, date.isoString, price, "", line.zone, line.category, line.norm, line.coefficient], .tariffs)
            }
        }
    }

    func writeKeyRates(_ out: inout [UInt8]) {
        for (date, rate) in ReferenceTables.keyRates { out.putRow([date, rate], .keyRates) }
    }

    // MARK: - Accounts

    /// The account row; with `changedFrom`, its area and residents apply from that period on.
    func writeAccount(_ out: inout [UInt8], _ p: AccountProfile, changedFrom: Period? = nil) {
        let place = Building(seed: seed, index: p.building)
        out.putAccountID(p)
        out.separator()
        out.put(p.isBusiness ? "business" : "person")
        out.separator()
        if p.isBusiness && p.company >= 0 {
            out.put("ООО «")
            out.put(NameTables.companyNames[p.company])
            out.put("»")
        } else {
            if p.isBusiness { out.put("ИП ") }
            out.putPersonName(p)
        }
        out.separator()
        place.putAddress(&out, unit: p.unit, business: p.isBusiness)
        out.separator()
        if p.isBusiness {
            var r = SplitMix64(seed: seed, p.index, 3)
            out.putINN(&r, digits: p.company >= 0 ? 10 : 12)
            out.separator()
            out.put("Д-")
            out.put(p.index + 1, width: 6)
            out.put("/")
            out.put(p.opened.year)
            out.separator()
            out.put(p.opened)
            out.separator()
            place.putAddress(&out, unit: p.unit, business: true)
        } else {
            out.put(";;;")
        }
        out.separator()
        out.put(fixed: p.area, decimals: 2)
        out.separator()
        if !p.isBusiness { out.put(p.residents) }
        out.separator()
        if p.emailDomain >= 0 {
            out.put("ls")
            out.putAccountID(p)
            out.put("@")
            out.put(NameTables.emailDomains[p.emailDomain])
        }
        out.separator()
        out.put(p.emailConfirmed ? "1" : "0")
        out.separator()
        out.put(p.eReceipt ? "1" : "0")
        out.separator()
        if p.isBusiness {
            out.put("Ю-")
            out.put(p.building / 40 + 1, width: 3)
        } else {
            out.put("М-")
            out.put(p.building / 4 + 1, width: 3)
        }
        out.separator()
        out.put(p.opened)
        out.separator()
        if let changedFrom {
            // `changed_from`, the only column added to the accounts' first schema.
            out.separator()
            out.put(changedFrom)
            out.newline()
        } else {
            out.endRow(.accounts)
        }
    }

    func writeAccountServices(_ out: inout [UInt8], _ p: AccountProfile) {
        func row(_ service: StaticString, quantity: Int? = nil, installation: Bool = false) {
            out.putAccountID(p)
            out.separator()
            out.put(service)
            out.separator()
            out.put(p.opened)
            out.put(";;")
            if let quantity { out.put(fixed: quantity, decimals: 3) }
            out.separator()
            if installation { Building(seed: seed, index: p.building).putInstallation(&out, unit: p.unit) }
            out.endRow(.accountServices)
        }
        switch p.supply {
        case .business:
            if p.hasWater {
                row("HVS_B", installation: true)
                row("VO_B", installation: true)
            }
            row("TEPLO_B", installation: true)
            var r = SplitMix64(seed: seed, p.index, 5)
            row("TKO_B", quantity: r.within(300...3_000), installation: true)
            row("SOD_B", installation: true)
            return
        case .meters, .twoZone:
            row("HVS")
            row("GVS")
            row("EE")
        case .waterNorm, .allNorm:
            row("HVS_N")
            row("GVS_N")
            row("VO_N")
            row(p.supply == .waterNorm ? "EE" : "EE_N")
        }
        row("OTOP")
        row("SOD")
        row("KAPREM")
        row("TKO")
        row("HVS_SOI", quantity: (p.area * 27 + 50) / 100)  // 0.0027 m³ per m², in thousandths
        row("EE_SOI", quantity: p.area * 15 / 10)             // 0.15 kWh per m², in thousandths
        if p.building % 2 == 0 { row("DOMOFON") }
    }

    // MARK: - Meters and readings

    func writeMeters(_ out: inout [UInt8], _ p: AccountProfile) {
        for kind in p.meters {
            let installed = installationDate(p, kind)
            out.putAccountID(p)
            out.put(kind.suffix)
            out.separator()
            out.putAccountID(p)
            out.separator()
            out.put(kind.service)
            out.separator()
            out.put(kind.zones)
            out.separator()
            out.put(kind.digits)
            out.separator()
            out.put(installed)
            out.put(";;")
            // The next verification after the period (meters are re-verified on time).
            let cycles = Swift.max(1, (period.year + 1 - installed.year + kind.verificationYears - 1) / kind.verificationYears)
            out.put(CivilDate(year: installed.year + cycles * kind.verificationYears, month: installed.month,
                              day: Swift.min(installed.day, 28))!)
            out.endRow(.meters)
        }
    }

    func installationDate(_ p: AccountProfile, _ kind: MeterKind) -> CivilDate {
        var r = SplitMix64(seed: seed, p.index, 4, kind.rawValue)
        let span = Swift.max(1, openedBefore.dayNumber - p.opened.dayNumber)
        return CivilDate(dayNumber: p.opened.dayNumber + r.below(span))
    }

    /// Consumption of one register in one month, in reading units.
    func consumption(_ p: AccountProfile, _ kind: MeterKind, zone: Int, month: Period) -> Int {
        var r = SplitMix64(seed: seed, p.index, 16 + kind.rawValue * 2 + zone, month.ordinal)
        switch kind {
        case .coldWater: return p.residents * r.within(2_300...3_300)
        case .hotWater: return p.residents * r.within(1_400...2_200)
        case .electricity: return Swift.max(1, (60 + 35 * p.residents) * r.within(80...120) / 100)
        case .electricityTwoZone:
            return Swift.max(1, (60 + 35 * p.residents) * r.within(80...120) * (zone == 0 ? 68 : 32) / 10_000)
        case .businessWater: return r.within(4_000...16_000)
        }
    }

    /// The register at the first reading.
    func startValue(_ p: AccountProfile, _ kind: MeterKind, zone: Int) -> Int {
        var r = SplitMix64(seed: seed, p.index, 16 + kind.rawValue * 2 + zone, -1)
        if kind == .coldWater && p.rollover { return kind.modulus - r.within(1_000...15_000) }
        return kind.isWater ? r.within(50_000...4_000_000) : r.within(500...40_000)
    }

    func writeReadings(_ out: inout [UInt8], _ p: AccountProfile) {
        for kind in p.meters {
            var values = (startValue(p, kind, zone: 0), kind.zones > 1 ? startValue(p, kind, zone: 1) : 0)
            for step in 0...historyMonths + 1 {
                let month = Period(ordinal: firstReadingMonth.ordinal + step)
                let date = CivilDate(year: month.year, month: month.month, day: 15 + (p.index + step * 3) % 11)!
                for zone in 0..<kind.zones {
                    var value = zone == 0 ? values.0 : values.1
                    var wrapped = false
                    if step > 0 {
                        value += consumption(p, kind, zone: zone, month: month)
                        if value >= kind.modulus {
                            value -= kind.modulus
                            wrapped = true
                        }
                    }
                    if zone == 0 { values.0 = value } else { values.1 = value }
                    if month == period && p.missingReading { continue }
                    out.putAccountID(p)
                    out.put(kind.suffix)
                    out.separator()
                    out.put(date)
                    out.separator()
                    out.put(fixed: value, decimals: kind.decimals)
                    out.separator()
                    out.put(kind.zones == 1 ? "single" : zone == 0 ? "day" : "night")
                    out.separator()
                    out.put((p.index + step) % 7 == 0 ? "operator" : "cabinet")
                    out.separator()
                    out.put(wrapped ? "1" : "0")
                    out.endRow(.readings)
                }
            }
        }
    }

    // MARK: - Volumes, payments, absences

    /// Heat by month of the year, % of a winter month (Vologda heating season).
    static let heatSeason = [140, 125, 105, 70, 30, 8, 6, 8, 45, 85, 115, 135]

    func writeVolumes(_ out: inout [UInt8], _ p: AccountProfile) {
        guard p.isBusiness else { return }
        for step in 1...historyMonths + 1 { writeVolumes(&out, p, month: Period(ordinal: firstReadingMonth.ordinal + step)) }
    }

    /// A business's volumes of one month: heat, and wastewater when it has water.
    func writeVolumes(_ out: inout [UInt8], _ p: AccountProfile, month: Period) {
        writeVolume(&out, p, "TEPLO_B", month: month, heatVolume(p, month: month))
        if p.hasWater { writeVolume(&out, p, "VO_B", month: month, consumption(p, .businessWater, zone: 0, month: month)) }
    }

    /// A business's heat of one month, in thousandths of Gcal.
    func heatVolume(_ p: AccountProfile, month: Period) -> Int {
        var r = SplitMix64(seed: seed, p.index, 6, month.ordinal)
        return Swift.max(1, p.area * 20 / 100 * Self.heatSeason[month.month - 1] / 100 * r.within(90...110) / 100)
    }

    func writeVolume(_ out: inout [UInt8], _ p: AccountProfile, _ service: StaticString, month: Period, _ quantity: Int) {
        out.putAccountID(p)
        out.separator()
        out.put(service)
        out.separator()
        out.put(month)
        out.separator()
        out.put(fixed: quantity, decimals: 3)
        out.separator()
        Building(seed: seed, index: p.building).putInstallation(&out, unit: p.unit)
        out.endRow(.volumes)
    }

    /// The account's payment dated in `month` for the month before (none for a non-payer).
    func writePayment(_ out: inout [UInt8], _ p: AccountProfile, month period: Period) {
        guard p.payer != .none else { return }
        var r = period == self.period ? SplitMix64(seed: seed, p.index, 7) : SplitMix64(seed: seed, p.index, 7, period.ordinal)
        // A rough monthly bill in kopecks: what the payer looks at when paying.
        var bill = p.isBusiness
            ? p.area * 120 + 300_000
            : p.area * 101 + p.residents * 140_000 + 45_000
        bill = bill * r.within(90...110) / 100
        bill -= bill % 100
        switch p.payer {
        case .overpays: bill += r.within(1_000...5_000) * 100
        case .partial: bill /= 2
        case .pays, .none: break
        }
        let sourceDraw = p.isBusiness ? 0 : r.below(100)
        let (prefix, source): (StaticString, StaticString) =
            sourceDraw < 55 ? ("SB", "Сбербанк") : sourceDraw < 75 ? ("POST", "Почта России")
            : sourceDraw < 90 ? ("KASSA", "Касса") : ("VTB", "ВТБ")
        let date = period.firstDay.adding(days: r.below(Swift.min(25, period.daysInMonth)))
        out.put(prefix)
        out.put("-")
        out.put(period.year, width: 4)
        out.put(period.month, width: 2)
        out.put("-")
        out.putAccountID(p)
        out.separator()
        out.putAccountID(p)
        out.separator()
        out.put(date)
        out.separator()
        out.put(fixed: bill, decimals: 2)
        out.separator()
        out.put(source)
        out.separator()
        if sourceDraw < 75 || sourceDraw >= 90 { out.put(period.previous) }
        out.endRow(.payments)
    }

    /// An absence of 7 to 16 days starting on the 2nd to 9th of `month`, from the random stream
    /// `stream` (the first month's keeps the profile's own stream).
    func writeAbsence(_ out: inout [UInt8], _ p: AccountProfile, month period: Period, stream: Int) {
        var r = period == self.period && stream == 8 ? SplitMix64(seed: seed, p.index, 8)
            : SplitMix64(seed: seed, p.index, stream, period.ordinal)
        let from = period.firstDay.adding(days: r.within(1...8))
        let to = CivilDate(dayNumber: Swift.min(from.dayNumber + r.within(7...16), period.lastDay.dayNumber))
        out.putAccountID(p)
        out.separator()
        out.put(from)
        out.separator()
        out.put(to)
        out.separator()
        out.put("1;Справка № ")
        out.put(r.within(100...9_999))
        out.endRow(.absences)
    }
}
