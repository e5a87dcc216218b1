// Pins the index's building blocks: posting lists (ascending, each form once) and the
// edit distance's early stop (the same cost whenever the cost is within the limit).
import Testing

@testable import CrosswalkLinking

@Suite("Index structures")
struct IndexStructureTests {
  @Test("posting lists hold each key's forms ascending and once each")
  func postings() {
    let keys: [UInt64] = [7, 9, 7, 7, 9, 0, 7]
    let forms: [Int32] = [1, 1, 2, 2, 3, 4, 5]
    let postings = Postings(keys: keys, forms: forms)
    #expect(postings[7].map(Array.init) == [1, 2, 5])
    #expect(postings[9].map(Array.init) == [1, 3])
    #expect(postings[0].map(Array.init) == [4])
    #expect(postings[8] == nil)
  }

  @Test("an alignment stopped at a limit costs the same as a full one when it fits the limit")
  func limitedDistance() throws {
    let table = try LinkData.builtIn().confusions
    let words = ["kunashir", "gunashiri", "kishida", "kushida", "osechkin", "ozekin", "etorofu", "etorobu",
                 "iturup", "a", "", "shchukin", "chtchoukine", "grozev", "grochev"]
    for a in words {
      for b in words {
        let (pa, pb) = (table.prepare(a), table.prepare(b))
        let full = table.distance(pa, pb, explain: false).cost
        for limit in [0.0, 0.3, 0.6, 1.0, 2.5] {
          let limited = table.distance(pa, pb, explain: false, limit: limit).cost
          if full <= limit {
            #expect(limited == full, "\(a) / \(b) within \(limit)")
          } else {
            #expect(limited > limit, "\(a) / \(b) over \(limit)")
          }
        }
      }
    }
  }
}
