/// Where a meter reading came from.
public enum ReadingSource: String, Sendable, Hashable, CaseIterable {
    case cabinet, `operator`, controller, install, removal, check
}

/// One meter register reading. Key: meter + date + zone.
public struct Reading: Sendable, Hashable {
    public var meterID: String
    public var date: CivilDate
    public var value: ExactDecimal
    public var zone: Zone
    public var source: ReadingSource?
    /// The register wrapped past 10^digits since the previous reading.
    public var rollover: Bool

    public init(meterID: String, date: CivilDate, value: ExactDecimal, zone: Zone = .single,
                source: ReadingSource? = nil, rollover: Bool = false) {
        self.meterID = meterID; self.date = date; self.value = value; self.zone = zone; self.source = source
        self.rollover = rollover
    }
}
