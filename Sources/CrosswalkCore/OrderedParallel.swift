import Foundation

/// Runs `work` for items 0..<count on `jobs` threads and hands each result to `deliver` in item
/// order, as soon as it and every item before it are done: output streams, and its order never
/// depends on the number of threads.
///
/// Each thread makes its own worker with `makeWorker` (ICU handles and caches are not shared
/// between threads). `deliver` runs on one thread at a time.
public func orderedParallelMap<Worker, Result>(
  count: Int, jobs: Int, makeWorker: () throws -> Worker,
  work: (inout Worker, Int) -> Result, deliver: (Int, Result) -> Void
) rethrows {
  guard count > 0 else { return }
  let threads = max(1, min(jobs, count))
  if threads == 1 {
    var worker = try makeWorker()
    for item in 0..<count { deliver(item, work(&worker, item)) }
    return
  }
  // Workers are made before the threads start, so an error surfaces here.
  var workers: [Worker] = []
  for _ in 0..<threads { workers.append(try makeWorker()) }
  let state = OrderedState<Result>(count: count)
  withoutActuallyEscaping(work) { work in
    withoutActuallyEscaping(deliver) { deliver in
      let box = UnsafeSendable((workers, work, deliver))
      DispatchQueue.concurrentPerform(iterations: threads) { thread in
        var worker = box.value.0[thread]
        while let item = state.next() {
          let result = box.value.1(&worker, item)
          state.finish(item, result, deliver: box.value.2)
        }
      }
    }
  }
}

/// Hands out items and delivers finished results in order, under one lock.
private final class OrderedState<Result>: @unchecked Sendable {
  private let lock = NSLock()
  private var nextItem = 0
  private var nextToDeliver = 0
  private var waiting: [Int: Result] = [:]
  private let count: Int

  init(count: Int) { self.count = count }

  func next() -> Int? {
    lock.lock()
    defer { lock.unlock() }
    guard nextItem < count else { return nil }
    nextItem += 1
    return nextItem - 1
  }

  func finish(_ item: Int, _ result: Result, deliver: (Int, Result) -> Void) {
    lock.lock()
    defer { lock.unlock() }
    waiting[item] = result
    while let ready = waiting.removeValue(forKey: nextToDeliver) {
      deliver(nextToDeliver, ready)
      nextToDeliver += 1
    }
  }
}

/// Carries values into `concurrentPerform`, whose threads each touch only their own worker.
private struct UnsafeSendable<T>: @unchecked Sendable {
  let value: T
  init(_ value: T) { self.value = value }
}
