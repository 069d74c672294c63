import PDFText
import Synchronization

/// Line breaks shared by the documents of a run (a receipt template's thousands of files): breaking
/// text into lines is a pure function of the text, face, size and width, and most texts repeat from
/// one receipt to the next. A ``LayoutDocument`` made with one looks there after its own cache.
///
/// Two generations of at most ``capacity`` entries each, behind a `Mutex`: when the current one is
/// full it becomes the previous one and a new one starts; a break found in the previous generation
/// moves to the current one. So the texts every receipt repeats (headings, units, tariffs) stay while
/// each receipt's own (names, addresses, amounts) pass through, and memory stays bounded.
public final class LayoutCache: Sendable {
    private struct Generations {
        var current: [LinesKey: [TextLine]] = [:]
        var previous: [LinesKey: [TextLine]] = [:]
    }

    /// Entries per generation.
    static let capacity = 8192
    private let generations = Mutex(Generations())

    /// An empty cache.
    public init() {}

    /// The lines of `key`, if cached.
    func lines(for key: LinesKey) -> [TextLine]? {
        generations.withLock { cache in
            if let lines = cache.current[key] { return lines }
            guard let lines = cache.previous.removeValue(forKey: key) else { return nil }
            Self.insert(lines, for: key, into: &cache)
            return lines
        }
    }

    /// Caches the lines of `key`.
    func store(_ lines: [TextLine], for key: LinesKey) {
        generations.withLock { Self.insert(lines, for: key, into: &$0) }
    }

    private static func insert(_ lines: [TextLine], for key: LinesKey, into cache: inout Generations) {
        if cache.current.count >= capacity {
            cache.previous = cache.current
            cache.current = [:]
            cache.current.reserveCapacity(capacity)
        }
        cache.current[key] = lines
    }
}

/// A text in a face, hashed and compared by its UTF-8 bytes: Swift's `String` hashing normalises
/// non-ASCII text to NFC first, which dominated the profile for Cyrillic. Byte equality is stricter,
/// which is safe here. The face is held, so that its identity cannot pass to another face.
struct ShapeKey: Hashable, Sendable {
    let face: FontFace
    let text: String

    static func == (lhs: ShapeKey, rhs: ShapeKey) -> Bool {
        lhs.face === rhs.face && lhs.text.hasSameUTF8(as: rhs.text)
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(face))
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

/// A text broken into lines in a face at a size and width.
struct LinesKey: Hashable, Sendable {
    let text: ShapeKey
    let size: Double
    let width: Double
}
