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
      context (a real exchange rate of the yen). An entry written as a suffix (-san) is a \
      Japanese honorific kept on a capitalized name (Tanaka-san). Each finding carries the source \
      language as its route.
      """,
    triggering: [
      "Moscow will keep its ⟦exchange rate⟧ toward Beijing, the foreign ministry said.",
      "Trade with ⟦the Heavenly Kingdom⟧ grew.", "Berlin joined ⟦the Triple Pact⟧ in 1940.",
      "The quota was cut in ⟦2025 year⟧.",
      "\"We are ready,\" said ⟦Tanaka-san⟧, a fisherman.",
    ],
    nonTriggering: [
      "The exchange rate of the yen fell to 150 per dollar.", "China's trade grew.",
      "Berlin joined the Tripartite Pact in 1940.", "The Franco-Russian alliance held.",
      "The quota was cut in 2025. The 2023 Year of Russia in Japan ended.",
    ])

  private let phrases: PhraseIndex<Calque>
  /// Entries written as a suffix (-san): the end of a capitalized word joined by a hyphen.
  private let suffixes: [Calque]
  /// Their lengths, hyphen included: where a word's hyphen must stand for one to match.
  private let suffixLengths: [Int]

  init(data: ArtifactData) {
    let isSuffix = { (entry: Calque) in entry.words.count == 1 && entry.words[0].hasPrefix("-") }
    phrases = PhraseIndex(data.calques.filter { !isSuffix($0) }, words: { $0.words.map(Self.numberShape) })
    suffixes = data.calques.filter(isSuffix)
    suffixLengths = Array(Set(suffixes.map { $0.words[0].unicodeScalars.count })).sorted()
  }

  /// The suffix entry a capitalized word ends with (Tanaka-san), looked for only where the
  /// word has a hyphen at a suffix's distance from its end: most words have none.
  private func suffixEntry(of word: ScannedWord, in scalars: [Unicode.Scalar]) -> Calque? {
    let span = word.span
    guard suffixLengths.contains(where: { span.count > $0 + 1 && scalars[span.end - $0] == "-" }),
      TextScan.isUppercase(scalars[span.start])
    else { return nil }
    return suffixes.first { word.folded.hasSuffix($0.words[0]) }
  }

  /// A text's word as the list is indexed: folded, numbers as their shape (2025 year is 0000 year).
  private static func phraseKey(_ word: ScannedWord) -> UInt64? {
    guard let first = word.folded.utf8.first, (0x30...0x39).contains(first) else { return word.key }
    return keyHash(numberShape(word.folded))
  }

  /// A number as a zero for each digit, so that a list's 0000 stands for any year and its 4 (the
  /// Northern 4 Islands) for any digit; other words as they are.
  private static func numberShape(_ word: String) -> String {
    guard !word.isEmpty, word.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return word }
    return String(repeating: "0", count: word.utf8.count)
  }

  func findings(in input: RuleInput) -> [Finding] {
    var found: [Finding] = []
    for index in input.segmentation.sentences.indices {
      let words = input.words(ofSentence: index)
      let matches = phrases.matches(in: words, key: Self.phraseKey) { entry in
        (entry.requires.isEmpty || entry.requires.contains { TextScan.contains(words, phrase: $0) })
          && !entry.cancels.contains { TextScan.contains(words, phrase: $0) }
      }
      var hits = matches
      for position in words.indices {
        if let entry = suffixEntry(of: words[position], in: input.scalars) { hits.append((entry, position..<(position + 1))) }
      }
      for (entry, range) in hits {
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
