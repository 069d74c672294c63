public import RaschetCore
import Mustache

/// A value a template can show: typed, so that the template decides nothing about formatting and
/// every document prints money, dates and periods the same way.
public enum TemplateValue: Sendable, Hashable {
    case text(String)
    case money(Money)
    case number(ExactDecimal)
    /// A price per unit: like a number, with at least two decimals (`2 950,27`, `34,80`).
    case price(ExactDecimal)
    case count(Int)
    case date(CivilDate)
    case period(Period)
    /// A condition for `when=`/`unless=` and Mustache sections (`{{#isDebt}}...{{/isDebt}}`).
    case flag(Bool)
    case record(TemplateRecord)
    case list([TemplateRecord])

    /// The printed form: money `13 481,16` (no-break space between thousands, decimal comma),
    /// quantities with a decimal comma and trailing zeros trimmed, dates `DD.MM.YYYY`, periods in
    /// words («октябрь 2026»).
    public var text: String {
        switch self {
        case .text(let text): return text
        case .money(let money): return Self.printed(money)
        case .number(let number): return Self.printed(number, minimumFractionDigits: 0)
        case .price(let price): return Self.printed(price, minimumFractionDigits: 2)
        case .count(let count): return String(count)
        case .date(let date): return date.russianString
        case .period(let period): return period.russianName
        case .flag(let flag): return flag ? "да" : "нет"
        case .record, .list: return ""
        }
    }

    /// Whether `when=` holds: a true flag, a non-empty text or list, a non-zero amount; any other value.
    public var isTruthy: Bool {
        switch self {
        case .text(let text): return !text.isEmpty
        case .money(let money): return money != .zero
        case .number(let number), .price(let number): return number != .zero
        case .count(let count): return count != 0
        case .flag(let flag): return flag
        case .list(let list): return !list.isEmpty
        case .date, .period, .record: return true
        }
    }

    /// A decimal as documents print it: a no-break space between thousands, a decimal comma,
    /// trailing zeros trimmed down to `minimumFractionDigits` (`10 376`, `0,912`, `34,80`).
    static func printed(_ number: ExactDecimal, minimumFractionDigits: Int) -> String {
        let plain = number.russianString
        let sign = plain.hasPrefix("-") ? "-" : ""
        let unsigned = plain.dropFirst(sign.count)
        let parts = unsigned.split(separator: ",", maxSplits: 1)
        let integer = parts[0]
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        while fraction.count < minimumFractionDigits { fraction.append("0") }
        var grouped = ""
        for (index, digit) in integer.enumerated() {
            if index > 0 && (integer.count - index) % 3 == 0 { grouped.append("\u{00A0}") }
            grouped.append(digit)
        }
        return sign + grouped + (fraction.isEmpty ? "" : "," + fraction)
    }

    /// Money as documents print it, with a no-break space (U+00A0) between thousands so that an
    /// amount never breaks across lines.
    static func printed(_ money: Money) -> String {
        var result = ""
        for character in money.russianString { result.append(character == " " ? "\u{00A0}" : character) }
        return result
    }
}

/// A scalar handed to Mustache: printed in its document form, with a few transforms for templates
/// (`{{abs(balance.closing)}}`, `{{code(period)}}`).
struct MustacheScalar: MustacheCustomRenderable, MustacheTransformable {
    let value: TemplateValue

    var renderText: String { value.text }
    /// An empty text counts as missing in sections (`{{#zone}} ({{zone}}){{/zone}}`).
    var isNull: Bool { value == .text("") }

    func transform(_ name: String) -> Any? {
        switch (name, value) {
        case ("abs", .money(let money)): return MustacheScalar(value: .money(money < .zero ? -money : money))
        case ("abs", .number(let number)): return MustacheScalar(value: .number(number < .zero ? -number : number))
        case ("abs", .price(let price)): return MustacheScalar(value: .price(price < .zero ? -price : price))
        case ("code", .period(let period)): return period.paymentPeriodCode
        case ("upper", _): return value.text.uppercased()
        default: return nil
        }
    }

    /// The transforms above, for checking templates.
    static let transformNames: Set<String> = ["abs", "code", "upper"]
}
