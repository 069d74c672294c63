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
        let unit = UInt64(ExactDecimal.unit)
        let magnitude = number.micros.magnitude
        var fraction = magnitude % unit
        var digits = ExactDecimal.scale
        while digits > 0, fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        return printed(negative: number.micros < 0, integer: magnitude / unit, fraction: fraction,
                       fractionDigits: digits, minimumFractionDigits: minimumFractionDigits)
    }

    /// Money as documents print it, with a no-break space (U+00A0) between thousands so that an
    /// amount never breaks across lines.
    static func printed(_ money: Money) -> String {
        let magnitude = money.kopecks.magnitude
        return printed(negative: money.kopecks < 0, integer: magnitude / 100, fraction: magnitude % 100,
                       fractionDigits: 2, minimumFractionDigits: 2)
    }

    /// `-` when negative, `integer` in groups of three digits with no-break spaces between them, then when
    /// `fraction` has digits or `minimumFractionDigits` asks for some, a comma and `fraction` in
    /// `fractionDigits` digits (leading zeros kept) followed by zeros up to `minimumFractionDigits`.
    private static func printed(negative: Bool, integer: UInt64, fraction: UInt64, fractionDigits: Int,
                                minimumFractionDigits: Int) -> String {
        // 20 digits and 6 no-break spaces of a UInt64, a sign, a comma, the fraction's digits.
        BackwardText.make(capacity: 36 + max(fractionDigits, minimumFractionDigits)) { text in
            if fractionDigits > 0 || minimumFractionDigits > 0 {
                for _ in fractionDigits..<max(fractionDigits, minimumFractionDigits) { text.prepend("0") }
                if fractionDigits > 0 { text.prependDigits(fraction, count: fractionDigits) }
                text.prepend(",")
            }
            text.prependDigits(integer, groupSeparator: "\u{A0}")
            if negative { text.prepend("-") }
        }
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
