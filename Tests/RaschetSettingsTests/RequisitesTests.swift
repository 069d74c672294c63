import RaschetCore
@testable import RaschetSettings
import Testing

/// The organization's INN, KPP, BIC and accounts checked with their control digits. The valid values
/// are the Fixtures' (Vologda branch of Sberbank) and the Bank of Russia's worked example (order of
/// 08.09.1997 No. 515: BIC 049805746, account 40602810700000000025).
@Suite struct RequisitesTests {
    static func organization(inn: String = "3525417791", kpp: String = "352501001", bic: String = "041909644",
                             corr: String = "30101810900000000644", account: String = "40702810912000034517",
                             extra: String = "") -> String {
        """
        [organization]
        name = "ООО «ЕРЦ»"
        inn = "\(inn)"
        kpp = "\(kpp)"
        bank_name = "ПАО СБЕРБАНК"
        bic = "\(bic)"
        corr_account = "\(corr)"
        account = "\(account)"
        \(extra)
        """
    }

    /// 3525417791: 3·2 + 5·4 + 2·10 + 5·3 + 4·5 + 1·9 + 7·4 + 7·6 + 9·8 = 232; 232 mod 11 = 1, so the
    /// 10th digit is 1. 500100732259: 5·7 + 0·2 + 0·4 + 1·10 + 0·3 + 0·5 + 7·9 + 3·4 + 2·6 + 2·8 = 148,
    /// 148 mod 11 = 5 (11th digit); then with weights 3,7,2,4,10,3,5,9,4,6,8 the sum 141, mod 11 = 9 (12th).
    @Test func validRequisitesPass() throws {
        #expect(Requisites.innProblem("3525417791") == nil)
        #expect(Requisites.innProblem("500100732259") == nil)
        #expect(Requisites.kppProblem("352501001") == nil)
        #expect(Requisites.kppProblem("7701AB001") == nil)
        #expect(Requisites.bicProblem("041909644") == nil)
        #expect(Requisites.correspondentAccountProblem("30101810900000000644", bic: "041909644") == nil)
        #expect(Requisites.settlementAccountProblem("40702810912000034517", bic: "041909644") == nil)
        #expect(Requisites.settlementAccountProblem("40602810700000000025", bic: "049805746") == nil)
        let settings = try SettingsFile.parse(Self.organization(), file: "raschet.toml")
        #expect(settings.organization?.inn == "3525417791")
    }

    @Test(arguments: [
        ("3525417792", "raschet.toml: organization.inn: 3525417792 fails the INN check: its digit 10 should be 1; "
            + "copy the INN again from the registration documents"),
        ("500100732219", "raschet.toml: organization.inn: 500100732219 fails the INN check: its digit 11 should be 5; "
            + "copy the INN again from the registration documents"),
        ("500100732258", "raschet.toml: organization.inn: 500100732258 fails the INN check: its digit 12 should be 9; "
            + "copy the INN again from the registration documents"),
        ("35254177", "raschet.toml: organization.inn: 35254177 is not an INN: 10 digits (an organization) or 12 digits "
            + "(an individual entrepreneur)"),
    ])
    func aWrongINNIsNamedWithTheDigitItShouldHave(inn: String, message: String) {
        #expect(throws: SettingsError.self) { try SettingsFile.parse(Self.organization(inn: inn), file: "raschet.toml") }
        do {
            _ = try SettingsFile.parse(Self.organization(inn: inn), file: "raschet.toml")
        } catch {
            #expect(error.description == message)
            #expect(error.exitStatus == .badData)
        }
    }

    /// The keys worked by hand: `0` + the BIC's 5th and 6th digits (009) + 30101810_0_00000000644 with
    /// weights 7,1,3 repeated sums to 133; last digit 3 × 3 = 9, so the key (9th digit) is 9, not 8.
    /// The BIC's last digits 644 + 40702810_0_12000034517 sum to 203; 3 × 3 = 9, so the key is 9, not 0.
    @Test(arguments: [
        (Self.organization(kpp: "35250100"), "organization.kpp: 35250100 is not a KPP: 9 characters, 4 digits, 2 digits or Latin capitals, then 3 digits"),
        (Self.organization(kpp: "3525ab001"), "organization.kpp: 3525ab001 is not a KPP: 9 characters, 4 digits, 2 digits or Latin capitals, then 3 digits"),
        (Self.organization(bic: "141909644"), "organization.bic: 141909644 is not a BIC: 9 digits starting with 04"),
        (Self.organization(corr: "30101810800000000644"), "organization.corr_account: 30101810800000000644 fails the control key check "
            + "with BIC 041909644: its 9th digit should be 9; copy the correspondent account and the BIC again from the bank's details"),
        (Self.organization(account: "40702810012000034517"), "organization.account: 40702810012000034517 fails the control key check "
            + "with BIC 041909644: its 9th digit should be 9; copy the settlement account and the BIC again from the bank's details"),
        (Self.organization(account: "4070281091200003451"), "organization.account: 4070281091200003451 is not a settlement account number: 20 digits"),
        (Self.organization(extra: "ogrn = \"1023500000000\""), "organization.ogrn: unknown key; expected one of: name, full_name, inn, kpp, "
            + "bank_name, bic, corr_account, account, address, phone, email (a typo must not silently keep a default)"),
    ])
    func aWrongRequisiteIsNamedByItsKey(text: String, message: String) {
        do {
            _ = try SettingsFile.parse(text, file: "raschet.toml")
            Issue.record("accepted: \(message)")
        } catch {
            #expect(error.description == "raschet.toml: " + message)
        }
    }
}
