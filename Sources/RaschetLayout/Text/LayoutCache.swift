public import PDFText

/// Line breaks shared by the documents of a run (a receipt template's thousands of files): breaking
/// text into lines is a pure function of the text, face, size and width, and most texts repeat from
/// one receipt to the next. A ``LayoutDocument`` made with one looks there after its own cache.
public final class LayoutCache: Sendable {
    let lines = SharedCache<LinesKey, [TextLine]>(capacity: 8192)

    /// An empty cache.
    public init() {}
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
