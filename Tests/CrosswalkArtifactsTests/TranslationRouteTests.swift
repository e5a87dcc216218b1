import CrosswalkCore
import Testing

@testable import CrosswalkArtifacts

/// Route inference: on the sample corpus (DESIGN.md's acceptance) and on the rules of the score.
@Suite struct TranslationRouteTests {
  /// The route finding of a corpus document.
  static func route(of id: String) throws -> Finding {
    let found = try CheckedCorpus.findings("translation-route", in: id)
    try #require(found.count == 1, "one translation-route finding per document, got \(found.count)")
    return found[0].finding
  }

  @Test(arguments: [
    ("kurils-ja-mt", "ja"), ("kurils-ru-mt", "ru"), ("seed-004-osechkin-fsb-letter", "ja"),
    ("seed-003-tokyo-military-adversary", "ru"),
  ])
  func corpusTranslationsHaveTheirRoute(id: String, language: String) throws {
    let finding = try Self.route(of: id)
    #expect(finding.route == language, "\(finding.message) \(finding.evidence)")
    #expect(finding.severity == .info)
    #expect(finding.span == TextSpan(start: 0, end: 0))
  }

  @Test func theGunashiriSeedIsJapaneseWithThatEvidence() throws {
    let finding = try Self.route(of: "seed-004-osechkin-fsb-letter")
    #expect(finding.route == "ja")
    #expect(finding.evidence.contains("name-variant 'Gunashiri' (ja)"))
    #expect(finding.evidence.contains("name-variant 'Etorobu' (ja)"))
  }

  @Test(arguments: ["seed-000-zakharova-japan-axis", "kurils-ru", "kurils-ja", "brief-ru-cp1251", "brief-ja-sjis"])
  func originalsHaveNoRoute(id: String) throws {
    let finding = try Self.route(of: id)
    #expect(finding.route == nil, "\(finding.message) \(finding.evidence)")
  }

  // The score on documents made for it.

  static func route(_ text: String, language: String = "en") throws -> TranslationRoute {
    let findings = try RuleTestResources.findings(of: "translation-route", in: text)
    let document = RuleTestResources.document(text)
    let checker = try ArtifactChecker(
      data: try #require(RuleTestResources.data), mentions: try #require(RuleTestResources.mentions))
    #expect(findings.count == 1)
    return TranslationRoute(findings: try checker.check(document), in: document)
  }

  @Test func oneRussianSpellingIsNotARoute() throws {
    // An English writer may still write Kiev.
    let route = try Self.route("Aid for Kiev was approved on Monday by the parliament.")
    #expect(route.language == nil)
    #expect(route.score > 0)
  }

  @Test func repeatedEvidenceCountsOnce() throws {
    let once = try Self.route("Aid for Kiev was approved.")
    let often = try Self.route("Aid for Kiev was approved. Kiev thanked them. Kiev will use it. Kiev again.")
    #expect(once.score == often.score)
  }

  @Test func independentEvidenceAddsUp() throws {
    let route = try Self.route("Japan claims Gunashiri and Etorobu, the islands.")
    #expect(route.language == "ja")
  }

  @Test func aSecondLanguageWeakensTheFirst() throws {
    let pure = try Self.route("Japan claims Gunashiri and Etorobu, the islands.")
    let mixed = try Self.route(
      "Japan claims Gunashiri and Etorobu, the islands. The exchange rate of Moscow changed after the SVO.")
    #expect(mixed.language == "ja")
    #expect(mixed.score < pure.score)
    #expect(mixed.weights["ru"] ?? 0 > 0)
  }

  @Test func aRouteIntoTheDocumentsOwnLanguageIsNone() throws {
    // Cyrillic in a Russian document is not untranslated.
    let route = try Self.route("Премьер Кисида посетил Москву и Кунашир.")
    #expect(route.language == nil)
  }

  @Test func aTextWithNoEvidenceSaysSo() throws {
    let findings = try RuleTestResources.findings(of: "translation-route", in: "The island of Kunashir is disputed.")
    #expect(findings.first?.message == "no sign of a translation route")
    #expect(findings.first?.route == nil)
  }
}
