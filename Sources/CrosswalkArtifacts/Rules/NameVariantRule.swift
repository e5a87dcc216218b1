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
      as non-standard, often with the language it came through) or through a fuzzy match is \
      flagged with the entity's canonical name as suggestion. Variants that betray a route \
      (Gunashiri: Russian through Japanese katakana) carry it; route inference reads it.
      """,
    triggering: ["Japan claims ⟦Gunashiri⟧ and ⟦Etorobu⟧.", "Talks with ⟦Kisida⟧ ended."],
    nonTriggering: ["Japan claims Kunashir and Iturup.", "Talks with Kishida ended.", "Визит Кисиды в Москву."])

  static let readsMentions = true

  init(data: ArtifactData) {}

  func findings(in input: RuleInput) -> [Finding] {
    var found: [Finding] = []
    for mention in input.mentions {
      guard let entity = mention.entity, let matched = mention.matchedName else { continue }
      let isVariant = matched.kind == .variant
      let isFuzzy = mention.method == "fuzzy"
      guard isVariant || isFuzzy else { continue }
      // A variant in another script than the canonical name's is a translation, not a variant.
      let latinSurface = mention.surface.unicodeScalars.allSatisfy { $0.value < 0x250 }
      let latinCanonical = entity.name.unicodeScalars.allSatisfy { $0.value < 0x250 }
      guard latinSurface == latinCanonical else { continue }
      let route = matched.route
      let how = isVariant ? "a variant of" : "close to"
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
}
