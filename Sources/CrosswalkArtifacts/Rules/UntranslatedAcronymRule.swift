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

  private let byFirstToken: [String: [ForeignAcronym]]

  init(data: ArtifactData) {
    byFirstToken = Dictionary(grouping: data.acronyms, by: { $0.tokens[0] })
  }

  func findings(in input: RuleInput) -> [Finding] {
    var found: [Finding] = []
    for sentence in input.segmentation.sentences {
      let words = TextScan.words(input.scalars, in: sentence)
      var index = 0
      while index < words.count {
        let text = input.document.text(of: words[index].span)
        guard let entries = byFirstToken[text] else {
          index += 1
          continue
        }
        var matched: (ForeignAcronym, Int)?
        for entry in entries where index + entry.tokens.count <= words.count {
          if (1..<entry.tokens.count).allSatisfy({ input.document.text(of: words[index + $0].span) == entry.tokens[$0] }),
            entry.tokens.count > (matched?.1 ?? 0),
            !entry.cancels.contains(where: { TextScan.contains(words, phrase: $0) })
          {
            matched = (entry, entry.tokens.count)
          }
        }
        guard let (entry, length) = matched else {
          index += 1
          continue
        }
        let span = TextSpan(start: words[index].span.start, end: words[index + length - 1].span.end)
        found.append(
          finding(
            span, "'\(input.document.text(of: span))' is a \(languageName(entry.source)) acronym left untranslated (\(entry.expansion))",
            suggestion: entry.suggestion, evidence: ["\(entry.source): \(entry.expansion)"], route: entry.source))
        index += length
      }
    }
    return found
  }
}
