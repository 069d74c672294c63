// The catalog: why `raschet reading submit` refuses a reading (`ReadingSubmission`), and what it
// logs when a jump is forced. Each entry gives its English and Russian text side by side.

extension Message {
    /// What a refusal is about: the zone, the value and its date.
    public struct ReadingSubject: Sendable {
        let zone: String
        let value: ExactDecimal
        let date: CivilDate

        public init(zone: String, value: ExactDecimal, date: CivilDate) {
            self.zone = zone; self.value = value; self.date = date
        }

        var english: String { "zone \(zone): reading \(value) on \(date)" }
        var russian: String { "зона \(zone): показание \(value.russianString) на \(date.russianString)" }
    }

    public static func readingInFuture(_ s: ReadingSubject, today: CivilDate) -> Message {
        Message(english: "\(s.english) not accepted: the date is after today (\(today)); give the day the meter was read, "
                    + "no later than \(today)",
                russian: "\(s.russian) не принято: дата позже сегодняшней (\(today.russianString)); укажите дату снятия "
                    + "показания, не позже \(today.russianString)")
    }

    public static func readingBeforeInstallation(_ s: ReadingSubject, installed: CivilDate) -> Message {
        Message(english: "\(s.english) not accepted: the meter was installed on \(installed); check the reading's date or the "
                    + "meter's installation date",
                russian: "\(s.russian) не принято: счетчик установлен \(installed.russianString); проверьте дату показания "
                    + "или дату установки счетчика")
    }

    public static func readingAfterRemoval(_ s: ReadingSubject, removed: CivilDate) -> Message {
        Message(english: "\(s.english) not accepted: the meter was removed on \(removed); readings after that belong to "
                    + "the new meter",
                russian: "\(s.russian) не принято: счетчик снят \(removed.russianString); показания после снятия передают "
                    + "по новому счетчику")
    }

    public static func readingBeyondCapacity(_ s: ReadingSubject, digits: Int, capacity: ExactDecimal) -> Message {
        Message(english: "\(s.english) not accepted: the meter has \(englishCount(digits, "digit")) before the point, so a reading "
                    + "must be below \(capacity); check for an extra digit",
                russian: "\(s.russian) не принято: разрядов у счетчика до запятой: \(digits), показание должно быть меньше "
                    + "\(capacity.russianString); проверьте, нет ли лишней цифры")
    }

    public static func readingBelowPrevious(_ s: ReadingSubject, previous: ExactDecimal, on date: CivilDate) -> Message {
        Message(english: "\(s.english) is lower than the previous \(previous) on \(date); check the reading (a rollover "
                    + "through zero is entered by importing a row with rollover = 1)",
                russian: "\(s.russian) меньше предыдущего \(previous.russianString) на \(date.russianString); проверьте "
                    + "показание (переход счетчика через ноль вносится импортом строки с rollover = 1)")
    }

    public static func readingAboveNext(_ s: ReadingSubject, next: ExactDecimal, on date: CivilDate) -> Message {
        Message(english: "\(s.english) is higher than the next \(next) on \(date); check the reading and its date",
                russian: "\(s.russian) больше следующего \(next.russianString) на \(date.russianString); проверьте "
                    + "показание и его дату")
    }

    public static func readingJump(_ s: ReadingSubject, perDay: ExactDecimal, previous: ExactDecimal, on date: CivilDate,
                                   factor: ExactDecimal, averagePerDay: ExactDecimal) -> Message {
        Message(english: "\(s.english) gives \(perDay) per day since the previous \(previous) on \(date), more than "
                    + "\(factor) × the average \(averagePerDay) per day",
                russian: "\(s.russian) дает расход \(perDay.russianString) в сутки с предыдущего \(previous.russianString) "
                    + "на \(date.russianString), больше чем \(factor.russianString) × средний расход "
                    + "\(averagePerDay.russianString) в сутки")
    }

    /// An implausible jump (`readingJump`, in its context) refused: the fix.
    public static func jumpNotForced(_ jump: Message) -> Message {
        Message(english: "\(jump.english); check the reading, and if it is right, submit it with --force",
                russian: "\(jump.russian); проверьте показание, а если оно верно, передайте его с --force")
    }

    /// An imported reading lower than the one before it without the rollover mark (`origin`: the
    /// neighbour's file and line in this import, nil when it is stored).
    public static func importedReadingBelowPrevious(_ reading: Reading, previous: ExactDecimal, on date: CivilDate,
                                                    origin: (file: String, line: Int)?) -> Message {
        let english = origin.map { "\($0.file) line \($0.line)" } ?? "stored"
        let russian = origin.map { "\($0.file), строка \($0.line)" } ?? "в базе"
        return Message(english: "meter \(reading.meterID), zone \(reading.zone.rawValue): \(reading.value) on \(reading.date) "
                    + "is lower than the previous reading \(previous) on \(date) (\(english)); correct the value, or set "
                    + "rollover to 1 if the register wrapped past zero",
                russian: "счетчик \(reading.meterID), зона \(reading.zone.rawValue): \(reading.value.russianString) на "
                    + "\(reading.date.russianString) меньше предыдущего показания \(previous.russianString) на "
                    + "\(date.russianString) (\(russian)); исправьте значение или поставьте rollover = 1, если счетчик "
                    + "перешел через ноль")
    }

    /// An imported reading higher than the next one, which has no rollover mark.
    public static func importedReadingAboveNext(_ reading: Reading, next: ExactDecimal, on date: CivilDate,
                                                origin: (file: String, line: Int)?) -> Message {
        let english = origin.map { "\($0.file) line \($0.line)" } ?? "stored"
        let russian = origin.map { "\($0.file), строка \($0.line)" } ?? "в базе"
        return Message(english: "meter \(reading.meterID), zone \(reading.zone.rawValue): \(reading.value) on \(reading.date) "
                    + "is higher than the next reading \(next) on \(date) (\(english)); correct the value or its date",
                russian: "счетчик \(reading.meterID), зона \(reading.zone.rawValue): \(reading.value.russianString) на "
                    + "\(reading.date.russianString) больше следующего показания \(next.russianString) на "
                    + "\(date.russianString) (\(russian)); исправьте значение или его дату")
    }
}
