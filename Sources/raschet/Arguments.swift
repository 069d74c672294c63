public import ArgumentParser
public import RaschetApp

// The application layer's input types, parsed once by the argument parser: a malformed value is a
// usage error (exit 64) naming the option and the expected form. A type of named values lists them
// in its help text, in the locale's language; it gives the parser no `allValueStrings`, which it
// would add to that text in English as "(values: …)", and offers them to shell completion instead.

/// A choice among named values (`NamedChoice`'s raw values), listed by the option's help text.
protocol NamedChoice: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension NamedChoice {
    public static var allValueStrings: [String] { [] }
    public static var defaultCompletionKind: CompletionKind { .list(allCases.map(\.rawValue)) }
}

extension BillingMonth: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

extension CalendarDay: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

extension MeterZone: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
    public static var allValueStrings: [String] { [] }
    public static var defaultCompletionKind: CompletionKind { .list(allNames) }
}

extension ImportEntity: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
    public static var allValueStrings: [String] { [] }
    public static var defaultCompletionKind: CompletionKind { .list(allNames) }
}

extension ImportEncoding: NamedChoice {}
extension ExportFormat: NamedChoice {}
extension ExportEncoding: NamedChoice {}
extension ReceiptFiles: NamedChoice {}

extension SMTPURL: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
