/// A supplier (исполнитель / ресурсоснабжающая организация) the center bills for. Key: `id`.
public struct Supplier: Sendable, Hashable {
    public var id: String
    public var name: String
    public var inn: String
    public var kpp: String?
    public var bankName: String?
    public var bic: String?
    public var correspondentAccount: String?
    public var account: String?
    public var address: String?
    public var phone: String?

    public init(id: String, name: String, inn: String, kpp: String? = nil, bankName: String? = nil, bic: String? = nil,
                correspondentAccount: String? = nil, account: String? = nil, address: String? = nil, phone: String? = nil) {
        self.id = id; self.name = name; self.inn = inn; self.kpp = kpp; self.bankName = bankName; self.bic = bic
        self.correspondentAccount = correspondentAccount; self.account = account; self.address = address; self.phone = phone
    }
}
