import CrosswalkCore
import CrosswalkDocuments
import Foundation
import Testing

@testable import CrosswalkArtifacts

/// `check` against the development set of annotated artifacts (Tests/Fixtures/artifacts-a, its
/// README): floors a little under its scores, so that a change that loses what the set taught
/// is seen. Set B, the held-out measure, is scored with `crosswalk-eval check`, not here.
@Suite struct ArtifactSetTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appending(path: "Fixtures/artifacts-a")

  @Test func setAIsCheckedAtItsFloors() throws {
    let gold = try ArtifactGold.read(Self.folder.appending(path: "gold.json").path)
    let checker = try ArtifactChecker(
      data: try #require(RuleTestResources.data), mentions: try #require(RuleTestResources.mentions))
    let loader = try DocumentLoader()
    var score = ArtifactScore()
    for document in gold.documents {
      let path = Self.folder.appending(path: document.path).path
      let loaded = try loader.load(DocumentSource(path: path, id: document.path))
      score.add(document: document, found: try checker.check(loaded), in: loaded)
    }
    #expect(score.documents == 16)
    #expect(score.total.precision >= 0.93, "precision \(score.total.precision)")
    #expect(score.total.recall >= 0.85, "recall \(score.total.recall)")
    #expect(score.routesRight >= 15, "routes right: \(score.routesRight) of \(score.documents)")
    #expect(score.cleanAlarms == 0, "\(score.extras.filter { $0.document.contains("clean") }.map(\.text))")
    for rule in ["boilerplate", "translator-marker", "untranslated-acronym", "glued-words", "mojibake"] {
      #expect((score.byRule[rule]?.recall ?? 0) >= 0.95, "\(rule) recall \(score.byRule[rule]?.recall ?? 0)")
    }
    #expect((score.byRule["name-variant"]?.recall ?? 0) >= 0.68)
  }
}
