/// How a line's volume was found: shown on receipts ("по среднему", "по нормативу").
public enum ChargeBasis: String, Sendable, Hashable, CaseIterable {
    /// Meter readings (including a share of a multi-period gap closed by a real reading).
    case reading
    /// The average monthly consumption while readings are missing.
    case average
    /// The norm (norm-method services, or meters past the average periods or without history).
    case norm
    case area
    case fixed
    case quantity
    case penalty
}

