public import RaschetCore
import RaschetStore

/// `raschet reading submit`: one meter reading with the import's checks, the reading window and the
/// cabinet's rule that a reading is never lower than the previous one (SPEC sections 4, 5).
public struct SubmitReading: Sendable {
    /// A stored reading, as stored.
    public struct Accepted: Sendable, Hashable {
        public var meter: String
        public var zone: String
        public var date: String
        public var value: String
    }

    /// How the submission ended.
    public enum Outcome: Sendable, Hashable {
        case accepted(Accepted)
        /// A value lower than the previous reading: refused with the cabinet's exact text (SPEC
        /// section 4), which a front end shows as it is (exit 65).
        case rejectedAsLower(cabinetMessage: Message)

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

    public init(workspace: Workspace, meter: String, value: String, zone: MeterZone? = nil, date: CalendarDay? = nil) {
        self.workspace = workspace
        self.meter = meter
        self.value = value
        self.zone = zone
        self.date = date
    }

    /// - Throws: 65 for any other refusal (unknown meter, zone, negative value, outside the window).
    public func run() throws(AppError) -> Outcome {
        guard let amount = ExactDecimal(parsing: value) else {
            throw AppError(.badData, .notANumberValue(value))
        }
        let settings = try workspace.settings()
        let store = try workspace.openStore()
        do {
            let reading = try store.submitReading(meterID: meter, value: amount, zone: zone?.zone,
                                                  date: (date ?? .today()).date, window: settings.billingRules.readingWindow)
            return .accepted(Accepted(meter: reading.meterID, zone: reading.zone.rawValue, date: reading.date.isoString,
                                      value: reading.value.machineString))
        } catch where error.billingCode == .readingLowerThanPrevious {
            return .rejectedAsLower(cabinetMessage: error.message)
        } catch {
            throw AppError(error)
        }
    }
}
