public import RaschetCore
import RaschetStore

/// `raschet reading submit`: one meter reading with the import's checks, the reading window, and the
/// checks of `ReadingSubmission` against the meter and its stored readings on both sides of the date:
/// not after today, within the meter's life, within its digit capacity, not lower than the previous
/// reading, not higher than the next, no implausible jump unless forced (SPEC sections 4, 5; README).
public struct SubmitReading: Sendable {
    /// A stored reading, as stored.
    public struct Accepted: Sendable, Hashable {
        public var meter: String
        public var zone: String
        public var date: String
        public var value: String
        /// The implausible jump the operator forced (logged in the database), nil when there was none.
        public var forced: Message?
    }

    /// How the submission ended.
    public enum Outcome: Sendable, Hashable {
        case accepted(Accepted)
        /// A value lower than the previous reading: refused with the cabinet's exact text (SPEC
        /// section 4), which a front end shows as it is, and our sentence naming the meter, the value,
        /// the previous reading and the fix (exit 65).
        case rejectedAsLower(cabinetMessage: Message, detail: Message)

        /// 0 when accepted, 65 when rejected.
        public var exitCode: Int32 {
            switch self {
            case .accepted: 0
            case .rejectedAsLower: ExitStatus.badData.rawValue
            }
        }
    }

    public var workspace: Workspace
    public var meter: String
    /// The value as typed: up to 6 decimals, `.` or `,`.
    public var value: String
    /// nil: `single` for a one-zone meter (a multi-zone meter needs one).
    public var zone: MeterZone?
    /// nil: today.
    public var date: CalendarDay?
    /// The day the program takes as today (`CalendarDay.fromProcess()` in the CLI): no reading is dated after it.
    public var today: CalendarDay
    /// Store an implausible jump anyway (logged in `forced_readings`).
    public var force: Bool

    public init(workspace: Workspace, meter: String, value: String, zone: MeterZone? = nil, date: CalendarDay? = nil,
                today: CalendarDay = .fromProcess(), force: Bool = false) {
        self.workspace = workspace
        self.meter = meter
        self.value = value
        self.zone = zone
        self.date = date
        self.today = today
        self.force = force
    }

    /// - Throws: 65 for any other refusal (unknown meter, zone, negative value, outside the window,
    ///   a date after today or outside the meter's life, beyond its digits, above the next reading,
    ///   an implausible jump without `force`).
    public func run() throws(AppError) -> Outcome {
        guard let amount = ExactDecimal(parsing: value) else {
            throw AppError(.badData, .notANumberValue(meter: meter, value, maximum: ColumnCheck.readingMaximum))
        }
        let settings = try workspace.settings()
        let store = try workspace.openStore()
        do {
            let stored = try store.submitReading(meterID: meter, value: amount, zone: zone?.zone, date: (date ?? today).date,
                                                 today: today.date, rules: settings.billingRules, force: force)
            let reading = stored.reading
            return .accepted(Accepted(meter: reading.meterID, zone: reading.zone.rawValue, date: reading.date.isoString,
                                      value: reading.value.machineString, forced: stored.forcedJump?.message))
        } catch where error.billingCode == .readingLowerThanPrevious {
            return .rejectedAsLower(cabinetMessage: .cabinetReadingLower, detail: error.message)
        } catch {
            throw AppError(error)
        }
    }
}
