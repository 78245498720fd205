import CCurl

/// The one multi handle of a run: every transfer goes through it, so connections (keep-alive, HTTP/2
/// streams) are pooled across requests. Owned here and freed in `deinit`; used from one thread only.
final class CurlMulti {
    private let handle: UnsafeMutableRawPointer

    /// - Parameters:
    ///   - maxConnectionsPerHost: CURLMOPT_MAX_HOST_CONNECTIONS, the per-host limit at socket level.
    ///   - maxConnections: CURLMOPT_MAX_TOTAL_CONNECTIONS.
    init?(maxConnectionsPerHost: Int, maxConnections: Int) {
        guard CurlGlobal.isReady, let handle = curl_multi_init() else { return nil }
        self.handle = handle
        _ = ccurl_multi_setopt_long(handle, CURLMOPT_MAX_HOST_CONNECTIONS, maxConnectionsPerHost)
        _ = ccurl_multi_setopt_long(handle, CURLMOPT_MAX_TOTAL_CONNECTIONS, maxConnections)
        // Idle connections kept for reuse; the default (4 × handles) is plenty but say it.
        _ = ccurl_multi_setopt_long(handle, CURLMOPT_MAXCONNECTS, max(maxConnections, 8))
        // HTTP/2 multiplexing where the server offers it (the default since 7.62; stated, not assumed).
        _ = ccurl_multi_setopt_long(handle, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX)
    }

    deinit {
        curl_multi_cleanup(handle)
    }

    func add(_ transfer: CurlTransfer) -> Bool {
        curl_multi_add_handle(handle, transfer.easy) == CURLM_OK
    }

    func remove(_ transfer: CurlTransfer) {
        _ = curl_multi_remove_handle(handle, transfer.easy)
    }

    /// Drives every transfer as far as it can go without blocking.
    func perform() {
        var running: Int32 = 0
        _ = curl_multi_perform(handle, &running)
    }

    /// Waits for activity on any transfer's socket, at most `milliseconds`.
    func poll(milliseconds: Int) {
        var ready: Int32 = 0
        _ = curl_multi_poll(handle, nil, 0, Int32(clamping: milliseconds), &ready)
    }

    /// The transfers that finished since the last call: (easy handle, result).
    func finished() -> [(easy: UnsafeMutableRawPointer, result: CURLcode)] {
        var done: [(UnsafeMutableRawPointer, CURLcode)] = []
        var left: Int32 = 0
        while let message = curl_multi_info_read(handle, &left) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle else { continue }
            done.append((easy, ccurl_msg_result(message)))
        }
        return done
    }
}
