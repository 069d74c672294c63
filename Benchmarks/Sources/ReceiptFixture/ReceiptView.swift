/// Display strings of copy `i` of the receipt, formatted exactly as the anchors' `common.py` does:
/// copy i has account number +i, in the text and in the QR payload.
public struct ReceiptView: Sendable {
    public struct Group: Sendable {
        public let title: String
        public let rows: [[String]]
        public let subtotal: [String]
    }

    public let title: String
    public let periodLine: String
    public let centerLines: [String]
    public let payeeLines: [String]
    public let payerLines: [(String, String)]
    public let headerColumns: [String]
    public let groups: [Group]
    public let totals: [String]
    public let paidLine: String
    public let dueLine: String
    public let dueDateLine: String
    public let footer: String
    public let qr: String
    public let qrCaption: String

    static func money(_ s: String) -> String {
        let negative = s.hasPrefix("-")
        let parts = s.drop { $0 == "-" }.split(separator: ".")
        var integer = String(parts[0])
        var groups: [String] = []
        while integer.count > 3 {
            groups.insert(String(integer.suffix(3)), at: 0)
            integer = String(integer.dropLast(3))
        }
        groups.insert(integer, at: 0)
        return (negative ? "-" : "") + groups.joined(separator: " ") + "," + parts[1]
    }

    static func number(_ s: String) -> String { s.replacingOccurrences(of: ".", with: ",") }

    /// The view of copy `index`.
    public init(_ r: Receipt, copy index: Int) {
        let base = r.account_number
        let number = String(Int(base)! + index)
        let account = String(repeating: "0", count: max(0, base.count - number.count)) + number
        let c = r.settlement_center
        let p = r.payer
        title = r.title.uppercased()
        periodLine = "за \(r.period) г."
        centerLines = [c.full_name, "\(c.address), тел. \(c.phone)"]
        payeeLines = [
            "Получатель: \(c.name), ИНН \(c.inn), КПП \(c.kpp)",
            "Р/с \(c.settlement_account) в \(c.bank_name)",
            "БИК \(c.bic), к/с \(c.corr_account)",
        ]
        payerLines = [
            ("Плательщик:", p.full_name), ("Адрес:", p.address), ("Лицевой счёт:", account),
            ("Площадь:", "\(Self.number(p.area_m2)) м², проживает: \(p.residents) чел."),
        ]
        headerColumns = ["Вид услуги", "Ед. изм.", "Тариф, руб.", "Объём", "Вх. сальдо, руб.", "Начислено, руб.",
                         "Перерасчёт, руб.", "Итого, руб."]
        groups = r.suppliers.map { b in
            Group(
                title: "\(b.title) — \(b.supplier), ИНН \(b.supplier_inn)",
                rows: b.rows.map { [
                    $0.service, $0.unit, Self.money($0.tariff), Self.number($0.volume), Self.money($0.opening),
                    Self.money($0.charged), Self.money($0.recalculation), Self.money($0.total),
                ] },
                subtotal: [b.subtotal.opening, b.subtotal.charged, b.subtotal.recalculation, b.subtotal.total].map(Self.money))
        }
        totals = [r.totals.opening, r.totals.charged, r.totals.recalculation, r.totals.total].map(Self.money)
        paidLine = "Оплачено в предыдущем периоде: \(Self.money(r.paid_last_period)) руб."
        dueLine = "ИТОГО К ОПЛАТЕ за \(r.period): \(Self.money(r.amount_due)) руб."
        dueDateLine = "Оплатить до \(r.due_date). При оплате по QR-коду реквизиты заполняются автоматически."
        footer = "Расчёт произведён по тарифам, утверждённым Департаментом топливно-энергетического "
            + "комплекса и тарифного регулирования Вологодской области. Показания приборов учёта "
            + "передавайте с 20 по 25 число месяца. Вопросы по начислениям: " + c.phone + "."
        qr = r.qr_payload.replacingOccurrences(of: base, with: account)
        qrCaption = "Оплата по QR-коду (ГОСТ Р 56042-2014)"
    }
}
