extension Money {
    /// The amount in Russian words as acts and certificates write it: the rubles in words with the
    /// right gender and plural («одна тысяча», «две тысячи», «один рубль», «два рубля», «пять
    /// рублей»), the kopecks as two digits with their plural: `13481.16` →
    /// «тринадцать тысяч четыреста восемьдесят один рубль 16 копеек»; `0` → «ноль рублей 00 копеек»;
    /// a negative amount starts with «минус». Lower case: a sentence capitalizes it if it must.
    /// - Complexity: O(1) (at most seven groups of three digits).
    public var russianWords: String {
        let magnitude = kopecks.magnitude  // UInt64: no trap at Int64.min
        let rubles = magnitude / 100
        let cents = Int(magnitude % 100)
        var words: [String] = kopecks < 0 ? ["минус"] : []
        if rubles == 0 {
            words.append("ноль")
        } else {
            // Groups of three digits from the highest; index 0 = units (the rubles themselves).
            var groups: [Int] = []
            var rest = rubles
            while rest > 0 {
                groups.append(Int(rest % 1000))
                rest /= 1000
            }
            for index in stride(from: groups.count - 1, through: 0, by: -1) where groups[index] > 0 {
                let scale = RussianNumerals.scales[index]
                words += RussianNumerals.words(groups[index], feminine: scale.feminine)
                if let forms = scale.forms { words.append(RussianNumerals.plural(groups[index], forms)) }
            }
        }
        words.append(RussianNumerals.plural(Int(rubles % 1000), ("рубль", "рубля", "рублей")))
        words.append((cents < 10 ? "0" : "") + String(cents))
        words.append(RussianNumerals.plural(cents, ("копейка", "копейки", "копеек")))
        return words.joined(separator: " ")
    }
}

/// The words of Russian cardinal numbers up to 999 and the scale names, for `Money.russianWords`.
enum RussianNumerals {
    /// One scale of three digits: its noun's forms (one, few, many; nil for the units) and gender.
    struct Scale {
        var forms: (String, String, String)?
        var feminine: Bool
    }

    /// Units, thousands (feminine), millions, billions, trillions, quadrillions: Int64 kopecks reach
    /// about 9.2 × 10^16 rubles.
    static let scales: [Scale] = [
        Scale(forms: nil, feminine: false),
        Scale(forms: ("тысяча", "тысячи", "тысяч"), feminine: true),
        Scale(forms: ("миллион", "миллиона", "миллионов"), feminine: false),
        Scale(forms: ("миллиард", "миллиарда", "миллиардов"), feminine: false),
        Scale(forms: ("триллион", "триллиона", "триллионов"), feminine: false),
        Scale(forms: ("квадриллион", "квадриллиона", "квадриллионов"), feminine: false),
    ]

    static let hundreds = ["", "сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот", "семьсот", "восемьсот", "девятьсот"]
    static let tens = ["", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят", "восемьдесят", "девяносто"]
    static let teens = ["десять", "одиннадцать", "двенадцать", "тринадцать", "четырнадцать", "пятнадцать", "шестнадцать",
                        "семнадцать", "восемнадцать", "девятнадцать"]
    static let units = ["", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"]

    /// The words of `number` in 1...999; «одна», «две» when the noun is feminine.
    static func words(_ number: Int, feminine: Bool) -> [String] {
        var out: [String] = []
        if number / 100 > 0 { out.append(hundreds[number / 100]) }
        let lastTwo = number % 100
        if (10...19).contains(lastTwo) {
            out.append(teens[lastTwo - 10])
            return out
        }
        if lastTwo / 10 > 0 { out.append(tens[lastTwo / 10]) }
        let unit = lastTwo % 10
        if unit > 0 {
            out.append(feminine && unit == 1 ? "одна" : feminine && unit == 2 ? "две" : units[unit])
        }
        return out
    }

    /// The noun form agreeing with `number`: 1, 21, 101 → one; 2–4, 22–24 → few; 0, 5–20, 25–30 → many.
    static func plural(_ number: Int, _ forms: (one: String, few: String, many: String)) -> String {
        let lastTwo = number % 100
        if (11...14).contains(lastTwo) { return forms.many }
        switch lastTwo % 10 {
        case 1: return forms.one
        case 2, 3, 4: return forms.few
        default: return forms.many
        }
    }
}
