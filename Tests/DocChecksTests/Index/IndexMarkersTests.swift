import Testing

@testable import DocChecks

@Suite struct IndexMarkersTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var error: DocIndexError?
        var region: String? = nil
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "a region between the markers", text: "a\n<!-- doc-index:start -->\nb\nc\n<!-- doc-index:end -->\nd\n", region: "b\nc\n"),
        Case(name: "markers with surrounding space and no inner space", text: "  <!--doc-index:start-->  \n\t<!-- doc-index:end -->\n", region: ""),
        Case(name: "no markers: the whole file", text: "a\nb", region: "a\nb"),
        Case(name: "a byte order mark before the start marker", text: "\u{FEFF}<!-- doc-index:start -->\nb\n<!-- doc-index:end -->\n", region: "b\n"),
        Case(
            name: "unclosed start marker", text: "a\n<!-- doc-index:start -->\nb\n",
            error: .unclosedMarker(file: "INDEX.md", line: 2)),
        Case(
            name: "two start markers", text: "<!-- doc-index:start -->\n<!-- doc-index:start -->\n<!-- doc-index:end -->\n",
            error: .secondStartMarker(file: "INDEX.md", line: 2, first: 1)),
        Case(
            name: "a second region", text: "<!-- doc-index:start -->\n<!-- doc-index:end -->\nx\n<!-- doc-index:start -->\n<!-- doc-index:end -->\n",
            error: .secondStartMarker(file: "INDEX.md", line: 4, first: 1)),
        Case(name: "end without start", text: "x\n<!-- doc-index:end -->\n", error: .endWithoutStart(file: "INDEX.md", line: 2)),
        Case(
            name: "an unknown option", text: "<!-- doc-index:start sort=alpha -->\n<!-- doc-index:end -->\n",
            error: .unknownMarkerOption(file: "INDEX.md", line: 1, option: "sort=alpha", known: ["order", "titles"])),
        Case(
            name: "an invalid order", text: "<!-- doc-index:start order=date -->\n<!-- doc-index:end -->\n",
            error: .invalidMarkerOption(file: "INDEX.md", line: 1, key: "order", value: "date", allowed: ["alpha", "folder"])),
        Case(
            name: "markers inside fences do not count", text: "````md\n<!-- doc-index:start -->\n```\nstill code\n````\n",
            region: "````md\n<!-- doc-index:start -->\n```\nstill code\n````\n"),
        Case(name: "markers inside a line are text", text: "see <!-- doc-index:start --> here\n", region: "see <!-- doc-index:start --> here\n"),
    ]

    @Test(arguments: cases)
    func region(_ testCase: Case) throws {
        let bytes = Array(testCase.text.utf8)
        if let error = testCase.error {
            #expect(throws: error) { try IndexMarkers.region(in: bytes, file: "INDEX.md") }
        } else {
            let region = try IndexMarkers.region(in: bytes, file: "INDEX.md")
            #expect(String(decoding: bytes[region.range], as: UTF8.self) == testCase.region)
        }
    }

    @Test func optionsAndLines() throws {
        let region = try IndexMarkers.region(
            in: Array("# T\n\n<!-- doc-index:start order=folder titles=casefold -->\n- x\n<!-- doc-index:end -->\n".utf8), file: "I")
        #expect(region.options == MarkerOptions(order: .folder, titles: .casefold))
        #expect(region.startMarkerLine == 3)
        #expect(region.endMarkerLine == 5)
        #expect(region.lineOffset == 3)
    }

    @Test func errorMessagesNameFileAndLine() {
        #expect(
            DocIndexError.unclosedMarker(file: "docs/INDEX.md", line: 3).errorDescription
                == "docs/INDEX.md:3: <!-- doc-index:start --> is never closed; add <!-- doc-index:end --> after the index")
        #expect(
            DocIndexError.secondStartMarker(file: "docs/INDEX.md", line: 9, first: 3).errorDescription
                == "docs/INDEX.md:9: a second <!-- doc-index:start --> (the first is at line 3); keep one marked region")
    }
}
