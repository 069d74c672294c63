import PDFWriter
import QRCode
public import RaschetLayout

/// Draws one receipt page like the anchors' generators: A4, 10 mm margins, header block left, 40 mm QR
/// top right, an 8-column bordered table at 7 pt, amount due, footer.
public enum ReceiptPage {
    static let mm = PageGeometry.pointsPerMillimetre

    /// The page geometry of the anchors (A4, 10 mm margins).
    public static let geometry = PageGeometry.a4(marginMillimetres: 10)

    /// Draws `view` on the current page of `doc` (starting a new page first unless `first`).
    /// `qr` may be prepared ahead of time (on other cores for a batch); otherwise it is encoded here.
    public static func draw(_ view: ReceiptView, family: FontFamily, into doc: LayoutDocument, first: Bool,
                            qr: QRCodePath? = nil) throws {
        if !first { doc.newPage() }
        let g = geometry
        let regular = family.regular, bold = family.bold
        let qrSize = 40 * mm
        let qrX = g.left + 190 * mm - qrSize
        doc.qrCode(try qr ?? QRCodePath(QRCode.encode(view.qr)), x: qrX, y: g.top, size: qrSize)
        let captionStyle = TextStyle(font: regular, size: 6.5, lineHeight: 8 / 6.5)
        let caption = doc.lines(view.qrCaption, style: captionStyle, width: qrSize)
        let qrBottom = g.top + qrSize + doc.drawLines(caption, style: captionStyle, x: qrX, top: g.top + qrSize,
                                                      width: qrSize, alignment: .center)

        let width = 146 * mm
        doc.cursor = g.top
        doc.paragraph(view.title, style: TextStyle(font: bold, size: 11, lineHeight: 13 / 11), width: width)
        doc.paragraph(view.periodLine, style: TextStyle(font: regular, size: 9, lineHeight: 11 / 9), width: width, spaceAfter: 1 * mm)
        let small = TextStyle(font: regular, size: 7.5, lineHeight: 9 / 7.5)
        for line in view.centerLines { doc.paragraph(line, style: small, width: width) }
        doc.cursor += 1 * mm
        for line in view.payeeLines { doc.paragraph(line, style: small, width: width) }
        doc.cursor += 1.5 * mm
        let payer = TextStyle(font: regular, size: 8, lineHeight: 10 / 8)
        let payerBold = payer.withFont(bold)
        for (label, value) in view.payerLines {
            let baseline = doc.cursor + payer.ascent
            doc.drawText(label, style: payerBold, x: g.left, baseline: baseline)
            let offset = doc.measure(label + " ", style: payerBold)
            doc.drawText(value, style: payer, x: g.left + offset, baseline: baseline)
            doc.cursor += payer.leading
        }
        doc.cursor = max(doc.cursor, qrBottom) + 3 * mm

        let cell = TextStyle(font: regular, size: 7, lineHeight: 8.4 / 7)
        let cellBold = cell.withFont(bold)
        let grey = PDFColor(gray: 230.0 / 255)
        let widths: [Double] = [56, 12, 17, 16, 22, 22, 22, 23]
        let alignments: [TextAlignment] = [.left, .center, .right, .right, .right, .right, .right, .right]
        var rows: [Table.Row] = []
        for group in view.groups {
            rows.append(Table.Row([Table.Cell(group.title, alignment: .left, columnSpan: 8)], fill: grey, style: cellBold))
            for row in group.rows { rows.append(Table.Row(texts: row)) }
            rows.append(Table.Row([Table.Cell("Итого по разделу", alignment: .left, columnSpan: 4)]
                                  + group.subtotal.map { Table.Cell($0) }, style: cellBold))
        }
        rows.append(Table.Row([Table.Cell("ВСЕГО", alignment: .left, columnSpan: 4)] + view.totals.map { Table.Cell($0) },
                              fill: grey, style: cellBold))
        doc.table(Table(
            columns: zip(widths, alignments).map { Table.Column(width: $0 * mm, alignment: $1) },
            header: [Table.Row(view.headerColumns.map { Table.Cell($0, alignment: .left) }, fill: grey, style: cellBold)],
            rows: rows, style: cell, padding: (1 * mm, 0.8 * mm), borderWidth: 0.5))

        doc.cursor += 2 * mm
        doc.paragraph(view.paidLine, style: payer, width: 190 * mm, spaceAfter: 1 * mm)
        doc.paragraph(view.dueLine, style: TextStyle(font: bold, size: 11, lineHeight: 14 / 11), width: 190 * mm)
        doc.paragraph(view.dueDateLine, style: payer, width: 190 * mm, spaceAfter: 2 * mm)
        doc.paragraph(view.footer, style: TextStyle(font: regular, size: 6.5, lineHeight: 8 / 6.5), width: 190 * mm)
    }
}
