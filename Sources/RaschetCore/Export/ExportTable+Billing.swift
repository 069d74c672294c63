extension ExportTable {
    /// `export charges` (SPEC section 5): the lines posted by the close of `period`, in the given order.
    public static func charges(period: Period, lines: [ChargeLine]) -> ExportTable {
        ExportTable(header: periodHeader(period), collection: "lines", columns: chargeColumns, records: lines.map(chargeRecord))
    }

    /// The columns of `export charges`.
    public static let chargeColumns = ["account", "service", "supplier", "kind", "ref_period", "zone", "quantity", "unit",
                                       "price", "net", "vat_rate", "vat", "gross", "installation"]

    /// One record of `export charges`.
    public static func chargeRecord(_ line: ChargeLine) -> Fields { line.exportFields.map { Field($0.key, $0.value) } }

    /// The header of the exports of one period: `period`.
    public static func periodHeader(_ period: Period) -> Fields { [Field("period", period.code)] }

    /// `export balances` (SPEC section 5): `account` then `AccountBalance.exportFields`.
    public static func balances(period: Period, balances: [(accountID: String, balance: AccountBalance)]) -> ExportTable {
        ExportTable(header: periodHeader(period), collection: "accounts", columns: balanceColumns,
                    records: balances.map { balanceRecord(accountID: $0.accountID, $0.balance) })
    }

    /// The columns of `export balances`.
    public static let balanceColumns = ["account", "opening", "charged", "recalc", "penalty", "paid", "closing"]

    /// One record of `export balances`.
    public static func balanceRecord(accountID: String, _ balance: AccountBalance) -> Fields {
        [Field("account", accountID)] + balance.exportFields.map { Field($0.key, $0.value) }
    }

    /// `export payments`: the payments the close of `period` took into balances: payment_id,
    /// account, date (YYYY-MM-DD), amount (2 decimals), source and the payer-named period ("" when
    /// absent).
    public static func payments(period: Period, payments: [Payment]) -> ExportTable {
        ExportTable(header: periodHeader(period), collection: "payments", columns: paymentColumns, records: payments.map(paymentRecord))
    }

    /// The columns of `export payments`.
    public static let paymentColumns = ["payment_id", "account", "date", "amount", "source", "period"]

    /// One record of `export payments`.
    public static func paymentRecord(_ payment: Payment) -> Fields {
        [Field("payment_id", payment.id), Field("account", payment.accountID), Field("date", payment.date.isoString),
         Field("amount", payment.amount.machineString), Field("source", payment.source ?? ""),
         Field("period", payment.period?.code ?? "")]
    }

    /// The columns of every export that hold a number (money, quantities, prices, the VAT rate):
    /// the ones `--decimal-comma` writes with a comma.
    public static let numericColumns: Set<String> = ["quantity", "price", "net", "vat_rate", "vat", "gross", "opening",
                                                     "charged", "recalc", "penalty", "paid", "closing", "amount"]

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
