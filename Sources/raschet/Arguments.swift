public import ArgumentParser
public import RaschetApp

// The application layer's input types, parsed once by the argument parser: a malformed value is a
// usage error (exit 64) naming the option and the expected form.

extension BillingMonth: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

extension CalendarDay: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

extension MeterZone: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
    public static var allValueStrings: [String] { allNames }
}

extension ImportEntity: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
    public static var allValueStrings: [String] { allNames }
}

extension ImportEncoding: ExpressibleByArgument {}
extension ExportKind: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}
extension ExportEncoding: ExpressibleByArgument {}
extension ReceiptFiles: ExpressibleByArgument {}

extension SMTPURL: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
