import Foundation

/// An `http`/`https` URL taken apart just enough to deduplicate it, limit requests per host, and hand
/// libcurl something it accepts: scheme and host lower-cased, the default port dropped, an empty
/// path made `/`, and bytes a browser would percent-encode (space, non-ASCII, `"<>\^`{|}`) encoded.
public struct RemoteURL: Sendable, Hashable {
    public var scheme: String
    /// Lower-cased; an IPv6 literal keeps its brackets.
    public var host: String
    /// nil for the scheme's default port.
    public var port: Int?
    /// `user:password@` when the URL carries credentials (never shown: see `redacted`).
    public var userinfo: String?
    /// Starts with `/`; includes the `?query`.
    public var pathAndQuery: String
    /// After `#`, still percent-encoded; nil when there is no `#`.
    public var fragment: String?

    /// The URL without its fragment: what is requested, and the key that makes each URL one request.
    public var withoutFragment: String {
        var text = scheme + "://"
        if let userinfo { text += userinfo + "@" }
        text += host
        if let port { text += ":\(port)" }
        return text + pathAndQuery
    }

    /// Scheme, host and port: the unit of the per-host limit and of the unreachable-host summary.
    public var hostKey: String {
        "\(scheme)://\(host):\(port ?? (scheme == "https" ? 443 : 80))"
    }

    /// `host` or `host:port`, for messages.
    public var hostDisplay: String {
        port.map { "\(host):\($0)" } ?? host
    }

    /// Why a URL cannot be requested.
    public enum Malformation: Error, Equatable, Sendable {
        case notHTTP
        case missingSlashes
        case missingHost
        case badHost(String)
        case badPort(String)

        public var description: String {
            switch self {
            case .notHTTP: "not an http or https url"
            case .missingSlashes: "the scheme must be followed by //"
            case .missingHost: "the url has no host"
            case .badHost(let host): "invalid host '\(host)'"
            case .badPort(let port): "invalid port '\(port)'"
            }
        }
    }

    /// Parses an absolute `http:` or `https:` URL (`//host/x` is taken as `https:`).
    public static func parse(_ raw: String) -> Result<RemoteURL, Malformation> {
        var text = Substring(raw.trimmingCharacters(in: .whitespacesAndNewlines))
        if text.hasPrefix("//") { text = "https:" + text }
        guard let colon = text.firstIndex(of: ":") else { return .failure(.notHTTP) }
        let scheme = text[..<colon].lowercased()
        guard scheme == "http" || scheme == "https" else { return .failure(.notHTTP) }
        var rest = text[text.index(after: colon)...]
        guard rest.hasPrefix("//") else { return .failure(.missingSlashes) }
        rest = rest.dropFirst(2)
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        let tail = rest[authorityEnd...]

        var userinfo: String?
        if let at = authority.lastIndex(of: "@") {
            userinfo = String(authority[..<at])
            authority = authority[authority.index(after: at)...]
        }
        var host = Substring(authority)
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return .failure(.badHost(String(authority))) }
            host = authority[...close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { return .failure(.badHost(String(authority))) }
                portText = after.dropFirst()
            }
            let inner = host.dropFirst().dropLast()
            guard !inner.isEmpty, inner.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else {
                return .failure(.badHost(String(host)))
            }
        } else if let portColon = authority.lastIndex(of: ":") {
            host = authority[..<portColon]
            portText = authority[authority.index(after: portColon)...]
        }
        guard !host.isEmpty else { return .failure(.missingHost) }
        let forbidden: Set<Character> = [" ", "<", ">", "\"", "{", "}", "|", "\\", "^", "`", "%", "\t", "\n", "\r"]
        guard !host.contains(where: { forbidden.contains($0) || $0.unicodeScalars.contains { $0.value < 0x20 } }),
            !host.hasPrefix("."), !host.contains("..")
        else { return .failure(.badHost(String(host))) }

        var port: Int?
        if let portText, !portText.isEmpty {
            guard portText.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(portText), number > 0, number <= 65535 else {
                return .failure(.badPort(String(portText)))
            }
            port = number
        }
        if port == (scheme == "https" ? 443 : 80) { port = nil }

        var pathAndQuery = tail
        var fragment: String?
        if let hash = tail.firstIndex(of: "#") {
            pathAndQuery = tail[..<hash]
            fragment = encode(tail[tail.index(after: hash)...])
        }
        var path = encode(pathAndQuery)
        if !path.hasPrefix("/") { path = "/" + path }
        return .success(
            RemoteURL(
                scheme: scheme, host: host.lowercased(), port: port, userinfo: userinfo,
                pathAndQuery: path, fragment: fragment))
    }

    /// The URL with a password and credential-looking query values replaced by `***`, for messages
    /// about URLs the user did not write (redirect targets).
    public static func redacted(_ url: String) -> String {
        guard case .success(var parsed) = parse(url) else { return url }
        if let userinfo = parsed.userinfo, let colon = userinfo.firstIndex(of: ":") {
            parsed.userinfo = userinfo[..<colon] + ":***"
        }
        if let question = parsed.pathAndQuery.firstIndex(of: "?") {
            let path = parsed.pathAndQuery[..<question]
            let query = parsed.pathAndQuery[parsed.pathAndQuery.index(after: question)...]
            let secretNames = ["token", "key", "secret", "password", "passwd", "sig", "signature", "auth", "credential"]
            let parts = query.split(separator: "&", omittingEmptySubsequences: false).map { part -> String in
                guard let equals = part.firstIndex(of: "=") else { return String(part) }
                let name = part[..<equals].lowercased()
                return secretNames.contains(where: { name.contains($0) }) ? part[...equals] + "***" : String(part)
            }
            parsed.pathAndQuery = path + "?" + parts.joined(separator: "&")
        }
        return parsed.withoutFragment + (parsed.fragment.map { "#" + $0 } ?? "")
    }

    private static func encode(_ text: Substring) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case 0x00...0x20, 0x7F...0xFF, 0x22, 0x3C, 0x3E, 0x5C, 0x5E, 0x60, 0x7B, 0x7C, 0x7D:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            default:
                out.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return out
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
