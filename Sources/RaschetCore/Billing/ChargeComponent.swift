/// Which part of a service's charge a line carries; recalculations are matched part by part.
public enum ChargeComponent: String, Sendable, Hashable, CaseIterable, Comparable {
    /// The volume itself (metered, estimated, norm, area, fixed or quantity).
    case base
    /// The extra caused by the increasing coefficient (norm × residents × (coefficient − 1)); the
    /// receipt shows it separately (Приказ 43/пр).
    case coefficientExtra = "coefficient_extra"
    /// The reduction for temporary absence (negative), Правила 354 п. 86–97.
    case absence
    /// A penalty (пени).
    case penalty

    public static func < (a: ChargeComponent, b: ChargeComponent) -> Bool { a.order < b.order }
    private var order: Int { Self.allCases.firstIndex(of: self)! }
}

