extension ChargeLine {
    /// The line as `raschet export charges` writes it (SPEC section 5), in the contract's key order:
    /// money with exactly two decimals, quantities, prices and the VAT rate with trailing zeros
    /// trimmed, an absent installation as "".
    public var exportFields: [(key: String, value: String)] {
        [
            ("account", accountID), ("service", serviceID), ("supplier", supplierID), ("kind", kind.rawValue),
            ("ref_period", refPeriod.code), ("zone", zone.rawValue), ("quantity", quantity.machineString),
            ("unit", unit), ("price", price.machineString), ("net", net.machineString),
            ("vat_rate", vatRate.machineString), ("vat", vat.machineString), ("gross", gross.machineString),
            ("installation", installation ?? ""),
        ]
    }
}

extension AccountBalance {
    /// The balance as `raschet export balances` writes it (SPEC section 5), after `account`.
    public var exportFields: [(key: String, value: String)] {
        [
            ("opening", opening.machineString), ("charged", charged.machineString), ("recalc", recalc.machineString),
            ("penalty", penalty.machineString), ("paid", paid.machineString), ("closing", closing.machineString),
        ]
    }
}
