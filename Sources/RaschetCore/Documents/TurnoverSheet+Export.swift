extension TurnoverSheet {
    /// The field names of `raschet export turnover`, in order.
    public static let exportColumns = ["account", "service", "opening", "charged", "recalc", "penalty", "paid", "closing"]

    /// The header of `raschet export turnover`: the periods asked for and the last day the figures
    /// cover (the last day of `to`, or of the latest closed period when the range reaches past it).
    public static func exportHeader(from: Period, to: Period, coveredTo: Period) -> [ExportTable.Field] {
        [ExportTable.Field("from", from.code), ExportTable.Field("to", to.code),
         ExportTable.Field("data_as_of", coveredTo.lastDay.isoString)]
    }
}

extension TurnoverSheet.AccountBlock {
    /// The block's records in `raschet export turnover`: the account row (`service` empty, every
    /// figure), then one row per service with `opening`, `paid` and `closing` empty.
    public var exportRecords: [[ExportTable.Field]] {
        typealias Field = ExportTable.Field
        let f = figures
        var records: [[Field]] = [[
            Field("account", accountID), Field("service", ""), Field("opening", f.opening.machineString),
            Field("charged", f.charged.machineString), Field("recalc", f.recalc.machineString),
            Field("penalty", f.penalty.machineString), Field("paid", f.paid.machineString),
            Field("closing", f.closing.machineString),
        ]]
        for row in services {
            records.append([
                Field("account", accountID), Field("service", row.serviceID), Field("opening", ""),
                Field("charged", row.charged.machineString), Field("recalc", row.recalc.machineString),
                Field("penalty", row.penalty.machineString), Field("paid", ""), Field("closing", ""),
            ])
        }
        return records
    }
}
