public import PDFText

/// The faces of one typeface: regular and bold are required; italics fall back to the upright faces.
public struct FontFamily: Sendable {
    public let regular: FontFace
    public let bold: FontFace
    public let italic: FontFace
    public let boldItalic: FontFace

    /// Creates a family from loaded faces.
    public init(regular: FontFace, bold: FontFace, italic: FontFace? = nil, boldItalic: FontFace? = nil) {
        self.regular = regular
        self.bold = bold
        self.italic = italic ?? regular
        self.boldItalic = boldItalic ?? bold
    }

    /// The distinct faces: regular, bold, italic, bold italic (a face standing in for another once).
    public var faces: [FontFace] {
        var faces: [FontFace] = []
        for face in [regular, bold, italic, boldItalic] where !faces.contains(where: { $0 === face }) { faces.append(face) }
        return faces
    }

    /// PT Sans (ParaType, ParaType Free Font License) from `directory`, with Debian's file names
    /// (`PTS55F.ttf` regular, `PTS75F.ttf` bold, `PTS56F.ttf` italic, `PTS76F.ttf` bold italic).
    public static func ptSans(directory: String) throws(FontError) -> FontFamily {
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        return FontFamily(
            regular: try FontFace(path: base + "PTS55F.ttf"),
            bold: try FontFace(path: base + "PTS75F.ttf"),
            italic: try FontFace(path: base + "PTS56F.ttf"),
            boldItalic: try FontFace(path: base + "PTS76F.ttf"))
    }
}
