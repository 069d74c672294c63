import PDFText

/// The pages of a finished ``LayoutDocument``, kept so that another document can take them as they are
/// (``LayoutDocument/append(_:)``): a receipt rendered as its own file goes into the print batch without
/// being laid out and compressed again.
///
/// Only a document whose content streams do not depend on the document has them
/// (``LayoutDocument/finishPreparingPages()``): fonts named by the fixed list the document was made with,
/// every glyph coded by its face's fixed CIDs, no images, no footer.
public struct PreparedPages: Sendable {
    /// One page: its size and its content stream as written (Flate-compressed when ``compression`` is set).
    public struct Page: Sendable {
        let width: Double
        let height: Double
        let content: [UInt8]
    }

    /// A font the pages use: its face, resource name, glyphs, and the page it was first drawn on.
    struct Font: Sendable {
        let face: FontFace
        let name: String
        let usage: EmbeddedFont.Usage
        let firstPage: Int
    }

    let pages: [Page]
    let fonts: [Font]
    /// The zlib level the contents were compressed at; nil: not compressed.
    let compression: Int32?

    /// The number of pages.
    public var count: Int { pages.count }
}
