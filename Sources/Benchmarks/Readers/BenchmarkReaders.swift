import ChecksCore
import Foundation

/// Reads one input format. Adding a format is one type conforming to this (or to
/// `JSONBenchmarkReader`) and one line in `BenchmarkReaders.all`.
public protocol BenchmarkReader: Sendable {
    static var format: InputFormat { get }
    /// Whether a file with this content is in this format.
    static func accepts(_ sniff: ContentSniff) -> Bool
    /// Reads the whole file. `path` is only used in messages and results.
    static func read(_ data: Data, path: String) throws -> BenchmarkFile
}

/// A JSON format: recognised by its top-level keys and decoded in the same pass that finds them,
/// so a several-MB file is scanned once.
public protocol JSONBenchmarkReader: BenchmarkReader {
    static func accepts(jsonKeys: Set<String>) -> Bool
    /// Reads the document from a decoder at its top-level object.
    static func read(from decoder: Decoder, path: String) throws -> BenchmarkFile
}

extension JSONBenchmarkReader {
    public static func accepts(_ sniff: ContentSniff) -> Bool {
        guard sniff.looksLikeJSON, let keys = try? JSONDecoder().decode(TopLevelKeys.self, from: sniff.data).keys else { return false }
        return accepts(jsonKeys: keys)
    }

    public static func read(_ data: Data, path: String) throws -> BenchmarkFile {
        let decoder = JSONDecoder()
        decoder.userInfo[BenchmarkReaders.pathKey] = path
        do {
            return try decoder.decode(DecodedFile<Self>.self, from: data).file
        } catch let error as BenchmarkInputError {
            throw error
        } catch {
            throw BenchmarkReaders.decodingError(error, data: data, path: path)
        }
    }
}

/// What the text readers look at to recognise a file.
public struct ContentSniff: Sendable {
    /// True when the first non-blank byte is `{` or `[`: the file means to be JSON.
    public let looksLikeJSON: Bool
    public let data: Data

    init(data: Data, path: String) throws {
        self.data = data
        let first = data.first { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }
        guard let first else { throw BenchmarkInputError.empty(path) }
        looksLikeJSON = first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
    }
}

/// The registry of input formats, tried in order.
public enum BenchmarkReaders {
    public static let all: [any BenchmarkReader.Type] = [
        PytestBenchmarkReader.self,
        GoogleBenchmarkReader.self,
        HyperfineReader.self,
        GoTestBenchReader.self,
    ]

    static let pathKey = CodingUserInfoKey(rawValue: "autogit-checks.benchmark-path")!

    /// Reads the file at `path` in whichever format its content is.
    /// - Parameter display: the path for messages (relative to the working directory).
    public static func read(path: String, display: String) throws -> BenchmarkFile {
        // Plain POSIX reads: a FIFO or socket is refused before it can block, and the reason is the
        // system's own (Foundation said "you don't have permission" for a FIFO).
        let data: Data
        do {
            data = Data(try RegularFileReader.read(path))
        } catch RegularFileReader.ReadError.notRegularFile {
            throw BenchmarkInputError.unreadable(display, reason: "not a regular file")
        } catch RegularFileReader.ReadError.unreadable(_, let reason) {
            throw BenchmarkInputError.unreadable(display, reason: reason.lowercasedFirst)
        }
        var file = try read(data, path: display)
        file.benchmarks = file.benchmarks.map(\.printable)
        return file
    }

    /// Reads `data` in whichever format it is.
    public static func read(_ data: Data, path: String) throws -> BenchmarkFile {
        // A UTF-8 byte order mark (Windows PowerShell's `Out-File` writes one) is not part of the JSON.
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { return try read(Data(data.dropFirst(3)), path: path) }
        let sniff = try ContentSniff(data: data, path: path)
        if sniff.looksLikeJSON {
            let decoder = JSONDecoder()
            decoder.userInfo[pathKey] = path
            do {
                return try decoder.decode(AnyJSONFile.self, from: data).file
            } catch let error as BenchmarkInputError {
                throw error
            } catch DecodingError.typeMismatch(_, let context) where context.codingPath.isEmpty {
                // A JSON array or scalar: valid JSON, but no format here has that shape.
                throw BenchmarkInputError.unknownFormat(path)
            } catch {
                throw decodingError(error, data: data, path: path)
            }
        }
        for reader in all where reader.accepts(sniff) {
            return try reader.read(data, path: path)
        }
        throw BenchmarkInputError.unknownFormat(path)
    }

