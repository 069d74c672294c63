/// A PDF dictionary (§7.3.7) whose keys are written in insertion order.
public struct PDFDictionary: Sendable, Equatable {
    /// Entries in insertion order; a key set twice keeps its first position and its last value.
    public private(set) var entries: [(key: String, value: PDFValue)]

    /// Creates a dictionary from ordered entries.
    public init(_ entries: KeyValuePairs<String, PDFValue> = [:]) {
        self.entries = entries.map { (key: $0.key, value: $0.value) }
    }

    /// Reads or replaces the value of `key`; assigning `nil` removes it.
    public subscript(key: String) -> PDFValue? {
        get { entries.first { $0.key == key }?.value }
        set {
            if let index = entries.firstIndex(where: { $0.key == key }) {
                if let newValue { entries[index].value = newValue } else { entries.remove(at: index) }
            } else if let newValue {
                entries.append((key: key, value: newValue))
            }
        }
    }

    /// Serializes as `<</Key value ...>>`.
    public func write(to out: inout PDFBytes) {
        out.raw("<<")
        for (key, value) in entries {
            out.name(key)
            out.byte(0x20)
            value.write(to: &out)
        }
        out.raw(">>")
    }

    public static func == (lhs: PDFDictionary, rhs: PDFDictionary) -> Bool {
        lhs.entries.count == rhs.entries.count
            && zip(lhs.entries, rhs.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}
