/// The release of Raschet, printed by `raschet --version`; the one place it is written.
public enum RaschetVersion {
    public static let string = "0.2.0"
}
