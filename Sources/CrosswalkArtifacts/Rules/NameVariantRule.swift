import CrosswalkCore
import CrosswalkMentions

/// A known entity written in a non-standard rendering (Gunashiri for Kunashir): the link's
/// matched name is a declared variant, or the link needed fuzzy confusions. The route the
/// rendering betrays goes with the finding.
struct NameVariantRule: ArtifactRule {
  static let description = RuleDescription(
    id: "name-variant", family: .names, severity: .warning,
    summary: "a non-standard rendering of a known entity, with its route",
    description: """
      A mention that links to a glossary entity through a variant (a rendering the glossary marks \
      as non-standard, often with the language it came through), through a fuzzy match, or \
      through a spelling no Latin name of the entity has (Saharin: the katakana name サハリン \
      written in Latin letters; Etorohu: another romanization scheme) is flagged with the \
      entity's canonical name as suggestion. Variants that betray a route (Gunashiri: Russian \
      through Japanese katakana) carry it, as does the script of the name a spelling came \
      through; route inference reads it.
      """,
    triggering: [
      "Japan claims ⟦Gunashiri⟧ and ⟦Etorobu⟧.", "Talks with ⟦Kisida⟧ ended.", "Ferries to ⟦Saharin⟧ resumed in May.",
    ],
    nonTriggering: [
      "Japan claims Kunashir and Iturup.", "Talks with Kishida ended.", "Визит Кисиды в Москву.",
      "Ferries to Sakhalin resumed in May.", "Talks in the SShA ended.",
    ])

  static let readsMentions = true

  init(data: ArtifactData) {}

  func findings(in input: RuleInput) -> [Finding] {
    var found: [Finding] = []
    for mention in input.mentions {
      guard let entity = mention.entity, let matched = mention.matchedName else { continue }
      // A variant in another script than the canonical name's is a translation, not a variant.
      let latinSurface = mention.surface.unicodeScalars.allSatisfy { $0.value < 0x250 }
      guard latinSurface == isLatin(entity.name) else { continue }
      let how: String
      var route = matched.route
      if matched.kind == .variant {
        how = "a variant of"
      } else if mention.method == "fuzzy" {
        how = "close to"
      } else if latinSurface, Self.respelled.contains(mention.method ?? ""), !isAcronym(mention.surface) {
        // No Latin name of the glossary is spelled so, but one of its names is when romanized
        // (Saharin for サハリン) or when a romanization scheme is folded (Etorohu): a rendering
        // that went through that name's script, which tells the route.
        how = "a non-standard spelling of"
        route = route ?? Self.route(ofScriptOf: matched.text)
      } else {
        continue
      }
      found.append(
        finding(
          mention.span,
          "'\(mention.surface)' is \(how) '\(entity.name)'" + (route.map { " (route \($0))" } ?? ""),
          suggestion: entity.name,
          evidence: ["'\(mention.surface)' → \(entity.id) by \(mention.method ?? "link")"] + (route.map { ["route \($0)"] } ?? []),
          route: route))
    }
    return found
  }

  /// Link methods that match a spelling no Latin name has: through another script's name
  /// written in Latin letters, or with romanization schemes folded.
  private static let respelled: Set<String> = ["latin", "romanization"]

  private func isLatin(_ text: String) -> Bool { text.unicodeScalars.allSatisfy { $0.value < 0x250 } }

  /// An acronym (SShA) is the acronym rule's.
  private func isAcronym(_ text: String) -> Bool {
    text.unicodeScalars.filter { $0.properties.isUppercase }.count >= 2 && !text.contains(" ")
  }

  /// The language a name in a non-Latin script points to: kana Japanese, Cyrillic Russian.
  static func route(ofScriptOf name: String) -> String? {
    for scalar in name.unicodeScalars {
      switch scalar.value {
      case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: return "ja"
      case 0x0400...0x04FF: return "ru"
      default: continue
      }
    }
    return nil
  }
}
