/// The settlement center that issues the documents and receives the payments (the payee).
public struct Organization: Sendable, Hashable {
    public var name: String
    public var fullName: String?
    public var inn: String
    public var kpp: String?
    public var bankName: String
    public var bic: String
    public var correspondentAccount: String
    /// The settlement account payments go to (20 digits).
    public var account: String
    public var address: String?
    public var phone: String?
    public var email: String?

    public init(name: String, fullName: String? = nil, inn: String, kpp: String? = nil, bankName: String, bic: String,
                correspondentAccount: String, account: String, address: String? = nil, phone: String? = nil,
                email: String? = nil) {
        self.name = name; self.fullName = fullName; self.inn = inn; self.kpp = kpp; self.bankName = bankName
        self.bic = bic; self.correspondentAccount = correspondentAccount; self.account = account
        self.address = address; self.phone = phone; self.email = email
    }
}
