import RaschetCore

/// `[organization]`: the payee's requisites, printed on every receipt and in its QR code.
///
///     [organization]
///     name = "ООО «ЕРЦ Северный»"          # required
///     full_name = "..."                    # optional
///     inn = "3525417791"                   # required
///     kpp = "352501001"                    # optional
///     bank_name = "ПАО СБЕРБАНК"           # required
///     bic = "041909644"                    # required
///     corr_account = "30101810900000000644"  # required
///     account = "40702810912000034517"     # required
///     address = "...", phone = "...", email = "..."  # optional
///
/// Unknown keys are refused; INN, KPP, BIC and both accounts are checked with their control digits
/// (`Requisites`).
enum OrganizationSection: SettingsSection {
    static let name = "organization"

    static let keys = ["name", "full_name", "inn", "kpp", "bank_name", "bic", "corr_account", "account", "address", "phone", "email"]

    static func read(_ table: SettingsTable, into settings: inout Settings) throws(SettingsError) {
        try table.checkKeys(keys)
        let organization = Organization(
            name: try table.string("name", required: true) ?? "",
            fullName: try table.string("full_name", required: false),
            inn: try table.string("inn", required: true) ?? "",
            kpp: try table.string("kpp", required: false),
            bankName: try table.string("bank_name", required: true) ?? "",
            bic: try table.string("bic", required: true) ?? "",
            correspondentAccount: try table.string("corr_account", required: true) ?? "",
            account: try table.string("account", required: true) ?? "",
            address: try table.string("address", required: false),
            phone: try table.string("phone", required: false),
            email: try table.string("email", required: false))
        try check(organization, table)
        settings.organization = organization
    }

    /// The requisites' formats and control digits (`Requisites`), each error naming its key.
    private static func check(_ organization: Organization, _ table: SettingsTable) throws(SettingsError) {
        let bic = organization.bic
        let problems: [(String, Message?)] = [
            ("inn", Requisites.innProblem(organization.inn)),
            ("kpp", organization.kpp.flatMap(Requisites.kppProblem)),
            ("bic", Requisites.bicProblem(bic)),
            ("corr_account", Requisites.correspondentAccountProblem(organization.correspondentAccount, bic: bic)),
            ("account", Requisites.settlementAccountProblem(organization.account, bic: bic)),
        ]
        for case let (key, problem?) in problems { throw table.error(key, problem) }
    }
}
