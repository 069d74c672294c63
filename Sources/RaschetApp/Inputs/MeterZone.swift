import RaschetCore

/// A tariff zone of a meter given by a user: single, day, night, peak or halfpeak.
public struct MeterZone: Sendable, Hashable, CustomStringConvertible {
    let zone: Zone

    /// The zone of that name; nil for an unknown one.
    public init?(_ name: String) {
        guard let zone = Zone(rawValue: name) else { return nil }
        self.zone = zone
    }

    /// Every zone name, in the order help texts list them.
    public static var allNames: [String] { Zone.allCases.map(\.rawValue) }

    public var description: String { zone.rawValue }
}
