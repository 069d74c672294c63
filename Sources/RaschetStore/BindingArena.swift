/// Room for the text values of one statement's rows bound to a prepared statement, which SQLite
/// then reads in place (`SQLITE_STATIC`) instead of copying each value into memory of its own: no allocation
/// and release per text cell on the import's writing thread.
///
/// Valid use: every statement's rows bind all of its parameters again before its step, so a
/// parameter never points at bytes a later row overwrote when SQLite reads it; the arena outlives
/// the statements bound from it. A value that does not fit is bound as a copy (`ParameterBinder`).
final class BindingArena {
    /// Bytes per statement; the import's rows take a few hundred each (`ImportSink.rowsPerStatement`).
    static let capacity = 1 << 16

    private let base = UnsafeMutablePointer<UInt8>.allocate(capacity: BindingArena.capacity)
    private var used = 0

    deinit { base.deallocate() }

    /// Starts a statement's values: the previous statement's bytes may be overwritten.
    func reset() { used = 0 }

    /// `count` bytes for a value of the current statement, or nil when its values fill the arena.
    func take(_ count: Int) -> UnsafeMutablePointer<UInt8>? {
        guard count <= Self.capacity &- used else { return nil }
        defer { used &+= count }
        return base + used
    }
}
