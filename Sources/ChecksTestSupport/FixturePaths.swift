import Foundation

/// Where the repository's `Fixtures/` folder is, found from this file's own path so tests work from
/// any working directory (`swift test`, Xcode, a CI job that `cd`s elsewhere).
public enum FixturePaths {
    /// The folder holding `Package.swift`.
    public static let root: URL = findRoot(from: URL(fileURLWithPath: #filePath))

    /// `Fixtures/<relative>` under the repository root, e.g. `fixture("reporters/sample.md")`.
    public static func fixture(_ relative: String) -> URL {
        root.appendingPathComponent("Fixtures").appendingPathComponent(relative)
    }

    /// Walks up from `file` to the nearest folder with a `Package.swift`. Falls back to the current
    /// directory when there is none (a relocated build), so a missing fixture fails by name instead
    /// of trapping here.
    static func findRoot(from file: URL) -> URL {
        var directory = file.deletingLastPathComponent()
        while directory.path != "/" && !directory.path.isEmpty {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return directory
            }
            directory = directory.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }
}
