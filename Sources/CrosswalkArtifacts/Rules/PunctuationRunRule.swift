import CrosswalkCore

/// Runs of punctuation that no writer types: '. .“,', ',.', ';,' — the debris of sentences
/// split and joined by machine translation or scraping.
struct PunctuationRunRule: ArtifactRule {
  static let description = RuleDescription(
    id: "punctuation-run", family: .mechanics, severity: .warning,
    summary: "a run of stray punctuation: '. .“,'",
    description: """
      Two or more of . , ; : (and the Japanese 。、，．, which machine translation leaves beside \
      its own: 。.) in a run, apart from an ellipsis (... or …) and from the full stop of \
      an abbreviation before a comma (e.g., U.S., etc.,), with only spaces and quotes between \
      them. Such runs come from sentences cut and rejoined.
      """,
    triggering: [
      "The minister left⟦. .“,⟧ the reporters said.", "It was signed in 1941⟦,.⟧ Later it was broken.",
      "Он уехал⟦ ,,⟧ не попрощавшись.", "The talks ended⟦。.⟧ The delegation left.",
    ],
    nonTriggering: [
      "Wait... what happened?", "It rose, e.g., in Tokyo.", "The U.S., Japan and Russia met.",
      "He said: “Go.” Then he left.", "Ratios of 3:2, 5:4 and 1.5.", "Well… no.", "She asked, “Why?”, and left.",
      "会談は終わった。次の会談は五月だ。",
    ])

  init(data: ArtifactData) {}

  // Tested on every scalar of the text: a switch, not a Set that hashes each one.
  private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case ".", ",", ";", ":", "。", "、", "，", "．": true
    default: false
    }
  }

  private static func isBetween(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case " ", "“", "”", "\"", "«", "»", "„", "‘", "’": true
    default: false
    }
  }

  func findings(in input: RuleInput) -> [Finding] {
    let scalars = input.scalars
    var found: [Finding] = []
    var position = 0
    while position < scalars.count {
      guard Self.isMark(scalars[position]) else {
        position += 1
        continue
      }
      // The run: marks with spaces and quotes between them.
      var end = position + 1
      var marks = 1
      var last = position + 1
      while end < scalars.count, Self.isMark(scalars[end]) || Self.isBetween(scalars[end]) {
        if Self.isMark(scalars[end]) {
          marks += 1
          last = end + 1
        }
        end += 1
      }
      defer { position = max(end, position + 1) }
      guard marks >= 2 else { continue }
      let run = Array(scalars[position..<last])
      let onlyMarks = run.filter { Self.isMark($0) }
      if onlyMarks.allSatisfy({ $0 == "." }) && !run.contains(" ") { continue }  // An ellipsis.
      if isAbbreviation(scalars, before: position), onlyMarks.count == 2, onlyMarks[0] == "." { continue }
      // A digit on both sides: a ratio or a number (3:2, 1.5).
      if position > 0, last < scalars.count, scalars[position - 1].properties.numericType != nil,
        scalars[last].properties.numericType != nil
      {
        continue
      }
      // Spaces before the run belong to it (' ,,').
      var start = position
      while start > 0, scalars[start - 1] == " " { start -= 1 }
      if start > 0, scalars[start - 1] == "\n" { start = position }
      let span = TextSpan(start: start, end: last)
      found.append(finding(span, "stray punctuation '\(input.document.text(of: span))'"))
    }
    return found
  }

  /// Whether the full stop at `offset` ends an abbreviation: a word of one to four letters with
  /// a full stop inside or a capital (U.S., e.g., etc., Dr.).
  private func isAbbreviation(_ scalars: [Unicode.Scalar], before offset: Int) -> Bool {
    var start = offset
    while start > 0, TextScan.isLetter(scalars[start - 1]) || scalars[start - 1] == "." { start -= 1 }
    let word = scalars[start..<offset]
    let letters = word.filter { TextScan.isLetter($0) }.count
    return letters >= 1 && letters <= 4 && (word.contains(".") || word.first?.properties.isUppercase == true || letters <= 3)
  }
}
