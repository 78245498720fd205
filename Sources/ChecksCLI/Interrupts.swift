import ChecksCore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// SIGINT and SIGTERM end a run the same way wherever it is (parsing, waiting on the network,
/// writing a file): temporary files of atomic writes in flight are removed, so the target keeps its
/// old bytes or has its complete new ones, and the process exits 130 (SIGINT) or 143 (SIGTERM),
/// 128 + the signal number as shells report it.
///
/// The signal handler only writes the signal number to a pipe (write(2) is async-signal-safe); a
/// watcher thread reads it and does the rest, where taking a lock is allowed: it removes the
/// temporary files under `AtomicFile`'s registry lock and calls `_exit` holding it, so no writer can
/// create or rename anything in between. See docs/design.md, "Interrupts".
public enum Interrupts {
    /// Installs the handlers once per process (later calls do nothing). Each tool's `main.swift` calls
    /// it first; `ToolRun.execute` calls it too, for a tool that does not.
    public static func install() {
        _ = installed
    }

    private static let installed: Bool = {
        // A blocked signal is never delivered, and the mask is inherited across exec: a parent that
        // spawns with SIGINT and SIGTERM blocked (some test runners and job systems do) would leave
        // the tool deaf to both. Unblocked here, on the main thread, before any other thread exists,
        // so every thread started later inherits the mask.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGINT)
        sigaddset(&unblock, SIGTERM)
        _ = pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return false }
        for fd in fds {
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        // The handler must never block, even if signals pile up faster than the watcher reads.
        _ = fcntl(fds[1], F_SETFL, fcntl(fds[1], F_GETFL) | O_NONBLOCK)
        interruptPipeWriteEnd = fds[1]
        let readEnd = fds[0]
        let watcher = Thread {
            var byte: UInt8 = 0
            while true {
                let n = read(readEnd, &byte, 1)
                if n == 1 { end(signal: Int32(byte)) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }
            }
        }
        watcher.name = "interrupts"
        watcher.start()
        for signal in [SIGINT, SIGTERM] {
            install(signal)
        }
        return true
    }()

    private static func install(_ signal: Int32) {
        var previous = sigaction()
        guard sigaction(signal, nil, &previous) == 0 else { return }
        // A signal ignored when the process started stays ignored (a background job of a
        // non-interactive shell has SIGINT ignored, and a ^C meant for the foreground is not ours).
        if previousHandlerIsIgnore(previous) { return }
        var action = sigaction()
        #if os(Linux)
            action.__sigaction_handler.sa_handler = interruptHandler
        #else
            action.__sigaction_u.__sa_handler = interruptHandler
        #endif
        sigemptyset(&action.sa_mask)
        // Calls the signal cut short are restarted, so no code elsewhere sees an EINTR it did not expect.
        action.sa_flags = SA_RESTART
        _ = sigaction(signal, &action, nil)
    }

    private static func previousHandlerIsIgnore(_ action: sigaction) -> Bool {
        #if os(Linux)
            let handler = action.__sigaction_handler.sa_handler
        #else
            let handler = action.__sigaction_u.__sa_handler
        #endif
        guard let handler else { return false }
        return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }

    /// On the watcher thread: clean up and end the process.
    private static func end(signal: Int32) -> Never {
        AtomicFile.removeTemporariesForExit()
        // A progress line or a half-printed report on a terminal: end the line so the prompt starts clean.
        if isatty(STDERR_FILENO) == 1 {
            var newline: UInt8 = 0x0A
            _ = write(STDERR_FILENO, &newline, 1)
        }
        _exit(128 + signal)
    }
}

/// The pipe's write end, set once before the handlers are installed and only read after.
nonisolated(unsafe) private var interruptPipeWriteEnd: Int32 = -1

/// Async-signal-safe: one write(2), errno kept for the thread the signal interrupted.
private let interruptHandler: @convention(c) (Int32) -> Void = { signal in
    let saved = errno
    var byte = UInt8(truncatingIfNeeded: signal)
    _ = write(interruptPipeWriteEnd, &byte, 1)
    errno = saved
}
