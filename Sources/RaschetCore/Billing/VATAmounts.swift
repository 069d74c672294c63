/// The net, VAT and gross amounts of one document line; `net + vat == gross` always.
public struct VATAmounts: Sendable, Hashable {
    public var net: Money
    public var vat: Money
    public var gross: Money

    public init(net: Money, vat: Money, gross: Money) {
        precondition(net + vat == gross, "net + vat must equal gross")
        self.net = net; self.vat = vat; self.gross = gross
    }

    public static let zero = VATAmounts(net: .zero, vat: .zero, gross: .zero)

    public static func + (a: VATAmounts, b: VATAmounts) -> VATAmounts {
        VATAmounts(net: a.net + b.net, vat: a.vat + b.vat, gross: a.gross + b.gross)
    }

    public static func - (a: VATAmounts, b: VATAmounts) -> VATAmounts {
        VATAmounts(net: a.net - b.net, vat: a.vat - b.vat, gross: a.gross - b.gross)
    }
}

