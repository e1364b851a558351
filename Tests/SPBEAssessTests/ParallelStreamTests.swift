import Foundation
import Testing
@testable import SPBEAssess

/// ``ParallelWork/forEach(count:jobs:window:state:_:inOrder:)``: every result consumed once, in
/// index order, never more than the window ahead, whatever the threads do.
@Suite("results handed on in order while work goes on")
struct ParallelStreamTests {
    /// What the workers and the consumer saw, under a lock.
    final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var consumedCount = 0
        private var started: [Int] = []
        private(set) var furthestAhead = 0

        func start(_ index: Int) {
            lock.withLock {
                started.append(index)
                furthestAhead = max(furthestAhead, index - consumedCount)
            }
        }
        func consumed() { lock.withLock { consumedCount += 1 } }
        var startedIndices: [Int] { lock.withLock { started } }
    }

    struct Stop: Error {}

    @Test("in order, each once, within the window", arguments: [(1, 1), (2, 1), (2, 7), (4, 16), (3, 1000)])
    func order(jobs: Int, window: Int) throws {
        let log = Log()
        var seen: [Int] = []
        try ParallelWork.forEach(count: 500, jobs: jobs, window: window, state: { 0 }, { calls, index in
            log.start(index)
            calls += 1
            // Uneven work, so results finish out of order.
            var spin = 0
            for step in 0..<((index * 7919) % 13) * 2000 { spin &+= step }
            return (index, spin)
        }, inOrder: { value in
            seen.append(value.0)
            log.consumed()
        })
        #expect(seen == Array(0..<500))
        #expect(log.startedIndices.sorted() == Array(0..<500))
        // An index is started only when everything more than `window` before it has been taken.
        #expect(log.furthestAhead < 2 * window)
    }

    @Test("a consumer that throws stops the work and its error comes back")
    func stops() {
        let log = Log()
        var seen = 0
        #expect(throws: Stop.self) {
            try ParallelWork.forEach(count: 10_000, jobs: 2, window: 8, state: { () }, { _, index in
                log.start(index)
                return index
            }, inOrder: { index in
                if index == 20 { throw Stop() }
                seen += 1
            })
        }
        #expect(seen == 20)
        // Nothing started far beyond the failure: the window holds the workers back.
        #expect(log.startedIndices.count < 20 + 2 * 8 + 2 * 8)
    }

    @Test("no work, no calls")
    func empty() throws {
        try ParallelWork.forEach(count: 0, jobs: 2, window: 4, state: { () }, { _, _ in Issue.record("body called") },
                                 inOrder: { Issue.record("consumer called") })
    }
}
