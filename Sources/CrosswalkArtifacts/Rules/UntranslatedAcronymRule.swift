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
      words with their case; an entry can be cancelled by context words. Standard English \
      acronyms are deliberately not in the list.
      """,
    triggering: ["Since the start of the ⟦SVO⟧, prices rose.", "The ⟦MID⟧ spokeswoman commented."],
    nonTriggering: ["NATO, the FSB and the G7 met on LNG.", "The mid-term vote is in May.", "KGB archives opened."])

  private let phrases: PhraseIndex<ForeignAcronym>

  init(data: ArtifactData) {
    phrases = PhraseIndex(data.acronyms, words: \.tokens)
  }

  func findings(in input: RuleInput) -> [Finding] {
    var found: [Finding] = []
    for sentence in input.segmentation.sentences {
      let words = input.words(in: sentence)
      // Acronyms match with their case: MID is one, 'mid' is not.
      let matches = phrases.matches(in: words, key: { input.document.text(of: $0.span) }) { entry in
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
}
