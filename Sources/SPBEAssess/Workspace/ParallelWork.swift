import Foundation

/// Runs work over `0..<count` on several threads and returns the results in index order, so
/// output never depends on which thread finished first.
///
/// Workers claim small runs of indices from a shared counter (files differ in size, so fixed
/// shares would leave a core idle at the end); each worker owns a state (parser and validation
/// contexts) that no other thread touches.
public enum ParallelWork {
    /// The number of cores, the default for `jobs`.
    public static var defaultJobs: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    static func map<State, T>(count: Int, jobs: Int, state makeState: @Sendable () -> State,
                              _ body: @Sendable (inout State, Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let results = ResultSlots<T>(count: count)
        let counter = SharedCounter()
        let workers = max(1, min(jobs, count))
        @Sendable func run() {
            var state = makeState()
            while true {
                let range = counter.claim(workers: workers, limit: count)
                if range.isEmpty { return }
                for index in range { results.store(body(&state, index), at: index) }
            }
        }
        if workers == 1 { run() } else { DispatchQueue.concurrentPerform(iterations: workers) { _ in run() } }
        return results.values()
    }
}

/// One slot per index, each written by exactly one worker before the results are read.
private final class ResultSlots<T>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<T?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.baseAddress?.deinitialize(count: slots.count)
        slots.deallocate()
    }

    func store(_ value: T, at index: Int) { slots[index] = value }

    func values() -> [T] { slots.map { $0! } }
}

/// Hands out consecutive runs of indices under a lock: runs of up to 8 keep the lock off the
/// path, and they shrink to one as the end nears (a quarter of a worker's share of what is
/// left), so no worker is left holding a long run while the others have finished — and a few
/// items (whole directories) go one by one.
private final class SharedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    func claim(workers: Int, limit: Int) -> Range<Int> {
        lock.lock()
        defer { lock.unlock() }
        let start = next
        next = min(limit, next + max(1, min(8, (limit - next) / (workers * 4))))
        return start..<next
    }
}
