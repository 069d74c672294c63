/// Progress of a running close, reported after every committed batch.
public struct CloseProgress: Sendable, Hashable {
    /// Accounts stored so far by this run.
    public var done: Int
    /// Accounts this run has to compute.
    public var total: Int

    public init(done: Int, total: Int) {
        self.done = done
        self.total = total
    }
}
