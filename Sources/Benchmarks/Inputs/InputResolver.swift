import ChecksCore
import Foundation

/// Turns a BASELINE or CURRENT argument into the files it stands for.
///
/// An argument is, in this order: an existing file; an existing folder, whose files (not hidden, not
/// in sub-folders, sorted by name) are each one run; or a pytest-benchmark storage id looked up in
/// `<storage>/<machine>/` the way `--benchmark-compare` does (`PB:storage/file.py:56-90`): `0001`
/// matches `0001*.json`, and `MACHINE-GLOB/FILE-GLOB` (e.g. `Linux-CPython-3.11-64bit/0001`) picks
/// the machine folder too. pytest-benchmark looks only in the folder of the running Python; a tool
/// outside pytest cannot know it, so every machine folder is searched and an id found in several is
/// an error asking for the `MACHINE/ID` form.
public struct InputResolver: Sendable {
    /// The storage folder (`--storage`, default `.benchmarks`), absolute or relative to `cwd`.
    public var storage: String
    public var cwd: String

    public init(storage: String = ".benchmarks", cwd: String) {
        self.storage = storage
        self.cwd = cwd
    }

    /// A resolved file: where to read it and how to name it in messages.
    public struct ResolvedFile: Sendable, Equatable {
        public var path: String
        public var display: String
    }

    public func resolve(_ argument: String) throws -> [ResolvedFile] {
        let fileManager = FileManager.default
        let absolutePath = absolute(argument)
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: absolutePath, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { return [file(absolutePath)] }
            let names = (try? fileManager.contentsOfDirectory(atPath: absolutePath)) ?? []
            // Regular files only: a FIFO or socket among the runs is never opened (a read could block).
            let files = names.filter { !$0.hasPrefix(".") }.sorted().map { absolutePath + "/" + $0 }.filter(Self.isRegularFile)
            guard !files.isEmpty else { throw BenchmarkInputError.noBenchmarkFiles(display(absolutePath)) }
            return files.map(file)
        }
        return try resolveStorageID(argument)
    }

    private func resolveStorageID(_ argument: String) throws -> [ResolvedFile] {
        let fileManager = FileManager.default
        let storageRoot = absolute(storage)
        let parts = argument.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let machineGlob = parts.count == 2 ? parts[0] : nil
        let fileGlob = parts.count == 2 ? parts[1] : parts[0]
        guard !fileGlob.isEmpty,
            let machines = try? fileManager.contentsOfDirectory(atPath: storageRoot)
        else { throw BenchmarkInputError.notFound(argument, storage: storage) }
        // pytest-benchmark appends `*.json` to the file pattern (`'0001'` → `0001*.json`).
        let filePattern = try? GlobPattern(fileGlob.hasSuffix(".json") ? fileGlob : fileGlob + "*.json")
        let machinePattern = machineGlob.flatMap { try? GlobPattern($0) }
        var matches: [(machine: String, files: [String])] = []
        for machine in machines.sorted() where !machine.hasPrefix(".") {
            if let machineGlob {
                guard machine == machineGlob || machinePattern?.matches(machine) == true else { continue }
            }
            let folder = storageRoot + "/" + machine
            guard let names = try? fileManager.contentsOfDirectory(atPath: folder) else { continue }
            let found = names.filter { name in
                StorageFileName(path: name) != nil && (filePattern?.matches(name) ?? false)
            }.sorted()
            if !found.isEmpty { matches.append((machine, found.map { folder + "/" + $0 })) }
        }
        guard !matches.isEmpty else { throw BenchmarkInputError.notFound(argument, storage: storage) }
        guard matches.count == 1 else {
            throw BenchmarkInputError.ambiguousStorageID(argument, matches: matches.map(\.machine))
        }
        return matches[0].files.map(file)
    }

    private func file(_ path: String) -> ResolvedFile {
        ResolvedFile(path: path, display: display(path))
    }

    /// Relative to the working directory when inside it, so messages and JSON stay short and stable.
    func display(_ path: String) -> String {
        let base = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }

    /// `path` made absolute and normalised by its text (`.`, `..`, `//`), never by following
    /// symlinks: a message names the file as the user did, not where a link leads (`/etc/passwd`).
    func absolute(_ path: String) -> String {
        let joined = path.hasPrefix("/") ? path : cwd + "/" + path
        var parts: [Substring] = []
        for part in joined.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                _ = parts.popLast()
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// True for a regular file, also through a symlink (stat follows it).
    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }
}
