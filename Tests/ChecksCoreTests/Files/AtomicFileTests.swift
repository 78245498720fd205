import ChecksCore
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct AtomicFileTests {
    /// What the folder holds besides the target: a leftover `.NAME.tmp-XXXXXX` is a defect.
    private func entries(_ tree: ScratchTree) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: tree.path).sorted()
    }

    @Test func contentsWrittenInPiecesArriveWholeAndKeepTheFileMode() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        try tree.write("out.json", "old\n")
        chmod(tree.absolute("out.json"), 0o600)
        try AtomicFile.write(to: tree.absolute("out.json")) { put in
            for piece in ["{", "\"a\": ", "1", "}\n"] { try put(Array(piece.utf8)) }
            try put([])
        }
        #expect(try String(contentsOfFile: tree.absolute("out.json"), encoding: .utf8) == "{\"a\": 1}\n")
        var info = stat()
        #expect(stat(tree.absolute("out.json"), &info) == 0 && info.st_mode & 0o777 == 0o600)
        #expect(try entries(tree) == ["out.json"])
    }

    /// A report that fails half way (a reporter's error) must not replace the old file.
    @Test func anErrorWhileWritingKeepsTheOldFileAndLeavesNoTemporary() throws {
        struct Stop: Error {}
        let tree = try ScratchTree()
        defer { tree.remove() }
        try tree.write("out.json", "old\n")
        #expect(throws: Stop.self) {
            try AtomicFile.write(to: tree.absolute("out.json")) { put in
                try put(Array("half of it".utf8))
                throw Stop()
            }
        }
        #expect(try String(contentsOfFile: tree.absolute("out.json"), encoding: .utf8) == "old\n")
        #expect(try entries(tree) == ["out.json"])
    }

    @Test func aMissingFolderIsAOneLineError() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        let target = tree.absolute("no/such/out.json")
        #expect(throws: AtomicFile.WriteError.cannotWrite(target, reason: "No such file or directory")) {
            try AtomicFile.write(Array("x".utf8), to: target)
        }
    }
}
