/// The payment string of a receipt's QR code, ГОСТ Р 56042-2014 («Двумерные символы штрихового кода
/// для осуществления платежей физических лиц»).
///
/// The string is an 8-character service block followed by `key=value` requisites:
/// - the service block is the format identifier `ST`, the version `0001`, the encoding flag (`1`
///   windows-1251, `2` UTF-8, `3` KOI8-R; always `2` here) and, as its 8th character, the
///   **separator** written between the requisites (none after the last). The standard's separator is `|`; because the
///   separator is declared in the header, a payload may use another character that occurs in no
///   value (decoders read the 8th byte, they do not assume `|`).
/// - the five mandatory requisites come first and in this order: `Name`, `PersonalAcc`, `BankName`,
///   `BIC`, `CorrespAcc` (banking apps expect them there); the additional ones follow: `PayeeINN`,
///   `KPP`, `Sum` (kopecks, digits only), `Purpose`, `PersAcc`, `PaymPeriod` (`MMYYYY`), `TechCode`
///   (`02`: housing and utility services).
///
/// Our choices where the standard leaves room: the separator is `|` unless a value contains it,
/// then the first of `#`, `^`, `~`, `` ` ``, `;`, `!`, `*` that no value contains (a value holding
/// all of them is refused); control characters (a line break in an address) become spaces, since a
/// decoder could not tell them from the end of the string; an empty optional value is left out,
/// and so is `Sum` when nothing is due (a zero sum would make banking apps ask for 0,00).
public struct PaymentQRPayload: Sendable, Hashable {
    /// The requisites in payload order.
    public private(set) var fields: [(key: String, value: String)]

    /// The receipt's payment string for `account` and `period` with `amountDue` to pay.
    /// - Parameter amountDue: zero or negative leaves `Sum` out.
    public init(payee: Organization, account: Account, period: Period, amountDue: Money) {
        var fields: [(key: String, value: String)] = [
            ("Name", payee.name),
            ("PersonalAcc", payee.account),
            ("BankName", payee.bankName),
            ("BIC", payee.bic),
            ("CorrespAcc", payee.correspondentAccount),
            ("PayeeINN", payee.inn),
        ]
        if let kpp = payee.kpp, !kpp.isEmpty { fields.append(("KPP", kpp)) }
        if amountDue > .zero { fields.append(("Sum", String(amountDue.kopecks))) }
        fields.append(("Purpose", Self.purpose(account: account, period: period)))
        fields.append(("PersAcc", account.id))
        fields.append(("PaymPeriod", period.paymentPeriodCode))
        fields.append(("TechCode", "02"))
        self.fields = fields.map { ($0.key, Self.printable($0.value)) }
    }

    /// «Оплата ЖКУ за октябрь 2026, л/с 4102470118».
    public static func purpose(account: Account, period: Period) -> String {
        "Оплата ЖКУ за " + period.russianName + ", л/с " + account.id
    }

    /// The separators tried in order: the standard's `|` first.
    public static let separatorCandidates: [Character] = ["|", "#", "^", "~", "`", ";", "!", "*"]

    /// The separator this payload declares: the first candidate that no value contains.
    public var separator: Character? {
        Self.separatorCandidates.first { candidate in
            // An ASCII candidate is not in a value without its byte: most values are passed over
            // without walking their characters.
            !fields.contains { field in
                if let byte = candidate.asciiValue, !field.value.utf8.contains(byte) { return false }
                return field.value.contains(candidate)
            }
        }
    }

    /// The string to encode (UTF-8).
    /// - Throws: `Failure` when every candidate separator occurs in some value.
    public func text() throws(Failure) -> String {
        guard let separator else { throw Failure(fields: fields.map(\.key)) }
        var text = "ST00012" + String(separator)
        for (index, field) in fields.enumerated() {
            if index > 0 { text.append(separator) }
            text += field.key + "=" + field.value
        }
        return text
    }

    /// Every candidate separator occurs in a value: no valid payload can be written.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        public var fields: [String]

        public var description: String {
            "QR-код оплаты (ГОСТ Р 56042-2014): реквизиты содержат все допустимые разделители ("
                + PaymentQRPayload.separatorCandidates.map(String.init).joined(separator: " ")
                + "); исправьте реквизиты организации или лицевого счета"
        }
    }

    private static func printable(_ value: String) -> String {
        // The control characters (general category Cc) are U+0000–U+001F and U+007F–U+009F, in UTF-8
        // a byte below 0x20, 0x7F, or C2 followed by 80–9F: a value without them is kept as it is.
        var previous: UInt8 = 0
        let hasControl = value.utf8.contains { byte in
            defer { previous = byte }
            return byte < 0x20 || byte == 0x7F || (previous == 0xC2 && byte < 0xA0)
        }
        guard hasControl else { return value }
        var result = ""
        result.unicodeScalars.reserveCapacity(value.unicodeScalars.count)
        for scalar in value.unicodeScalars {
            result.unicodeScalars.append(scalar.properties.generalCategory == .control ? " " : scalar)
        }
        return result
    }

    public static func == (a: PaymentQRPayload, b: PaymentQRPayload) -> Bool {
        a.fields.elementsEqual(b.fields) { $0.key == $1.key && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        for field in fields {
            hasher.combine(field.key)
            hasher.combine(field.value)
        }
    }
}
