/// What `export` writes: a closed period's charge lines, balances or posted payments.
public enum ExportKind: String, Sendable, Hashable, CaseIterable {
    case charges, balances, payments
}
