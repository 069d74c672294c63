/// What a charge line is: the period's own charge, a correction of an earlier period, or a penalty.
public enum ChargeKind: String, Sendable, Hashable, CaseIterable {
    case charge, recalc, penalty
}

