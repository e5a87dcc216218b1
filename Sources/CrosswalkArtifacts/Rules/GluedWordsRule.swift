import CrosswalkCore

/// Words joined across a lost space: a sentence glued to the one before (UkraineOn February,
/// Kiev.he said, status.The).
struct GluedWordsRule: ArtifactRule {
  static let description = RuleDescription(
    id: "glued-words", family: .mechanics, severity: .warning,
    summary: "words joined across a lost space or sentence boundary",
    description: """
      Scraping and machine translation lose the space between sentences or paragraphs: a word \
      runs into a capitalized sentence opener (UkraineOn February 24), or a full stop has no space \
      after it (Kiev.he said, status.The). Brand names with capitals inside (YouTube, McDonald) \
      are left alone: only the openers listed in glossaries/artifacts/sentence-openers.txt count; \
      web addresses, file names and abbreviations (e.g., U.S.) are skipped.
      """,
    triggering: [
      "The war in ⟦UkraineOn⟧ February 24 changed everything.", "They met in ⟦Kiev.he⟧ said.",
      "The islands keep their ⟦status.The⟧ talks ended.",
    ],
    nonTriggering: [
      "She posted it on YouTube and LinkedIn after lunch at McDonald's.", "See example.com or www.mid.ru today.",
      "The U.S. and the U.K. agreed, e.g. on trade.", "Version 2.5 was released.", "He uses JavaScript and iPhone apps.",
      "Write to press@example.org for details.",
    ])

  let openers: Set<String>
  let exceptions: Set<String>

  init(data: ArtifactData) {
    openers = Set(data.sentenceOpeners.filter { !$0.hasPrefix("!") })
    exceptions = Set(data.sentenceOpeners.filter { $0.hasPrefix("!") }.map { String($0.dropFirst()) })
  }

  private static let webEndings: Set<String> = [
    "com", "org", "net", "ru", "jp", "uk", "io", "html", "htm", "php", "gov", "edu", "info", "de", "fr", "cn",
    "pdf", "txt", "co", "int", "eu",
  ]

  func findings(in input: RuleInput) -> [Finding] {
    let scalars = input.scalars
    var found: [Finding] = []
    for word in input.words {
      // A lower-case letter, then an opener with a capital: UkraineOn.
      if let split = gluedOpener(word, scalars) {
        found.append(
          finding(
            word.span, "'\(input.document.text(of: word.span))' joins two words",
            suggestion: input.document.text(of: TextSpan(start: word.span.start, end: split)) + " "
              + input.document.text(of: TextSpan(start: split, end: word.span.end))))
      }
      // A full stop with a letter right after it, between two words of letters: Kiev.he, status.The.
      let end = word.span.end
      guard end + 1 < scalars.count, scalars[end] == ".", TextScan.isLetter(scalars[end + 1]),
        word.span.count >= 2, isLetters(scalars, word.span)
      else { continue }
      var next = end + 1
      while next < scalars.count, TextScan.isLetter(scalars[next]) { next += 1 }
      let after = TextSpan(start: end + 1, end: next)
      let afterText = input.document.text(of: after).lowercased()
      if after.count < 2 || Self.webEndings.contains(afterText) { continue }
      if next < scalars.count, scalars[next] == "." || scalars[next] == "@" || scalars[next] == "/" { continue }
      let start = word.span.start
      if start > 0, scalars[start - 1] == "." || scalars[start - 1] == "@" || scalars[start - 1] == "/" { continue }
      if (word.span.start..<end).contains(where: { TextScan.isUppercase(scalars[$0]) })
        && (word.span.start..<end).allSatisfy({ TextScan.isUppercase(scalars[$0]) })
      {
        continue  // An abbreviation in capitals.
      }
      let span = TextSpan(start: start, end: next)
      found.append(
        finding(
          span, "no space after the full stop in '\(input.document.text(of: span))'",
          suggestion: input.document.text(of: word.span) + ". " + input.document.text(of: after)))
    }
    return found
  }

  private func isLetters(_ scalars: [Unicode.Scalar], _ span: TextSpan) -> Bool {
    (span.start..<span.end).allSatisfy { TextScan.isLetter(scalars[$0]) }
  }

  /// Where an opener starts inside the word, when a lower-case letter comes right before it.
  private func gluedOpener(_ word: ScannedWord, _ scalars: [Unicode.Scalar]) -> Int? {
    guard word.span.count >= 4 else { return nil }
    for split in (word.span.start + 3)..<word.span.end where TextScan.isUppercase(scalars[split]) {
      guard TextScan.isLowercase(scalars[split - 1]), TextScan.isLowercase(scalars[split - 2]) else { continue }
      let tail = makeString(scalars[split..<word.span.end]).lowercased()
      let whole = makeString(scalars[word.span.start..<word.span.end]).lowercased()
      if openers.contains(tail) && !exceptions.contains(whole) { return split }
    }
    return nil
  }
}
