import RaschetLayout

/// The marks of a document that runs over more than one page: at the foot of each page that
/// continues, «<title> · лист N · продолжение на следующем листе»; at the head of each next page,
/// «<title> · лист N+1». In a print batch they tell the sheets of one receipt from the next one's.
struct SheetMarks {
    /// The document's title (the template's `title`, e.g. «ЕПД № 2026-000012 за октябрь 2026, лицевой счёт 4102470012»).
    let label: String
    let style: TextStyle
    /// The page the document starts on.
    let firstPage: Int

    /// The space below the head mark before the content continues, in points.
    static let gap = 1.5 * PageGeometry.pointsPerMillimetre

    func sheet(_ document: LayoutDocument) -> Int { document.pageNumber - firstPage + 1 }

    var hook: PageBreakHook {
        PageBreakHook(pageEnding: { document in
            let text = "\(label) · лист \(sheet(document)) · продолжение на следующем листе"
            let geometry = document.geometry
            let width = document.measure(text, style: style)
            document.drawText(text, style: style, x: geometry.left + geometry.contentWidth - width,
                              baseline: geometry.height - geometry.bottom / 2)
        }, pageStarted: { document in
            let text = "\(label) · лист \(sheet(document))"
            let lines = document.lines(text, style: style, width: document.geometry.contentWidth)
            document.cursor += document.drawLines(lines, style: style, x: document.geometry.left, top: document.cursor,
                                                  width: document.geometry.contentWidth, alignment: .right) + Self.gap
        })
    }
}
