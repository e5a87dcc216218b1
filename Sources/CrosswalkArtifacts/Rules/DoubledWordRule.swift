import CrosswalkCore

/// The same word twice in a row (the the), or on both sides of 'and' (the arbitrariness and
/// arbitrariness): a stutter of machine translation or editing.
struct DoubledWordRule: ArtifactRule {
  static let description = RuleDescription(
    id: "doubled-word", family: .mechanics, severity: .warning,
    summary: "a word repeated: 'the the', 'X and X'",
    description: """
      A word written twice in a row, or the same word on both sides of 'and', is usually a slip of \
      translation or editing; not when a capitalized word beside them tells two things apart \
      (Сангарский пролив и пролив Лаперуза). Words whose doubling is English ('that that', 'had had', 'more and \
      more') are listed in glossaries/artifacts/allowed-doubles.txt and left alone.
      """,
    triggering: [
      "They signed ⟦the the⟧ treaty in 1941.",
      "It condemned the ⟦arbitrariness and arbitrariness⟧ of the officials.",
      "The ⟦arbitrariness and arbitrariness⟧ of the officials.",
      "Министр ⟦заявил заявил⟧ о визите.",
    ],
    nonTriggering: [
      "He said that that decision was final.", "She had had enough of the talks.",
      "Prices rose more and more each year.", "The the-word is an article.", "Tokyo, Tokyo Bay and Osaka.",
      "Токио закрыл Сангарский пролив и пролив Лаперуза.", "Ships left the Tsugaru Strait and Strait of Soya.",
    ])

  let allowed: Set<String>

  init(data: ArtifactData) { allowed = data.allowedDoubles }

  func findings(in input: RuleInput) -> [Finding] {
    var found: [Finding] = []
    for index in input.segmentation.sentences.indices {
      let words = input.words(ofSentence: index)
      var index = words.startIndex
      while index < words.endIndex {
        let word = words[index]
        // Most words are not doubled: two comparisons decide them before anything is looked up, by
        // bytes (String's == checks both words for normalization, a tenth of the rule's time).
        let twice = index + 1 < words.endIndex && sameBytes(words[index + 1].folded, word.folded)
        let aroundAnd =
          !twice && index + 2 < words.endIndex && sameBytes(words[index + 2].folded, word.folded)
          && (words[index + 1].folded == "and" || words[index + 1].folded == "и")
        guard twice || aroundAnd, word.folded.unicodeScalars.contains(where: TextScan.isLetter),
          !allowed.contains(word.folded)
        else {
          index += 1
          continue
        }
        if twice, onlySpaces(input.scalars, between: word.span.end, and: words[index + 1].span.start) {
          let span = TextSpan(start: word.span.start, end: words[index + 1].span.end)
          found.append(finding(span, "'\(text(input, word.span))' written twice", suggestion: text(input, word.span)))
          index += 2
          continue
        }
        if aroundAnd, word.folded.unicodeScalars.count >= 4,
          onlySpaces(input.scalars, between: word.span.end, and: words[index + 1].span.start),
          onlySpaces(input.scalars, between: words[index + 1].span.end, and: words[index + 2].span.start),
          !namesTwoThings(words, first: index, input.scalars)
        {
          let span = TextSpan(start: word.span.start, end: words[index + 2].span.end)
          found.append(finding(span, "'\(text(input, word.span))' on both sides of '\(text(input, words[index + 1].span))'", suggestion: text(input, word.span)))
          index += 3
          continue
        }
        index += 1
      }
    }
    return found
  }

  private func text(_ input: RuleInput, _ span: TextSpan) -> String { input.document.text(of: span) }

  /// True when a capitalized word right before the first X or right after the second tells the
  /// two apart: Сангарский пролив и пролив Лаперуза, the Tsugaru Strait and Strait of Soya are
  /// two straits, not a stutter.
  private func namesTwoThings(_ words: ArraySlice<ScannedWord>, first index: Int, _ scalars: [Unicode.Scalar]) -> Bool {
    // A sentence's first word is capitalized whatever it is.
    let before = index - 1 > words.startIndex ? words[index - 1] : nil
    let after = index + 3 < words.endIndex ? words[index + 3] : nil
    return [before, after].contains { word in
      guard let word else { return false }
      return TextScan.isUppercase(scalars[word.span.start])
    }
  }

  /// Nothing but spaces between two words (a comma or a line break makes a list, not a stutter).
  private func onlySpaces(_ scalars: [Unicode.Scalar], between start: Int, and end: Int) -> Bool {
    (start..<end).allSatisfy { scalars[$0] == " " }
  }
}
