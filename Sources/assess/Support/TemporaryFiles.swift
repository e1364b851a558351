#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The temporary files a run has open, so that an interrupted run (SIGINT, SIGTERM, SIGHUP)
/// removes them before it dies: a signal handler may only call async-signal-safe functions, so
/// the paths live in a fixed table of C strings that the handler walks and `unlink`s.
///
/// SIGPIPE is ignored instead: a closed pipe then shows as a failed `write` (EPIPE), which the
/// writers report and clean up after like any other write error.
enum TemporaryFiles {
    private static let capacity = 64
    nonisolated(unsafe) private static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        slots.initialize(repeating: nil, count: capacity)
        return slots
    }()

    /// Installs the handlers; called once, first thing in `main`.
    static func installSignalHandlers() {
        _ = slots
        signal(SIGPIPE, SIG_IGN)
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for number in [SIGINT, SIGTERM, SIGHUP] {
            // Some launchers (Foundation's Process among them) start children with signals
            // blocked; ours must arrive. One the parent chose to ignore (nohup) stays ignored.
            sigaddset(&unblock, number)
            let previous = signal(number) { received in
                for index in 0..<TemporaryFiles.capacity {
                    if let path = TemporaryFiles.slots[index] { unlink(path) }
                }
                // Die of the signal, as the caller (a shell, make) expects.
                signal(received, SIG_DFL)
                raise(received)
            }
            if unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { signal(number, SIG_IGN) }
        }
        sigprocmask(SIG_UNBLOCK, &unblock, nil)
    }

    /// Runs `body` with the handled signals held back, so that a file it creates is registered
    /// before any signal can end the run.
    static func withSignalsHeld<T>(_ body: () throws -> T) rethrows -> T {
        var held = sigset_t(), previous = sigset_t()
        sigemptyset(&held)
        for number in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&held, number) }
        pthread_sigmask(SIG_BLOCK, &held, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        return try body()
    }

    /// Remembers `path` until ``forget(_:)``; returns its slot, or nil when the table is full
    /// (the file is then removed on errors but not on a signal).
    static func register(_ path: String) -> Int? {
        for index in 0..<capacity where slots[index] == nil {
            slots[index] = strdup(path)
            return index
        }
        return nil
    }

    static func forget(_ slot: Int?) {
        guard let slot, let path = slots[slot] else { return }
        slots[slot] = nil
        free(path)
    }
}
