public import PDFWriter
public import RaschetLayout
import QRCode

/// The one-page specimen behind `raschet render specimen`: every face of the family, a bordered table
/// with right-aligned money, a wrapped paragraph of the given text and a payment QR code of the given
/// payload. Used to check a font, a printer or a template change.
public struct SpecimenDocument: Sendable {
    /// A Russian pangram (every letter of the alphabet, ё and ъ included).
    public static let defaultText =
        "Съешь же ещё этих мягких французских булок, да выпей чаю. В чащах юга жил бы цитрус? Да, но фальшивый экземпляр! «Ёжик» № 7 — широкая электрификация южных губерний даст мощный толчок подъёму сельского хозяйства."

    /// A sample ГОСТ Р 56042-2014 payment string (UTF-8, header `ST00012`).
    public static let defaultPayload =
        "ST00012|Name=ООО «ЕРЦ Северный»|PersonalAcc=40702810412000034517|BankName=ПАО СБЕРБАНК|BIC=041909644|CorrespAcc=30101810900000000644|PayeeINN=3525417795|Sum=912488|Purpose=Оплата ЖКУ за октябрь 2026, л/с 4102738516|PersAcc=4102738516|PaymPeriod=102026"

    /// The paragraph text.
    public var text: String
    /// The QR code payload.
    public var payload: String
    /// The creation date written into the file.
    public var creationDate: PDFDate

    /// Creates a specimen.
    public init(text: String = SpecimenDocument.defaultText, payload: String = SpecimenDocument.defaultPayload,
                creationDate: PDFDate) {
        self.text = text
        self.payload = payload
        self.creationDate = creationDate
    }

    /// Renders the specimen as PDF/A-3b with `family`.
    public func render(family: FontFamily, options: PDFWriteOptions = PDFWriteOptions()) throws -> [UInt8] {
        let mm = PageGeometry.pointsPerMillimetre
        let geometry = PageGeometry.a4(marginMillimetres: 15)
        let body = TextStyle(font: family.regular, size: 10, lineHeight: 1.3)
        let small = TextStyle(font: family.regular, size: 7, color: PDFColor(gray: 0.25))
        let doc = LayoutDocument(
            metadata: PDFMetadata(title: "Образец шрифтов и вёрстки", author: "Raschet",
                                  subject: "Specimen", creationDate: creationDate),
            options: options, geometry: geometry,
            footer: PageFooter(style: small, alignment: .center))

        // QR code, top right, 40 mm with its quiet zone, caption below.
        let qrSize = 40 * mm
        let qrX = geometry.width - geometry.right - qrSize
        let matrix = try QRCode.encode(payload)
        doc.qrCode(matrix, x: qrX, y: geometry.top, size: qrSize)
        let caption = doc.lines("Оплата по QR-коду (ГОСТ Р 56042-2014)", style: small, width: qrSize)
        doc.drawLines(caption, style: small, x: qrX, top: geometry.top + qrSize, width: qrSize, alignment: .center)

        let leftWidth = qrX - geometry.left - 6 * mm
        doc.paragraph("Образец шрифтов и вёрстки", style: body.withFont(family.bold).withSize(16),
                      width: leftWidth, spaceAfter: 4)
        doc.paragraph(
            "Шрифт PT Sans (ParaType, ParaType Free Font License), встроен подмножеством как CIDFontType2 "
                + "с кодировкой Identity-H и картой ToUnicode; текст сформирован HarfBuzz с кернингом.",
            style: body.withSize(9), alignment: .justified, width: leftWidth, spaceAfter: 6)

        let faces: [(String, TextStyle)] = [
            ("PT Sans Regular", body.withFont(family.regular)),
            ("PT Sans Bold", body.withFont(family.bold)),
            ("PT Sans Italic", body.withFont(family.italic)),
            ("PT Sans Bold Italic", body.withFont(family.boldItalic)),
        ]
        for (name, style) in faces {
            doc.paragraph(name + " — заголовок 13 pt", style: style.withSize(13), width: leftWidth, spaceAfter: 1)
            doc.paragraph(
                "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ абвгдеёжзийклмнопрстуфхцчшщъыьэюя 0123456789 «»„“ № — AVAWТуЕё fi",
                style: style, width: leftWidth, spaceAfter: 4)
        }
        doc.cursor = max(doc.cursor, geometry.top + qrSize + 14) + 4

        doc.paragraph("Таблица с денежными суммами", style: body.withFont(family.bold).withSize(12), spaceAfter: 3)
        let cellStyle = TextStyle(font: family.regular, size: 8)
        let boldCell = cellStyle.withFont(family.bold)
        let grey = PDFColor(gray: 0.9)
        let table = Table(
            columns: [
                Table.Column(width: 62 * mm), Table.Column(width: 16 * mm, alignment: .center),
                Table.Column(width: 24 * mm, alignment: .right), Table.Column(width: 22 * mm, alignment: .right),
                Table.Column(width: 28 * mm, alignment: .right), Table.Column(width: 28 * mm, alignment: .right),
            ],
            header: [Table.Row(texts: ["Вид услуги", "Ед. изм.", "Тариф, руб.", "Объём", "Перерасчёт, руб.", "Итого, руб."],
                               fill: grey, style: boldCell)],
            rows: [
                Table.Row(texts: ["Холодное водоснабжение", "м³", "52,34", "6,200", "0,00", "324,51"]),
                Table.Row(texts: ["Водоотведение", "м³", "38,15", "10,400", "-41,96", "354,80"]),
                Table.Row(texts: ["Содержание жилого помещения", "м²", "34,80", "54,30", "0,00", "3 779,28"]),
                Table.Row(texts: ["Электроэнергия на СОИ", "кВт·ч", "6,43", "8,120", "3,86", "56,07"]),
                Table.Row(texts: ["Отопление", "Гкал", "2 950,27", "0,9120", "-118,01", "5 263,29"]),
                Table.Row([Table.Cell("ИТОГО К ОПЛАТЕ", columnSpan: 4), Table.Cell("-156,11"), Table.Cell("9 777,95")],
                          fill: grey, style: boldCell),
            ],
            style: cellStyle)
        doc.table(table, spaceAfter: 10)

        doc.paragraph("Текст", style: body.withFont(family.bold).withSize(12), spaceAfter: 3)
        doc.paragraph(text, style: body, alignment: .left, spaceAfter: 6)

        doc.attach(PDFAttachment(
            name: "specimen.xml",
            data: Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<specimen><payload>\(xmlEscaped(payload))</payload></specimen>\n".utf8),
            mimeType: "text/xml", description: "Данные образца", relationship: "Data"))
        return try doc.finish()
    }

    private func xmlEscaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.append(character)
            }
        }
        return result
    }
}
