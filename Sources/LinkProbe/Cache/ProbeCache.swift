import ChecksCore
import Foundation

/// Successful probe results kept across runs in `.autogit-checks-cache` (JSON) at the repository
/// root, under the `doc-links` key so other tools can share the file:
///
/// ```json
/// {"format": 1, "doc-links": {"https://example.com/": {"status": 200, "checked": 1767225600,
///                                                      "anchors": ["intro"]}}}
/// ```
///
/// `checked` is seconds since 1970 (UTC). Failures are never stored (a flaky server must not keep
/// a link dead), entries older than the maximum age are dropped when read, and the file is written
/// atomically. A missing, unreadable or malformed file is an empty cache, never an error.
public struct ProbeCache: Sendable {
    public static let fileName = ".autogit-checks-cache"
    static let section = "doc-links"

    public struct Entry: Sendable, Equatable {
        public var status: Int
        public var checked: Date
        /// The page's anchors when it was read for them; nil when only the status is known.
        public var anchors: Set<String>?
    }

    public let path: String
    public let maxAge: Double
    public private(set) var entries: [String: Entry] = [:]
    /// Other tools' sections, written back untouched.
    private var others: [String: JSONValueBox] = [:]

    /// Reads the cache at `path`, keeping entries younger than `maxAge` seconds at `now`.
    public init(path: String, maxAge: Double, now: Date = Date()) {
        self.path = path
        self.maxAge = maxAge
        guard let data = FileManager.default.contents(atPath: path),
            let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return }
        for (key, value) in root where key != Self.section && key != "format" {
            others[key] = JSONValueBox(value: value)
        }
        guard let section = root[Self.section] as? [String: Any] else { return }
        for (url, raw) in section {
            guard let fields = raw as? [String: Any],
                let status = (fields["status"] as? NSNumber)?.intValue,
                let checked = (fields["checked"] as? NSNumber)?.doubleValue
            else { continue }
            let date = Date(timeIntervalSince1970: checked)
            let age = now.timeIntervalSince(date)
            // A little into the future is clock skew between machines sharing the file (CI caches).
            guard age >= -3600, age <= maxAge else { continue }
            let anchors = (fields["anchors"] as? [String]).map(Set.init)
            entries[url] = Entry(status: status, checked: date, anchors: anchors)
        }
    }

    public func entry(for url: String) -> Entry? { entries[url] }

    public mutating func store(_ url: String, _ entry: Entry) { entries[url] = entry }

    public mutating func remove(_ url: String) { entries.removeValue(forKey: url) }

    /// Writes the cache atomically (sorted keys, so the file diffs cleanly).
    public func save() throws {
        var root: [String: Any] = others.mapValues(\.value)
        root["format"] = 1
        var section: [String: Any] = [:]
        for (url, entry) in entries {
            var fields: [String: Any] = ["status": entry.status, "checked": entry.checked.timeIntervalSince1970.rounded(.down)]
            if let anchors = entry.anchors { fields["anchors"] = anchors.sorted() }
            section[url] = fields
        }
        root[Self.section] = section
        let data = try JSONSerialization.data(withJSONObject: root, options: [.sortedKeys, .withoutEscapingSlashes])
        try AtomicFile.write(Array(data) + [0x0A], to: path)
    }
}

/// A JSON value from `JSONSerialization`, carried through untouched (it holds only plist types).
struct JSONValueBox: @unchecked Sendable {
    var value: Any
}
