import Testing

@testable import CrosswalkAlignment

/// The pair rules on one aligned bead at a time.
@Suite struct PairCheckTests {
  typealias Named = (id: String, name: String, type: String)

  static func mismatches(
    _ source: String, _ translation: String, sourceEntities: [Named] = [], translationEntities: [Named] = []
  ) -> [PairMismatch] {
    PairCheck.mismatches(
      [Bead(source: [0], translation: [0], score: 1)],
      source: PairCheck.Side(texts: [source], entities: [sourceEntities]),
      translation: PairCheck.Side(texts: [translation], entities: [translationEntities]), anchors: AlignmentAnchorsTests.anchors)
  }

  @Test(arguments: [
    ("Ущерб превысил 600 млн руб.", "The damage exceeded 600 million roubles."),
    ("Пакт подписан 13 апреля 1941 года.", "The pact was signed on April 13, 1941."),
    ("昭和16年4月13日に調印された。", "It was signed on April 13, 1941."),
    ("1万7000人が参加した。", "17,000 people took part."),
    ("Выделено 7,6 млрд долларов.", "$7.6 billion was allocated."),
  ])
  func sameQuantitiesInOtherWordsAgree(source: String, translation: String) {
    #expect(Self.mismatches(source, translation).isEmpty, "\(Self.mismatches(source, translation))")
  }

  @Test func aChangedAmountIsFound() {
    let found = Self.mismatches("Ущерб превысил 600 млн рублей.", "The damage exceeded 60 million rubles.")
    #expect(found.map(\.rule) == ["number-mismatch"])
    #expect(found.first?.message.contains("600 млн") == true)
    #expect(found.first?.message.contains("60 million") == true)
  }

  @Test func aDroppedPersonIsFoundButACountryKeptAsAnAdjectiveIsNot() {
    let kozuki: Named = ("toyohisa-kozuki", "Toyohisa Kozuki", "person")
    let russia: Named = ("russia", "Russia", "place")
    let found = Self.mismatches(
      "上月豊久大使とロシア側が会談した。", "The ambassador met the Russian side.", sourceEntities: [kozuki, russia])
    #expect(found.map(\.message) == ["'Toyohisa Kozuki' is named in the source, not in the translation"])
    let kept = Self.mismatches(
      "上月豊久大使が会談した。", "Ambassador Kozuki met them.", sourceEntities: [kozuki], translationEntities: [kozuki])
    #expect(kept.isEmpty)
  }

  @Test func oneSidedBeadsAreNotChecked() {
    let found = PairCheck.mismatches(
      [Bead(source: [0], translation: [], score: 0)],
      source: PairCheck.Side(texts: ["600 млн"], entities: [[]]), translation: PairCheck.Side(texts: [], entities: []),
      anchors: AlignmentAnchorsTests.anchors)
    #expect(found.isEmpty)
  }

  /// Every pair rule's own examples: the entities are those the examples name.
  @Test func eachPairRulesExamplesBehave() {
    let kozuki: Named = ("toyohisa-kozuki", "Toyohisa Kozuki", "person")
    let russia: Named = ("russia", "Russia", "place")
    func entities(_ text: String) -> [Named] {
      (text.contains("上月豊久") ? [kozuki] : []) + (text.contains("ロシア") ? [russia] : [])
    }
    for rule in PairCheck.rules {
      for (source, translation) in rule.triggering {
        let found = Self.mismatches(source, translation, sourceEntities: entities(source))
        #expect(found.map(\.rule) == [rule.id], "\(rule.id): \(source) ⇄ \(translation)")
      }
      for (source, translation) in rule.nonTriggering {
        #expect(Self.mismatches(source, translation, sourceEntities: entities(source)).isEmpty, "\(rule.id)")
      }
    }
  }
}
