import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `posix_spawn_file_actions_addchdir_np` (glibc 2.29+, macOS 10.15+), looked up at run time: glibc
/// declares it only under `_GNU_SOURCE`, which Swift's Glibc module does not define.
private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
#if canImport(Darwin)
    // RTLD_DEFAULT
    nonisolated(unsafe) private let addChdirSymbol = dlsym(UnsafeMutableRawPointer(bitPattern: -2), "posix_spawn_file_actions_addchdir_np")
#else
    nonisolated(unsafe) private let addChdirSymbol = dlsym(nil, "posix_spawn_file_actions_addchdir_np")  // RTLD_DEFAULT
#endif

private func addChdir(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ path: String) -> Int32 {
    guard let addChdirSymbol else { return ENOSYS }
    return unsafeBitCast(addChdirSymbol, to: AddChdir.self)(actions, path)
}

/// Runs a built executable of this package the way a user or CI would, and captures what it did.
///
/// The child is started with `posix_spawn` in a process group of its own and reaped with `wait4`, so
/// a test also learns the signal that killed it (a crash), its peak memory, and whether it overran a
/// time limit; on a timeout the whole group is killed, so a hung tool (or a git it started) cannot
/// outlive the test. Foundation's `Process` reaps the child itself and exposes none of that.
public struct ToolProcess: Sendable {
    /// The exit status, or 128 + the signal number when a signal ended the child (as a shell says).
    public var status: Int32
    public var stdout: String
    public var stderr: String
    /// The signal that ended the child (SIGSEGV, SIGILL from a Swift trap, SIGKILL after a timeout), else nil.
    public var signal: Int32?
    /// True when the child overran its time limit and was killed.
    public var timedOut: Bool
    /// Peak resident memory of the child, in bytes (`ru_maxrss`).
    public var maxResidentBytes: Int
    /// Wall-clock time from spawn to exit, in seconds.
    public var seconds: Double

    /// The folder holding the built products (`.build/<triple>/debug`): the test runner lives there.
    public static var productsDirectory: URL {
        let runner = URL(fileURLWithPath: CommandLine.arguments.first ?? "")
        var folder = Bundle.main.bundleURL
        for candidate in [runner.deletingLastPathComponent(), Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()] {
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("check-doc-refs").path) {
                folder = candidate
                break
            }
        }
        return folder
    }

    public enum SpawnError: Error, LocalizedError {
        case failed(String, reason: String)
        public var errorDescription: String? {
            switch self {
            case .failed(let tool, let reason): "cannot start \(tool): \(reason)"
            }
        }
    }

    /// Runs `tool` with `arguments` in `directory`, with `environment` added to a clean one.
    /// - Parameter timeout: seconds after which the child's process group is killed (`timedOut` is then true).
    public static func run(
        _ tool: String, _ arguments: [String], in directory: URL, environment: [String: String] = [:],
        timeout: Double = 120
    ) throws -> ToolProcess {
        let executable = productsDirectory.appendingPathComponent(tool).path
        let inherited = ProcessInfo.processInfo.environment
        var env = ["PATH": inherited["PATH"] ?? "/usr/bin:/bin", "NO_COLOR": "1"]
        // Under `swift test --enable-code-coverage` the tools' own profiles join the test run's.
        if let profile = inherited["LLVM_PROFILE_FILE"] { env["LLVM_PROFILE_FILE"] = profile }
        env.merge(environment) { _, new in new }

        var outPipe: [Int32] = [-1, -1]
        var errPipe: [Int32] = [-1, -1]
        guard pipe(&outPipe) == 0 else { throw SpawnError.failed(tool, reason: String(cString: strerror(errno))) }
        guard pipe(&errPipe) == 0 else {
            close(outPipe[0]); close(outPipe[1])
            throw SpawnError.failed(tool, reason: String(cString: strerror(errno)))
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        for fd in [outPipe[0], outPipe[1], errPipe[0], errPipe[1]] { posix_spawn_file_actions_addclose(&actions, fd) }
        // The working directory is the child's only, never the test runner's (tests run in parallel).
        guard addChdir(&actions, directory.path) == 0 else {
            close(outPipe[0]); close(outPipe[1]); close(errPipe[0]); close(errPipe[1])
            throw SpawnError.failed(tool, reason: "cannot change to \(directory.path)")
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A process group of its own, so a timeout kills whatever the tool started too.
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)

        let argv = ([executable] + arguments).map { strdup($0) }
        let envp = env.map { strdup("\($0.key)=\($0.value)") }
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let argvC: [UnsafeMutablePointer<CChar>?] = argv + [nil]
        let envC: [UnsafeMutablePointer<CChar>?] = envp + [nil]
        let start = Date()
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argvC, envC)
        close(outPipe[1])
        close(errPipe[1])
        defer {
            close(outPipe[0])
            close(errPipe[0])
        }
        guard spawned == 0 else { throw SpawnError.failed(tool, reason: String(cString: strerror(spawned))) }

        // Drain both pipes in one poll loop (a large report cannot fill a pipe and deadlock) until
        // both close or the deadline passes.
        var stdout = Data()
        var stderr = Data()
        var fds = [
            pollfd(fd: outPipe[0], events: Int16(POLLIN), revents: 0),
            pollfd(fd: errPipe[0], events: Int16(POLLIN), revents: 0),
        ]
        var open = 2
        var timedOut = false
        var buffer = [UInt8](repeating: 0, count: 65536)
        let deadline = start.addingTimeInterval(timeout)
        while open > 0 {
            let left = deadline.timeIntervalSinceNow
            if left <= 0 {
                timedOut = true
                kill(-pid, SIGKILL)
                break
            }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(left * 1000, 1000).rounded(.up)))
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            for index in fds.indices where fds[index].fd >= 0 && fds[index].revents != 0 {
                let n = buffer.withUnsafeMutableBytes { read(fds[index].fd, $0.baseAddress, $0.count) }
                if n > 0 {
                    if index == 0 { stdout.append(contentsOf: buffer[0..<n]) } else { stderr.append(contentsOf: buffer[0..<n]) }
                } else if n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN) {
                    fds[index].fd = -1
                    open -= 1
                }
            }
        }
        // The pipes closed, but the child may still be running (it closed them itself): keep to the deadline.
        var status: Int32 = 0
        var usage = rusage()
        while true {
            let reaped = wait4(pid, &status, timedOut ? 0 : WNOHANG, &usage)
            if reaped == pid { break }
            if reaped < 0 && errno != EINTR { break }
            if reaped == 0 {
                if Date() >= deadline {
                    timedOut = true
                    kill(-pid, SIGKILL)
                } else {
                    usleep(2_000)
                }
            }
        }
        let seconds = Date().timeIntervalSince(start)
        // WIFEXITED / WEXITSTATUS / WTERMSIG by hand: the macros do not import into Swift.
        let signal: Int32? = (status & 0x7F) == 0 ? nil : status & 0x7F
        let exitStatus = signal.map { 128 + $0 } ?? (status >> 8) & 0xFF
        #if canImport(Darwin)
            let maxRSS = Int(usage.ru_maxrss)  // bytes on Darwin
        #else
            let maxRSS = Int(usage.ru_maxrss) * 1024  // KiB on Linux
        #endif
        return ToolProcess(
            status: exitStatus,
            stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self),
            signal: signal, timedOut: timedOut, maxResidentBytes: maxRSS, seconds: seconds)
    }
}
