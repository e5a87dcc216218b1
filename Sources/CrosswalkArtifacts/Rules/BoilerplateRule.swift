import CrosswalkCore

/// Web page furniture left in scraped text (Read more, Leave a Comment, Home » World »),
/// from the patterns of glossaries/artifacts/boilerplate.tsv.
struct BoilerplateRule: ArtifactRule {
  static let description = RuleDescription(
    id: "boilerplate", family: .scraping, severity: .warning,
    summary: "web page furniture left in the text",
    description: """
      Lines that belong to the web page, not the article: links to more, comment forms, share \
      buttons, breadcrumbs, lines of hashtags. Patterns are regular expressions in \
      glossaries/artifacts/boilerplate.tsv; most must match a whole short line, so a sentence that \
      merely contains 'read more' is left alone.
      """,
    triggering: [
      "The talks ended.\n⟦Read more⟧\nThe next round is in May.", "⟦Home » today » World »⟧\nTokyo protested.",
      "The talks ended.\n⟦Leave a Comment⟧",
      "The talks ended.\n\n⟦Related articles⟧\n⟦- Ferry to Korsakov resumes in May⟧\n⟦- Crab prices hit a record (January 6)⟧\n\nTokyo protested.",
      "⟦Top > Economy > Regional economy > Hokkaido⟧\nTokyo protested.", "Tokyo protested.\n⟦Save   Share   Print⟧",
      "⟦Related articles⟧\nThe talks ended in May, and the delegation went home.",
      "Tokyo protested.\n⟦The opinion of the author may not coincide with the position of the editors.⟧",
      "⟦Posted on 2023.06.14 by admin | Category: Ships | Comments (3)⟧\nTokyo protested.",
      "Tokyo protested.\n⟦▲ Page top⟧", "⟦Photo = Ken Sato (Editorial Department)⟧\nTokyo protested.",
      "東京は抗議した。\n⟦申込書（PDFファイル：125KB）⟧\n⟦このページの情報は役に立ちましたか？ はい いいえ⟧",
    ],
    nonTriggering: [
      "Read more about the treaty in our archive, the editors wrote.", "Tokyo protested again.",
      "By Anna Petrova | Tokyo | Oct. 19, 2025\nTokyo protested.",
      "The press service of the governor said on Monday that the ferry would sail.",
      "Photo albums of the war were shown in Sapporo.",
    ])

  private let matcher: BoilerplateMatcher

  init(data: ArtifactData) throws(ArtifactError) {
    matcher = try BoilerplateMatcher(data: data, rule: Self.description.id)
  }

  func findings(in input: RuleInput) -> [Finding] {
    matcher.matches(in: input).map { pattern, span in
      finding(
        span, "'\(TextScan.excerpt(input.document, span))' is web page furniture (\(pattern.id))",
        suggestion: pattern.suggestion)
    }
  }
}
