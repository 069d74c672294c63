import Synchronization

/// The shaped texts and line breaks kept for the documents of a run (a receipt template's thousands of
/// files): shaping and breaking are pure functions of the text, face, size and width, and most texts
/// repeat from one receipt to the next.
///
/// A pool of ``TextCache``s: a ``LayoutDocument`` made with the pool takes one for its lifetime and
/// gives it back when it ends, so lookups take no lock and documents drawn on different threads at once
/// never share one. The pool holds as many caches as documents were ever alive at once (the cores
/// rendering), each bounded.
public final class LayoutCache: Sendable {
    private let idle = Mutex<[TextCache]>([])

    /// An empty pool.
    public init() {}

    /// A cache no other document is using: an idle one, or a new one.
    func take() -> TextCache {
        idle.withLock { $0.popLast() } ?? TextCache()
    }

    /// Gives `cache` back when its document ends.
    func giveBack(_ cache: TextCache) {
        idle.withLock { $0.append(cache) }
    }
}
