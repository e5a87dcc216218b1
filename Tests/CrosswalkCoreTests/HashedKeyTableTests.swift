// Pins HashedKeyTable against Swift's Dictionary: same answers for lookups, inserts, growth and
// in-place updates, whatever the keys (including 0, which marks empty slots inside).
import Testing

@testable import CrosswalkCore

@Suite("HashedKeyTable")
struct HashedKeyTableTests {
  /// Keys with clustered low bits, so that linear probing has to walk.
  static func keys(_ count: Int) -> [UInt64] {
    (0..<UInt64(count)).map { $0 &* 0x1_0000_0000 &+ ($0 % 7) }
  }

  @Test("lookups agree with a Dictionary through several growths")
  func agreesWithDictionary() {
    var table = HashedKeyTable<Int>(filler: -1)
    var reference: [UInt64: Int] = [:]
    for (position, key) in Self.keys(5_000).enumerated() {
      table[key, default: 0] += position
      reference[key, default: 0] += position
    }
    #expect(table.count == reference.count)
    for (key, value) in reference { #expect(table[key] == value) }
    #expect(table[0xDEAD_BEEF_0000_0001] == nil)
  }

  @Test("insertNew stores a new key and reports the value of a known one")
  func insertNew() {
    var table = HashedKeyTable<Int32>(filler: 0)
    #expect(table.insertNew(42, 7) == nil)
    #expect(table.insertNew(42, 9) == 7)
    #expect(table[42] == 7)
    #expect(table.count == 1)
  }

  @Test("key 0 is a key like any other (stored as 1)")
  func keyZero() {
    var table = HashedKeyTable<String>(filler: "")
    table[0, default: ""] = "zero"
    #expect(table[0] == "zero")
    #expect(table.count == 1)
  }

  @Test("values are changed in place")
  func inPlace() {
    var table = HashedKeyTable<[Int]>(filler: [])
    for value in 0..<100 { table[5, default: []].append(value) }
    #expect(table[5] == Array(0..<100))
  }

  @Test("the filling order is a stable permutation of the keys")
  func fillingOrder() {
    let keys = Self.keys(3_000) + Self.keys(3_000)
    let table = HashedKeyTable<Int>(capacity: keys.count, filler: 0)
    let order = table.fillingOrder(of: keys)
    #expect(order.sorted() == Array(keys.indices))
    // Equal keys keep their order, so lists built in this order stay ascending.
    var lastSeen: [UInt64: Int] = [:]
    for position in order {
      if let before = lastSeen[keys[position]] { #expect(before < position) }
      lastSeen[keys[position]] = position
    }
  }

  @Test("removeAll empties the table and mapValues keeps every key")
  func removeAndMap() {
    var table = HashedKeyTable<Int>(filler: 0)
    for key in Self.keys(100) { table[key, default: 0] = Int(key % 1000) }
    let doubled = table.mapValues(filler: 0) { $0 * 2 }
    for key in Self.keys(100) { #expect(doubled[key] == Int(key % 1000) * 2) }
    table.removeAll()
    #expect(table.count == 0)
    #expect(table[Self.keys(100)[3]] == nil)
  }
}
