/// The dictionary of an embedded TrueType font program stream (ISO 32000-1 §9.9, Tables 124 and 125):
/// `/Length1`, the length of the uncompressed program.
public struct PDFFontFile2: PDFStructure {
    /// The uncompressed length of the font program in bytes.
    public var programLength: Int

    /// Creates the dictionary of a font program of `programLength` bytes.
    public init(programLength: Int) { self.programLength = programLength }

    public var dictionary: PDFDictionary { PDFDictionary(["Length1": .int(programLength)]) }
}
