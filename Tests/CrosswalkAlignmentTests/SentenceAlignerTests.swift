import Foundation
import Testing

@testable import CrosswalkAlignment

/// The aligner on the sample corpus's translation pairs (gold written by hand, Tests/Fixtures/align),
/// on those pairs disturbed (sentences merged and dropped), and its invariants.
@Suite struct SentenceAlignerTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appending(path: "Fixtures/align")

  static func lines(_ name: String) throws -> [String] {
    try String(contentsOf: folder.appending(path: name), encoding: .utf8).split(separator: "\n").map(String.init)
      .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
  }

  static func sentences(_ texts: [String], cognates: Bool = false) -> [AlignmentSentence] {
    texts.map { AlignmentSentence(text: $0, anchors: AlignmentAnchorsTests.anchors.anchors(of: $0, cognates: cognates)) }
  }

  /// Every sentence of both sides in exactly one bead, in order.
  static func coversInOrder(_ beads: [Bead], _ n: Int, _ m: Int) -> Bool {
    beads.flatMap(\.source) == Array(0..<n) && beads.flatMap(\.translation) == Array(0..<m)
  }

  @Test(arguments: ["ru", "ja"])
  func corpusPairMeetsTheTarget(language: String) throws {
    let source = try Self.lines("kurils-\(language).lines")
    let translation = try Self.lines("kurils-\(language)-mt.lines")
    let gold = try AlignmentGold(text: String(contentsOf: Self.folder.appending(path: "kurils-\(language).gold"), encoding: .utf8))
    let beads = SentenceAligner().align(source: Self.sentences(source), translation: Self.sentences(translation))
    #expect(Self.coversInOrder(beads, source.count, translation.count))
    let (strict, _) = gold.score(beads)
    print("\(language): strict F1 \(strict.f1) (\(strict.correct) of \(strict.gold))")
    #expect(strict.f1 >= 0.95)
  }

  /// The pairs made harder: two translation sentences merged in three places, a source sentence
  /// with no translation, and a translation sentence with no source.
  @Test(arguments: ["ru", "ja"])
  func disturbedPairStillAligns(language: String) throws {
    var source = try Self.lines("kurils-\(language).lines")
    var translation = try Self.lines("kurils-\(language)-mt.lines")
    // The gold as sentence-text pairs, rebuilt after the changes.
    var pairs = zip(source, translation).map { ([$0], [$1]) }
    for index in [20, 12, 4] {
      pairs[index] = (pairs[index].0 + pairs[index + 1].0, [pairs[index].1[0] + " " + pairs[index + 1].1[0]])
      pairs.remove(at: index + 1)
    }
    pairs[8] = (pairs[8].0, [])
    pairs.insert(([], ["This sentence was added by the translator and has no source at all."]), at: 15)
    source = pairs.flatMap(\.0)
    translation = pairs.flatMap(\.1)
    var beads: [(source: [Int], translation: [Int])] = []
    var s = 0, t = 0
    for (left, right) in pairs {
      beads.append((Array(s..<(s + left.count)), Array(t..<(t + right.count))))
      s += left.count
      t += right.count
    }
    let found = SentenceAligner().align(source: Self.sentences(source), translation: Self.sentences(translation))
    #expect(Self.coversInOrder(found, source.count, translation.count))
    let (strict, lax) = AlignmentGold(beads: beads).score(found)
    print("\(language) disturbed: strict F1 \(strict.f1), lax F1 \(lax.f1)")
    #expect(strict.f1 >= 0.9)
    #expect(lax.f1 >= 0.95)
  }

  @Test func emptySidesGiveOneSidedBeads() {
    let some = Self.sentences(["One.", "Two."])
    #expect(SentenceAligner().align(source: some, translation: []).map(\.source) == [[0], [1]])
    #expect(SentenceAligner().align(source: [], translation: some).map(\.translation) == [[0], [1]])
    #expect(SentenceAligner().align(source: [], translation: []).isEmpty)
  }

  @Test func randomTextsAreAlwaysCoveredInOrder() {
    var generator = SystemRandomNumberGenerator()
    let words = ["alpha", "beta", "1941", "NATO", "gamma", "600 million", "delta?", "«quote»"]
    for _ in 0..<50 {
      func text() -> [String] {
        (0..<Int.random(in: 0...30, using: &generator)).map { _ in
          (0..<Int.random(in: 1...12, using: &generator)).map { _ in words.randomElement(using: &generator) ?? "" }
            .joined(separator: " ")
        }
      }
      let source = text(), translation = text()
      let beads = SentenceAligner().align(source: Self.sentences(source), translation: Self.sentences(translation))
      #expect(Self.coversInOrder(beads, source.count, translation.count))
      #expect(beads.allSatisfy { (0...1).contains($0.score) })
    }
  }

  /// Long texts go through the band: the result still covers both sides and follows the
  /// diagonal of a text aligned with itself.
  @Test func longTextIsSearchedInABand() throws {
    let base = try Self.lines("kurils-ru-mt.lines")
    let long = (0..<6).flatMap { copy in base.map { "\($0) (\(copy * 1000 + 7))" } }
    let beads = SentenceAligner(fullSearchCells: 10_000).align(source: Self.sentences(long), translation: Self.sentences(long))
    #expect(Self.coversInOrder(beads, long.count, long.count))
    let diagonal = beads.filter { $0.source.count == 1 && $0.source == $0.translation }.count
    #expect(Double(diagonal) >= 0.95 * Double(long.count))
  }

  @Test func goldFileErrorsNameTheLine() {
    #expect(throws: AlignmentGold.Problem.self) { try AlignmentGold(text: "[0]:[0]\n[1]-[1]\n") }
    do throws(AlignmentGold.Problem) {
      _ = try AlignmentGold(text: "# comment\n[0]:[0]\n[1]:[x]\n")
      Issue.record("a bad bead was accepted")
    } catch {
      #expect(error.line == 3)
    }
    #expect((try? AlignmentGold(text: "[0, 1]:[0]\n[]:[1]\n[2]:[]\n"))?.beads.count == 3)
  }
}
