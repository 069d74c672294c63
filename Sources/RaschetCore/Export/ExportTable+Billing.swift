extension ExportTable {
    /// `export charges` (SPEC section 5): the lines posted by the close of `period`, in the given order.
    public static func charges(period: Period, lines: [ChargeLine]) -> ExportTable {
        ExportTable(header: [Field("period", period.code)], collection: "lines",
                    columns: ["account", "service", "supplier", "kind", "ref_period", "zone", "quantity", "unit", "price",
                              "net", "vat_rate", "vat", "gross", "installation"],
                    records: lines.map { $0.exportFields.map { Field($0.key, $0.value) } })
    }

    /// `export balances` (SPEC section 5): `account` then `AccountBalance.exportFields`.
    public static func balances(period: Period, balances: [(accountID: String, balance: AccountBalance)]) -> ExportTable {
        ExportTable(header: [Field("period", period.code)], collection: "accounts",
                    columns: ["account", "opening", "charged", "recalc", "penalty", "paid", "closing"],
                    records: balances.map { [Field("account", $0.accountID)] + $0.balance.exportFields.map { Field($0.key, $0.value) } })
    }

    /// `export payments`: the payments the close of `period` took into balances: payment_id,
    /// account, date (YYYY-MM-DD), amount (2 decimals), source and the payer-named period ("" when
    /// absent).
    public static func payments(period: Period, payments: [Payment]) -> ExportTable {
        ExportTable(header: [Field("period", period.code)], collection: "payments",
                    columns: ["payment_id", "account", "date", "amount", "source", "period"],
                    records: payments.map {
                        [Field("payment_id", $0.id), Field("account", $0.accountID), Field("date", $0.date.isoString),
                         Field("amount", $0.amount.machineString), Field("source", $0.source ?? ""),
                         Field("period", $0.period?.code ?? "")]
                    })
    }

    /// The review list of a close, one record per flag: account, service, zone, reason, message.
    public static func reviewList(period: Period, flags: [ReviewFlag]) -> ExportTable {
        ExportTable(header: [Field("period", period.code)], collection: "flags",
                    columns: ["account", "service", "zone", "reason", "message"],
                    records: flags.map {
                        [Field("account", $0.accountID), Field("service", $0.serviceID ?? ""), Field("zone", $0.zone?.rawValue ?? ""),
                         Field("reason", $0.reason.rawValue), Field("message", $0.message)]
                    })
    }
}
