extension ReceiptContent {
    /// The receipt's data as UTF-8 XML, embedded in the e-receipt as `receipt.xml` (SPEC section 6).
    ///
    /// One element per row, its values as attributes; money with two decimals and quantities trimmed,
    /// as in `raschet export`; dates `YYYY-MM-DD`; an absent optional value has no attribute.
    /// Deterministic: attributes in a fixed order, no clock, no dictionary iteration. Text is escaped
    /// for XML 1.0: `& < > "` as entities, tab and line breaks as character references (an attribute
    /// keeps them), other control characters, which XML 1.0 cannot carry, as U+FFFD.
    public var xml: [UInt8] {
        var out = XMLOut()
        out.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        out.start("receipt")
        out.attribute("number", number.text)
        out.attribute("period", period.code)
        out.attribute("date", issueDate.isoString)
        out.attribute("due_date", dueDate.isoString)
        out.attribute("state", dueState.rawValue)
        out.attribute("amount_due", amountDue.machineString)
        out.open()
        out.start("payee")
        out.attribute("name", payee.name)
        out.attribute("inn", payee.inn)
        out.attribute("kpp", payee.kpp)
        out.attribute("bank_name", payee.bankName)
        out.attribute("bic", payee.bic)
        out.attribute("corr_account", payee.correspondentAccount)
        out.attribute("account", payee.account)
        out.attribute("address", payee.address)
        out.attribute("phone", payee.phone)
        out.empty()
        out.start("payer")
        out.attribute("account", account.id)
        out.attribute("kind", account.kind.rawValue)
        out.attribute("name", account.name)
        out.attribute("address", account.address)
        out.attribute("inn", account.inn)
        out.attribute("contract_no", account.contractNumber)
        out.attribute("area", account.area?.machineString)
        out.attribute("residents", account.residents.map(String.init))
        out.attribute("delivery_route", account.deliveryRoute)
        out.attribute("e_receipt", account.eReceipt ? "1" : "0")
        out.empty()
        out.start("balance")
        out.attribute("opening", balance.opening.machineString)
        out.attribute("charged", balance.charged.machineString)
        out.attribute("recalc", balance.recalc.machineString)
        out.attribute("penalty", balance.penalty.machineString)
        out.attribute("paid", balance.paid.machineString)
        out.attribute("closing", balance.closing.machineString)
        out.empty()
        for block in suppliers {
            out.start("supplier")
            out.attribute("id", block.supplier.id)
            out.attribute("name", block.supplier.name)
            out.attribute("inn", block.supplier.inn)
            out.attribute("charged", block.charged.machineString)
            out.attribute("recalc", block.recalc.machineString)
            out.attribute("total", block.total.machineString)
            out.open()
            for row in block.rows {
                out.start("service")
                out.attribute("id", row.serviceID)
                out.attribute("name", row.name)
                out.attribute("unit", row.unit)
                out.attribute("zone", row.zone.rawValue)
                out.attribute("basis", row.basis.rawValue)
                out.attribute("quantity", row.quantity.machineString)
                out.attribute("price", row.price.machineString)
                out.attribute("vat_mode", row.vatMode.rawValue)
                out.attribute("vat_rate", row.vatRate.machineString)
                out.attribute("vat", row.vat.machineString)
                out.attribute("charged", row.charged.machineString)
                out.attribute("recalc", row.recalc.machineString)
                out.attribute("total", row.total.machineString)
                out.empty()
            }
            out.close("supplier")
        }
        for row in readings {
            out.start("meter")
            out.attribute("id", row.meterID)
            out.attribute("service", row.serviceName)
            out.attribute("unit", row.unit)
            out.attribute("zone", row.zone.rawValue)
            out.attribute("previous", row.previous?.machineString)
            out.attribute("current", row.current?.machineString)
            out.attribute("consumption", row.consumption.machineString)
            out.attribute("basis", row.basis.rawValue)
            out.empty()
        }
        for row in recalculations {
            out.start("recalc")
            out.attribute("service", row.serviceName)
            out.attribute("ref_period", row.refPeriod.code)
            out.attribute("basis", row.basis.rawValue)
            out.attribute("quantity", row.quantity.machineString)
            out.attribute("amount", row.amount.machineString)
            out.empty()
        }
        for row in penalties {
            out.start("penalty")
            out.attribute("debt_period", row.debtPeriod.code)
            out.attribute("amount", row.amount.machineString)
            out.empty()
        }
        for row in payments {
            out.start("payment")
            out.attribute("id", row.paymentID)
            out.attribute("date", row.date.isoString)
            out.attribute("amount", row.amount.machineString)
            out.attribute("source", row.source)
            out.empty()
        }
        for point in history {
            out.start("history")
            out.attribute("period", point.period.code)
            out.attribute("charged", point.charged.machineString)
            out.empty()
        }
        out.element("qr", qrPayload)
        out.close("receipt")
        return out.bytes
    }
}

/// A minimal indenting XML writer for `ReceiptContent.xml`, straight into UTF-8 bytes: an element is
/// `start`, its `attribute`s, then `open` (children follow, then `close`) or `empty`.
private struct XMLOut {
    var bytes: [UInt8]
    var depth = 0

    init() {
        bytes = []
        // Room for a receipt with a dozen services and meters without growing.
        bytes.reserveCapacity(8192)
    }

    mutating func raw(_ text: StaticString) { append(text) }

    /// The indentation and `<name`.
    mutating func start(_ name: StaticString) {
        indent()
        bytes.append(UInt8(ascii: "<"))
        append(name)
    }

    /// ` key="value"`, escaped; nothing for an absent value.
    mutating func attribute(_ key: StaticString, _ value: String?) {
        guard let value else { return }
        bytes.append(UInt8(ascii: " "))
        append(key)
        bytes.append(UInt8(ascii: "="))
        bytes.append(UInt8(ascii: "\""))
        XMLEscaping.append(value, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Ends a start tag whose children follow.
    mutating func open() {
        append(">\n")
        depth += 1
    }

    /// Ends an element without children.
    mutating func empty() { append("/>\n") }

    mutating func close(_ name: StaticString) {
        depth -= 1
        indent()
        end(name)
    }

    /// `<name>value</name>` on one line.
    mutating func element(_ name: StaticString, _ value: String) {
        start(name)
        bytes.append(UInt8(ascii: ">"))
        XMLEscaping.append(value, to: &bytes)
        end(name)
    }

    /// `</name>` and the line break.
    private mutating func end(_ name: StaticString) {
        append("</")
        append(name)
        append(">\n")
    }

    private mutating func indent() {
        for _ in 0..<depth {
            bytes.append(UInt8(ascii: " "))
            bytes.append(UInt8(ascii: " "))
        }
    }

    private mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }
}
