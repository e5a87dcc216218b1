import CrosswalkDocuments
import CrosswalkGlossary
import CrosswalkLinking
import CrosswalkMentions
import Foundation
import Testing

/// The acceptance: against Tests/Fixtures/corpus-gold.json, mention detection F1 and
/// linking accuracy of at least 0.95 per language over the whole sample corpus.
@Suite struct CorpusGoldTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static func scores(
    gold goldPath: String = "Tests/Fixtures/corpus-gold.json", corpus folder: String = "corpus"
  ) throws -> [String: MentionScore] {
    let gold = try GoldFile.read(root.appendingPathComponent(goldPath).path)
    let resources = try MentionResources(glossary: GlossaryLoader.builtIn().glossary)
    let finder = try MentionFinder(resources: resources)
    let corpus = root.appendingPathComponent(folder).path
    let listing = try CorpusWalker.list([corpus])
    let loader = try DocumentLoader()
    var scores: [String: MentionScore] = [:]
    for document in gold.documents {
      let path = (corpus as NSString).appendingPathComponent(document.path)
      let source = try #require(listing.sources.first { $0.path == path })
      let loaded = try loader.load(source)
      #expect(loaded.language == document.language)
      scores[document.language, default: MentionScore()].add(
        document: document.id, gold: document.mentions, found: try finder.mentions(in: loaded))
    }
    return scores
  }

  @Test func everyLanguageMeetsTheTargets() throws {
    let scores = try Self.scores()
    #expect(Set(scores.keys) == ["en", "ru", "ja"])
    for (language, score) in scores.sorted(by: { $0.key < $1.key }) {
      print(
        "\(language): gold \(score.gold), found \(score.found), matched \(score.matched), "
          + String(format: "P %.3f R %.3f F1 %.3f linking %.3f", score.precision, score.recall, score.f1, score.linkAccuracy))
      #expect(score.f1 >= 0.95, "\(language) detection F1 \(score.f1)")
      #expect(score.linkAccuracy >= 0.95, "\(language) linking accuracy \(score.linkAccuracy)")
    }
  }
}

/// The held-out sets (Tests/Fixtures/heldout*): texts annotated by writers who never saw the
/// finder. Their scores are well under the corpus gold's; these floors, a little under the
/// scores at the time they were set (docs/mentions.md 'Scoring'), catch a change that loses
/// ground on text the finder was not written for.
@Suite struct HeldOutTests {
  static let floors: [String: [String: Double]] = [
    "heldout": ["en": 0.94, "ja": 0.97, "ru": 0.97],
    "heldout-b": ["en": 0.95, "ja": 0.97, "ru": 0.92],
    "heldout-c": ["en": 0.92, "ja": 0.95, "ru": 0.90],
    "heldout-d": ["en": 0.93, "ja": 0.91, "ru": 0.95],
    "heldout-e": ["en": 0.93, "ja": 0.96, "ru": 0.93],
    "heldout-f": ["en": 0.89, "ja": 0.92, "ru": 0.88],
    "heldout-g": ["en": 0.87, "ja": 0.91, "ru": 0.93],
    "heldout-h": ["en": 0.87, "ja": 0.91, "ru": 0.94],
    "heldout-i": ["en": 0.85, "ja": 0.87, "ru": 0.79],
    "heldout-j": ["en": 0.90, "ja": 0.92, "ru": 0.91],
    "heldout-k": ["en": 0.90, "ja": 0.89, "ru": 0.90],
    "heldout-l": ["en": 0.88, "ja": 0.90, "ru": 0.88],
    "heldout-m": ["en": 0.95, "ja": 0.95, "ru": 0.90],
    "heldout-n": ["en": 0.91, "ja": 0.89, "ru": 0.95],
    "heldout-o": ["en": 0.89, "ja": 0.90, "ru": 0.88],
    "heldout-p": ["en": 0.87, "ja": 0.82, "ru": 0.89],
    "heldout-q": ["en": 0.89, "ja": 0.92, "ru": 0.92],
    "heldout-r": ["en": 0.86, "ja": 0.83, "ru": 0.89],
    "heldout-s": ["en": 0.89, "ja": 0.86, "ru": 0.84],
  ]

  // Set T (Tests/Fixtures/heldout-t) is left out on purpose: the next change to the finder is
  // measured on it before anyone reads its misses.
  @Test(arguments: [
    "heldout", "heldout-b", "heldout-c", "heldout-d", "heldout-e", "heldout-f", "heldout-g", "heldout-h", "heldout-i",
    "heldout-j", "heldout-k", "heldout-l", "heldout-m", "heldout-n", "heldout-o", "heldout-p",
    "heldout-q", "heldout-r", "heldout-s",
  ])
  func scoresStayAboveTheirFloors(set: String) throws {
    let scores = try CorpusGoldTests.scores(gold: "Tests/Fixtures/\(set)/gold.json", corpus: "Tests/Fixtures/\(set)")
    let floors = try #require(Self.floors[set])
    #expect(Set(scores.keys) == Set(floors.keys))
    for (language, score) in scores.sorted(by: { $0.key < $1.key }) {
      print("\(set) \(language): " + String(format: "F1 %.3f linking %.3f", score.f1, score.linkAccuracy))
      #expect(score.f1 >= floors[language] ?? 1, "\(set) \(language) detection F1 \(score.f1)")
      #expect(score.linkAccuracy >= 0.95, "\(set) \(language) linking accuracy \(score.linkAccuracy)")
    }
  }
}
