public import RaschetCore

extension Receipt {
    /// Copy `index` of the anchors' receipt as the documents module's ``ReceiptContent``: the
    /// account number + `index` (in the text and in the QR payload, as the anchors' `common.py`
    /// does), document number `index + 1`. The fixture has no readings, payments or history beyond
    /// the period itself; its per-row opening balances sum into the account's opening balance.
    public func content(copy index: Int) -> ReceiptContent {
        let number = String(Int(account_number)! + index)
        let account = String(repeating: "0", count: max(0, account_number.count - number.count)) + number
        let center = settlement_center
        let periodValue = Period(year: 2000 + Int(period_code.suffix(2))!, month: Int(period_code.prefix(2))!)!
        let due = due_date.split(separator: ".").map { Int($0)! }
        let charged = Money(parsing: totals.charged)!
        return ReceiptContent(
            number: DocumentNumber(year: periodValue.year, sequence: index + 1), period: periodValue,
            issueDate: periodValue.lastDay, dueDate: CivilDate(year: due[2], month: due[1], day: due[0])!,
            payee: Organization(name: center.name, fullName: center.full_name, inn: center.inn, kpp: center.kpp,
                                bankName: center.bank_name, bic: center.bic, correspondentAccount: center.corr_account,
                                account: center.settlement_account, address: center.address, phone: center.phone),
            account: Account(id: account, kind: .person, name: payer.full_name, address: payer.address,
                             area: ExactDecimal(parsing: payer.area_m2), residents: payer.residents),
            suppliers: suppliers.map { block in
                ReceiptContent.SupplierBlock(
                    supplier: RaschetCore.Supplier(id: block.supplier_inn, name: block.supplier, inn: block.supplier_inn),
                    rows: block.rows.map { row in
                        ReceiptContent.ServiceRow(
                            serviceID: row.service, name: row.service, unit: row.unit, zone: .single,
                            basis: row.unit == "м²" ? .area : row.unit == "чел." ? .norm : .reading,
                            quantity: ExactDecimal(parsing: row.volume)!, price: ExactDecimal(parsing: row.tariff)!,
                            vatMode: .exempt, vatRate: .zero, vat: .zero,
                            charged: Money(parsing: row.charged)!, recalc: Money(parsing: row.recalculation)!)
                    })
            },
            readings: [], recalculations: [], penalties: [],
            payments: [], balance: AccountBalance(
                opening: Money(parsing: totals.opening)!, charged: charged, recalc: Money(parsing: totals.recalculation)!,
                penalty: .zero, paid: Money(parsing: paid_last_period)!),
            history: [ReceiptContent.HistoryPoint(period: periodValue, charged: charged)],
            qrPayload: qr_payload.replacingOccurrences(of: account_number, with: account))
    }
}
