import ChecksTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One folder of `Fixtures/hostile/`: its committed input files and the verdict in its `expected`
/// file (the format is described in `Fixtures/hostile/README.md`).
struct HostileScenario: Sendable, CustomTestStringConvertible {
    let name: String
    let folder: URL
    var tool = ""
    var arguments: [String] = []
    var exit: Int32 = -1
    var stdoutContains: [String] = []
    var stdoutLacks: [String] = []
    var stderrContains: [String] = []
    var stderrLacks: [String] = []
    /// Text that must appear nowhere in the output: content of files outside the root.
    var forbidden: [String] = []
    /// Exit 2 names this file in its one-line message.
    var names: String?
    var timeout: Double = 20
    var maxMiB: Int = 160
    var recipes: [[String]] = []
    /// Set when the verdict is not met yet by code this suite may not change; the text says why.
    var knownIssue: String?

    var testDescription: String { name }

    static let fixtures = FixturePaths.fixture("hostile")

    /// Every scenario folder, by name.
    static var all: [HostileScenario] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []
        return names.sorted().compactMap { name in
            let folder = fixtures.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("expected").path) else { return nil }
            return try? HostileScenario(name: name, folder: folder)
        }
    }

    init(name: String, folder: URL) throws {
        self.name = name
        self.folder = folder
        let text = try String(contentsOf: folder.appendingPathComponent("expected"), encoding: .utf8)
        for raw in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "tool": tool = value
            case "args": arguments = value.split(separator: " ").map(String.init)
            case "exit": exit = Int32(value) ?? -1
            case "stdout": stdoutContains.append(Self.unescape(value))
            case "stdout-lacks": stdoutLacks.append(Self.unescape(value))
            case "stderr": stderrContains.append(Self.unescape(value))
            case "stderr-lacks": stderrLacks.append(Self.unescape(value))
            case "forbid": forbidden.append(Self.unescape(value))
            case "names": names = value
            case "timeout": timeout = Double(value) ?? timeout
            case "max-mib": maxMiB = Int(value) ?? maxMiB
            case "make": recipes.append(value.split(separator: " ", maxSplits: 3).map(String.init))
            case "known-issue": knownIssue = value
            default: throw ScenarioError.unknownKey(name, key)
            }
        }
        if tool.isEmpty || exit < 0 { throw ScenarioError.incomplete(name) }
    }

    enum ScenarioError: Error, CustomStringConvertible {
        case unknownKey(String, String)
        case incomplete(String)
        case badRecipe(String, String)

        var description: String {
            switch self {
            case .unknownKey(let name, let key): "\(name)/expected: unknown key '\(key)'"
            case .incomplete(let name): "\(name)/expected: needs tool and exit"
            case .badRecipe(let name, let recipe): "\(name)/expected: bad make line '\(recipe)'"
            }
        }
    }

    /// `\n`, `\r`, `\t`, `\\` and `\xHH` (one byte; several make a UTF-8 sequence or an invalid one).
    static func unescapeBytes(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        var bytes = Array(text.utf8)[...]
        while let byte = bytes.popFirst() {
            guard byte == UInt8(ascii: "\\"), let next = bytes.popFirst() else {
                out.append(byte)
                continue
            }
            switch next {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "s"): out.append(0x20)
            case UInt8(ascii: "x"):
                let hex = String(decoding: bytes.prefix(2), as: UTF8.self)
                bytes = bytes.dropFirst(2)
                out.append(UInt8(hex, radix: 16) ?? 0x3F)
            default: out.append(next)
            }
        }
        return out
    }

    static func unescape(_ text: String) -> String { String(decoding: unescapeBytes(text), as: UTF8.self) }

    /// Copies the committed inputs to `<work>/root` and runs the `make:` recipes there. Files the
    /// recipes put "outside" go to `<work>`, next to the root, where no tool may read them.
    func materialize(in work: URL) throws -> URL {
        let root = work.appendingPathComponent("root")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for item in try FileManager.default.contentsOfDirectory(atPath: folder.path) where item != "expected" {
            try FileManager.default.copyItem(at: folder.appendingPathComponent(item), to: root.appendingPathComponent(item))
        }
        for recipe in recipes {
            try run(recipe, root: root, work: work)
        }
        return root
    }

    private func run(_ recipe: [String], root: URL, work: URL) throws {
        guard recipe.count >= 2 else { throw ScenarioError.badRecipe(name, recipe.joined(separator: " ")) }
        let url = root.appendingPathComponent(recipe[1])
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        switch recipe[0] {
        case "fifo":
            guard mkfifo(url.path, 0o644) == 0 else { throw ScenarioError.badRecipe(name, "fifo: \(String(cString: strerror(errno)))") }
        case "socket":
            try Self.bindSocket(at: url.path)
        case "symlink" where recipe.count == 3:
            try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: recipe[2])
        case "text" where recipe.count >= 3:
            try append(Self.unescapeBytes(recipe[2...].joined(separator: " ")), to: url)
        case "repeat" where recipe.count == 4:
            // `repeat PATH COUNT TEXT`: TEXT appended COUNT times, written in large pieces.
            guard let count = Int(recipe[2]) else { throw ScenarioError.badRecipe(name, recipe.joined(separator: " ")) }
            let unit = Self.unescapeBytes(recipe[3])
            // One chunk of about 1 MiB is built once and written as often as needed: building
            // 50 MB unit by unit costs seconds in a debug build.
            let perChunk = max(1, min(count, (1 << 20) / max(unit.count, 1)))
            let chunk = Data(Array(repeating: unit, count: perChunk).joined())
            let handle = try openForAppend(url)
            defer { try? handle.close() }
            for _ in 0..<(count / perChunk) { try handle.write(contentsOf: chunk) }
            try handle.write(contentsOf: Data(Array(repeating: unit, count: count % perChunk).joined()))
        case "outside" where recipe.count >= 3:
            try append(Self.unescapeBytes(recipe[2...].joined(separator: " ")), to: work.appendingPathComponent(recipe[1]))
        default:
            throw ScenarioError.badRecipe(name, recipe.joined(separator: " "))
        }
    }

    private func append(_ bytes: [UInt8], to url: URL) throws {
        let handle = try openForAppend(url)
        defer { try? handle.close() }
        try handle.write(contentsOf: Data(bytes))
    }

    private func openForAppend(_ url: URL) throws -> FileHandle {
        if !FileManager.default.fileExists(atPath: url.path) {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        }
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        return handle
    }

    /// A listening Unix socket at `path` (its descriptor stays open until the test process ends; a
    /// bound socket file without a listener behaves the same for a reader, ECONNREFUSED or ENXIO).
    static func bindSocket(at path: String) throws {
        #if canImport(Glibc)
            let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_UNIX, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw ScenarioError.badRecipe("socket", String(cString: strerror(errno))) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            close(fd)
            throw ScenarioError.badRecipe("socket", "path too long: \(path)")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, byte) in bytes.enumerated() { raw[i] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        // Closing the descriptor leaves the socket file in place, which is all a tree walk sees.
        close(fd)
        guard bound == 0 else { throw ScenarioError.badRecipe("socket", String(cString: strerror(errno))) }
    }
}
