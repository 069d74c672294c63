public import RaschetCore

/// The fields of the no-debt certificate (`no-debt.tmpl`): the date, the balance on it (an advance
/// or zero) and, for a date in an open period, the last closed day the figures stop at.
public enum NoDebtFields: StatementFields {
    public static let templateName = "no-debt.tmpl"
    public static let subject = "Справка об отсутствии задолженности"

    public static let schema: [String: TemplateSchema] = [
        "onDate": .scalar, "dataAsOf": .scalar, "advance": .scalar, "isAdvance": .flag,
    ]

    public static func record(_ certificate: NoDebtCertificate) -> TemplateRecord {
        var record = TemplateRecord([
            "onDate": .date(certificate.date), "account": StatementFieldsCommon.account(certificate.account),
            "advance": .money(-certificate.balance), "isAdvance": .flag(certificate.balance < .zero),
        ])
        record["dataAsOf"] = certificate.dataAsOf.map { .date($0) }
        return record
    }
}