    /// A decoding error turned into one line; a bare `NaN` or `Infinity` (Python's json module writes
    /// them) is called out, since "not valid json" alone would not say which value is bad.
    static func decodingError(_ error: Error, data: Data, path: String) -> BenchmarkInputError {
        if case DecodingError.dataCorrupted(let context) = error, context.codingPath.isEmpty {
            for token in ["NaN", "Infinity"] where data.range(of: Data(": \(token)".utf8)) != nil || data.range(of: Data(":\(token)".utf8)) != nil {
                return .invalidJSON(path, detail: "a timing is \(token), which is not a number; re-run the benchmark")
            }
            // JSONDecoder only says "not valid JSON"; JSONSerialization says what and where (error path only).
            do {
                _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            } catch let error as NSError {
                if let detail = error.userInfo[NSDebugDescriptionErrorKey] as? String {
                    var text = detail.lowercasedFirst
                    while text.hasSuffix(".") { text.removeLast() }
                    return .invalidJSON(path, detail: text)
                }
            }
        }
        return BenchmarkInputError.describe(error, path: path)
    }

    /// Rejects NaN, infinite and negative timings (exit 2): no comparison of them means anything.
    static func validate(_ value: Double, _ what: String, benchmark: String, path: String) throws {
        if value.isNaN {
            throw BenchmarkInputError.badTiming(path, benchmark: benchmark, detail: "\(what) is NaN; re-run the benchmark")
        }
        if value.isInfinite {
            throw BenchmarkInputError.badTiming(path, benchmark: benchmark, detail: "\(what) is infinite; re-run the benchmark")
        }
        if value < 0 {
            throw BenchmarkInputError.badTiming(path, benchmark: benchmark, detail: "\(what) is negative (\(value)); timings cannot be")
        }
    }

    static func validate(_ stats: RunStatistics, benchmark: String, path: String) throws {
        for statistic in Statistic.allCases {
            if let value = stats[statistic] { try validate(value, statistic.rawValue, benchmark: benchmark, path: path) }
        }
        if stats.rounds < 1 {
            throw BenchmarkInputError.badTiming(path, benchmark: benchmark, detail: "rounds is \(stats.rounds); a result needs at least one round")
        }
        // Summaries of one sample set: min ≤ median, mean ≤ max. A file that breaks this was edited
        // or corrupted, and any comparison of it would mean nothing. A relative slack of 1e-9 allows
        // for the rounding of values written as decimal text.
        let slack = Swift.max(abs(stats.max), abs(stats.min)) * 1e-9
        for (name, value) in [("median", stats.median), ("mean", stats.mean)] {
            guard value >= stats.min - slack, value <= stats.max + slack else {
                throw BenchmarkInputError.badTiming(
                    path, benchmark: benchmark,
                    detail: "\(name) \(value) lies outside min \(stats.min) .. max \(stats.max); the statistics do not fit together")
            }
        }
        if stats.min > stats.max + slack {
            throw BenchmarkInputError.badTiming(
                path, benchmark: benchmark, detail: "min \(stats.min) is above max \(stats.max); the statistics do not fit together")
        }
    }
}

extension MeasuredBenchmark {
    /// The benchmark with control characters in its names shown as `\u{1B}`: names come from the
    /// file and end up in a terminal or CI log, where an escape sequence could clear the screen or
    /// hide a line. Both sides are read the same way, so matching by name is unchanged.
    var printable: MeasuredBenchmark {
        func escaped(_ text: String) -> String {
            guard text.unicodeScalars.contains(where: Self.isControl) else { return text }
            var out = ""
            for scalar in text.unicodeScalars {
                if Self.isControl(scalar) {
                    out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
            return out
        }
        return MeasuredBenchmark(fullname: escaped(fullname), name: escaped(name), runs: runs)
    }

    /// C0 and C1 controls, DEL, and bidirectional embedding, override and isolate controls.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}

/// Picks the JSON reader by the top-level keys and lets it decode the same document.
struct AnyJSONFile: Decodable {
    let file: BenchmarkFile

    init(from decoder: Decoder) throws {
        let path = decoder.userInfo[BenchmarkReaders.pathKey] as? String ?? ""
        let keys = Set(try decoder.container(keyedBy: AnyKey.self).allKeys.map(\.stringValue))
        for case let reader as any JSONBenchmarkReader.Type in BenchmarkReaders.all where reader.accepts(jsonKeys: keys) {
            file = try reader.read(from: decoder, path: path)
            return
        }
        throw BenchmarkInputError.unknownFormat(path)
    }
}

/// One reader's document, decoded with the path in `userInfo` for messages.
struct DecodedFile<Reader: JSONBenchmarkReader>: Decodable {
    let file: BenchmarkFile

    init(from decoder: Decoder) throws {
        file = try Reader.read(from: decoder, path: decoder.userInfo[BenchmarkReaders.pathKey] as? String ?? "")
    }
}

/// Decodes only the keys of the top-level object; values are skipped, not converted.
struct TopLevelKeys: Decodable {
    let keys: Set<String>

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        keys = Set(container.allKeys.map(\.stringValue))
    }
}

struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }
}
