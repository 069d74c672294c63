import PDFText

/// The shaped texts and line breaks of the documents that use it one after another, with no lock: one
/// document at a time holds it (``LayoutCache``).
///
/// Each kind is kept in two generations of at most ``capacity`` entries: when the current one is full
/// it becomes the previous one and a new one starts, and an entry found in the previous generation
/// moves to the current one. So the texts every receipt repeats (headings, units, tariffs) stay while
/// each receipt's own (names, addresses, amounts) pass through, and memory stays bounded. Line breaks
/// enter the generations on a text's second sighting (``Probation``): most of a receipt's own texts are
/// met once and would only push the repeated ones out.
///
/// `@unchecked Sendable`: it passes between threads only through ``LayoutCache``'s `Mutex`, and is used
/// by one document, on one thread, in between.
final class TextCache: @unchecked Sendable {
    /// Entries per generation, per kind.
    static let capacity = 8192

    private var shapes = Generations<ShapeKey, ShapedText>()
    private var lines = Generations<LinesKey, [TextLine]>()
    private var linesOnProbation = Probation()
    /// The lines of texts that are the same in every document (a template's labels and headings), by
    /// the caller's slot number (``LayoutDocument/lines(_:style:width:slot:)``): found by an array index
    /// and a comparison instead of hashing.
    private var slots: [SlotLines?] = []

    /// `text` shaped with `face`.
    func shaped(_ text: String, face: FontFace) -> ShapedText {
        let key = ShapeKey(face: face, text: text)
        if let cached = shapes.value(for: key) { return cached }
        let result = face.shape(text)
        shapes.insert(result, for: key)
        return result
    }

    /// The lines of `key`, broken by `breakLines` when not cached.
    func lines(for key: LinesKey, breakLines: () -> [TextLine]) -> [TextLine] {
        if let cached = lines.value(for: key) { return cached }
        if let recent = linesOnProbation.take(key) {
            lines.insert(recent, for: key)
            return recent
        }
        let result = breakLines()
        linesOnProbation.put(result, for: key)
        return result
    }

    /// The lines kept in `slot` when they are of `text` in `face` at `size` and `width`; nil otherwise.
    func lines(slot: Int, text: String, face: FontFace, size: Double, width: Double) -> [TextLine]? {
        guard slot < slots.count, let kept = slots[slot], kept.face === face, kept.size == size, kept.width == width,
              kept.text.hasSameUTF8(as: text) else { return nil }
        return kept.lines
    }

    /// Keeps `lines` (of `text` in `face` at `size` and `width`) in `slot`, replacing what it held.
    func keep(_ lines: [TextLine], slot: Int, text: String, face: FontFace, size: Double, width: Double) {
        if slot >= slots.count { slots.append(contentsOf: repeatElement(nil, count: slot + 1 - slots.count)) }
        slots[slot] = SlotLines(face: face, text: text, size: size, width: width, lines: lines)
    }

    private struct SlotLines {
        let face: FontFace
        let text: String
        let size: Double
        let width: Double
        let lines: [TextLine]
    }

    /// The line breaks of texts met lately and not kept, one per slot of a fixed table chosen by the
    /// key's digest (a newer text takes an older one's slot): the first sighting of a text costs an
    /// array store instead of a place in the generations, and a second one soon after (a band
    /// measures its texts, then draws them) finds the lines here and keeps them.
    private struct Probation {
        private var entries = [(key: LinesKey, lines: [TextLine])?](repeating: nil, count: 1 << 12)

        /// The lines of `key` when it is in its slot, taken out; nil otherwise.
        mutating func take(_ key: LinesKey) -> [TextLine]? {
            let slot = key.digest & (entries.count - 1)
            guard let entry = entries[slot], entry.key == key else { return nil }
            entries[slot] = nil
            return entry.lines
        }

        /// Puts `lines` of `key` in its slot.
        mutating func put(_ lines: [TextLine], for key: LinesKey) {
            entries[key.digest & (entries.count - 1)] = (key, lines)
        }
    }

    /// An entry found in the previous generation is added to the current one and left where it was:
    /// the previous generation goes whole when the current one is full.
    private struct Generations<Key: DigestKey, Value> {
        var current = DigestTable<Key, Value>(capacity: TextCache.capacity)
        var previous = DigestTable<Key, Value>(capacity: 0)

        mutating func value(for key: Key) -> Value? {
            if let value = current.value(for: key) { return value }
            guard let value = previous.value(for: key) else { return nil }
            insert(value, for: key)
            return value
        }

        /// Adds `value` for `key`, which neither generation holds (or only the previous one).
        mutating func insert(_ value: Value, for key: Key) {
            if current.isFull {
                previous = current
                current = DigestTable(capacity: TextCache.capacity)
            }
            current.insert(value, for: key)
        }
    }
}

/// A text in a face, hashed and compared by its UTF-8 bytes: Swift's `String` hashing normalises
/// non-ASCII text to NFC first, which dominated the profile for Cyrillic. Byte equality is stricter,
/// which is safe here. The hash is taken once, when the key is made, and compared first: a lookup
/// passes over other keys in its probe sequence at the cost of an integer comparison. The face is kept
/// as its identity (no reference count when a key is copied out of a table): every cached value holds
/// the face itself (``ShapedText/face``), so that identity cannot pass to another face while cached.
struct ShapeKey: DigestKey, Sendable {
    let face: ObjectIdentifier
    let text: String
    /// The hash of the face and the text's bytes.
    let digest: Int

    init(face: FontFace, text: String) {
        let identity = ObjectIdentifier(face)
        self.face = identity
        self.text = text
        var bytes = text
        digest = bytes.withUTF8 { Self.digest(face: identity, bytes: UnsafeRawBufferPointer($0)) }
    }

    static func == (lhs: ShapeKey, rhs: ShapeKey) -> Bool {
        lhs.digest == rhs.digest && lhs.face == rhs.face && lhs.text.hasSameUTF8(as: rhs.text)
    }

    /// Mixed into every digest: chosen per process, so that texts cannot be made to collide on purpose.
    private static let seed = UInt64.random(in: .min ... .max)

    /// A multiply–xorshift hash of the face's identity and `bytes`, eight bytes at a time, with
    /// SplitMix64's final avalanche; not stable between processes (``seed``). Not PDFWriter's
    /// `StableHash`, made for output: that one is the same in every process, so texts could be chosen
    /// to collide, and it keeps two lanes and returns its digest as an array, on the path of every text.
    private static func digest(face: ObjectIdentifier, bytes: UnsafeRawBufferPointer) -> Int {
        var state = (seed ^ UInt64(UInt(bitPattern: face))) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var offset = 0
        while offset + 8 <= bytes.count {
            state = (state ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            state ^= state >> 29
            offset += 8
        }
        if offset < bytes.count {
            var tail: UInt64 = 0
            for index in offset..<bytes.count { tail |= UInt64(bytes[index]) << UInt64(8 * (index - offset)) }
            state = (state ^ tail) &* 0x94D0_49BB_1331_11EB
        }
        state = (state ^ (state >> 30)) &* 0xBF58_476D_1CE4_E5B9
        state = (state ^ (state >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: state ^ (state >> 31))
    }
}

/// A text broken into lines in a face at a size and width.
struct LinesKey: DigestKey, Sendable {
    let text: ShapeKey
    let size: Double
    let width: Double

    /// The text's digest mixed with the size and width.
    var digest: Int {
        text.digest ^ Int(truncatingIfNeeded: size.bitPattern &* 0x9E37_79B9_7F4A_7C15 ^ width.bitPattern)
    }
}
