import CCurl

/// `curl_global_init` once per process, before the first handle (libcurl asks for it, and it is not
/// thread-safe on older versions). A `static let` runs its initialiser exactly once, thread-safely.
enum CurlGlobal {
    static let isReady: Bool = ccurl_global_init_all() == CURLE_OK

}
