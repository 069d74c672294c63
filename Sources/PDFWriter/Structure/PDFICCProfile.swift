/// The dictionary of an ICC profile stream (ISO 32000-1 §8.6.5.5, Table 66): `/N`, the number of colour
/// components. The payload is the profile itself.
public struct PDFICCProfile: PDFStructure {
    /// Colour components: 1, 3 or 4.
    public var components: Int

    /// Creates the dictionary of a profile with `components` colour components.
    public init(components: Int) { self.components = components }

    public var dictionary: PDFDictionary { PDFDictionary(["N": .int(components)]) }
}
