/// What a document draws around a page break inside flowing content, for example a receipt's
/// number and sheet number on each of its pages (``LayoutDocument/pageBreakHook``).
///
/// Only breaks made by ``LayoutDocument/newPage()`` call it; `finish()` ends the last page without.
public struct PageBreakHook {
    /// Called on the page about to end, before the break (draw a "continued" note in the bottom margin).
    public var pageEnding: (LayoutDocument) -> Void
    /// Called on the new page with the cursor at the top margin (draw a heading and move the cursor below it).
    public var pageStarted: (LayoutDocument) -> Void

    /// Creates a hook from its two halves.
    public init(pageEnding: @escaping (LayoutDocument) -> Void, pageStarted: @escaping (LayoutDocument) -> Void) {
        self.pageEnding = pageEnding
        self.pageStarted = pageStarted
    }
}
