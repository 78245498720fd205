import ChecksCore
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite struct ConfigurationFileTests {
    static let docRefs: [String: ConfigValueKind] = ["exclude": .stringArray, "ignore": .stringArray, "orphans": .bool]
    static let coverage: [String: ConfigValueKind] = [
        "fail-under": .number, "precision": .int, "format": .string, "critical": .numberTable,
        "rename": .stringTable,
    ]
    static let dedicated = ConfigurationFile.fileName

    /// Loads `contents` as `file` in a fresh folder and reads both test tables.
    private static func loadAndRead(_ file: String, _ contents: String) throws -> ConfigurationFile {
        let tree = try ScratchTree()
        defer { tree.remove() }
        try tree.write(file, contents)
        let configuration = try ConfigurationFile.load(root: tree.path)
        _ = try configuration.table("doc-refs", schema: docRefs)
        _ = try configuration.table("coverage", schema: coverage)
        return configuration
    }

    @Test func validDedicatedFile() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        try tree.write(
            Self.dedicated,
            """
            # comment
            [doc-refs]
            exclude = ["drafts/**", "CHANGELOG.md"]
            orphans = true

            [coverage]
            fail-under = 80
            precision = 2
            format = "cobertura"
            critical = {"src/core/**" = 90, "src/api/**" = 85.5}
            rename = {"old.md" = "new.md"}

            [doc-links]
            """)
        let configuration = try ConfigurationFile.load(root: tree.path)
        #expect(configuration.path == ".autogit-checks.toml")

        let refs = try configuration.table("doc-refs", schema: Self.docRefs)
        #expect(refs.name == "doc-refs")
        #expect(refs.file == ".autogit-checks.toml")
        #expect(refs.strings("exclude") == ["drafts/**", "CHANGELOG.md"])  // array order is kept
        #expect(refs.bool("orphans") == true)
        #expect(refs.strings("ignore") == nil)
        #expect(refs.bool("exclude") == nil)

        let cov = try configuration.table("coverage", schema: Self.coverage)
        #expect(cov.number("fail-under") == 80)
        #expect(cov.int("fail-under") == 80)
        #expect(cov.int("precision") == 2)
        #expect(cov.number("precision") == 2)
        #expect(cov.string("format") == "cobertura")
        // TOMLKit keeps tables sorted by key, not in file order.
        let critical = try #require(cov.numberTable("critical"))
        #expect(critical.map(\.key) == ["src/api/**", "src/core/**"])
        #expect(critical.map(\.value) == [85.5, 90])
        let rename = try #require(cov.stringTable("rename"))
        #expect(rename.map(\.key) == ["old.md"] && rename.map(\.value) == ["new.md"])
        #expect(cov.stringTable("critical") == nil)

        #expect(try configuration.table("doc-links", schema: [:]).isEmpty)
        // A table the file does not have is empty, not an error.
        let index = try configuration.table("doc-index", schema: ["strict": .bool])
        #expect(index.isEmpty && index.bool("strict") == nil)
    }

    @Test func pyprojectVariant() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        try tree.write(
            "pyproject.toml",
            """
            [project]
            name = "demo"

            [tool.black]
            line-length = 100

            [tool.autogit-checks.doc-refs]
            exclude = ["build/**"]

            [tool.coverage.report]
            fail_under = 85.5
            precision = 1
            """)
        let configuration = try ConfigurationFile.load(root: tree.path)
        #expect(configuration.path == "pyproject.toml")
        let refs = try configuration.table("doc-refs", schema: Self.docRefs)
        #expect(refs.name == "tool.autogit-checks.doc-refs")
        #expect(refs.strings("exclude") == ["build/**"])

        let report = try #require(try configuration.pyprojectTable(["tool", "coverage", "report"]))
        #expect(report.name == "tool.coverage.report")
        #expect(report.file == "pyproject.toml")
        #expect(report.number("fail_under") == 85.5)
        #expect(report.int("precision") == 1)
        #expect(try configuration.pyprojectTable(["tool", "coverage", "run"]) == nil)
        #expect(try configuration.pyprojectTable(["tool", "nothing"]) == nil)
        #expect(throws: ConfigurationError.notATable(file: "pyproject.toml", table: "project.name")) {
            try configuration.pyprojectTable(["project", "name", "x"])
        }
    }

    @Test func dedicatedFileWinsAndPyprojectIsStillReadable() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        try tree.write(Self.dedicated, "[doc-refs]\norphans = false\n")
        try tree.write("pyproject.toml", "[tool.autogit-checks.doc-refs]\norphans = true\n[tool.coverage.report]\nfail_under = 70\n")
        let configuration = try ConfigurationFile.load(root: tree.path)
        #expect(configuration.path == ".autogit-checks.toml")
        #expect(try configuration.table("doc-refs", schema: Self.docRefs).bool("orphans") == false)
        #expect(try configuration.pyprojectTable(["tool", "coverage", "report"])?.number("fail_under") == 70)
    }

    @Test func pyprojectWithoutOurTable() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        // Other tools' settings, even ones we would reject in our own table, are not our business.
        try tree.write("pyproject.toml", "[tool.ruff]\nline-length = 100\n[tool.coverage.report]\nfail_under = 90\n")
        let configuration = try ConfigurationFile.load(root: tree.path)
        #expect(configuration.path == nil)
        #expect(try configuration.table("doc-refs", schema: Self.docRefs).isEmpty)
        #expect(try configuration.pyprojectTable(["tool", "coverage", "report"])?.number("fail_under") == 90)
    }

    @Test func bothAbsent() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        let configuration = try ConfigurationFile.load(root: tree.path)
        #expect(configuration.path == nil)
        let refs = try configuration.table("doc-refs", schema: Self.docRefs)
        #expect(refs.isEmpty && refs.file == nil)
        #expect(try configuration.pyprojectTable(["tool", "coverage", "report"]) == nil)
    }

    @Test func byteOrderMarkAtFileStart() throws {
        let configuration = try Self.loadAndRead(Self.dedicated, "\u{FEFF}[doc-refs]\norphans = true\n")
        #expect(try configuration.table("doc-refs", schema: Self.docRefs).bool("orphans") == true)
    }

    @Test func byteOrderMarkDoesNotShiftErrorPositions() throws {
        #expect(throws: ConfigurationError.self) {
            try Self.loadAndRead(Self.dedicated, "\u{FEFF}[doc-refs\n")
        }
        do {
            _ = try Self.loadAndRead(Self.dedicated, "\u{FEFF}[doc-refs\n")
        } catch let ConfigurationError.syntax(_, line, column, _) {
            #expect(line == 1)
            #expect(column > 1 && column <= 11)
        }
    }

    static let errorCases: [(file: String, contents: String, expected: ConfigurationError)] = [
        (
            dedicated, "[doc-ref]\nexclude = []\n",
            .unknownTable(file: dedicated, table: "doc-ref", known: ConfigurationFile.toolTables, suggestion: "doc-refs")
        ),
        (
            dedicated, "[lint]\n",
            .unknownTable(file: dedicated, table: "lint", known: ConfigurationFile.toolTables, suggestion: nil)
        ),
        (
            dedicated, "exclude = [\"a\"]\n",
            .unknownTopLevelKey(file: dedicated, key: "exclude", known: ConfigurationFile.toolTables)
        ),
        (dedicated, "doc-refs = true\n", .notATable(file: dedicated, table: "doc-refs")),
        (
            dedicated, "[doc-refs]\nexlude = []\n",
            .unknownKey(
                file: dedicated, table: "doc-refs", key: "exlude", known: ["exclude", "ignore", "orphans"],
                suggestion: "exclude")
        ),
        (
            dedicated, "[doc-refs]\nOrphans = true\n",
            .unknownKey(
                file: dedicated, table: "doc-refs", key: "Orphans", known: ["exclude", "ignore", "orphans"],
                suggestion: "orphans")
        ),
        (
            dedicated, "[doc-refs]\ncolour = true\n",
            .unknownKey(
                file: dedicated, table: "doc-refs", key: "colour", known: ["exclude", "ignore", "orphans"],
                suggestion: nil)
        ),
        (
            dedicated, "[doc-refs]\nexclude = 3\n",
            .wrongType(file: dedicated, table: "doc-refs", key: "exclude", expected: .stringArray, found: "an integer")
        ),
        (
            dedicated, "[doc-refs]\nexclude = \"drafts/**\"\n",
            .wrongType(file: dedicated, table: "doc-refs", key: "exclude", expected: .stringArray, found: "a string")
        ),
        (
            dedicated, "[doc-refs]\nexclude = [\"a\", 1]\n",
            .wrongType(
                file: dedicated, table: "doc-refs", key: "exclude", expected: .stringArray,
                found: "an array containing an integer")
        ),
        (
            dedicated, "[doc-refs]\norphans = \"yes\"\n",
            .wrongType(file: dedicated, table: "doc-refs", key: "orphans", expected: .bool, found: "a string")
        ),
        (
            dedicated, "[coverage]\nprecision = 1.5\n",
            .wrongType(file: dedicated, table: "coverage", key: "precision", expected: .int, found: "a float")
        ),
        (
            dedicated, "[coverage]\nfail-under = \"80\"\n",
            .wrongType(file: dedicated, table: "coverage", key: "fail-under", expected: .number, found: "a string")
        ),
        (
            dedicated, "[coverage]\ncritical = {\"src/**\" = \"high\"}\n",
            .wrongType(
                file: dedicated, table: "coverage", key: "critical", expected: .numberTable,
                found: "a table whose 'src/**' is a string")
        ),
        (
            dedicated, "[coverage]\ncritical = [90]\n",
            .wrongType(file: dedicated, table: "coverage", key: "critical", expected: .numberTable, found: "an array")
        ),
        (
            dedicated, "[coverage]\nrename = {a = 1}\n",
            .wrongType(
                file: dedicated, table: "coverage", key: "rename", expected: .stringTable,
                found: "a table whose 'a' is an integer")
        ),
        (
            dedicated, "[coverage]\nformat = 2024-01-01\n",
            .wrongType(file: dedicated, table: "coverage", key: "format", expected: .string, found: "a date")
        ),
        (
            "pyproject.toml", "[tool.autogit-checks.doc-refs]\nexlude = []\n",
            .unknownKey(
                file: "pyproject.toml", table: "tool.autogit-checks.doc-refs", key: "exlude",
                known: ["exclude", "ignore", "orphans"], suggestion: "exclude")
        ),
        (
            "pyproject.toml", "[tool.autogit-checks.doc-ref]\n",
            .unknownTable(
                file: "pyproject.toml", table: "tool.autogit-checks.doc-ref",
                known: ConfigurationFile.toolTables, suggestion: "tool.autogit-checks.doc-refs")
        ),
        (
            "pyproject.toml", "[tool]\nautogit-checks = 1\n",
            .notATable(file: "pyproject.toml", table: "tool.autogit-checks")
        ),
        (
            dedicated, "[doc-refs]\nexclude = [\"a\0b\"]\n",
            .syntax(file: dedicated, line: 2, column: 14, message: "nul character (U+0000) is not allowed")
        ),
    ]

    @Test(arguments: errorCases)
    func errors(_ file: String, _ contents: String, _ expected: ConfigurationError) throws {
        #expect(throws: expected) { try Self.loadAndRead(file, contents) }
    }

    @Test func unknownKeyMessage() {
        let error = ConfigurationError.unknownKey(
            file: ".autogit-checks.toml", table: "doc-refs", key: "exlude", known: ["exclude", "ignore", "orphans"],
            suggestion: "exclude")
        #expect(
            error.localizedDescription
                == ".autogit-checks.toml: unknown key 'exlude' in [doc-refs] (known keys: exclude, ignore, orphans); did you mean 'exclude'?")
        let wrongType = ConfigurationError.wrongType(
            file: "pyproject.toml", table: "tool.autogit-checks.doc-refs", key: "exclude", expected: .stringArray,
            found: "an integer")
        #expect(
            wrongType.localizedDescription
                == "pyproject.toml: 'exclude' in [tool.autogit-checks.doc-refs] must be an array of strings, not an integer")
    }

    @Test(arguments: [
        // An unexpected end of file is reported on the last line with text, as toml++ does.
        ("[doc-refs]\nexclude = [\n", 2),
        ("[doc-refs]\norphans = tru\n", 2),
        ("[doc-refs]\n[doc-refs]\n", 2),
        ("\n\n\n[doc-refs\n", 4),
        ("[doc-refs]\nexclude = [\"a\"]\nexclude = [\"b\"]\n", 3),
    ])
    func syntaxErrorsNameFileAndLine(_ contents: String, _ line: Int) throws {
        do {
            _ = try Self.loadAndRead(Self.dedicated, contents)
            Issue.record("expected a syntax error")
        } catch let error as ConfigurationError {
            guard case .syntax(let file, let reportedLine, let column, let message) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(file == ".autogit-checks.toml")
            #expect(reportedLine == line)
            #expect(column >= 1)
            #expect(!message.isEmpty)
            #expect(error.localizedDescription.hasPrefix(".autogit-checks.toml:\(line):\(column): invalid toml: "))
        }
    }

    @Test func syntaxErrorInPyproject() throws {
        #expect {
            try Self.loadAndRead("pyproject.toml", "[project\n")
        } throws: { error in
            guard case ConfigurationError.syntax(let file, let line, _, _)? = error as? ConfigurationError else {
                return false
            }
            return file == "pyproject.toml" && line == 1
        }
    }

    @Test func folderNamedLikeTheFile() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        try tree.makeFolder(Self.dedicated)
        #expect(throws: ConfigurationError.notAFile(file: Self.dedicated)) {
            try ConfigurationFile.load(root: tree.path)
        }
    }

    @Test func fifoNamedLikeTheFileDoesNotBlock() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        try tree.fifo(Self.dedicated)
        #expect(throws: ConfigurationError.notAFile(file: Self.dedicated)) {
            try ConfigurationFile.load(root: tree.path)
        }
    }

    @Test func invalidUTF8() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        try tree.writeBytes(Self.dedicated, Array("[doc-refs]\nexclude = [\"".utf8) + [0xFF, 0xFE] + Array("\"]\n".utf8))
        #expect(throws: ConfigurationError.invalidEncoding(file: Self.dedicated)) {
            try ConfigurationFile.load(root: tree.path)
        }
    }

    @Test(.enabled(if: getuid() != 0, "root can read any file"))
    func unreadableFile() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        try tree.write(Self.dedicated, "[doc-refs]\n")
        chmod(tree.absolute(Self.dedicated), 0)
        #expect(throws: ConfigurationError.unreadable(file: Self.dedicated, reason: "permission denied")) {
            try ConfigurationFile.load(root: tree.path)
        }
    }

    @Test func unreadableMessage() {
        #expect(
            ConfigurationError.unreadable(file: ".autogit-checks.toml", reason: "permission denied")
                .localizedDescription == ".autogit-checks.toml: cannot read the file (permission denied); check its permissions")
    }

    @Test func parsingTextDirectly() throws {
        let configuration = try ConfigurationFile(text: "[doc-index]\nstrict = true\n", file: "ci/checks.toml")
        #expect(configuration.path == "ci/checks.toml")
        #expect(try configuration.table("doc-index", schema: ["strict": .bool]).bool("strict") == true)
        #expect(
            throws: ConfigurationError.unknownKey(
                file: "ci/checks.toml", table: "doc-index", key: "strict", known: [], suggestion: nil)
        ) {
            try configuration.table("doc-index", schema: [:])
        }
    }

    @Test func everyMessageIsLowerCaseWithoutTrailingPeriod() {
        let errors: [ConfigurationError] =
            Self.errorCases.map(\.expected) + [
                .unreadable(file: "pyproject.toml", reason: "permission denied"), .notAFile(file: "pyproject.toml"),
                .invalidEncoding(file: "pyproject.toml"),
                .syntax(file: "pyproject.toml", line: 1, column: 2, message: "expected ']'"),
            ]
        for error in errors {
            let message = error.localizedDescription
            #expect(message.first.map { $0 == "." || $0.isLowercase } == true, "\(message)")
            #expect(!message.hasSuffix("."), "\(message)")
            #expect(!message.contains("\n"), "\(message)")
        }
    }
}
