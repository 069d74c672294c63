/// Everything one receipt (единый платежный документ) of one account for one closed period shows:
/// exact values, no formatting. Built from the store after the close; rendered by the documents
/// module through a template. Every total here is a sum of the rounded lines it totals.
public struct ReceiptContent: Sendable, Hashable {
    /// The gapless document number (a reprint shows the same).
    public var number: DocumentNumber
    /// The closed period the receipt is for.
    public var period: Period
    /// The date printed as the receipt's date: the last day of the period.
    public var issueDate: CivilDate
    /// Pay by this date (the period's due day in the next month, from the billing rules).
    public var dueDate: CivilDate
    /// The settlement center: payee of the payment and of the QR code.
    public var payee: Organization
    /// The payer's account (name, address, area, residents, delivery route, e-receipt choice).
    public var account: Account
    /// Per supplier, the services charged in the period, in supplier then service order.
    public var suppliers: [SupplierBlock]
    /// The period's meter readings, in meter then zone order.
    public var readings: [MeterReadingRow]
    /// Recalculations of earlier periods posted in this period (also counted in `suppliers`).
    public var recalculations: [RecalculationRow]
    /// Penalties posted in this period, by the period of the debt (not in `suppliers`).
    public var penalties: [PenaltyRow]
    /// Payments posted in this period's close, by date.
    public var payments: [PaymentRow]
    /// The account's balance movement over the period (as `raschet export balances`).
    public var balance: AccountBalance
    /// The charges (gross of charge, recalc and penalty lines) of up to the last 12 closed periods
    /// ending with this one, oldest first: the receipt's small chart.
    public var history: [HistoryPoint]
    /// The ГОСТ Р 56042-2014 payment string printed as the QR code.
    public var qrPayload: String
    /// The days of the month on which readings are taken for it (the billing rules'), which the
    /// receipt asks the payer to keep.
    public var readingWindow: ReadingWindow

    public init(number: DocumentNumber, period: Period, issueDate: CivilDate, dueDate: CivilDate, payee: Organization,
                account: Account, suppliers: [SupplierBlock], readings: [MeterReadingRow],
                recalculations: [RecalculationRow], penalties: [PenaltyRow], payments: [PaymentRow],
                balance: AccountBalance, history: [HistoryPoint], qrPayload: String, readingWindow: ReadingWindow) {
        self.number = number; self.period = period; self.issueDate = issueDate; self.dueDate = dueDate
        self.payee = payee; self.account = account; self.suppliers = suppliers; self.readings = readings
        self.recalculations = recalculations; self.penalties = penalties; self.payments = payments
        self.balance = balance; self.history = history; self.qrPayload = qrPayload; self.readingWindow = readingWindow
    }

    /// The amount to pay: the closing balance when it is a debt, else zero.
    public var amountDue: Money { balance.closing > .zero ? balance.closing : .zero }

    /// What the receipt says about the closing balance (SPEC section 1: the balance sign).
    public var dueState: DueState {
        if balance.closing > .zero { return .debt }
        if balance.closing < .zero { return .advance }
        return .settled
    }

    /// The sign of the closing balance: «К оплате», «Переплата» or «Задолженность отсутствует».
    public enum DueState: String, Sendable, Hashable {
        case debt, advance, settled
    }

    /// One supplier's block of service rows.
    public struct SupplierBlock: Sendable, Hashable {
        public var supplier: Supplier
        public var rows: [ServiceRow]

        public init(supplier: Supplier, rows: [ServiceRow]) {
            self.supplier = supplier
            self.rows = rows
        }

        /// The sum of the rows' charged amounts.
        public var charged: Money { rows.reduce(.zero) { $0 + $1.charged } }
        /// The sum of the rows' recalculations.
        public var recalc: Money { rows.reduce(.zero) { $0 + $1.recalc } }
        /// The sum of the rows' totals.
        public var total: Money { rows.reduce(.zero) { $0 + $1.total } }
        /// The sum of the rows' VAT.
        public var vat: Money { rows.reduce(.zero) { $0 + $1.vat } }
        /// `total` without its VAT.
        public var net: Money { total - vat }
    }

