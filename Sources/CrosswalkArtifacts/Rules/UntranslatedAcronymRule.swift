import CrosswalkCore

/// Russian and Japanese acronyms left in transliteration (SVO for СВО, MID for МИД), from
/// glossaries/artifacts/acronyms.tsv; standard English acronyms (NATO, FSB, G7) are not listed
/// and so never flagged.
struct UntranslatedAcronymRule: ArtifactRule {
  static let description = RuleDescription(
    id: "untranslated-acronym", family: .terms, severity: .warning,
    summary: "a transliterated foreign acronym (SVO, MID)",
    description: """
      Acronyms that machine translation transliterates instead of translating, listed with their \
      expansion and the English to use in glossaries/artifacts/acronyms.tsv. Matched as whole \
      words with their case (a possessive or a hyphened English word may follow: SVO's, \
      SVO-related); an entry can be cancelled by context words. Sentences in capitals (headlines) \
      are skipped. Standard English acronyms are deliberately not in the list.
      """,
    triggering: [
      "Since the start of the ⟦SVO⟧, prices rose.", "The ⟦MID⟧ spokeswoman commented.",
      "The ⟦SVO's⟧ costs grew and ⟦SVO-related⟧ spending too.",
    ],
    nonTriggering: [
      "NATO, the FSB and the G7 met on LNG.", "The mid-term vote is in May.", "KGB archives opened.",
      "RUSSIA AND JAPAN SIGN MID TERM DEAL", "The MID-TERM REVIEW was published.",
    ])

  private let phrases: PhraseIndex<ForeignAcronym>

  init(data: ArtifactData) {
    phrases = PhraseIndex(data.acronyms, words: \.tokens)
  }

  func findings(in input: RuleInput) -> [Finding] {
    var found: [Finding] = []
    for index in input.segmentation.sentences.indices {
      let words = input.words(ofSentence: index)
      // In a headline in capitals every word looks like an acronym (MID TERM, MO, ES).
      if Self.isInCapitals(words, input.scalars) { continue }
      // Acronyms match with their case: MID is one, 'mid' is not.
      let matches = phrases.matches(in: words, key: { Self.acronymKey($0.span, input) }) { entry in
        !entry.cancels.contains { TextScan.contains(words, phrase: $0) }
      }
      for (entry, range) in matches {
        let span = TextSpan(start: words[range.lowerBound].span.start, end: words[range.upperBound - 1].span.end)
        found.append(
          finding(
            span, "'\(input.document.text(of: span))' is a \(languageName(entry.source)) acronym left untranslated (\(entry.expansion))",
            suggestion: entry.suggestion, evidence: ["\(entry.source): \(entry.expansion)"], route: entry.source))
      }
    }
    return found
  }

  /// The word as the list would have it: without a possessive (SVO's) or an English word
  /// hyphened to it (SVO-related); other words as written. Every listed acronym starts with a
  /// Latin capital, so any other word is decided (as no acronym) without hashing it.
  static func acronymKey(_ span: TextSpan, _ input: RuleInput) -> UInt64? {
    let scalars = input.scalars
    guard span.count >= 2, scalars[span.start].value >= 0x41, scalars[span.start].value <= 0x5A else { return nil }
    var end = span.end
    if span.count > 2, scalars[end - 1] == "s", scalars[end - 2] == "'" || scalars[end - 2] == "’" { end -= 2 }
    // MID-TERM is a word in capitals, not MID.
    if let hyphen = (span.start..<end).first(where: { scalars[$0] == "-" }),
      (span.start..<hyphen).allSatisfy({ scalars[$0].value < 0x80 && (scalars[$0].value < 0x61 || scalars[$0].value > 0x7A) }),
      (hyphen..<end).contains(where: { TextScan.isLowercase(scalars[$0]) })
    {
      end = hyphen
    }
    return keyHash(scalars: scalars[span.start..<end])
  }

  /// True for a run of at least three words of letters all in capitals.
  static func isInCapitals(_ words: ArraySlice<ScannedWord>, _ scalars: [Unicode.Scalar]) -> Bool {
    var lettered = 0
    for word in words {
      var hasLetter = false
      for offset in word.span.start..<word.span.end {
        let value = scalars[offset].value
        if value < 0x80 {
          if value >= 0x61 && value <= 0x7A { return false }
          if value >= 0x41 && value <= 0x5A { hasLetter = true }
        } else if TextScan.isLetter(scalars[offset]) {
          if TextScan.isLowercase(scalars[offset]) { return false }
          hasLetter = true
        }
      }
      if hasLetter { lettered += 1 }
    }
    return lettered >= 3
  }
}
