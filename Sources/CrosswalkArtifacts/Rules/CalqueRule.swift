import CrosswalkCore

/// Literal translations and false friends (exchange rate for курс, Heavenly Kingdom for
/// Поднебесная), from glossaries/artifacts/calques.tsv, each with its meaning, source language,
/// suggestion, and the context words that make it fire or cancel it.
struct CalqueRule: ArtifactRule {
  static let description = RuleDescription(
    id: "calque", family: .terms, severity: .warning,
    summary: "a literal translation or false friend (exchange rate for курс)",
    description: """
      Phrases that machine translation renders word by word from Russian or Japanese, listed in \
      glossaries/artifacts/calques.tsv with what the source meant and the English to use. An \
      entry can require context (exchange rate only near policy words) and be cancelled by \
      context (a real exchange rate of the yen). Each finding carries the source language as its \
      route.
      """,
    triggering: [
      "Moscow will keep its ⟦exchange rate⟧ toward Beijing, the foreign ministry said.",
      "Trade with ⟦the Heavenly Kingdom⟧ grew.", "Berlin joined ⟦the Triple Pact⟧ in 1940.",
    ],
    nonTriggering: [
      "The exchange rate of the yen fell to 150 per dollar.", "China's trade grew.",
      "Berlin joined the Tripartite Pact in 1940.",
    ])

  private let phrases: PhraseIndex<Calque>

  init(data: ArtifactData) {
    phrases = PhraseIndex(data.calques, words: \.words)
  }

  func findings(in input: RuleInput) -> [Finding] {
    var found: [Finding] = []
    for index in input.segmentation.sentences.indices {
      let words = input.words(ofSentence: index)
      let matches = phrases.matches(in: words, key: \.folded) { entry in
        (entry.requires.isEmpty || entry.requires.contains { TextScan.contains(words, phrase: $0) })
          && !entry.cancels.contains { TextScan.contains(words, phrase: $0) }
      }
      for (entry, range) in matches {
        var span = TextSpan(start: words[range.lowerBound].span.start, end: words[range.upperBound - 1].span.end)
        // 'the Heavenly Kingdom': an article before a capitalized phrase goes with it.
        if range.lowerBound > words.startIndex, words[range.lowerBound - 1].folded == "the",
          TextScan.isUppercase(input.scalars[span.start])
        {
          span = TextSpan(start: words[range.lowerBound - 1].span.start, end: span.end)
        }
        found.append(
          finding(
            span, "'\(input.document.text(of: span))' reads as a calque from \(languageName(entry.source)): \(entry.meaning)",
            suggestion: entry.suggestion, evidence: ["\(entry.source): \(entry.meaning)"], route: entry.source))
      }
    }
    return found
  }
}

/// 'Russian' for ru, 'Japanese' for ja, the code otherwise.
func languageName(_ code: String) -> String {
  switch code {
  case "ru": "Russian"
  case "ja": "Japanese"
  case "en": "English"
  case "zh": "Chinese"
  case "uk": "Ukrainian"
  default: code
  }
}
