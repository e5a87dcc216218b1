import CrosswalkCore
import Foundation
import Testing

@testable import CrosswalkArtifacts

/// DESIGN.md 'The problem, in the source documents': every artifact it names in the five seed
/// articles is found under its rule, where it is.
@Suite struct SeedArtifactTests {
  struct Expected: CustomStringConvertible, Sendable {
    let document: String
    let rule: String
    /// The finding's span text starts with this (long spans such as a whole breadcrumb line are
    /// named by their start).
    let text: String
    var description: String { "\(document) \(rule) '\(text)'" }
  }

  static let seed0 = "seed-000-zakharova-japan-axis"
  static let seed1 = "seed-001-japan-distorts-history"
  static let seed2 = "seed-002-fsb-japan-occupation-plans"
  static let seed3 = "seed-003-tokyo-military-adversary"
  static let seed4 = "seed-004-osechkin-fsb-letter"

  static let expected: [Expected] = [
    // One entity, many renderings, in one text.
    Expected(document: seed4, rule: "name-inconsistent", text: "Osechkin"),
    Expected(document: seed4, rule: "name-variant", text: "Vladimir Ozekin"),
    Expected(document: seed3, rule: "name-inconsistent", text: "F. Kisida"),
    Expected(document: seed4, rule: "name-variant", text: "Christo Grochev"),
    Expected(document: seed2, rule: "name-inconsistent", text: "Guandong"),
    Expected(document: seed2, rule: "name-variant", text: "Guandong"),
    Expected(document: seed3, rule: "name-inconsistent", text: "Kyiv"),
    Expected(document: seed2, rule: "name-variant", text: "Triple Pact"),
    // Renderings that reveal the route.
    Expected(document: seed4, rule: "name-variant", text: "Gunashiri"),
    Expected(document: seed4, rule: "name-variant", text: "Etorobu"),
    Expected(document: seed3, rule: "name-variant", text: "F. Kisida"),
    Expected(document: seed3, rule: "untranslated-acronym", text: "SVO"),
    Expected(document: seed3, rule: "name-variant", text: "Kiev"),
    // Mechanical translation and scraping artifacts.
    Expected(document: seed4, rule: "glued-words", text: "UkraineOn"),
    Expected(document: seed3, rule: "glued-words", text: "Kiev.he"),
    Expected(document: seed4, rule: "glued-words", text: "status.The"),
    Expected(document: seed4, rule: "quote-mismatch", text: "““"),
    Expected(document: seed3, rule: "quote-mismatch", text: "’"),
    Expected(document: seed3, rule: "doubled-word", text: "arbitrariness and arbitrariness"),
    Expected(document: seed4, rule: "case-anomaly", text: "jAponians"),
    Expected(document: seed4, rule: "name-variant", text: "Wind o change"),
    Expected(document: seed4, rule: "punctuation-run", text: ". .“,"),
    Expected(document: seed4, rule: "boilerplate", text: "See also"),
    Expected(document: seed4, rule: "boilerplate", text: "Read more"),
    Expected(document: seed3, rule: "boilerplate", text: "Leave a Comment"),
    Expected(document: seed1, rule: "boilerplate", text: "top of page"),
    Expected(document: seed3, rule: "translator-marker", text: "Translation: ES"),
    Expected(document: seed3, rule: "boilerplate", text: "#Tokyo #positions"),
    Expected(document: seed3, rule: "boilerplate", text: "Home » today » World »"),
    // Calques and false friends.
    Expected(document: seed3, rule: "calque", text: "exchange rate"),
    Expected(document: seed3, rule: "calque", text: "counterparty"),
    Expected(document: seed4, rule: "calque", text: "The Heavenly Kingdom"),
    Expected(document: seed3, rule: "calque", text: "run in front of the locomotive"),
    Expected(document: seed2, rule: "calque", text: "Triple Pact"),
    Expected(document: seed2, rule: "calque", text: "sphere of co-prosperity"),
    Expected(document: seed3, rule: "calque", text: "the Forces of self-defense"),
    Expected(document: seed3, rule: "calque", text: "Cabinet Secretary General"),
    Expected(document: seed1, rule: "calque", text: "the Hitlerites"),
    Expected(document: seed1, rule: "calque", text: "powder"),
  ]

  @Test("a seed artifact is found under its rule", arguments: expected)
  func found(_ artifact: Expected) throws {
    let found = try CheckedCorpus.findings(artifact.rule, in: artifact.document)
    #expect(
      found.contains { $0.text.hasPrefix(artifact.text) },
      "\(artifact) not among \(found.map(\.text))")
  }

  /// The Zakharova op-ed quotes no foreign text and has no broken names: the name rules stay quiet.
  @Test func zakharovaHasNoNameFindings() throws {
    for rule in ["name-variant", "name-inconsistent", "untranslated-acronym", "untranslated-text"] {
      #expect(try CheckedCorpus.findings(rule, in: Self.seed0).isEmpty, "\(rule)")
    }
  }
}
