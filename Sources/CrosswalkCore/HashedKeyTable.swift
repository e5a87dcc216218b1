import Synchronization

/// A hash table whose keys are already 64-bit hashes (`keyHash`, `NameAnalysis.exactHash`):
/// open addressing with linear probing on the key's own low bits. Swift's Dictionary hashes
/// every key again with SipHash, which was a tenth of the cost of indexing a large glossary.
///
/// Key 0 marks an empty slot, so a key of 0 is stored as 1: two keys out of 2⁶⁴ share a slot.
public struct HashedKeyTable<Value> {
  @usableFromInline var keys: [UInt64]
  @usableFromInline var values: [Value]
  /// The value empty slots hold (never returned).
  @usableFromInline let filler: Value
  @usableFromInline var storedCount = 0
  public var count: Int { storedCount }

  /// A table for about `capacity` keys before it grows, with `filler` in its empty slots.
  @inlinable
  public init(capacity: Int = 0, filler: Value) {
    var size = 16
    while size < capacity * 2 { size *= 2 }
    keys = [UInt64](repeating: 0, count: size)
    values = [Value](repeating: filler, count: size)
    self.filler = filler
  }

  @inlinable @inline(__always)
  static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

  /// The slot that holds `key`, or the empty slot where it would go.
  @inlinable @inline(__always)
  func slot(of key: UInt64) -> (index: Int, found: Bool) {
    let mask = keys.count - 1
    var index = Int(truncatingIfNeeded: key) & mask
    while true {
      let held = keys[index]
      if held == key { return (index, true) }
      if held == 0 { return (index, false) }
      index = (index + 1) & mask
    }
  }

  @inlinable
  public subscript(key: UInt64) -> Value? {
    let (index, found) = slot(of: Self.stored(key))
    return found ? values[index] : nil
  }

  /// The value of `key`, inserted as `defaultValue` when absent; mutable in place.
  @inlinable
  public subscript(key: UInt64, default defaultValue: @autoclosure () -> Value) -> Value {
    get { self[key] ?? defaultValue() }
    _modify {
      let key = Self.stored(key)
      var (index, found) = slot(of: key)
      if !found {
        if (count + 1) * 2 > keys.count {
          grow()
          index = slot(of: key).index
        }
        keys[index] = key
        values[index] = defaultValue()
        storedCount += 1
      }
      yield &values[index]
    }
  }

  /// Stores `value` under `key` when the key is new; otherwise changes nothing and returns the
  /// value the key has. One probe of the table either way.
  @inlinable
  public mutating func insertNew(_ key: UInt64, _ value: Value) -> Value? {
    let key = Self.stored(key)
    var (index, found) = slot(of: key)
    if found { return values[index] }
    if (count + 1) * 2 > keys.count {
      grow()
      index = slot(of: key).index
    }
    keys[index] = key
    values[index] = value
    storedCount += 1
    return nil
  }

  /// Calls `body` with every key and value, in no particular order.
  @inlinable
  public func forEach(_ body: (UInt64, Value) -> Void) {
    for index in keys.indices where keys[index] != 0 { body(keys[index], values[index]) }
  }

  /// The same keys with their values transformed.
  @inlinable
  public func mapValues<T>(filler: T, _ transform: (Value) -> T) -> HashedKeyTable<T> {
    var mapped = HashedKeyTable<T>(capacity: count, filler: filler)
    forEach { key, value in mapped[key, default: filler] = transform(value) }
    return mapped
  }

  /// The positions of `keys` ordered by the region of the table each key's slot lies in (a
  /// stable counting sort): inserting in this order writes the table from front to back.
  @inlinable
  public func fillingOrder(of keys: [UInt64]) -> [Int] {
    let regions = min(4096, self.keys.count)
    let shift = (self.keys.count / regions).trailingZeroBitCount
    let mask = self.keys.count - 1
    @inline(__always) func region(_ key: UInt64) -> Int {
      (Int(truncatingIfNeeded: Self.stored(key)) & mask) >> shift
    }
    var starts = [Int](repeating: 0, count: regions + 1)
    for key in keys { starts[region(key) + 1] += 1 }
    for index in 1..<starts.count { starts[index] += starts[index - 1] }
    var order = [Int](repeating: 0, count: keys.count)
    for (position, key) in keys.enumerated() {
      let r = region(key)
      order[starts[r]] = position
      starts[r] += 1
    }
    return order
  }

  /// Empties the table, keeping its size.
  @inlinable
  public mutating func removeAll() {
    for index in keys.indices { keys[index] = 0 }
    for index in values.indices { values[index] = filler }
    storedCount = 0
  }

  /// Inlinable with the rest: generic code called from another module looks its types up at
  /// run time.
  @inlinable
  mutating func grow() {
    var bigger = HashedKeyTable(capacity: keys.count, filler: filler)
    for index in keys.indices where keys[index] != 0 {
      let slot = bigger.slot(of: keys[index]).index
      bigger.keys[slot] = keys[index]
      bigger.values[slot] = values[index]
    }
    bigger.storedCount = storedCount
    self = bigger
  }
}

extension HashedKeyTable: Sendable where Value: Sendable {}

/// A set of 64-bit hash keys (`keyHash`, the tokenizer's word keys), probed as `HashedKeyTable`
/// probes: Swift's Set hashes every UInt64 again with SipHash, at each of the millions of
/// lookups that decide which capitalized words of a corpus are names.
public struct HashedKeySet: Sendable {
  @usableFromInline var table = HashedKeyTable<Bool>(filler: false)

  public init() {}

  public init(_ keys: some Sequence<UInt64>) {
    for key in keys { insert(key) }
  }

  @inlinable
  public func contains(_ key: UInt64) -> Bool { table[key] != nil }

  public mutating func insert(_ key: UInt64) { table[key, default: true] = true }

  public func union(_ other: HashedKeySet) -> HashedKeySet {
    var union = self
    other.table.forEach { key, _ in union.insert(key) }
    return union
  }
}

/// A `HashedKeyTable` that threads share under a lock, for caches of results that depend on
/// their key alone: what one thread has worked out, the others need not work out again (on
/// two threads, each thread's own caches left about a tenth of mention finding done twice).
/// Bounded: emptied when full.
public final class SharedKeyTable<Value: Sendable>: Sendable {
  // Inlinable, so that callers get code specialized for their values: generic, each call looked
  // the table's types up at run time, a twentieth of the time of linking new names.
  @usableFromInline let table: Mutex<HashedKeyTable<Value?>>
  @usableFromInline let limit: Int

  public init(limit: Int) {
    table = Mutex(HashedKeyTable(filler: nil))
    self.limit = limit
  }

  @inlinable
  public subscript(key: UInt64) -> Value? {
    table.withLock { $0[key] ?? nil }
  }

  @inlinable
  public func insert(_ value: Value, for key: UInt64) {
    table.withLock { table in
      if table.count >= limit { table.removeAll() }
      table[key, default: nil] = value
    }
  }
}
