import Foundation

/// Why an input could not be used (exit 2). Every message names the file or argument and says what
/// to do, on one line.
public enum BenchmarkInputError: Error, LocalizedError, Equatable {
    case notFound(String, storage: String)
    case unreadable(String, reason: String)
    case empty(String)
    case invalidJSON(String, detail: String)
    case unknownFormat(String)
    case wrongShape(String, detail: String)
    case badTiming(String, benchmark: String, detail: String)
    case noBenchmarkFiles(String)
    case ambiguousStorageID(String, matches: [String])

    public var errorDescription: String? {
        switch self {
        case .notFound(let argument, let storage):
            "\(argument): no such file, folder or storage id (storage ids are looked up in \(storage)/<machine>/)"
        case .unreadable(let path, let reason):
            "\(path): cannot read: \(reason)"
        case .empty(let path):
            "\(path): empty file; expected pytest-benchmark, Google Benchmark or hyperfine JSON, or go test -bench output"
        case .invalidJSON(let path, let detail):
            "\(path): not valid json: \(detail)"
        case .unknownFormat(let path):
            "\(path): not a pytest-benchmark, Google Benchmark, hyperfine or go test -bench file"
        case .wrongShape(let path, let detail):
            "\(path): \(detail)"
        case .badTiming(let path, let benchmark, let detail):
            "\(path): benchmark \(benchmark): \(detail)"
        case .noBenchmarkFiles(let folder):
            "\(folder): folder holds no benchmark files"
        case .ambiguousStorageID(let id, let matches):
            "\(id): storage id matches files of several machines (\(matches.joined(separator: ", "))); write MACHINE/\(id) or pass --storage"
        }
    }

    /// A decoding failure as one line: where in the document and what was wrong there.
    static func describe(_ error: Error, path: String) -> BenchmarkInputError {
        guard let decoding = error as? DecodingError else {
            return .invalidJSON(path, detail: String(describing: error))
        }
        func location(_ codingPath: [CodingKey]) -> String {
            var text = ""
            for key in codingPath {
                if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
            }
            return text.isEmpty ? "the top level" : text
        }
        switch decoding {
        case .keyNotFound(let key, let context):
            let parent = context.codingPath.isEmpty ? "the top level" : location(context.codingPath)
            return .wrongShape(path, detail: "missing key '\(key.stringValue)' in \(parent)")
        case .typeMismatch(let type, let context):
            return .wrongShape(path, detail: "\(location(context.codingPath)) is not \(describeType(type))")
        case .valueNotFound(let type, let context):
            return .wrongShape(path, detail: "\(location(context.codingPath)) is null, expected \(describeType(type))")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return .invalidJSON(path, detail: corruptionDetail(context))
            }
            return .wrongShape(path, detail: "\(location(context.codingPath)): \(context.debugDescription.lowercasedFirst)")
        @unknown default:
            return .invalidJSON(path, detail: String(describing: error))
        }
    }

    private static func describeType(_ type: Any.Type) -> String {
        switch String(describing: type) {
        case "Double", "Int": "a number"
        case "String": "a string"
        case "Bool": "a boolean"
        case let name where name.hasPrefix("Array"): "an array"
        default: "an object"
        }
    }

    private static func corruptionDetail(_ context: DecodingError.Context) -> String {
        var text = context.debugDescription.lowercasedFirst
        if let underlying = context.underlyingError as NSError?,
            let detail = underlying.userInfo[NSDebugDescriptionErrorKey] as? String
        {
            text += " (\(detail.lowercasedFirst))"
        }
        while text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

extension String {
    var lowercasedFirst: String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
