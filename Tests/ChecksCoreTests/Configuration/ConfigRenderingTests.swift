import ChecksCore
import Testing

@Suite struct ConfigRenderingTests {
    @Test func rendersTablesAsTOML() {
        let text = ConfigurationFile.renderTOML([
            (
                name: "doc-refs",
                values: [
                    (key: "exclude", value: .strings(["drafts/**", "say \"hi\"\\"])),
                    (key: "orphans", value: .bool(true)),
                ]
            ),
            (
                name: "coverage",
                values: [
                    (key: "fail-under", value: .double(80)),
                    (key: "precision", value: .int(2)),
                    (key: "critical", value: .numbers([(key: "src/core/**", value: 90)])),
                    (key: "empty", value: .table([])),
                ]
            ),
            (name: "tool.coverage.report", values: []),
        ])
        #expect(
            text == """
                [doc-refs]
                exclude = ["drafts/**", "say \\"hi\\"\\\\"]
                orphans = true

                [coverage]
                fail-under = 80.0
                precision = 2
                critical = { "src/core/**" = 90.0 }
                empty = {}

                [tool.coverage.report]

                """)
    }

    @Test(arguments: [
        ConfigValue.bool(false), .int(-3), .double(0.1), .double(1e300), .double(-2.5), .string(""),
        .string("tab\there\nnew line \u{01} é 日本"), .strings([]), .strings(["a", "b"]),
        .array([.int(1), .double(2.5)]),
        .numbers([(key: "a b", value: 1), (key: "z", value: 2)]),
        .table([(key: "k", value: .string("v")), (key: "nested", value: .table([(key: "x", value: .int(1))]))]),
    ])
    func roundTripsThroughTheParser(_ value: ConfigValue) throws {
        let text = ConfigurationFile.renderTOML([(name: "tool.demo", values: [(key: "value", value: value)])])
        // pyproject.toml tables are read without a schema, so any value can come back.
        let parsed = try ConfigurationFile(text: text, file: "pyproject.toml")
        let table = try #require(try parsed.pyprojectTable(["tool", "demo"]))
        #expect(table.value("value") == value, "\(text)")
    }

    @Test func quotesKeysAndHeadersThatAreNotBare() {
        let text = ConfigurationFile.renderTOML([(name: "my table.sub", values: [(key: "a.b", value: .int(1))])])
        #expect(text == "[\"my table\".sub]\n\"a.b\" = 1\n")
    }
}
