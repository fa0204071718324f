/// The version of the CustomerStore library.
public enum CustomerStoreVersion {
    /// The library's semantic version, also printed by `cstore --version`.
    public static let current = "0.1.0"
}
