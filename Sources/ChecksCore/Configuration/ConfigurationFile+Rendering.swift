extension ConfigurationFile {
    /// Renders tables as TOML text, for `--print-config` (the effective configuration after
    /// command line > file > default).
    ///
    /// Each `name` is a dotted header path (`doc-refs`, `tool.coverage.report`); each part and each
    /// key is written bare when it is only `A-Za-z0-9_-` and quoted otherwise. Tables are separated by
    /// a blank line; values are inline TOML (`ConfigValue.description`). The result parses back to the
    /// same values.
    public static func renderTOML(_ tables: [(name: String, values: [(key: String, value: ConfigValue)])]) -> String {
        tables.map { table in
            let header = table.name.split(separator: ".", omittingEmptySubsequences: false)
                .map { ConfigValue.key(String($0)) }.joined(separator: ".")
            let lines = table.values.map { "\(ConfigValue.key($0.key)) = \($0.value)" }
            return (["[\(header)]"] + lines).joined(separator: "\n") + "\n"
        }.joined(separator: "\n")
    }
}
