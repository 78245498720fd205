/// The toolkit's version; every executable's `--version` and every report prints this one value.
public enum ToolkitVersion {
    public static let current = "0.1.0"
}
