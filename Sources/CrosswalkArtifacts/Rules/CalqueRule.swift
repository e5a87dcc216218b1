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

  /// Entries by their first word.
  private let byFirstWord: [String: [Calque]]

  init(data: ArtifactData) {
    byFirstWord = Dictionary(grouping: data.calques, by: { $0.words[0] })
  }

  func findings(in input: RuleInput) -> [Finding] {
    var found: [Finding] = []
    for sentence in input.segmentation.sentences {
      let words = TextScan.words(input.scalars, in: sentence)
      var index = 0
      while index < words.count {
        guard let entries = byFirstWord[words[index].folded] else {
          index += 1
          continue
        }
        var matched: (Calque, Int)?
        for entry in entries where index + entry.words.count <= words.count {
          if (1..<entry.words.count).allSatisfy({ words[index + $0].folded == entry.words[$0] }),
            entry.words.count > (matched?.1 ?? 0),
            entry.requires.isEmpty || entry.requires.contains(where: { TextScan.contains(words, phrase: $0) }),
            !entry.cancels.contains(where: { TextScan.contains(words, phrase: $0) })
          {
            matched = (entry, entry.words.count)
          }
        }
        guard let (entry, length) = matched else {
          index += 1
          continue
        }
        var span = TextSpan(start: words[index].span.start, end: words[index + length - 1].span.end)
        // 'the Heavenly Kingdom': an article before the phrase goes with it.
        if index > 0, words[index - 1].folded == "the", input.scalars[words[index].span.start].properties.isUppercase {
          span = TextSpan(start: words[index - 1].span.start, end: span.end)
        }
        found.append(
          finding(
            span, "'\(input.document.text(of: span))' reads as a calque from \(languageName(entry.source)): \(entry.meaning)",
            suggestion: entry.suggestion, evidence: ["\(entry.source): \(entry.meaning)"], route: entry.source))
        index += length
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
