import PDFWriter
import RaschetLayout

/// A condition on an element: `when=field` (or `unless=field`) shows it only when the field is
/// truthy (or not).
struct TemplateCondition: Sendable {
    let path: FieldPath
    let negated: Bool

    func holds(_ scope: TemplateScope) -> Bool {
        (scope.value(path)?.isTruthy ?? false) != negated
    }
}

/// One compiled element of a template, drawn by ``TemplateCanvas``.
struct TemplateElement: Sendable {
    let condition: TemplateCondition?
    let kind: Kind

    enum Kind: Sendable {
        /// A paragraph: wraps within its width, breaks across pages between lines.
        case text(TextTemplate, style: TextStyle, alignment: TextAlignment, spaceAfter: Double)
        /// Vertical space.
        case space(Double)
        /// A horizontal line across the width.
        case rule(lineWidth: Double, spaceAfter: Double)
        /// A QR code of a field's text, with an optional caption below.
        case qr(QRElement)
        /// An image from the template folder.
        case image(index: Int, width: Double, height: Double, alignment: TextAlignment)
        /// A bar chart of a list.
        case chart(ChartElement)
        /// A table bound to lists.
        case table(TableElement)
        /// A box of elements at `x` (and `y`, when positioned) with a width.
        case block(BlockElement)
        /// Blocks side by side, each from the band's top; the band is as tall as the tallest.
        case band([BlockElement])
    }
}

struct QRElement: Sendable {
    let field: FieldPath
    let size: Double
    let caption: TextTemplate?
    let captionStyle: TextStyle
    let alignment: TextAlignment
}

struct ChartElement: Sendable {
    let list: FieldPath
    let value: FieldPath
    let label: TextTemplate
    let caption: TextTemplate?
    let height: Double
    /// The number of bar places (a shorter list leaves the left ones empty).
    let bars: Int
    let style: TextStyle
    let fill: PDFColor
}

struct BlockElement: Sendable {
    let x: Double
    let y: Double?
    let width: Double?
    let condition: TemplateCondition?
    let elements: [TemplateElement]
}

struct TableElement: Sendable {
    struct Column: Sendable {
        let heading: TextTemplate
        /// nil: the width left by the other columns.
        let width: Double?
        let alignment: TextAlignment
        let style: TextStyle?
        let value: TextTemplate?
    }

    struct Cell: Sendable {
        let text: TextTemplate
        let span: Int
        let alignment: TextAlignment?
        let style: TextStyle?
    }

    indirect enum Section: Sendable {
        /// One row per item of a list, cells from the columns' values.
        case rows(list: FieldPath, style: TextStyle?, fill: PDFColor?)
        /// Per item of a list, the nested sections in the item's scope; `continued`: the text of the
        /// row (spanning every column, in the opening row's style) drawn instead of the group's opening
        /// row when its rows continue on a new page.
        case group(list: FieldPath, sections: [Section], continued: TextTemplate?)
        /// One row of explicit cells.
        case row(cells: [Cell], style: TextStyle?, fill: PDFColor?, condition: TemplateCondition?)
    }

    /// Its position among the template's tables (with its includes): a table is filled once per
    /// record however often it is measured and drawn (``TemplateCanvas``).
    let index: Int
    let columns: [Column]
    let sections: [Section]
    let style: TextStyle
    let headerStyle: TextStyle
    let headerFill: PDFColor?
    let padding: (horizontal: Double, vertical: Double)
    let border: Double
    let spaceAfter: Double
}
