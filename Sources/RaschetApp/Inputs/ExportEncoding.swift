/// The character encoding of a CSV export: UTF-8 (the default), or windows-1251 for spreadsheets
/// that open CSV files in the Russian ANSI code page.
public enum ExportEncoding: String, Sendable, Hashable, CaseIterable {
    case utf8, cp1251
}
