import Foundation
import Testing

@testable import Coverage

/// Bad and hostile reports: each is refused with one error naming the file, quickly, and nothing
/// outside the report is read.
@Suite struct HostileReportTests {
    static let cases: [(name: String, content: String, expected: String)] = [
        (
            "xxe",
            """
            <?xml version="1.0"?>
            <!DOCTYPE coverage [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
            <coverage><sources><source>&xxe;</source></sources></coverage>
            """, "entities"
        ),
        (
            "billion-laughs",
            """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
             <!ENTITY lol "lol">
             <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
             <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
             <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
             <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
             <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
             <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
             <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
             <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
             <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            <coverage lines-valid="&lol9;"><packages>&lol9;</packages></coverage>
            """, "entities"
        ),
        ("entity-behind-comment", "<!-- ]> --><!DOCTYPE c [ <!-- ]> --> <!ENTITY a \"]>\"> ]><coverage/>", "entities"),
        ("undeclared-entity", "<coverage><sources><source>&xxe;</source></sources></coverage>", "malformed xml"),
        (
            "truncated",
            "<?xml version=\"1.0\"?>\n<coverage><packages><package><classes><class filename=\"a.py\"><lines>\n<line number=\"1\" hits=\"1\"/>\n",
            "truncated"
        ),
        ("empty", "", "empty"),
        ("whitespace", "  \n\n ", "empty"),
        ("not-xml", "hello, this is not a report\n", "not a coverage report"),
        ("html", "<html><body>oops</body></html>", "root element <html>"),
        ("no-files", "<coverage/>", "no source files"),
        ("negative-hits", cobertura([("a.py", [(1, -1, nil)])]), "hits=\"-1\""),
        ("nan-hits", cobertura([("a.py", [(1, 1, nil)])]).replacingOccurrences(of: "hits=\"1\"", with: "hits=\"NaN\""), "hits=\"NaN\""),
        ("huge-hits", cobertura([("a.py", [(1, 1, nil)])]).replacingOccurrences(of: "hits=\"1\"", with: "hits=\"1e309\""), "hits=\"1e309\""),
        (
            "huge-header", cobertura([("a.py", [(1, 1, nil)])]).replacingOccurrences(of: "version=\"test\"", with: "lines-valid=\"1e309\""),
            "lines-valid"
        ),
        (
            "nan-header", cobertura([("a.py", [(1, 1, nil)])]).replacingOccurrences(of: "version=\"test\"", with: "lines-covered=\"NaN\""),
            "lines-covered"
        ),
        (
            "covered-above-valid",
            cobertura([("a.py", [(1, 1, nil)])]).replacingOccurrences(of: "version=\"test\"", with: "lines-valid=\"1\" lines-covered=\"2\""),
            "more than lines-valid"
        ),
        ("condition-150", cobertura([("a.py", [(1, 1, "3/2")])]).replacingOccurrences(of: "50% (3/2)", with: "150% (3/2)"), "covers more branches"),
        ("condition-garbage", cobertura([("a.py", [(1, 1, "x/2")])]), "no (covered/total) pair"),
        ("line-zero", cobertura([("a.py", [(0, 1, nil)])]), "is not a line number"),
        (
            "no-filename", "<coverage><packages><package><classes><class name=\"x\"><lines/></class></classes></package></packages></coverage>",
            "no filename"
        ),
        (
            "jacoco-negative",
            "<report name=\"r\"><package name=\"p\"><sourcefile name=\"A.java\"><line nr=\"1\" mi=\"-1\" ci=\"1\" mb=\"0\" cb=\"0\"/></sourcefile></package></report>",
            "mi=\"-1\""
        ),
        ("lcov-negative", "SF:/a.c\nDA:1,-5\nend_of_record\n", "DA count \"-5\""),
        ("lcov-nan", "SF:/a.c\nDA:1,nan\nend_of_record\n", "DA count \"nan\""),
        ("lcov-orphan-da", "TN:\nDA:1,1\n", "outside an SF"),
        ("utf16", "\u{FEFF}<coverage/>", "utf-8"),
    ]

    @Test(arguments: cases.map(\.name))
    func refusedWithOneLineNamingTheFile(_ name: String) throws {
        let entry = try #require(Self.cases.first { $0.name == name })
        let scratch = try Scratch()
        let file = scratch.url.appendingPathComponent("\(name).report")
        if name == "utf16" {
            try Data(entry.content.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }).write(to: file)
        } else {
            try Data(entry.content.utf8).write(to: file)
        }
        let start = Date()
        do {
            _ = try ReportReader.read(path: file.path, displayPath: "\(name).report")
            Issue.record("\(name) was accepted")
        } catch let error as CoverageReadError {
            let message = error.errorDescription ?? ""
            #expect(message.hasPrefix("\(name).report"), "\(message)")
            #expect(message.contains(entry.expected), "\(message)")
            #expect(!message.contains("\n"))
            // Lower-case after the file name (LCOV's own upper-case keys aside).
            let after = message.dropFirst("\(name).report".count).drop { $0 == ":" || $0 == " " || $0.isNumber }
            #expect(after.first.map { !$0.isUppercase || after.hasPrefix("DA") || after.hasPrefix("SF") } ?? true, "\(message)")
        }
        #expect(Date().timeIntervalSince(start) < 1, "\(name) took too long")
    }

    @Test func externalDTDIsNeverFetchedAndTheReportReads() throws {
        let scratch = try Scratch()
        let path = try scratch.write(
            "gcovr-like.xml",
            """
            <?xml version='1.0' encoding='utf-8'?>
            <!DOCTYPE coverage SYSTEM 'http://127.0.0.1:9/coverage-04.dtd'>
            <coverage><packages><package><classes><class filename="a.c"><lines><line number="1" hits="2"/></lines></class></classes></package></packages></coverage>
            """)
        let start = Date()
        let report = try ReportReader.read(path: path)
        #expect(report.files.count == 1)
        #expect(Date().timeIntervalSince(start) < 1)
    }

    @Test func missingReportSaysHowToMakeOne() {
        #expect(throws: CoverageReadError.notFound(file: "nope.xml")) {
            try ReportReader.read(path: "/nonexistent/nope.xml", displayPath: "nope.xml")
        }
    }
}
