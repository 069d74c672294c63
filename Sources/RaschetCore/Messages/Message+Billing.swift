// The catalog: why an account's charges, a statement or a certificate cannot be computed
// (`BillingError`, `StatementError`). Each entry gives its English and Russian text side by side.

extension Message {
    /// `account 1001, service HVS, period 2026-10: <reason>`: a billing reason with what it is about.
    public static func billingContext(account: String?, service: String?, meter: String?, period: Period?,
                                      _ reason: Message) -> Message {
        func join(_ parts: [String], _ reason: String) -> String {
            parts.isEmpty ? reason : parts.joined(separator: ", ") + ": " + reason
        }
        let parts = (english: [account.map { "account " + $0 }, service.map { "service " + $0 }, meter.map { "meter " + $0 },
                               period.map { "period " + $0.code }].compactMap { $0 },
                     russian: [account.map { "лицевой счет " + $0 }, service.map { "услуга " + $0 },
                               meter.map { "счетчик " + $0 }, period.map { "период " + $0.code }].compactMap { $0 })
        return Message(english: join(parts.english, reason.english), russian: join(parts.russian, reason.russian))
    }

    /// The exact rejection text of SPEC section 4 for a reading lower than the previous one.
    public static let readingLowerThanPrevious = Message(
        english: "Reading not accepted! The reading entered is lower than the one submitted before. Check your input.",
        russian: "Показание не принято! Введенные показания меньше ранее переданных показаний. Проверьте корректность ввода.")

    /// What `reading submit` (the cabinet's channel) answers to a reading lower than the previous one:
    /// SPEC section 4 fixes these words, so they are the same in every locale, on a line of their own.
    public static let cabinetReadingLower = Message.verbatim(readingLowerThanPrevious.russian)

    public static let rolloverWithoutDigits = Message(
        english: "A rollover through zero, but the meter has no digit count (digits)",
        russian: "Переход через ноль без разрядности счетчика (digits)")

    public static let serviceNotInList = Message(
        english: "The service is not in the services list",
        russian: "Услуга не найдена в справочнике")

    public static let receiptServiceNotInList = Message(
        english: "the service is not in the services list; import it (services)",
        russian: "услуги нет в справочнике услуг; импортируйте ее (services)")

    public static let meterServiceNotInList = Message(
        english: "the meter's service is not in the services list; import it (services)",
        russian: "услуги счетчика нет в справочнике услуг; импортируйте ее (services)")

    public static func supplierNotInList(_ supplier: String) -> Message {
        Message(english: "the supplier \(supplier) is not in the suppliers list; import it (suppliers)",
                russian: "поставщика \(supplier) нет в справочнике; импортируйте его (suppliers)")
    }

    public static func noVATRate(_ period: Period) -> Message {
        Message(english: "No VAT rate for the period \(period.code); the settings' billing.vat starts later",
                russian: "Нет ставки НДС для периода \(period.code); таблица billing.vat в настройках начинается позже")
    }

    public static func noDueDay(_ period: Period) -> Message {
        Message(english: "No payment due day for the period \(period.code); the settings' billing.due_day starts later",
                russian: "Нет срока оплаты для периода \(period.code); таблица billing.due_day в настройках начинается позже")
    }

    public static func noKeyRate(_ date: CivilDate) -> Message {
        Message(english: "No key rate on \(date.isoString)", russian: "Нет ключевой ставки на \(date.russianString)")
    }

    public static func noTariff(zone: String, category: String, on day: CivilDate) -> Message {
        Message(english: "No tariff (zone \(zone), category \(category)) on \(day.isoString)",
                russian: "Нет тарифа (зона \(zone), категория \(category)) на \(day.russianString)")
    }

    public static let noResidents = Message(
        english: "The number of residents is not given", russian: "Не указано число проживающих")

    public static let noNorm = Message(
        english: "The tariff has no norm (norm)", russian: "У тарифа нет норматива (norm)")

    public static let noReadingsNoNorm = Message(
        english: "No readings, and the tariff has no norm (norm)", russian: "Нет показаний и у тарифа нет норматива (norm)")

    public static let noArea = Message(
        english: "The premises' area is not given", russian: "Не указана площадь помещения")

    public static let noQuantity = Message(
        english: "No quantity: neither a volumes row for the period nor the service's quantity",
        russian: "Нет объема: ни строки volumes за период, ни quantity у услуги")

    /// An amount too large to compute exactly: `operation` shows the figures (`1000000000 × 1000000000`).
    /// A register's running total beyond `Int64` micros (many marked rollovers of a 12-digit register).
    public static func registerTotalOutOfRange(zone: String, value: ExactDecimal, date: CivilDate) -> Message {
        Message(english: "The meter's running total (zone \(zone)) up to the reading \(value) on \(date) is out of the "
                    + "allowed range (more than 9 223 372 036 854 units); check the rollover marks and the meter's digits",
                russian: "Накопленный расход счетчика (зона \(zone)) к показанию \(value.russianString) на "
                    + "\(date.russianString) вне допустимого диапазона (более 9 223 372 036 854 единиц); проверьте отметки "
                    + "rollover и разрядность счетчика")
    }

    public static func amountOutOfRange(_ operation: String) -> Message {
        Message(english: "An amount out of the allowed range (at most \(Money.limit.machineString) rubles): \(operation); "
                    + "check the price, the quantity and the area",
                russian: "Сумма вне допустимого диапазона (не более \(Money.limit.russianString) руб.): \(operation); "
                    + "проверьте цену, объем и площадь")
    }

    // MARK: Statements and certificates

    public static func reversedRange(from: CivilDate, to: CivilDate) -> Message {
        Message(english: "the range from \(from.isoString) to \(to.isoString) starts after it ends",
                russian: "период с \(from.russianString) по \(to.russianString): дата начала позже даты окончания")
    }

    public static func rangeAfterLastClosed(from: CivilDate, lastClosed: Period) -> Message {
        Message(english: "the range starts on \(from.isoString), after \(lastClosed.lastDay.isoString), the last day of the latest "
                    + "closed period \(lastClosed.code): nothing of it is closed yet; close \(lastClosed.next.code) first, or start "
                    + "the range earlier",
                russian: "период начинается \(from.russianString), позже \(lastClosed.lastDay.russianString), последнего дня последнего "
                    + "закрытого периода \(lastClosed.code): в нем еще ничего не закрыто; сначала закройте \(lastClosed.next.code) или "
                    + "начните период раньше")
    }

    public static let nothingClosed = Message(
        english: "no period is closed yet; run raschet close first",
        russian: "ни один период не закрыт; сначала выполните raschet close")

    public static func notBusinessAccount(_ account: String) -> Message {
        Message(english: "account \(account) is not a business contract: a reconciliation act is drawn up for contracts "
                    + "only (kind = business)",
                russian: "лицевой счет \(account) не договор юридического лица: акт сверки составляется только по "
                    + "договорам (kind = business)")
    }

    public static func certificateRefused(account: String, date: CivilDate, debt: Money) -> Message {
        Message(english: "no no-debt certificate: account \(account) owes \(debt.machineString) rubles on \(date.isoString)",
                russian: "справка об отсутствии задолженности не выдается: по лицевому счету \(account) на "
                    + "\(date.russianString) задолженность \(debt.russianString) руб.")
    }
}
