public import RaschetCore

/// The fields of the turnover sheet (`turnover.tmpl`): the periods, per account its row and its
/// service rows, and «Итого». Balances print signed (negative: an advance), as in accounting.
public enum TurnoverFields: StatementFields {
    public static let templateName = "turnover.tmpl"
    public static let subject = "Оборотно-сальдовая ведомость"

    private static let figures: [String: TemplateSchema] = [
        "opening": .scalar, "charged": .scalar, "recalc": .scalar, "penalty": .scalar, "paid": .scalar, "closing": .scalar,
    ]

    public static let schema: [String: TemplateSchema] = [
        "fromPeriod": .scalar, "toPeriod": .scalar, "dataAsOf": .scalar, "accountCount": .scalar,
        "accounts": .list(figures.merging([
            "id": .scalar, "name": .scalar,
            "services": .list(["id": .scalar, "name": .scalar, "charged": .scalar, "recalc": .scalar, "penalty": .scalar]),
        ]) { a, _ in a }),
        "totals": .record(figures),
    ]

    public static func record(_ sheet: TurnoverSheet) -> TemplateRecord {
        var record = TemplateRecord([
            "fromPeriod": .period(sheet.from), "toPeriod": .period(sheet.to), "accountCount": .count(sheet.accounts.count),
            "totals": .record(figures(sheet.totals)),
        ])
        record["dataAsOf"] = sheet.dataAsOf.map { .date($0) }
        record["accounts"] = .list(sheet.accounts.map { block in
            var fields = figures(block.figures)
            fields["id"] = .text(block.accountID)
            fields["name"] = .text(block.name)
            fields["services"] = .list(block.services.map { service in
                TemplateRecord([
                    "id": .text(service.serviceID), "name": .text(service.serviceName),
                    "charged": StatementFieldsCommon.cell(service.charged), "recalc": StatementFieldsCommon.cell(service.recalc),
                    "penalty": StatementFieldsCommon.cell(service.penalty),
                ])
            })
            return fields
        })
        return record
    }

    private static func figures(_ figures: AccountBalance) -> TemplateRecord {
        TemplateRecord([
            "opening": .money(figures.opening), "charged": .money(figures.charged), "recalc": .money(figures.recalc),
            "penalty": .money(figures.penalty), "paid": .money(figures.paid), "closing": .money(figures.closing),
        ])
    }
}
