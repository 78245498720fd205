import CCurl
import Foundation

/// One easy handle and everything a request on it needs: options, the header list, the error buffer
/// and what the callbacks copy out. Handles are reused from a pool (`reset` between requests) and
/// freed in `deinit`; the header list is freed when the next request replaces it or in `deinit`.
/// Used from the prober's thread only.
final class CurlTransfer {
    /// How much of the response body a request wants.
    enum BodyNeed: Equatable {
        /// HEAD: no body at all.
        case none
        /// GET for the status only: the transfer is aborted at the first body byte.
        case nothing
        /// GET for a page's anchors: keep up to this many bytes, then abort.
        case upTo(Int)
    }

    /// What one request asks for.
    struct Request {
        var url: String
        var isHead: Bool
        var body: BodyNeed
        /// Header lines `Name: value`; the values are secrets and never leave this object.
        var headers: [String]
        var connectTimeout: Double
        var totalTimeout: Double
        var userAgent: String
        /// Certificate chain and host name checked (false only with `--insecure`).
        var verifyTLS = true
        /// Header bytes read before the transfer is cut off.
        var maxHeaderBytes = 256 * 1024
    }

    let easy: UnsafeMutableRawPointer
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer: UnsafeMutablePointer<CChar>

    // What the callbacks saw, for the response being received (reset at every status line).
    private(set) var body: [UInt8] = []
    private(set) var retryAfter: String?
    private(set) var contentType: String?
    private(set) var location: String?
    /// True when the write callback stopped the transfer because it had what it needed.
    private(set) var stoppedOnPurpose = false
    /// True when the body was cut at the byte limit.
    private(set) var truncated = false
    /// True when the header callback stopped the transfer at the header byte limit.
    private(set) var headersTooLarge = false
    private var bodyNeed: BodyNeed = .none
    private var headerBytes = 0
    private var maxHeaderBytes = 256 * 1024

    init?() {
        guard CurlGlobal.isReady, let easy = curl_easy_init() else { return nil }
        self.easy = easy
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
    }

    deinit {
        curl_easy_cleanup(easy)
        if let headerList { curl_slist_free_all(headerList) }
        errorBuffer.deallocate()
    }

