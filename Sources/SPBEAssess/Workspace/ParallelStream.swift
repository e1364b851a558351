import Foundation

extension ParallelWork {
    /// Runs `body` over `0..<count` on `jobs` threads and hands every result to `consume` in
    /// index order, as soon as it and all before it are done: one call at a time, on whichever
    /// worker finished the next result, so writing the output overlaps the work instead of
    /// waiting for a whole batch while the other cores idle.
    ///
    /// Workers never run more than `window` indices ahead of what has been consumed, so memory
    /// holds at most about twice `window` results however large `count` is. When `consume`
    /// throws, no further work is started and the first error is rethrown.
    static func forEach<State, T>(count: Int, jobs: Int, window: Int, state makeState: @Sendable () -> State,
                                  _ body: @Sendable (inout State, Int) -> T,
                                  inOrder consume: (T) throws -> Void) throws {
        guard count > 0 else { return }
        let workers = max(1, min(jobs, count))
        // `consume` is called by one worker at a time, each call ordered after the last by the
        // hand-off's lock: the closure is never run concurrently, whatever thread runs it.
        try withoutActuallyEscaping(consume) { consume in
            let handOff = InOrderHandOff<T>(count: count, window: max(1, window), workers: workers,
                                            consume: UncheckedSendable(value: consume))
            @Sendable func run() {
                var state = makeState()
                while true {
                    let range = handOff.claim()
                    if range.isEmpty { return }
                    for index in range { handOff.finish(body(&state, index), at: index) }
                }
            }
            if workers == 1 { run() } else { DispatchQueue.concurrentPerform(iterations: workers) { _ in run() } }
            if let error = handOff.failure { throw error }
        }
    }
}

/// A value sent across threads under a guarantee the compiler cannot see (here: the hand-off's
/// lock orders every use).
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
}

/// The shared state of ``ParallelWork/forEach(count:jobs:window:state:_:inOrder:)``: which
/// indices are claimed, the finished results not yet consumed (a ring of `window` slots), and
/// which worker, if any, is consuming. Every field is read and written under `condition`.
private final class InOrderHandOff<T>: @unchecked Sendable {
    private let condition = NSCondition()
    private let count: Int
    private let workers: Int
    private let consume: UncheckedSendable<(T) throws -> Void>
    private var slots: [T?]
    /// The next index to hand out, and the next to consume.
    private var next = 0
    private var consumed = 0
    private var consuming = false
    private(set) var failure: (any Error)?

    init(count: Int, window: Int, workers: Int, consume: UncheckedSendable<(T) throws -> Void>) {
        self.count = count
        self.workers = workers
        self.consume = consume
        slots = Array(repeating: nil, count: min(window, count))
    }

    /// The next run of indices to work on (empty when none are left or consuming failed),
    /// waiting while the window ahead of the consumer is full. Runs are of up to 8 indices and
    /// shrink as the end nears, as in ``ParallelWork/map(count:jobs:state:_:)``.
    func claim() -> Range<Int> {
        condition.lock()
        defer { condition.unlock() }
        while next < count, failure == nil, next >= consumed + slots.count { condition.wait() }
        guard failure == nil else { return next..<next }
        let start = next
        let run = max(1, min(8, (count - next) / (workers * 4)))
        next = min(count, next + run, consumed + slots.count)
        return start..<next
    }

    /// Stores `value`; if no other worker is consuming, this one consumes every result that is
    /// next in order, outside the lock, until the next one is not finished yet.
    func finish(_ value: T, at index: Int) {
        condition.lock()
        slots[index % slots.count] = value
        guard !consuming else { return condition.unlock() }
        consuming = true
        while true {
            var ready: [T] = []
            while consumed < count, let value = slots[consumed % slots.count] {
                slots[consumed % slots.count] = nil
                ready.append(value)
                consumed += 1
            }
            guard !ready.isEmpty, failure == nil else { break }
            // Slots are free again: workers waiting for the window may go on meanwhile.
            condition.broadcast()
            condition.unlock()
            var error: (any Error)?
            do { for value in ready { try consume.value(value) } } catch let thrown { error = thrown }
            condition.lock()
            if let error { failure = error }
        }
        consuming = false
        condition.broadcast()
        condition.unlock()
    }
}
