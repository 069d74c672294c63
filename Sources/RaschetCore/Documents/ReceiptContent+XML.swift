extension ReceiptContent {
    /// The receipt's data as XML, embedded in the e-receipt as `receipt.xml` (SPEC section 6).
    ///
    /// One element per row, its values as attributes; money with two decimals and quantities trimmed,
    /// as in `raschet export`; dates `YYYY-MM-DD`; an absent optional value has no attribute.
    /// Deterministic: attributes in a fixed order, no clock, no dictionary iteration. Text is escaped
    /// for XML 1.0: `& < > "` as entities, tab and line breaks as character references (an attribute
    /// keeps them), other control characters, which XML 1.0 cannot carry, as U+FFFD.
    public var xml: String {
        var out = XMLOut()
        out.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        out.open("receipt", [("number", number.text), ("period", period.code), ("date", issueDate.isoString),
                             ("due_date", dueDate.isoString), ("state", dueState.rawValue),
                             ("amount_due", amountDue.machineString)])
        out.empty("payee", [("name", payee.name), ("inn", payee.inn), ("kpp", payee.kpp), ("bank_name", payee.bankName),
                            ("bic", payee.bic), ("corr_account", payee.correspondentAccount), ("account", payee.account),
                            ("address", payee.address), ("phone", payee.phone)])
        out.empty("payer", [("account", account.id), ("kind", account.kind.rawValue), ("name", account.name),
                            ("address", account.address), ("inn", account.inn), ("contract_no", account.contractNumber),
                            ("area", account.area?.machineString), ("residents", account.residents.map(String.init)),
                            ("delivery_route", account.deliveryRoute), ("e_receipt", account.eReceipt ? "1" : "0")])
        out.empty("balance", [("opening", balance.opening.machineString), ("charged", balance.charged.machineString),
                              ("recalc", balance.recalc.machineString), ("penalty", balance.penalty.machineString),
                              ("paid", balance.paid.machineString), ("closing", balance.closing.machineString)])
        for block in suppliers {
            out.open("supplier", [("id", block.supplier.id), ("name", block.supplier.name), ("inn", block.supplier.inn),
                                  ("charged", block.charged.machineString), ("recalc", block.recalc.machineString),
                                  ("total", block.total.machineString)])
            for row in block.rows {
                out.empty("service", [("id", row.serviceID), ("name", row.name), ("unit", row.unit), ("zone", row.zone.rawValue),
                                      ("basis", row.basis.rawValue), ("quantity", row.quantity.machineString),
                                      ("price", row.price.machineString), ("vat_mode", row.vatMode.rawValue),
                                      ("vat_rate", row.vatRate.machineString), ("vat", row.vat.machineString),
                                      ("charged", row.charged.machineString), ("recalc", row.recalc.machineString),
                                      ("total", row.total.machineString)])
            }
            out.close("supplier")
        }
        for row in readings {
            out.empty("meter", [("id", row.meterID), ("service", row.serviceName), ("unit", row.unit), ("zone", row.zone.rawValue),
                                ("previous", row.previous?.machineString), ("current", row.current?.machineString),
                                ("consumption", row.consumption.machineString), ("basis", row.basis.rawValue)])
        }
        for row in recalculations {
            out.empty("recalc", [("service", row.serviceName), ("ref_period", row.refPeriod.code), ("basis", row.basis.rawValue),
                                 ("quantity", row.quantity.machineString), ("amount", row.amount.machineString)])
        }
        for row in penalties {
            out.empty("penalty", [("debt_period", row.debtPeriod.code), ("amount", row.amount.machineString)])
        }
        for row in payments {
            out.empty("payment", [("id", row.paymentID), ("date", row.date.isoString), ("amount", row.amount.machineString),
                                  ("source", row.source)])
        }
        for point in history {
            out.empty("history", [("period", point.period.code), ("charged", point.charged.machineString)])
        }
        out.element("qr", qrPayload)
        out.close("receipt")
        return out.text
    }
}

/// A minimal indenting XML writer for `ReceiptContent.xml`.
private struct XMLOut {
    var text: String
    var depth = 0

    init() {
        text = ""
        // Room for a receipt with a dozen services and meters without growing.
        text.reserveCapacity(8192)
    }

    mutating func raw(_ string: String) { text += string }

    mutating func open(_ name: String, _ attributes: [(String, String?)]) {
        start(name, attributes)
        text += ">\n"
        depth += 1
    }

    mutating func empty(_ name: String, _ attributes: [(String, String?)]) {
        start(name, attributes)
        text += "/>\n"
    }

    mutating func close(_ name: String) {
        depth -= 1
        indent()
        end(name)
    }

    /// `<name>value</name>` on one line.
    mutating func element(_ name: String, _ value: String) {
        start(name, [])
        text += ">"
        XMLEscaping.append(value, to: &text)
        end(name)
    }

    /// `</name>` and the line break.
    private mutating func end(_ name: String) {
        text += "</"
        text += name
        text += ">\n"
    }

    private mutating func start(_ name: String, _ attributes: [(String, String?)]) {
        indent()
        text += "<"
        text += name
        for (key, value) in attributes {
            guard let value else { continue }
            text += " "
            text += key
            text += "=\""
            XMLEscaping.append(value, to: &text)
            text += "\""
        }
    }

    private mutating func indent() {
        for _ in 0..<depth { text += "  " }
    }
}
