/// The format of an export (SPEC section 5).
public enum ExportFormat: String, Sendable, Hashable, CaseIterable {
    case json, csv
}
