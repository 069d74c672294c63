/// Which lines posted by earlier closes one account's close reads (`AccountClose.prepare`),
/// so that the store loads only those.
public enum EarlierLinesNeed: Sendable, Hashable {
    /// None: nothing is recomputed, penalties accrue on the stored debts.
    case none
    /// Those posted by the closes of this period and later (every line of the periods billing
    /// recomputes was posted by one of them).
    case from(Period)
    /// All of them (penalties of closed periods are corrected without the debts' amounts).
    case all
}
