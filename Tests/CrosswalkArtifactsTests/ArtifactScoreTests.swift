import CrosswalkCore
import Foundation
import Testing

@testable import CrosswalkArtifacts

/// How `crosswalk-eval check` counts: findings against gold artifacts by rule and overlap, the
/// route per document, alarms on clean documents.
@Suite struct ArtifactScoreTests {
  static let text = "The ministry said that that decision was the the right one, said Kisida."

  static func gold(kind: String = "mt", route: String? = "ru", _ artifacts: [(String, Int, Int)]) throws
    -> ArtifactGold.Document
  {
    let findings = artifacts.map { rule, start, end in
      #"{"rule": "\#(rule)", "start": \#(start), "end": \#(end), "text": ""}"#
    }
    let route = route.map { "\"\($0)\"" } ?? "null"
    let json = #"{"path": "a.txt", "language": "en", "kind": "\#(kind)", "route": \#(route), "findings": [\#(findings.joined(separator: ","))]}"#
    return try JSONDecoder().decode(ArtifactGold.Document.self, from: Data(json.utf8))
  }

  static func finding(_ rule: String, _ start: Int, _ end: Int, route: String? = nil, severity: Severity = .warning)
    -> Finding
  {
    Finding(rule: rule, severity: severity, span: TextSpan(start: start, end: end), message: "m", route: route)
  }

  @Test func overlappingSpansOfTheSameRuleMatchAndOthersDoNot() throws {
    var score = ArtifactScore()
    let gold = try Self.gold([("doubled-word", 41, 48), ("name-variant", 65, 71), ("calque", 4, 12)])
    score.add(
      document: gold,
      found: [
        Self.finding("doubled-word", 45, 48),  // overlaps the gold span: a match
        Self.finding("name-variant", 60, 65),  // beside the gold span: an extra and a miss
        Self.finding("doubled-word", 18, 27),  // no gold here: an extra
        Self.finding("translation-route", 0, 0, route: "ru", severity: .info),
      ],
      in: RuleTestResources.document(Self.text))
    let doubled = try #require(score.byRule["doubled-word"])
    #expect((doubled.gold, doubled.found, doubled.goldMatched, doubled.foundMatched) == (1, 2, 1, 1))
    #expect(doubled.precision == 0.5 && doubled.recall == 1)
    let variant = try #require(score.byRule["name-variant"])
    #expect((variant.goldMatched, variant.foundMatched) == (0, 0))
    #expect(score.byRule["calque"]?.recall == 0)
    #expect(score.byRule["translation-route"] == nil, "the route is scored per document, not as a span")
    #expect(score.total.gold == 3 && score.total.found == 3)
    #expect(score.routesRight == 1 && score.documents == 1)
    #expect(score.misses.map(\.artifact.rule).sorted() == ["calque", "name-variant"])
    #expect(score.extras.map(\.text) == ["that that", "said "])
  }

  @Test func aWrongRouteAndAlarmsOnACleanDocumentAreCounted() throws {
    var score = ArtifactScore()
    score.add(
      document: try Self.gold(kind: "clean", route: nil, []),
      found: [
        Self.finding("doubled-word", 41, 48), Self.finding("case-anomaly", 0, 3, severity: .info),
        Self.finding("translation-route", 0, 0, route: "ja", severity: .info),
      ],
      in: RuleTestResources.document(Self.text))
    #expect(score.cleanAlarms == 1, "an info finding is no alarm")
    #expect(score.cleanDocuments == 1)
    #expect(score.routesRight == 0)
    #expect(score.wrongRoutes.first?.found == "ja" && score.wrongRoutes.first?.gold == nil)
    #expect(score.byRule["doubled-word"]?.precision == 0)
  }
}
