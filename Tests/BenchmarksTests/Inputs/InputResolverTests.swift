import ChecksTestSupport
import Foundation
import Testing

@testable import Benchmarks

@Suite struct StorageFileNameTests {
    @Test(
        arguments: [
            (
                "0001_1331d4a40bb2f281df865f7dbf60cd952461dad4_20261130_023333.json", "0001", "1331d4a40bb2f281df865f7dbf60cd952461dad4",
                "20261130_023333", false
            ),
            // pytest-benchmark ≤ 5.2.3's spelling.
            (
                "0002_1331d4a40bb2f281df865f7dbf60cd952461dad4_20261130_023344_uncommited-changes.json", "0002",
                "1331d4a40bb2f281df865f7dbf60cd952461dad4", "20261130_023344", true
            ),
            // master's spelling, and the project's 2015 fixtures.
            (
                "0003_b87b9aae14ff14a7887a6bbaa9731b9a8760555d_20150814_190343_uncommitted-changes.json", "0003",
                "b87b9aae14ff14a7887a6bbaa9731b9a8760555d", "20150814_190343", true
            ),
            ("0004_mybaseline.json", "0004", "mybaseline", nil, false),
            ("0005_unversioned_20261130_023333.json", "0005", "unversioned", "20261130_023333", false),
        ] as [(String, String, String, String?, Bool)])
    func parsesStorageNames(_ file: String, _ number: String, _ name: String, _ timestamp: String?, _ dirty: Bool) throws {
        let parsed = try #require(StorageFileName(path: "/x/Linux-CPython-3.11-64bit/" + file))
        #expect(parsed.number == number)
        #expect(parsed.name == name)
        #expect(parsed.timestamp == timestamp)
        #expect(parsed.uncommittedChanges == dirty)
    }

    @Test(arguments: ["run-1.json", "001_x.json", "0001x.json", "0001_.json", "0001_abc.txt"])
    func rejectsOtherNames(_ file: String) {
        #expect(StorageFileName(path: file) == nil)
    }

    @Test func labelShortensTheCommit() throws {
        let parsed = try #require(StorageFileName(path: "0002_1331d4a40bb2f281df865f7dbf60cd952461dad4_20261130_023344_uncommited-changes.json"))
        #expect(parsed.label == "0002 (1331d4a, uncommitted changes)")
    }
}

@Suite struct InputResolverTests {
    let storageRoot = BenchFixtures.path("storage")

    func resolver() -> InputResolver { InputResolver(cwd: storageRoot) }

    /// Both suffix spellings resolve by number, as pytest-benchmark's `0001*.json` glob would.
    @Test(arguments: [("0001", "_uncommited-changes.json"), ("0003", "_uncommitted-changes.json"), ("0002", "_040325.json")])
    func storageIDsResolveInTheMachineFolder(_ id: String, _ suffix: String) throws {
        let files = try resolver().resolve(id)
        #expect(files.count == 1)
        #expect(files[0].display.hasPrefix(".benchmarks/Linux-CPython-3.11-64bit/\(id)_"))
        #expect(files[0].display.hasSuffix(suffix))
        let file = try BenchmarkReaders.read(path: files[0].path, display: files[0].display)
        #expect(file.storageName?.number == id)
        #expect(file.storageName?.uncommittedChanges == suffix.contains("uncommit"))
    }

    @Test func machineGlobSlashIDForm() throws {
        let files = try resolver().resolve("Linux-*/0002")
        #expect(files.count == 1)
        #expect(try resolver().resolve("Linux-CPython-3.11-64bit/000").count == 3)
    }

    @Test func explicitStorageFolder() throws {
        let elsewhere = InputResolver(storage: storageRoot + "/.benchmarks", cwd: "/")
        #expect(try elsewhere.resolve("0001").count == 1)
    }

    @Test func unknownIDIsNotFound() {
        #expect(throws: BenchmarkInputError.notFound("0009", storage: ".benchmarks")) { try resolver().resolve("0009") }
        #expect(throws: BenchmarkInputError.notFound("Windows-*/1", storage: ".benchmarks")) { try resolver().resolve("Windows-*/1") }
    }

    @Test func anIDInSeveralMachineFoldersIsAmbiguous() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("bench-storage-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        for machine in ["Linux-CPython-3.11-64bit", "Linux-CPython-3.12-64bit"] {
            let folder = scratch.appendingPathComponent(".benchmarks/\(machine)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("{}".utf8).write(to: folder.appendingPathComponent("0001_x.json"))
        }
        let resolver = InputResolver(cwd: scratch.path)
        #expect(throws: BenchmarkInputError.ambiguousStorageID("0001", matches: ["Linux-CPython-3.11-64bit", "Linux-CPython-3.12-64bit"])) {
            try resolver.resolve("0001")
        }
        #expect(try resolver.resolve("Linux-CPython-3.12-64bit/0001").count == 1)
    }

    @Test func aFolderIsOneRunPerFileInNameOrder() throws {
        let files = try InputResolver(cwd: BenchFixtures.path("runs")).resolve("current")
        #expect(files.map(\.display) == (1...5).map { "current/run-\($0).json" })
    }

    @Test func anEmptyFolderIsAnError() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("bench-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        // Shown relative to the working directory, as every path in a report is.
        #expect(throws: BenchmarkInputError.noBenchmarkFiles(String(scratch.path.dropFirst()))) { try InputResolver(cwd: "/").resolve(scratch.path) }
    }
}
