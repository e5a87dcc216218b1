import CrosswalkCore

/// Marks a translation service or translator left in the text (Translation: ES), from the
/// patterns of glossaries/artifacts/boilerplate.tsv.
struct TranslatorMarkerRule: ArtifactRule {
  static let description = RuleDescription(
    id: "translator-marker", family: .scraping, severity: .warning,
    summary: "a translator's or translation service's marker (Translation: ES)",
    description: """
      Lines and labels that say the text was translated, and from or into what: 'Translation: \
      ES', 'Translated by …', 'Machine translated'. They show the text's history and should not \
      be read as part of it. Patterns are in glossaries/artifacts/boilerplate.tsv.
      """,
    triggering: [
      "The talks ended.\n⟦Translation: ES⟧", "⟦Machine translated⟧\nTokyo protested.",
      "⟦[Automatic translation from Russian]⟧\nTokyo protested.",
      "⟦This page was translated by an automatic translation system. It may contain errors.⟧\nTokyo protested.",
    ],
    nonTriggering: [
      "The translation of the treaty took years.", "Tokyo protested.",
      "Machine translation has improved a great deal, researchers say.",
    ])

  private let matcher: BoilerplateMatcher

  init(data: ArtifactData) throws(ArtifactError) {
    matcher = try BoilerplateMatcher(data: data, rule: Self.description.id)
  }

  func findings(in input: RuleInput) -> [Finding] {
    matcher.matches(in: input).map { pattern, span in
      finding(span, "'\(TextScan.excerpt(input.document, span))' marks a translation (\(pattern.id))", suggestion: pattern.suggestion)
    }
  }
}
