/// The only importer of CCurl: libcurl multi, per-host limits, retries, cache (issue 4).
import CCurl
import ChecksCore
