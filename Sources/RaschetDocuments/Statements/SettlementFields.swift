public import RaschetCore

/// The fields of the settlement statement (`settlement.tmpl`): the range, the opening and closing
/// balances (amount and debt/advance flags), one row per operation and the sums of the columns.
public enum SettlementFields: StatementFields {
    public static let templateName = "settlement.tmpl"
    public static let subject = "Справка по взаиморасчетам"

    public static let schema: [String: TemplateSchema] = StatementFieldsCommon.rangeSchema
        .merging(StatementFieldsCommon.balanceSchema("opening")) { a, _ in a }
        .merging(StatementFieldsCommon.balanceSchema("closing")) { a, _ in a }
        .merging([
            "rows": .list(["date": .scalar, "charged": .scalar, "paid": .scalar, "type": .scalar, "document": .scalar]),
            "charged": .scalar, "paid": .scalar,
        ]) { a, _ in a }

    public static func record(_ statement: SettlementStatement) -> TemplateRecord {
        var record = TemplateRecord()
        StatementFieldsCommon.add(statement.range, to: &record)
        record["account"] = StatementFieldsCommon.account(statement.account)
        StatementFieldsCommon.add(balance: statement.openingBalance, as: "opening", to: &record)
        StatementFieldsCommon.add(balance: statement.closingBalance, as: "closing", to: &record)
        record["rows"] = .list(statement.rows.map { row in
            TemplateRecord([
                "date": .date(row.date), "charged": StatementFieldsCommon.cell(row.charged),
                "paid": StatementFieldsCommon.cell(row.paid), "type": .text(row.type.title),
                "document": .text(row.paymentID.map { "платеж " + $0 } ?? "за " + row.period.russianName),
            ])
        })
        record["charged"] = .money(statement.charged)
        record["paid"] = .money(statement.paid)
        return record
    }
}
