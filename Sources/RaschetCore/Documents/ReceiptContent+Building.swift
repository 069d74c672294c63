extension ReceiptContent {
    /// Builds one receipt from what the store holds about the account and the period.
    ///
    /// - Service rows: the period's `charge` and `recalc` lines grouped by supplier, service,
    ///   installation, component and zone (a zone, the coefficient's extra, an absence reduction or an
    ///   installation is named in the row: «Электроэнергия (день)»); the volume is the sum of the
    ///   charge lines', the price, basis and VAT rate are the charge line's (a row with only
    ///   recalculations takes its latest one's). Penalty lines are not service rows: they are
    ///   `penalties`, one row per debt period.
    /// - Meter rows: per meter and register, the current reading is the latest one counting for the
    ///   period (`ReadingWindow.period(of:)`), the previous one the latest before it; the consumption
    ///   is the volume the close charged for the meter's service and zone (which may be an average or
    ///   a norm, or a share of a gap), except when the account has several meters of one service: then
    ///   each meter's own difference of readings (wrapped at 10^digits on a rollover).
    /// - Totals are sums of the rounded lines; `balance` is the stored one, so the receipt's figures are
    ///   the export's.
    /// - Throws: `BillingError` (`unknownService`) for a line whose service or supplier is not in the
    ///   reference data; `PaymentQRPayload.Failure` when the QR code's requisites cannot be separated.
    /// - Complexity: O(n log n) in the number of lines and readings.
    public init(input: ReceiptInput, number: DocumentNumber, payee: Organization, suppliers: [String: Supplier],
                services: [String: Service], terms: ReceiptTerms) throws {
        let period = input.period
        let account = input.account
        func service(_ id: String) throws(BillingError) -> Service {
            guard let service = services[id] else {
                throw BillingError(code: .unknownService, message: .receiptServiceNotInList,
                                   accountID: account.id, serviceID: id, period: period)
            }
            return service
        }

        var groups: [RowKey: [ChargeLine]] = [:]
        var recalculations: [RecalculationRow] = []
        var penalties: [Period: Money] = [:]
        for line in input.lines {
            switch line.kind {
            case .penalty:
                penalties[line.refPeriod, default: .zero] += line.gross
            case .recalc where PenaltyRecalculation.isPenalty(line):
                // A penalty correction (late payment): its own recalculation row, no service block.
                recalculations.append(RecalculationRow(serviceName: PenaltyRecalculation.documentName, refPeriod: line.refPeriod, basis: line.basis,
                                                       quantity: line.quantity, amount: line.gross))
            case .charge, .recalc:
                groups[RowKey(supplierID: line.supplierID, line: line.key), default: []].append(line)
                if line.kind == .recalc {
                    recalculations.append(RecalculationRow(
                        serviceName: Self.rowName(try service(line.serviceID).name, line.key), refPeriod: line.refPeriod,
                        basis: line.basis, quantity: line.quantity, amount: line.gross))
                }
            }
        }

        var blocks: [SupplierBlock] = []
        for supplierID in Set(groups.keys.map(\.supplierID)).sorted() {
            guard let supplier = suppliers[supplierID] else {
                throw BillingError(code: .unknownService, message: .supplierNotInList(supplierID),
                                   accountID: account.id, period: period)
            }
            var rows: [ServiceRow] = []
            for key in groups.keys.filter({ $0.supplierID == supplierID }).sorted(by: { $0.line < $1.line }) {
                let lines = groups[key]!
                let charges = lines.filter { $0.kind == .charge }
                let model = charges.first ?? lines.max { $0.refPeriod < $1.refPeriod }!
                let service = try service(key.line.serviceID)
                let quantity = charges.reduce(.zero) { $0 + $1.quantity }
                var factor: ExactDecimal?
                if key.line.component == .coefficientExtra {
                    var baseKey = key
                    baseKey.line.component = .base
                    let base = (groups[baseKey] ?? []).filter { $0.kind == .charge }.reduce(.zero) { $0 + $1.quantity }
                    factor = Self.coefficient(extra: quantity, base: base)
                }
                rows.append(ServiceRow(
                    serviceID: service.id, name: Self.rowName(service.name, key.line, coefficient: factor), unit: model.unit,
                    zone: key.line.zone, basis: model.basis, quantity: quantity, price: model.price,
                    vatMode: model.vatMode, vatRate: model.vatRate, vat: lines.reduce(.zero) { $0 + $1.vat },
                    charged: charges.reduce(.zero) { $0 + $1.gross },
                    recalc: lines.filter { $0.kind == .recalc }.reduce(.zero) { $0 + $1.gross },
                    otherVATRates: Set(lines.map(\.vatRate)).subtracting([model.vatRate]).sorted()))
            }
            blocks.append(SupplierBlock(supplier: supplier, rows: rows))
        }

        let readings = try Self.meterRows(input, services: services, window: terms.readingWindow)
        let first = Period(ordinal: period.ordinal - 11)
        let amountDue = input.balance.closing > .zero ? input.balance.closing : .zero
        self.init(
            number: number, period: period, issueDate: period.lastDay, dueDate: terms.dueDate,
            payee: payee, account: account, suppliers: blocks, readings: readings,
            recalculations: recalculations,
            penalties: penalties.keys.sorted().map { PenaltyRow(debtPeriod: $0, amount: penalties[$0]!) },
            payments: input.payments.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
                .map { PaymentRow(paymentID: $0.id, date: $0.date, amount: $0.amount, source: $0.source) },
            balance: input.balance,
            history: input.history.filter { (first...period).contains($0.period) }.sorted { $0.period < $1.period },
            qrPayload: try PaymentQRPayload(payee: payee, account: account, period: period, amountDue: amountDue).text(),
            readingWindow: terms.readingWindow)
    }

    /// A service row's identity: its supplier and the line key recalculations match on.
    private struct RowKey: Hashable {
        var supplierID: String
        var line: ChargeLine.Key
    }

    /// The increasing coefficient a norm's extra line was charged with, `1 + extra / base` (RULES: the
    /// receipt shows the coefficient and the extra it caused), when it is exact in hundredths (the
    /// legal 1.5 and 3 are); nil otherwise or without a base.
    static func coefficient(extra: ExactDecimal, base: ExactDecimal) -> ExactDecimal? {
        guard base.micros > 0, extra.micros > 0 else { return nil }
        let (scaled, overflow) = extra.micros.multipliedReportingOverflow(by: 100)
        guard !overflow, scaled % base.micros == 0 else { return nil }
        let hundredths = scaled / base.micros + 100
        guard hundredths <= 100_000 else { return nil }
        return ExactDecimal(micros: hundredths * 10_000)
    }

    /// «Электроэнергия (день)», «Холодное водоснабжение (повышающий коэффициент 1,5)», «Тепловая энергия (ИТП-2)».
    static func rowName(_ name: String, _ key: ChargeLine.Key, coefficient: ExactDecimal? = nil) -> String {
        var parts: [String] = []
        switch key.zone {
        case .single: break
        case .day: parts.append("день")
        case .night: parts.append("ночь")
        case .peak: parts.append("пик")
        case .halfpeak: parts.append("полупик")
        }
        switch key.component {
        case .base, .penalty: break
        case .coefficientExtra: parts.append("повышающий коэффициент" + (coefficient.map { " " + $0.russianString } ?? ""))
        case .absence: parts.append("временное отсутствие")
        }
        if !key.installation.isEmpty { parts.append(key.installation) }
        return parts.isEmpty ? name : name + " (" + parts.joined(separator: ", ") + ")"
    }

    private static func meterRows(_ input: ReceiptInput, services: [String: Service],
                                  window: ReadingWindow) throws(BillingError) -> [MeterReadingRow] {
        let period = input.period
        let metersPerService = Dictionary(grouping: input.meters, by: \.serviceID)
        let readings = Dictionary(grouping: input.readings) { MeterZone(meterID: $0.meterID, zone: $0.zone) }
        var rows: [MeterReadingRow] = []
        for meter in input.meters.sorted(by: { $0.id < $1.id }) {
            if Self.installedAfter(meter, period) { continue }
            guard let service = services[meter.serviceID] else {
                throw BillingError(code: .unknownService, message: .meterServiceNotInList,
                                   accountID: input.account.id, serviceID: meter.serviceID, period: period, meterID: meter.id)
            }
            for zone in Meter.zoneSet(forCount: meter.zones) {
                let history = (readings[MeterZone(meterID: meter.id, zone: zone)] ?? []).sorted { $0.date < $1.date }
                let current = history.last { window.period(of: $0.date) == period }
                let previous: Reading?
                if let current {
                    previous = history.last { $0.date < current.date }
                } else {
                    previous = history.last { window.period(of: $0.date) < period }
                }
                if Self.removedBefore(meter, period, readForIt: current != nil) { continue }
                let charged = input.lines.filter {
                    $0.kind == .charge && $0.component == .base && $0.serviceID == meter.serviceID && $0.zone == zone
                }
                var consumption = charged.reduce(.zero) { $0 + $1.quantity }
                var basis = charged.first?.basis ?? .reading
                var difference: ExactDecimal?
                if let current, let previous {
                    var wrapped = current.value - previous.value
                    if current.rollover, let digits = meter.digits, (1...12).contains(digits) {
                        wrapped += ExactDecimal(Self.power10(digits))
                    }
                    difference = wrapped
                }
                if (metersPerService[meter.serviceID]?.count ?? 0) > 1, let difference {
                    consumption = difference
                    basis = .reading
                }
                rows.append(MeterReadingRow(meterID: meter.id, serviceName: service.name, unit: service.unit, zone: zone,
                                            previous: previous?.value, current: current?.value,
                                            consumption: consumption, basis: basis, difference: difference))
            }
        }
        return rows
    }

    /// The first date of the readings a receipt of `period` is built from at first
    /// (`ReceiptInput.readings`): the first day counting for the third period before it, so that a
    /// register read at least once a quarter has its reading before `period` among them, whatever the
    /// length of the history.
    public static func readingsFrom(_ period: Period, window: ReadingWindow) -> CivilDate {
        window.firstDate(of: Period(ordinal: period.ordinal - 3))
    }

    /// Whether `input`'s readings, those of its meters dated from some day on, give the meter rows what
    /// the whole history would: every register a row may show (the meter not installed after the
    /// period; not removed before it, unless read for it) has among them a reading counting for an
    /// earlier period. The latest of those is then the one the whole history holds, and the row's
    /// previous reading is found among them. False otherwise: the register may have older readings.
    /// - Complexity: O(readings + registers).
    public static func readingsSuffice(_ input: ReceiptInput, window: ReadingWindow) -> Bool {
        let period = input.period
        let first = window.firstDate(of: period)
        var before: Set<MeterZone> = [], current: Set<MeterZone> = []
        for reading in input.readings {
            let register = MeterZone(meterID: reading.meterID, zone: reading.zone)
            if reading.date < first {
                before.insert(register)
            } else if window.period(of: reading.date) == period {
                current.insert(register)
            }
        }
        return input.meters.allSatisfy { meter in
            if installedAfter(meter, period) { return true }
            return Meter.zoneSet(forCount: meter.zones).allSatisfy { zone in
                let register = MeterZone(meterID: meter.id, zone: zone)
                if removedBefore(meter, period, readForIt: current.contains(register)) { return true }
                return before.contains(register)
            }
        }
    }

    /// A meter installed after `period`: no row.
    private static func installedAfter(_ meter: Meter, _ period: Period) -> Bool {
        meter.installed.map { $0 > period.lastDay } ?? false
    }

    /// A register of a meter removed before `period` and not read for it: no row.
    private static func removedBefore(_ meter: Meter, _ period: Period, readForIt: Bool) -> Bool {
        !readForIt && (meter.removed.map { $0 < period.firstDay } ?? false)
    }

    private struct MeterZone: Hashable {
        var meterID: String
        var zone: Zone
    }

    private static func power10(_ digits: Int) -> Int { (0..<digits).reduce(1) { value, _ in value * 10 } }
}
