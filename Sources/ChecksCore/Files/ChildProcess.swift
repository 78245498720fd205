import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a program with `posix_spawn` and an argument array (never a shell) and collects its output.
///
/// Foundation's `Process` costs about 70 ms per call on Linux while it polls for the child's exit,
/// more than a whole check of a small tree; a hook must feel instant, so git is started directly.
/// Both pipes are drained with `poll` in one loop, so a chatty child can never block on a full pipe.
/// The child is reaped with `wait4`, so callers also learn the signal that ended it and its peak
/// memory (the test support's `ToolProcess` runs the built tools through here).
public enum ChildProcess {
    public struct Output: Sendable {
        /// The exit status, or 128 + the signal number when a signal ended the child (as a shell says).
        public var status: Int32
        public var stdout: Data
        public var stderr: Data
        /// The signal that ended the child, else nil.
        public var signal: Int32?
        /// True when the child overran `timeout` and its process group was killed.
        public var timedOut: Bool
        /// Peak resident memory of the child, in bytes (`ru_maxrss`).
        public var maxResidentBytes: Int
        /// Wall-clock time from spawn to exit, in seconds.
        public var seconds: Double
    }

    public enum SpawnError: Error, Equatable {
        case failed(reason: String)
    }

    /// Runs `executable` with `arguments` and exactly `environment`; standard input is /dev/null.
    /// - Parameters:
    ///   - directory: the child's working directory (the caller's own never changes: tests run in
    ///     parallel); nil keeps the caller's.
    ///   - newProcessGroup: start the child in a process group of its own, so a timeout kills
    ///     whatever it started too.
    ///   - timeout: seconds after which the child (its group, with `newProcessGroup`) is killed.
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String],
        directory: String? = nil, newProcessGroup: Bool = false, timeout: Double? = nil
    ) throws -> Output {
        var outPipe: [Int32] = [-1, -1]
        var errPipe: [Int32] = [-1, -1]
        guard pipe(&outPipe) == 0 else { throw SpawnError.failed(reason: String(cString: strerror(errno))) }
        guard pipe(&errPipe) == 0 else {
            close(outPipe[0])
            close(outPipe[1])
            throw SpawnError.failed(reason: String(cString: strerror(errno)))
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        for fd in [outPipe[0], outPipe[1], errPipe[0], errPipe[1]] { posix_spawn_file_actions_addclose(&actions, fd) }
        if let directory, addChdir(&actions, directory) != 0 {
            for fd in outPipe + errPipe { close(fd) }
            throw SpawnError.failed(reason: "cannot change to \(directory)")
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        if newProcessGroup {
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
            posix_spawnattr_setpgroup(&attributes, 0)
        }

        let argv = ([executable] + arguments).map { strdup($0) }
        let envp = environment.map { strdup("\($0.key)=\($0.value)") }
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
        guard spawned == 0 else { throw SpawnError.failed(reason: String(cString: strerror(spawned))) }
        let deadline = timeout.map { start.addingTimeInterval($0) }
        let killTarget = newProcessGroup ? -pid : pid

        // Drain both pipes in one poll loop until both close or the deadline passes.
        var stdout = Data()
        var stderr = Data()
        var fds = [
            pollfd(fd: outPipe[0], events: Int16(POLLIN), revents: 0),
            pollfd(fd: errPipe[0], events: Int16(POLLIN), revents: 0),
        ]
        var open = 2
        var timedOut = false
        var buffer = [UInt8](repeating: 0, count: 65536)
        while open > 0 {
            var wait: Int32 = -1
            if let deadline {
                let left = deadline.timeIntervalSinceNow
                if left <= 0 {
                    timedOut = true
                    kill(killTarget, SIGKILL)
                    break
                }
                wait = Int32(min(left * 1000, 1000).rounded(.up))
            }
            let ready = poll(&fds, nfds_t(fds.count), wait)
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
            let reaped = wait4(pid, &status, deadline == nil || timedOut ? 0 : WNOHANG, &usage)
            if reaped == pid { break }
            if reaped < 0 && errno != EINTR { break }
            if reaped == 0, let deadline {
                if Date() >= deadline {
                    timedOut = true
                    kill(killTarget, SIGKILL)
                } else {
                    usleep(2_000)
                }
            }
        }
        // WIFEXITED / WEXITSTATUS / WTERMSIG by hand: the macros do not import into Swift.
        let signal: Int32? = (status & 0x7F) == 0 ? nil : status & 0x7F
        #if canImport(Darwin)
            let maxRSS = Int(usage.ru_maxrss)  // bytes on Darwin
        #else
            let maxRSS = Int(usage.ru_maxrss) * 1024  // KiB on Linux
        #endif
        return Output(
            status: signal.map { 128 + $0 } ?? (status >> 8) & 0xFF, stdout: stdout, stderr: stderr, signal: signal,
            timedOut: timedOut, maxResidentBytes: maxRSS, seconds: Date().timeIntervalSince(start))
    }
}

/// `posix_spawn_file_actions_addchdir_np` (glibc 2.29+, macOS 10.15+), looked up at run time: glibc
/// declares it only under `_GNU_SOURCE`, which Swift's Glibc module does not define.
private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
#if canImport(Darwin)
    // RTLD_DEFAULT
    nonisolated(unsafe) private let addChdirSymbol = dlsym(UnsafeMutableRawPointer(bitPattern: -2), "posix_spawn_file_actions_addchdir_np")
#else
    // RTLD_DEFAULT
    nonisolated(unsafe) private let addChdirSymbol = dlsym(nil, "posix_spawn_file_actions_addchdir_np")
#endif

private func addChdir(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ path: String) -> Int32 {
    guard let addChdirSymbol else { return ENOSYS }
    return unsafeBitCast(addChdirSymbol, to: AddChdir.self)(actions, path)
}