    /// Sets every option for `request` on a freshly reset handle.
    /// - Returns: false when libcurl rejected an option (the URL, typically).
    func prepare(_ request: Request) -> Bool {
        curl_easy_reset(easy)
        if let headerList { curl_slist_free_all(headerList) }
        headerList = nil
        body = []
        retryAfter = nil
        contentType = nil
        location = nil
        stoppedOnPurpose = false
        truncated = false
        headersTooLarge = false
        headerBytes = 0
        maxHeaderBytes = request.maxHeaderBytes
        bodyNeed = request.body
        errorBuffer[0] = 0

        var ok = true
        func set(_ code: CURLcode) { if code != CURLE_OK { ok = false } }
        set(ccurl_easy_setopt_string(easy, CURLOPT_URL, request.url))
        // DESIGN.md §4: http and https only, also after redirects (which the prober follows itself,
        // so this is a second lock), TLS verification on (off only when the user asked, `--insecure`),
        // connect and total timeouts.
        set(ccurl_easy_setopt_string(easy, CURLOPT_PROTOCOLS_STR, "http,https"))
        set(ccurl_easy_setopt_string(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https"))
        set(ccurl_easy_setopt_long(easy, CURLOPT_FOLLOWLOCATION, 0))
        set(ccurl_easy_setopt_long(easy, CURLOPT_SSL_VERIFYPEER, request.verifyTLS ? 1 : 0))
        set(ccurl_easy_setopt_long(easy, CURLOPT_SSL_VERIFYHOST, request.verifyTLS ? 2 : 0))
        set(ccurl_easy_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(request.connectTimeout)))
        set(ccurl_easy_setopt_long(easy, CURLOPT_TIMEOUT_MS, Self.milliseconds(request.totalTimeout)))
        set(ccurl_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1))
        // A name lookup that outlives the connect timeout: without this, removing the handle waits
        // for the resolver thread (getaddrinfo, 10 s and more with an unanswering DNS server), which
        // holds every other transfer too; with it the thread is left to finish alone. libcurl 7.87+;
        // an older one refuses the option, which is no reason to fail the request.
        _ = ccurl_easy_setopt_long(easy, CURLOPT_QUICK_EXIT, 1)
        set(ccurl_easy_setopt_long(easy, CURLOPT_TCP_KEEPALIVE, 1))
        set(ccurl_easy_setopt_long(easy, CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_2TLS)))
        set(ccurl_easy_setopt_string(easy, CURLOPT_USERAGENT, request.userAgent))
        set(ccurl_easy_setopt_string(easy, CURLOPT_ACCEPT_ENCODING, ""))
        set(ccurl_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorBuffer))
        if request.isHead {
            set(ccurl_easy_setopt_long(easy, CURLOPT_NOBODY, 1))
        } else {
            set(ccurl_easy_setopt_long(easy, CURLOPT_HTTPGET, 1))
        }
        var list: UnsafeMutablePointer<curl_slist>?
        for line in request.headers {
            guard let appended = curl_slist_append(list, line) else {
                ok = false
                break
            }
            list = appended
        }
        headerList = list
        if let list { set(ccurl_easy_setopt_pointer(easy, CURLOPT_HTTPHEADER, list)) }

        // Callbacks cannot capture: `self` travels as userdata and is recovered unretained; the
        // prober keeps this object alive while libcurl holds the handle.
        let userdata = Unmanaged.passUnretained(self).toOpaque()
        set(
            ccurl_easy_setopt_write_function(easy) { data, size, count, userdata in
                guard let userdata else { return 0 }
                let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue()
                return transfer.receiveBody(UnsafeRawBufferPointer(start: data, count: size * count))
            })
        set(ccurl_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, userdata))
        set(
            ccurl_easy_setopt_header_function(easy) { data, size, count, userdata in
                guard let userdata else { return 0 }
                let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue()
                return transfer.receiveHeader(UnsafeRawBufferPointer(start: data, count: size * count))
            })
        set(ccurl_easy_setopt_pointer(easy, CURLOPT_HEADERDATA, userdata))
        return ok
    }

    // MARK: - After the transfer

    var responseCode: Int {
        var code = 0
        _ = ccurl_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &code)
        return code
    }

    /// Where a 3xx points, resolved against the request URL by libcurl; nil without a Location.
    var redirectURL: String? {
        var text: UnsafeMutablePointer<CChar>?
        guard ccurl_easy_getinfo_string(easy, CURLINFO_REDIRECT_URL, &text) == CURLE_OK, let text else { return nil }
        return String(cString: text)
    }

    /// Whether the request was sent, so a connection existed (false for DNS failures and connect
    /// timeouts). Not the connect time: that is 0 on a reused keep-alive connection.
    var sentRequest: Bool {
        var bytes = 0
        _ = ccurl_easy_getinfo_long(easy, CURLINFO_REQUEST_SIZE, &bytes)
        return bytes > 0
    }

    /// libcurl's own explanation of the last failure, or its generic text for `code`.
    func errorText(_ code: CURLcode) -> String {
        let detail = String(cString: errorBuffer)
        if !detail.isEmpty { return detail }
        return String(cString: curl_easy_strerror(code))
    }

    // MARK: - Callbacks

    private func receiveBody(_ chunk: UnsafeRawBufferPointer) -> Int {
        switch bodyNeed {
        case .none, .nothing:
            // The status line and headers are in; the body is not wanted. Returning less than the
            // chunk's size makes libcurl abort with CURLE_WRITE_ERROR, which the prober expects.
            stoppedOnPurpose = true
            return 0
        case .upTo(let limit):
            let room = limit - body.count
            if chunk.count > room {
                body.append(contentsOf: chunk.prefix(max(0, room)))
                truncated = true
                stoppedOnPurpose = true
                return 0
            }
            body.append(contentsOf: chunk)
            return chunk.count
        }
    }

    /// - Returns: the line's size to go on, 0 to make libcurl abort (CURLE_WRITE_ERROR) once the
    ///   headers pass the byte limit.
    private func receiveHeader(_ line: UnsafeRawBufferPointer) -> Int {
        headerBytes += line.count
        if headerBytes > maxHeaderBytes {
            headersTooLarge = true
            return 0
        }
        // Only three headers are kept, by name; nothing else (and no request header) is stored.
        guard let colon = line.firstIndex(of: 0x3A) else {
            if line.starts(with: "HTTP/".utf8) {
                retryAfter = nil
                contentType = nil
                location = nil
            }
            return line.count
        }
        let name = String(decoding: line[..<colon], as: UTF8.self).lowercased()
        guard name == "retry-after" || name == "content-type" || name == "location" else { return line.count }
        let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        switch name {
        case "retry-after": retryAfter = value
        case "content-type": contentType = value
        default: location = value
        }
        return line.count
    }

    /// curl's whole milliseconds. Anything past `Int32.max` ms (about 24.8 days) is sent as that,
    /// which in practice means no limit: `--timeout inf` or a configuration's `"timeout": "1e20d"`
    /// trapped when converted to an integer.
    static func milliseconds(_ seconds: Double) -> Int {
        let milliseconds = (seconds * 1000).rounded()
        guard milliseconds.isFinite, milliseconds < Double(Int32.max) else { return Int(Int32.max) }
        return max(1, Int(milliseconds))
    }
}
