/// The XMP packet of a document (§14.3.2), with the PDF/A identification schema (ISO 19005-3 §6.6.4).
///
/// Every value here mirrors the information dictionary, as PDF/A requires.
struct XMPMetadata {
    let metadata: PDFMetadata
    let pdfA: Bool

    var bytes: [UInt8] {
        let m = metadata
        var x = "<?xpacket begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
        x += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
        x += "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        x += "<rdf:Description rdf:about=\"\""
        x += " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
        x += " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\""
        x += " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\""
        if pdfA { x += " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"" }
        x += ">\n"
        if pdfA { x += "<pdfaid:part>3</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n" }
        x += "<dc:format>application/pdf</dc:format>\n"
        if !m.title.isEmpty {
            x += "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">\(escape(m.title))</rdf:li></rdf:Alt></dc:title>\n"
        }
        if !m.author.isEmpty {
            x += "<dc:creator><rdf:Seq><rdf:li>\(escape(m.author))</rdf:li></rdf:Seq></dc:creator>\n"
        }
        if !m.subject.isEmpty {
            x += "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">\(escape(m.subject))</rdf:li></rdf:Alt></dc:description>\n"
        }
        if !m.keywords.isEmpty { x += "<pdf:Keywords>\(escape(m.keywords))</pdf:Keywords>\n" }
        if !m.producer.isEmpty { x += "<pdf:Producer>\(escape(m.producer))</pdf:Producer>\n" }
        if !m.creator.isEmpty { x += "<xmp:CreatorTool>\(escape(m.creator))</xmp:CreatorTool>\n" }
        let date = m.creationDate.xmpString
        x += "<xmp:CreateDate>\(date)</xmp:CreateDate>\n<xmp:ModifyDate>\(date)</xmp:ModifyDate>\n"
        x += "<xmp:MetadataDate>\(date)</xmp:MetadataDate>\n"
        x += "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>"
        return Array(x.utf8)
    }

    private func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
