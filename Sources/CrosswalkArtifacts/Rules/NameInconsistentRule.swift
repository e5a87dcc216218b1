import CrosswalkCore
import CrosswalkMentions

/// One entity written two ways in one document (Kishida … Kisida): readers take two spellings
/// for two people, and searches find half the text.
struct NameInconsistentRule: ArtifactRule {
  static let description = RuleDescription(
    id: "name-inconsistent", family: .names, severity: .warning,
    summary: "one entity rendered two ways in one document",
    description: """
      Mentions linked to the same entity are compared by their spelling (case, inflection and \
      script aside: Кисиды and Кисида are one spelling, and a short form after the full name is \
      one too). Each later spelling that differs from the first is flagged, with the first as \
      suggestion; when the first is itself the non-standard one (Kiev, then Kyiv), the message \
      says so and the glossary's name is what to write.
      """,
    triggering: [
      "Fumio Kishida spoke first. Later ⟦Kisida⟧ left.", "Vladimir Osechkin wrote it. ⟦Ozekin⟧ agreed.",
      "Aid went to Kiev in May. In June ⟦Kyiv⟧ asked for more.",
    ],
    nonTriggering: [
      "Fumio Kishida spoke first. Later Kishida left.", "Визит Кисиды. Кисида прибыл.",
      "Kunashir and 国後島 are one island, in two scripts.",
    ])

  static let readsMentions = true

  init(data: ArtifactData) {}

  func findings(in input: RuleInput) -> [Finding] {
    var first: [String: (key: String, surface: String, isRespelling: Bool)] = [:]
    var found: [Finding] = []
    for mention in input.mentions {
      guard let entity = mention.entity, let (script, key) = Self.spellingKey(mention) else { continue }
      // Two proper names of one entity (Kuril Islands, Kuril chain) are a writer's choice; a
      // variant or a fuzzy link is another spelling.
      let isRespelling = mention.matchedName?.kind == .variant || mention.method == "fuzzy"
      guard let seen = first[script + entity.id] else {
        first[script + entity.id] = (key, mention.surface, isRespelling)
        continue
      }
      // A short form, or a longer form containing the first, is the same spelling.
      if !isRespelling && !seen.isRespelling { continue }
      if key == seen.key || seen.key.hasSuffix(key) || key.hasSuffix(seen.key) || seen.key.hasPrefix(key)
        || key.hasPrefix(seen.key)
      {
        continue
      }
      // The suggestion is the first spelling, unless that one is the respelling (Kiev before
      // Kyiv): then this mention is the right one and the first is what to change.
      let message = "'\(mention.surface)' and '\(seen.surface)' name the same \(entity.type) (\(entity.name))"
      if seen.isRespelling && !isRespelling {
        found.append(
          finding(
            mention.span, message + "; '\(seen.surface)' is the non-standard one",
            evidence: ["first written '\(seen.surface)'"]))
      } else {
        found.append(
          finding(
            mention.span, message, suggestion: isRespelling && seen.isRespelling ? entity.name : seen.surface,
            evidence: ["first written '\(seen.surface)'"]))
      }
    }
    return found
  }

  /// The script and the spelling compared: lower case, and for Russian the matched glossary
  /// name when the mention was found inflected (Кисиды). Spellings are compared within a script
  /// only (Kishida in a Russian text is a quotation, not an inconsistency); Japanese is not
  /// compared (kanji and kana forms of one name are both normal).
  static func spellingKey(_ mention: Mention) -> (script: String, key: String)? {
    let surface = mention.surface
    if surface.unicodeScalars.contains(where: { $0.value >= 0x3040 && $0.value <= 0x9FFF }) { return nil }
    if surface.unicodeScalars.contains(where: { $0.value >= 0x400 && $0.value <= 0x4FF }) {
      if mention.method == "inflected", let matched = mention.matchedName?.text { return ("Cyrl", matched.lowercased()) }
      return ("Cyrl", surface.lowercased())
    }
    return ("Latn", surface.lowercased())
  }
}
