/// The pair rules of DESIGN.md, run on aligned sentences: `number-mismatch` (a number, date or
/// amount of a source sentence missing or different in its aligned translation; 600 млн =
/// 600 million, ≠ 60 million) and `entity-dropped` (a person or place named in a source sentence
/// that its translation does not name, nor any word of its name: Russia survives as "Russian").
public struct PairMismatch: Sendable, Equatable {
  /// The index of the bead in the alignment.
  public let bead: Int
  /// `number-mismatch` or `entity-dropped`.
  public let rule: String
  public let message: String
}

public enum PairCheck {
  /// What a pair rule is, for `crosswalk rules`: its examples are a source sentence and its
  /// translation, and a test runs them.
  public struct Description: Sendable {
    public let id: String
    public let summary: String
    public let description: String
    /// (source, translation) pairs the rule flags.
    public let triggering: [(String, String)]
    /// Pairs it leaves alone.
    public let nonTriggering: [(String, String)]
  }

  /// The pair rules, by id.
  public static let rules: [Description] = [
    Description(
      id: "entity-dropped", summary: "a person or place of a source sentence missing from its aligned translation",
      description: """
        Run on aligned sentences (crosswalk align, crosswalk report): a glossary person or place \
        that the source sentence names and its translation names neither by a linked mention nor by \
        a word of its name (Russia kept as "the Russian side" is not dropped). Events, organizations \
        and terms are left out: translations paraphrase them.
        """,
      triggering: [("上月豊久大使が会談した。", "The ambassador met them.")],
      nonTriggering: [("ロシア側が会談した。", "The Russian side met them.")]),
    Description(
      id: "number-mismatch", summary: "a number of a source sentence missing or changed in its aligned translation",
      description: """
        Run on aligned sentences (crosswalk align, crosswalk report): each number, date or amount of \
        the source, read with its scale word (600 млн = 600 million = 6億; 1万7000 = 17,000; \
        апреля = April = 4月), must be equalled by a number of the translation.
        """,
      triggering: [("Ущерб превысил 600 млн рублей.", "The damage exceeded 60 million rubles.")],
      nonTriggering: [("Ущерб превысил 600 млн руб.", "The damage exceeded 600 million roubles.")]),
  ]

  /// One side of a pair: each sentence's text and the glossary entities of its mentions.
  public struct Side {
    public let texts: [String]
    public let entities: [[(id: String, name: String, type: String)]]

    public init(texts: [String], entities: [[(id: String, name: String, type: String)]]) {
      self.texts = texts
      self.entities = entities
    }
  }

  /// The mismatches of every bead that has both sides, in bead order.
  public static func mismatches(
    _ beads: [Bead], source: Side, translation: Side, anchors: AlignmentAnchors
  ) -> [PairMismatch] {
    var found: [PairMismatch] = []
    for (index, bead) in beads.enumerated() where !bead.source.isEmpty && !bead.translation.isEmpty {
      let sourceNumbers = bead.source.flatMap { anchors.numbers(in: source.texts[$0]) }
      var translationNumbers = bead.translation.flatMap { anchors.numbers(in: translation.texts[$0]) }
      var missing: [(value: Double, surface: String)] = []
      for number in sourceNumbers {
        // Each translation number answers for one source number.
        if let match = translationNumbers.firstIndex(where: { same($0.value, number.value) }) {
          translationNumbers.remove(at: match)
        } else {
          missing.append(number)
        }
      }
      for number in missing {
        let instead = translationNumbers.isEmpty ? "" : "; it has " + translationNumbers.map { "'\($0.surface)'" }.joined(separator: ", ")
        found.append(
          PairMismatch(
            bead: index, rule: "number-mismatch",
            message: "'\(number.surface)' (\(AlignmentAnchors.format(number.value))) is not in the translation\(instead)"))
      }
      let named = Set(bead.translation.flatMap { translation.entities[$0].map(\.id) })
      let translated = bead.translation.map { translation.texts[$0] }.joined(separator: " ").lowercased()
      var reported = Set<String>()
      for entity in bead.source.flatMap({ source.entities[$0] })
      where ["person", "place"].contains(entity.type) && !named.contains(entity.id) {
        // A country or people often stays only as an adjective (Russia → the Russian side), and
        // a place as a common noun (the islands): a word of the name is enough.
        let words = entity.name.lowercased().split { !$0.isLetter }.filter { $0.count >= 4 }
        if words.contains(where: { translated.contains($0.prefix(4)) }) { continue }
        guard reported.insert(entity.id).inserted else { continue }
        found.append(
          PairMismatch(bead: index, rule: "entity-dropped", message: "'\(entity.name)' is named in the source, not in the translation"))
      }
    }
    return found
  }

  /// Equal up to rounding in the last printed digit (7.6 billion and 7 600 000 000).
  static func same(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= max(abs(a), abs(b)) * 1e-9 }
}
