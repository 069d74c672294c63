import RaschetCore

/// Control-digit checks of the organization's requisites (they feed the payment QR code, where a
/// wrong digit sends the payers' money elsewhere). Each check returns what is wrong, or nil.
///
/// - INN: 10 digits (a company: one control digit) or 12 (a person: two); each control digit is the
///   weighted sum of the digits before it, mod 11, mod 10 (Federal Tax Service algorithm).
/// - KPP: 9 characters, `NNNNPPNNN`: 4 digits, 2 digits or Latin capitals, 3 digits; no control digit.
/// - BIC: 9 digits starting with `04` (a Russian bank); no control digit.
/// - Accounts: 20 digits with a control key (the 9th digit), Bank of Russia order of 08.09.1997
///   No. 515: the 23 digits `prefix + account`, weighted 7, 1, 3 repeated, sum to a multiple of 10.
///   For a correspondent account the prefix is `0` and the BIC's 5th and 6th digits; for a
///   settlement account, the BIC's last three digits.
enum Requisites {
    static func innProblem(_ inn: String) -> Message? {
        guard let digits = digits(inn), digits.count == 10 || digits.count == 12 else {
            return .notAnINN(inn)
        }
        let checks: [(weights: [Int], position: Int)] = digits.count == 10
            ? [([2, 4, 10, 3, 5, 9, 4, 6, 8], 9)]
            : [([7, 2, 4, 10, 3, 5, 9, 4, 6, 8], 10), ([3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8], 11)]
        for (weights, position) in checks {
            let expected = zip(weights, digits).reduce(0) { $0 + $1.0 * $1.1 } % 11 % 10
            if digits[position] != expected {
                return .innCheckFails(inn, digit: position + 1, expected: expected)
            }
        }
        return nil
    }

    static func kppProblem(_ kpp: String) -> Message? {
        let bytes = Array(kpp.utf8)
        let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        let isCapital = { (byte: UInt8) in (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) }
        guard bytes.count == 9, bytes[0..<4].allSatisfy(isDigit), bytes[4..<6].allSatisfy({ isDigit($0) || isCapital($0) }),
              bytes[6..<9].allSatisfy(isDigit) else {
            return .notAKPP(kpp)
        }
        return nil
    }

    static func bicProblem(_ bic: String) -> Message? {
        guard let digits = digits(bic), digits.count == 9, digits[0] == 0, digits[1] == 4 else {
            return .notABIC(bic)
        }
        return nil
    }

    static func correspondentAccountProblem(_ account: String, bic: String) -> Message? {
        guard let bicDigits = digits(bic), bicDigits.count == 9 else { return nil }
        return accountProblem(account, prefix: [0, bicDigits[4], bicDigits[5]], correspondent: true, bic: bic)
    }

    static func settlementAccountProblem(_ account: String, bic: String) -> Message? {
        guard let bicDigits = digits(bic), bicDigits.count == 9 else { return nil }
        return accountProblem(account, prefix: Array(bicDigits[6...]), correspondent: false, bic: bic)
    }

    /// The control key of `account` (its 9th digit) against `prefix`, or the problem.
    private static func accountProblem(_ account: String, prefix: [Int], correspondent: Bool, bic: String) -> Message? {
        guard var digits = digits(account), digits.count == 20 else { return .notAnAccountNumber(account, correspondent: correspondent) }
        digits[8] = 0
        let weights = [7, 1, 3]
        let sum = (prefix + digits).enumerated().reduce(0) { $0 + $1.element * weights[$1.offset % 3] }
        let key = sum % 10 * 3 % 10
        guard key == Int(Array(account.utf8)[8] - UInt8(ascii: "0")) else {
            return .accountKeyFails(account, correspondent: correspondent, bic: bic, key: key)
        }
        return nil
    }

    /// The decimal digits of `text`, or nil when it holds anything else.
    private static func digits(_ text: String) -> [Int]? {
        var result: [Int] = []
        for byte in text.utf8 {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            result.append(Int(byte - UInt8(ascii: "0")))
        }
        return result.isEmpty ? nil : result
    }
}
