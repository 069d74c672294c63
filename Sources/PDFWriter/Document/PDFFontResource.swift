/// A font that writes its own objects when the document is finished (PDFText's embedded fonts).
///
/// The document gives the font the object number its resource name refers to; the font writes the
/// font dictionary there and allocates whatever else it needs (descriptor, font file, CMap).
public protocol PDFFontResource: AnyObject {
    /// Writes the font dictionary as `id` plus its dependent objects.
    func write(into file: inout PDFFile, fontID: PDFObjectID) throws
}
