import Testing

@testable import CrosswalkArtifacts

/// The automaton that finds the boilerplate patterns' literals must find exactly what a search
/// for each literal on its own finds.
@Suite struct LiteralAutomatonTests {
  /// Every occurrence (literal number, offset past its end), by looking for each literal at every
  /// offset.
  static func naive(_ literals: [[UInt8]], _ text: [UInt8]) -> [[Int]] {
    var found: [[Int]] = []
    for end in 0...text.count {
      for (id, literal) in literals.enumerated() where !literal.isEmpty && literal.count <= end {
        if text[(end - literal.count)..<end].elementsEqual(literal) { found.append([id, end]) }
      }
    }
    return found.sorted { ($0[1], $0[0]) < ($1[1], $1[0]) }
  }

  static func automaton(_ literals: [[UInt8]], _ text: [UInt8]) -> [[Int]] {
    LiteralAutomaton(literals).occurrences(in: text).map { [Int($0.literal), $0.end] }
      .sorted { ($0[1], $0[0]) < ($1[1], $1[0]) }
  }

  @Test func overlappingAndNestedLiterals() {
    let literals = ["he", "she", "his", "hers", "e", "", "hershey"].map { Array($0.utf8) }
    let text = Array("ushers say she is his, hershey".utf8)
    let found = Self.automaton(literals, text)
    #expect(found == Self.naive(literals, text))
    #expect(found.contains([3, 6]) && found.contains([1, 4]) && found.contains([0, 4]) && found.contains([6, 30]))
    #expect(!found.contains { $0[0] == 5 }, "an empty literal is never reported")
  }

  /// Random literals and texts over a small alphabet, where literals overlap and nest often (a
  /// failure prints both).
  @Test func agreesWithSearchingEachLiteral() {
    var rng = SystemRandomNumberGenerator()
    let alphabet = Array("abc »".utf8)
    for _ in 0..<300 {
      let literals = (0..<Int(rng.next() % 8 + 1)).map { _ in
        (0..<Int(rng.next() % 4 + 1)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
      }
      let text = (0..<Int(rng.next() % 60)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
      #expect(Self.automaton(literals, text) == Self.naive(literals, text), "\(literals) in \(text)")
    }
  }

  /// Stepping by scalar reports what stepping by each UTF-8 byte reports at scalar ends.
  @Test func scalarStepsAreTheirUTF8Bytes() {
    let literals = ["ссылка", "リンク", "»", "a😀b", "k"].map { Array($0.utf8) }
    let automaton = LiteralAutomaton(literals)
    let text = "x ссылка ► リンク » a😀b Kk"
    var state = LiteralAutomaton.start
    var byScalar: [Int32] = []
    for scalar in text.unicodeScalars {
      state = automaton.step(state, scalar)
      byScalar += automaton.literals(endingAt: state)
    }
    #expect(byScalar == automaton.occurrences(in: Array(text.utf8)).map(\.literal))
    #expect(byScalar == [0, 1, 2, 3, 4])
  }

  @Test func literalSets() {
    var set = LiteralSet(capacity: 130)
    for literal: Int32 in [0, 63, 64, 129] { set.insert(literal) }
    #expect([0, 63, 64, 129].allSatisfy { set.contains($0) })
    #expect(![1, 62, 65, 128].contains { set.contains($0) })
    #expect(!set.emptied.contains(0))
  }
}

extension LiteralAutomaton {
  /// Each occurrence in `bytes`: the literal and the offset just past its end.
  fileprivate func occurrences(in bytes: some Sequence<UInt8>) -> [(literal: Int32, end: Int)] {
    var found: [(literal: Int32, end: Int)] = []
    var state = Self.start
    for (offset, byte) in bytes.enumerated() {
      state = step(state, byte)
      if reports(state) { found += literals(endingAt: state).map { ($0, offset + 1) } }
    }
    return found
  }
}
