/// A documented temporary absence of residents. Key: account + dateFrom.
public struct Absence: Sendable, Hashable {
    public var accountID: String
    public var dateFrom: CivilDate
    public var dateTo: CivilDate
    public var persons: Int
    /// The supporting document (справка), if named.
    public var document: String?

    public init(accountID: String, dateFrom: CivilDate, dateTo: CivilDate, persons: Int, document: String? = nil) {
        self.accountID = accountID; self.dateFrom = dateFrom; self.dateTo = dateTo; self.persons = persons
        self.document = document
    }
}
