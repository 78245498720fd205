import ChecksCore
import ChecksTestSupport
import Foundation
import Testing

/// Inputs the FuzzConfig fuzz target (Fuzz/, scripts/fuzz) crashed on, kept in Fixtures/fuzz/FuzzConfig/
/// and replayed here through the same calls, plus the shapes around the fix.
@Suite struct ConfigFuzzRegressionTests {
    static let folder = FixturePaths.fixture("fuzz/FuzzConfig")

    /// Every kept input, read as both configuration files; an error is fine, a crash is the finding.
    /// Runs in a child process (an exit test) so a regression fails this test, not the whole run.
    @Test func everyKeptInputFailsCleanly() async {
        await #expect(processExitsWith: .success) {
            let folder = FixturePaths.fixture("fuzz/FuzzConfig")
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            guard !names.isEmpty else { throw CocoaError(.fileNoSuchFile) }
            for name in names {
                let data = try Data(contentsOf: folder.appendingPathComponent(name))
                guard let text = String(data: data, encoding: .utf8) else { continue }
                for file in [ConfigurationFile.fileName, ConfigurationFile.pyprojectFileName] {
                    _ = try? ConfigurationFile(text: text, file: file)
                }
            }
        }
    }

    /// toml++ asserts (debug) or assumes (release) that a table header starts with a key character
    /// and that an array element does not start with `}`, and TOMLKit force-unwraps a key cut at an
    /// escaped NUL; these must be a syntax error at the character instead (TOMLParserGuard).
    @Test(arguments: [
        ("[$]\n", 1, 2, "expected a table name after '[', saw '$'"),
        ("[!]", 1, 2, "expected a table name after '[', saw '!'"),
        ("[[ .x]]\n", 1, 4, "expected a table name after '[', saw '.'"),
        ("[\n", 1, 2, "expected a table name after '[', saw a line break"),
        ("[", 1, 2, "expected a table name after '[', saw the end of the file"),
        ("\u{FEFF}[\n", 1, 2, "expected a table name after '[', saw a line break"),
        ("[doc-refs]\nexclude = []\n\n  [\t\u{E9}]\n", 4, 5, "expected a table name after '[', saw '\\u{00E9}'"),
        ("a = \"\"\"\nx\n\"\"\"\n[=]\n", 4, 2, "expected a table name after '[', saw '='"),
        ("a = [}\n", 1, 6, "expected a value or ']' in the array, saw '}'"),
        ("a = [1, }\n", 1, 9, "expected a value or ']' in the array, saw '}'"),
        ("a = [\n  # c\n  }]\n", 3, 3, "expected a value or ']' in the array, saw '}'"),
        ("a = { b = [[}]] }\n", 1, 13, "expected a value or ']' in the array, saw '}'"),
        ("[\"a\\u0000b\"]\n", 1, 4, "nul character (U+0000) is not allowed"),
        ("x = 1\n\"k\\U00000000\" = 2\n", 2, 3, "nul character (U+0000) is not allowed"),
        ("a = \"\"\"\nline\n  \\u0000\"\"\"\n", 3, 3, "nul character (U+0000) is not allowed"),
        ("d = 1979-05-27T'7:32:00Z", 1, 16, "expected a time after the date's 'T', saw '\\''"),
        ("re = 1979-05-27T$7:32:00Z", 1, 17, "expected a time after the date's 'T', saw '$'"),
        ("a = [1979-05-27t:07:32]\n", 1, 17, "expected a time after the date's 'T', saw ':'"),
        ("t = { d = 1979-05-27T x:1 }\n", 1, 22, "expected a time after the date's 'T', saw ' '"),
        ("-aa1rce = [1979-05-27 9 T07:32:00Z\n", 1, 23, "expected a value terminator, saw '9'"),
        ("a = 1979-05-27 9\n", 1, 16, "expected a value terminator, saw '9'"),
        ("a = [1, 2 3]\n", 1, 11, "expected a value terminator, saw '3'"),
        ("a = { b = 1_979-05-27 0}\n", 1, 23, "expected a value terminator, saw '0'"),
    ])
    func parserTrapIsASyntaxError(text: String, line: Int, column: Int, message: String) {
        #expect {
            _ = try ConfigurationFile(text: text, file: ConfigurationFile.pyprojectFileName)
        } throws: { error in
            guard case .syntax(let file, let errorLine, let errorColumn, let errorMessage) = error as? ConfigurationError
            else { return false }
            return file == ConfigurationFile.pyprojectFileName && errorLine == line && errorColumn == column
                && errorMessage == message
        }
    }

    /// Valid TOML in which a `[` that is not a header meets a non-key character: never rejected.
    @Test(arguments: [
        "a = [\n  [+1],\n  [ -2 ],\n]\n",
        "a = \"\"\"\n[!]\n\"\"\"\n",
        "a = '''\n[!]'''\n",
        "a = \"x\\\"[!]\"\n[b]\n",
        "a = \"\"\"x\\\n[!]\"\"\"\n",
        "# [!]\n[\"quoted\"]\n[ 'literal' ]\n[[ bare ]]\n",
        "a = [ { b = 1 }, {}, [], [[]] ]\nc = { d = [1, 2], e = {} }\nf = [\"}\", '}', \"\"\"}\"\"\"]\n",
        "a = [ # }\n  1, # }\n]\n",
        "a = \"\\\\u0000\"\nb = '\\u0000'\nc = \"\\u0001\"\n",
        "a = 1979-05-27 07:32:00\nb = [ 1979-05-27 07:32:00 , 2 ]\nc = 1 # 2 3\n",
        "2020-01-01T = 1\n2020-01-01Tx = 2\nd = 1979-05-27T07:32:00Z\ne = [1979-05-27t07:32:00, 1979-05-27 07:32:00]\n",
    ])
    func validTOMLIsStillAccepted(text: String) throws {
        _ = try ConfigurationFile(text: text, file: ConfigurationFile.pyprojectFileName)
    }
}
