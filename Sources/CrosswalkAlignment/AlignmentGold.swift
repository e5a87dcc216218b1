import Foundation

/// A gold alignment in the bracket format of sentence-alignment test sets: one bead per line,
/// `[0,1]:[2]`, `[3]:[]`, with 0-based sentence indices.
public struct AlignmentGold: Sendable {
  public let beads: [(source: [Int], translation: [Int])]

  /// Why a gold file could not be read: the line and what is wrong with it.
  public struct Problem: Error, Sendable {
    public let line: Int
    public let message: String
  }

  public init(beads: [(source: [Int], translation: [Int])]) { self.beads = beads }

  public init(text: String) throws(Problem) {
    var beads: [(source: [Int], translation: [Int])] = []
    for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.isEmpty || line.hasPrefix("#") { continue }
      let sides = line.split(separator: ":", omittingEmptySubsequences: false)
      guard sides.count == 2, let source = Self.indices(sides[0]), let translation = Self.indices(sides[1]),
        !(source.isEmpty && translation.isEmpty)
      else {
        throw Problem(line: offset + 1, message: "expected a bead like [0,1]:[2], found '\(line)'")
      }
      beads.append((source, translation))
    }
    self.beads = beads
  }

  private static func indices(_ side: Substring) -> [Int]? {
    let text = side.trimmingCharacters(in: .whitespaces)
    guard text.hasPrefix("["), text.hasSuffix("]") else { return nil }
    let inner = text.dropFirst().dropLast()
    if inner.trimmingCharacters(in: .whitespaces).isEmpty { return [] }
    var result: [Int] = []
    for item in inner.split(separator: ",") {
      guard let value = Int(item.trimmingCharacters(in: .whitespaces)), value >= 0 else { return nil }
      result.append(value)
    }
    return result
  }

  /// Precision, recall and F1 of `found` against this gold: `strict` counts beads that match
  /// exactly (beads with an empty side left out, as the test sets score), `lax` counts the
  /// sentence pairs the beads link.
  public func score(_ found: [Bead]) -> (strict: AlignmentScore, lax: AlignmentScore) {
    func key(_ source: [Int], _ translation: [Int]) -> String { "\(source):\(translation)" }
    let goldBeads = Set(beads.filter { !$0.source.isEmpty && !$0.translation.isEmpty }.map { key($0.source, $0.translation) })
    let foundBeads = Set(found.filter { !$0.source.isEmpty && !$0.translation.isEmpty }.map { key($0.source, $0.translation) })
    func links(_ pairs: [([Int], [Int])]) -> Set<Int> {
      var result = Set<Int>()
      for (source, translation) in pairs { for s in source { for t in translation { result.insert(s << 20 | t) } } }
      return result
    }
    let goldLinks = links(beads.map { ($0.source, $0.translation) })
    let foundLinks = links(found.map { ($0.source, $0.translation) })
    return (
      AlignmentScore(gold: goldBeads.count, found: foundBeads.count, correct: goldBeads.intersection(foundBeads).count),
      AlignmentScore(gold: goldLinks.count, found: foundLinks.count, correct: goldLinks.intersection(foundLinks).count)
    )
  }
}

/// Counts and the precision, recall and F1 they give.
public struct AlignmentScore: Sendable, Equatable {
  public let gold: Int
  public let found: Int
  public let correct: Int

  public var precision: Double { found == 0 ? 0 : Double(correct) / Double(found) }
  public var recall: Double { gold == 0 ? 0 : Double(correct) / Double(gold) }
  public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
}
