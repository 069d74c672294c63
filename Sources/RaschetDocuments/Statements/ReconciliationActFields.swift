public import RaschetCore

/// The fields of the reconciliation act (`act.tmpl`): the range, one row per document (receipt or
/// payment) with its debit or credit, the opening and closing balances in the debit (the
/// counterparty owes; a zero balance too) or credit (an advance) column, and the closing sentence and amount in words.
public enum ReconciliationActFields: StatementFields {
    public static let templateName = "act.tmpl"
    public static let subject = "Акт сверки взаимных расчетов"

    public static let schema: [String: TemplateSchema] = StatementFieldsCommon.rangeSchema.merging([
        "rows": .list(["date": .scalar, "document": .scalar, "debit": .scalar, "credit": .scalar]),
        "openingDebit": .scalar, "openingCredit": .scalar, "closingDebit": .scalar, "closingCredit": .scalar,
        "debit": .scalar, "credit": .scalar, "closing": .scalar, "closingSentence": .scalar, "closingInWords": .scalar,
        "isSettled": .flag,
    ]) { a, _ in a }

    public static func record(_ act: ReconciliationAct) -> TemplateRecord {
        var record = TemplateRecord()
        StatementFieldsCommon.add(act.range, to: &record)
        record["account"] = StatementFieldsCommon.account(act.counterparty)
        record["rows"] = .list(act.rows.map { row in
            TemplateRecord([
                "date": .date(row.date), "document": .text(documentName(row.document)),
                "debit": StatementFieldsCommon.cell(row.debit), "credit": StatementFieldsCommon.cell(row.credit),
            ])
        })
        let (opening, closing) = (act.openingBalance, act.closingBalance)
        record["openingDebit"] = opening < .zero ? .text("") : .money(opening)
        record["openingCredit"] = StatementFieldsCommon.cell(opening < .zero ? -opening : .zero)
        record["closingDebit"] = closing < .zero ? .text("") : .money(closing)
        record["closingCredit"] = StatementFieldsCommon.cell(closing < .zero ? -closing : .zero)
        record["debit"] = .money(act.debit)
        record["credit"] = .money(act.credit)
        record["closing"] = .money(closing < .zero ? -closing : closing)
        record["closingSentence"] = .text(act.closingSentence)
        record["closingInWords"] = .text(act.closingInWords)
        record["isSettled"] = .flag(closing == .zero)
        return record
    }

    /// «Квитанция за октябрь 2026», «Оплата (платеж SB2026...)».
    static func documentName(_ document: ReconciliationAct.Document) -> String {
        switch document {
        case .receipt(let period):
            return "Квитанция за " + period.russianName
        case .payment(let id):
            return "Оплата (платеж " + id + ")"
        }
    }
}