    /// One service (and zone, and component) of the period: its volume, tariff and amounts.
    public struct ServiceRow: Sendable, Hashable {
        public var serviceID: String
        /// The service's name as printed («Холодное водоснабжение»; a zone or the norm's extra
        /// component is part of the name: «Электроэнергия (день)»).
        public var name: String
        public var unit: String
        public var zone: Zone
        /// How the volume was found (meter, average, norm, area...).
        public var basis: ChargeBasis
        /// The period's volume (0 when only a recalculation was posted).
        public var quantity: ExactDecimal
        /// The period's price per unit (VAT included or not as the service's VAT mode says).
        public var price: ExactDecimal
        public var vatMode: VATMode
        public var vatRate: ExactDecimal
        /// The rates of the row's lines other than `vatRate`, ascending: a recalculation of a period
        /// under another rate (a 2025 delivery at 20 % corrected in 2026). `vat` holds each line's.
        public var otherVATRates: [ExactDecimal]
        /// The VAT contained in or added to `charged` + `recalc`.
        public var vat: Money
        /// Gross of the period's charge lines.
        public var charged: Money
        /// Gross of the recalculation lines posted in the period for this service.
        public var recalc: Money

        public init(serviceID: String, name: String, unit: String, zone: Zone, basis: ChargeBasis,
                    quantity: ExactDecimal, price: ExactDecimal, vatMode: VATMode, vatRate: ExactDecimal, vat: Money,
                    charged: Money, recalc: Money, otherVATRates: [ExactDecimal] = []) {
            self.serviceID = serviceID; self.name = name; self.unit = unit; self.zone = zone; self.basis = basis
            self.quantity = quantity; self.price = price; self.vatMode = vatMode; self.vatRate = vatRate
            self.vat = vat; self.charged = charged; self.recalc = recalc; self.otherVATRates = otherVATRates
        }

        /// charged + recalc.
        public var total: Money { charged + recalc }
        /// `total` without its VAT.
        public var net: Money { total - vat }
    }

    /// One register of one meter: the readings the period's consumption came from.
    public struct MeterReadingRow: Sendable, Hashable {
        public var meterID: String
        public var serviceName: String
        public var unit: String
        public var zone: Zone
        /// The reading the consumption starts from (nil: none yet).
        public var previous: ExactDecimal?
        /// The period's reading (nil: not delivered; the consumption was estimated).
        public var current: ExactDecimal?
        /// The volume charged for the period.
        public var consumption: ExactDecimal
        /// How the consumption was found: `.reading`, `.average` or `.norm`.
        public var basis: ChargeBasis
        /// The current reading less the previous one (past 10^digits on a rollover), nil without
        /// both; it differs from `consumption` when the volume between them is shared with other
        /// months (months without readings, recalculated), or the account was open part of them.
        public var difference: ExactDecimal?

        public init(meterID: String, serviceName: String, unit: String, zone: Zone, previous: ExactDecimal?,
                    current: ExactDecimal?, consumption: ExactDecimal, basis: ChargeBasis, difference: ExactDecimal? = nil) {
            self.meterID = meterID; self.serviceName = serviceName; self.unit = unit; self.zone = zone
            self.previous = previous; self.current = current; self.consumption = consumption; self.basis = basis
            self.difference = difference
        }

        /// Whether the consumption charged is not the difference of the readings shown.
        public var isShareOfDifference: Bool { difference.map { $0 != consumption } ?? false }
    }

    /// A recalculation of an earlier period posted in this one.
    public struct RecalculationRow: Sendable, Hashable {
        public var serviceName: String
        /// The corrected period.
        public var refPeriod: Period
        /// Why (the basis of the corrected volume: a reading that replaced an average, a norm...).
        public var basis: ChargeBasis
        /// The volume difference.
        public var quantity: ExactDecimal
        /// Gross difference (negative: money returned).
        public var amount: Money

        public init(serviceName: String, refPeriod: Period, basis: ChargeBasis, quantity: ExactDecimal, amount: Money) {
            self.serviceName = serviceName; self.refPeriod = refPeriod; self.basis = basis; self.quantity = quantity
            self.amount = amount
        }
    }

    /// Penalties accrued on one period's unpaid debt.
    public struct PenaltyRow: Sendable, Hashable {
        /// The period whose debt the penalty is on.
        public var debtPeriod: Period
        public var amount: Money

        public init(debtPeriod: Period, amount: Money) {
            self.debtPeriod = debtPeriod
            self.amount = amount
        }
    }

    /// A payment counted in this period.
    public struct PaymentRow: Sendable, Hashable {
        public var paymentID: String
        public var date: CivilDate
        public var amount: Money
        public var source: String?

        public init(paymentID: String, date: CivilDate, amount: Money, source: String?) {
            self.paymentID = paymentID; self.date = date; self.amount = amount; self.source = source
        }
    }

    /// One bar of the chart: a period and what was charged in it.
    public struct HistoryPoint: Sendable, Hashable {
        public var period: Period
        public var charged: Money

        public init(period: Period, charged: Money) {
            self.period = period
            self.charged = charged
        }
    }
}
