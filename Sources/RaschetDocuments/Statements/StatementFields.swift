public import RaschetCore

/// What every statement and certificate prints besides its own figures: its number of the gapless
/// series, its date and the settlement center that issues it.
public struct StatementHeader: Sendable, Hashable {
    /// The number from the series; nil for a document outside it (the center-wide turnover sheet).
    public var number: DocumentNumber?
    /// The document's date: the last day its figures cover (the certificate's date for no-debt).
    public var date: CivilDate
    /// The settlement center.
    public var issuer: Organization

    public init(number: DocumentNumber?, date: CivilDate, issuer: Organization) {
        self.number = number; self.date = date; self.issuer = issuer
    }
}

/// The fields one kind of statement offers its template (`Templates/README.md` lists them) and the
/// record built from its content. ``StatementRenderer`` renders any of them.
public protocol StatementFields {
    /// The content type of `RaschetCore` (exact values).
    associatedtype Content
    /// The template file in the template folder (`settlement.tmpl`).
    static var templateName: String { get }
    /// The PDF's subject.
    static var subject: String { get }
    /// The names the template may use besides ``StatementFieldsCommon/schema``.
    static var schema: [String: TemplateSchema] { get }
    /// The record of `content`, without the common fields.
    static func record(_ content: Content) -> TemplateRecord
}

/// The fields every statement template has: `number`, `date`, `center.*`, `account.*`.
public enum StatementFieldsCommon {
    /// The common names.
    public static let schema: [String: TemplateSchema] = [
        "number": .scalar, "date": .scalar,
        "center": .record([
            "name": .scalar, "fullName": .scalar, "inn": .scalar, "kpp": .scalar, "address": .scalar, "phone": .scalar,
            "bankName": .scalar, "bic": .scalar, "account": .scalar,
        ]),
        "account": .record([
            "id": .scalar, "name": .scalar, "address": .scalar, "postalAddress": .scalar, "inn": .scalar,
            "contractNumber": .scalar, "contractDate": .scalar, "isBusiness": .flag,
        ]),
    ]

    /// The common fields of `header`, into `record`.
    static func add(_ header: StatementHeader, to record: inout TemplateRecord) {
        record["number"] = header.number.map { .text($0.text) } ?? .text("")
        record["date"] = .date(header.date)
        let center = header.issuer
        var centerRecord = TemplateRecord([
            "name": .text(center.name), "inn": .text(center.inn), "bankName": .text(center.bankName),
            "bic": .text(center.bic), "account": .text(center.account),
        ])
        centerRecord["fullName"] = center.fullName.map { .text($0) }
        centerRecord["kpp"] = center.kpp.map { .text($0) }
        centerRecord["address"] = center.address.map { .text($0) }
        centerRecord["phone"] = center.phone.map { .text($0) }
        record["center"] = .record(centerRecord)
    }

    /// The counterparty's requisites.
    static func account(_ account: Account) -> TemplateValue {
        var record = TemplateRecord([
            "id": .text(account.id), "name": .text(account.name), "address": .text(account.address),
            "isBusiness": .flag(account.kind == .business),
        ])
        record["postalAddress"] = account.postalAddress.map { .text($0) }
        record["inn"] = account.inn.map { .text($0) }
        record["contractNumber"] = account.contractNumber.map { .text($0) }
        record["contractDate"] = account.contractDate.map { .date($0) }
        return .record(record)
    }

    /// The range fields: `from`, `to`, `coveredTo` and, when the range reaches into an open period,
    /// `dataAsOf`.
    static let rangeSchema: [String: TemplateSchema] = ["from": .scalar, "to": .scalar, "coveredTo": .scalar, "dataAsOf": .scalar]

    static func add(_ range: StatementRange, to record: inout TemplateRecord) {
        record["from"] = .date(range.from)
        record["to"] = .date(range.to)
        record["coveredTo"] = .date(range.coveredTo)
        record["dataAsOf"] = range.dataAsOf.map { .date($0) }
    }

    /// A balance as three fields: `name` (its amount, an overpayment with a minus, SPEC section 1)
    /// and the flags `nameIsDebt`, `nameIsAdvance`.
    static func balanceSchema(_ name: String) -> [String: TemplateSchema] {
        [name: .scalar, name + "IsDebt": .flag, name + "IsAdvance": .flag]
    }

    static func add(balance: Money, as name: String, to record: inout TemplateRecord) {
        record[name] = .money(balance)
        record[name + "IsDebt"] = .flag(balance > .zero)
        record[name + "IsAdvance"] = .flag(balance < .zero)
    }

    /// An amount for a table cell: empty when zero (a debit/credit column shows one side only).
    static func cell(_ money: Money) -> TemplateValue { money == .zero ? .text("") : .money(money) }
}
