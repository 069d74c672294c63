extension Settings {
    /// The rules the close applies: `BillingRules.legalDefaults` with the settings' reading window
    /// (`[billing] reading_window_from/to`).
    public var billingRules: BillingRules {
        var rules = BillingRules.legalDefaults
        rules.readingWindow = ReadingWindow(readingWindow)
        return rules
    }
}
