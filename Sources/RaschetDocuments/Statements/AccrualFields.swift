public import RaschetCore

/// The fields of the accrual statement (`accruals.tmpl`): the range, one row per charge line and
/// «Итого» (sums of the rows).
public enum AccrualFields: StatementFields {
    public static let templateName = "accruals.tmpl"
    public static let subject = "Справка по начислениям"

    public static let schema: [String: TemplateSchema] = StatementFieldsCommon.rangeSchema.merging([
        "rows": .list([
            "period": .scalar, "kind": .scalar, "installation": .scalar, "address": .scalar, "service": .scalar,
            "unit": .scalar, "quantity": .scalar, "price": .scalar, "net": .scalar, "vat": .scalar, "vatRate": .scalar,
            "total": .scalar,
        ]),
        "net": .scalar, "vat": .scalar, "total": .scalar,
    ]) { a, _ in a }

    public static func record(_ statement: AccrualStatement) -> TemplateRecord {
        var record = TemplateRecord()
        StatementFieldsCommon.add(statement.range, to: &record)
        record["account"] = StatementFieldsCommon.account(statement.account)
        record["rows"] = .list(statement.rows.map { row in
            var fields = TemplateRecord([
                "period": .period(row.period), "kind": .text(kindName(row)), "address": .text(row.address),
                "service": .text(row.serviceName), "unit": .text(row.unit), "quantity": .number(row.quantity),
                "price": .price(row.price), "net": .money(row.net), "vat": .money(row.vat),
                "vatRate": .text(row.vat == .zero && row.vatRate == .zero ? "без НДС" : row.vatRate.russianString + " %"),
                "total": .money(row.gross),
            ])
            fields["installation"] = row.installation.map { .text($0) }
            return fields
        })
        record["net"] = .money(statement.net)
        record["vat"] = .money(statement.vat)
        record["total"] = .money(statement.gross)
        return record
    }

    /// «начисление», «перерасчет за сентябрь 2026», «пени на долг за август 2026».
    static func kindName(_ row: AccrualStatement.Row) -> String {
        switch row.kind {
        case .charge: return "начисление"
        case .recalc: return "перерасчет за " + row.refPeriod.russianName
        case .penalty: return "пени на долг за " + row.refPeriod.russianName
        }
    }
}
