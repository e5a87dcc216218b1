import CrosswalkCore

/// Letter case that no language writes: a capital right after a word's lower-case first letter
/// (jAponians), and a sentence that starts in lower case after a full stop (on May 26. the
/// ministry said).
///
/// ICU's sentence breaks are of no use here: UAX #29 (rule SB8) never breaks before a lower-case
/// letter after a full stop, so 'May 26. the ministry' is one ICU sentence, while the breaks it
/// does make before lower case, after ? and ! ("Why?" she asked) and at line ends (wrapped
/// lines), are right. The rule reads the full stops itself.
struct CaseAnomalyRule: ArtifactRule {
  static let description = RuleDescription(
    id: "case-anomaly", family: .mechanics, severity: .warning,
    summary: "letter case no language writes: 'jAponians', a sentence starting in lower case",
    description: """
      Case glitches betray text that went through a machine or a broken keyboard: a word whose \
      lower-case first letter is followed by a capital (jAponians), and a sentence that starts in \
      lower case after a full stop (announced on May 26. the ministry said), where a sentence was \
      cut or joined. Brands and science that write a lower-case letter before a capital are left \
      alone: i and e before a capital (iPhone, eBay, iOS), SI units (kWh, mAh, hPa), a lower-case \
      letter before an acronym (mRNA, mRNAs), Irish mutations (na hÉireann) and the words listed \
      in glossaries/artifacts/letter-case.tsv (jQuery, nCoV); words that start with a capital \
      (YouTube, McDonald, PhD) are never checked, nor are web addresses, e-mail addresses, file \
      names, hashtags, handles and lines that look like code. After a full stop, lower case is \
      left alone when the stop ends an abbreviation (approx., U.S., p.m., the short ones of \
      letter-case.tsv: etc., vs.; any short word in capitals or Cyrillic: Gen., тыс.) or a list \
      number (at the start of a line, after a colon, or of one digit), and when the next word is \
      a list letter (b), a brand with capitals (eBay), a name particle before a name (de Gaulle, \
      van der Berg, al-Assad) or a name written in lower case (adidas). Text after a colon, ? or \
      ! is never checked, and caseless scripts (Japanese) have nothing to check.
      """,
    triggering: [
      "During World War II, “⟦jAponians⟧ weaponize bacteria,” the report said.",
      "The sanctions were announced on May 26. ⟦the⟧ ministry said so.",
      "The talks ended without an agreement. ⟦officials⟧ blamed the weather.",
      "The delegation left the islands.\n⟦the⟧ talks resumed in May.",
      "Об этом сообщили ⟦яПонские⟧ власти.", "Переговоры закончились ничем. ⟦министр⟧ уехал домой.",
      "Residents of Kurilsk went home. ⟦the⟧ last alarm was in May.",
      "“We are preparing to prevent war”. ⟦in⟧ Moscow such words are heard often.",
    ],
    nonTriggering: [
      "She bought an iPhone on eBay, installed iOS updates, used 5 kWh and read about mRNA and mRNAs.",
      "McDonald, MacArthur, YouTube, LinkedIn, JavaScript, OpenAI and a PhD student met.",
      "COVID-19 and 2019-nCoV were discussed; the pH was 7, the battery 5000 mAh, the pressure 1013 hPa.",
      "Visit www.example.com or write to press@example.org; see report_final.pdf, #MeToo and @jAponians_bot.",
      "Call getElementById() or set xPos = 1 in the script.",
      "Fish, crab, kelp etc. are shipped by sea, vs. the rail route; see vol. two.",
      "The talks ended. de Gaulle left first. van der Berg followed. al-Assad stayed.",
      "Prices rose by approx. three percent at 5 p.m. local time in the U.S. capital.",
      "“Why?” she asked. “Because,” he said. Wow! that was fast.",
      "The list has two items.\n1. flour\n2. sugar",
      "He sold it on eBay. eBay then banned him. iPhone sales fell.",
      "Он живёт около 5 тыс. кв. км от Москвы, а в 1941 г. войска ушли.",
      "Uachtarán na hÉireann visited bPáras, i mBaile Átha Cliath and an tUachtarán.",
      "Footwear is popular. adidas shoes sold out, e.g. in Tokyo, vs. last year, etc. and so on.",
      "The rule is simple: lower case after a colon is fine.",
      "岸田首相は述べた。iPhoneの販売は好調だった。",
      "He lives in Washington, D.C. and works for the U.S. government.",
    ])

  let exceptions: LetterCaseExceptions

  init(data: ArtifactData) { exceptions = data.letterCase }

  func findings(in input: RuleInput) -> [Finding] {
    innerCapitals(input) + lowerCaseStarts(input)
  }

  // MARK: Capitals inside words

  private func innerCapitals(_ input: RuleInput) -> [Finding] {
    let scalars = input.scalars
    var cases = ScalarCases()
    var found: [Finding] = []
    for line in TextScan.lines(scalars) {
      // Few lines, and few words of those, hold a capital after a lower-case letter at all; the
      // others are spared the code signs, addresses and letter runs below.
      guard cases.hasCapitalAfterLowerCase(scalars[line.start..<line.end]), !isCodeLike(line, scalars) else {
        continue
      }
      var position = line.start
      while position < line.end {
        guard !Self.isWhitespace(scalars[position]) else {
          position += 1
          continue
        }
        let start = position
        while position < line.end, !Self.isWhitespace(scalars[position]) { position += 1 }
        let token = TextSpan(start: start, end: position)
        guard cases.hasCapitalAfterLowerCase(scalars[start..<position]), !isAddressLike(token, scalars) else {
          continue
        }
        for run in letterRuns(token, scalars) where isAnomalous(run, scalars) {
          found.append(
            finding(
              run, "'\(input.document.text(of: run))' has a capital inside the word",
              suggestion: swappedCase(run, scalars)))
        }
      }
    }
    return found
  }

  /// The runs of letters (and their combining marks) of a token: digits, hyphens and
  /// apostrophes end a run (2019-nCoV, O’Brien, al-Assad).
  private func letterRuns(_ token: TextSpan, _ scalars: [Unicode.Scalar]) -> [TextSpan] {
    var runs: [TextSpan] = []
    var position = token.start
    while position < token.end {
      guard TextScan.isLetter(scalars[position]) else {
        position += 1
        continue
      }
      let start = position
      while position < token.end, TextScan.isLetter(scalars[position]) || Self.isMark(scalars[position])
      {
        position += 1
      }
      runs.append(TextSpan(start: start, end: position))
    }
    return runs
  }

  /// A lower-case letter, a capital, then lower case again, in no known pattern.
  private func isAnomalous(_ run: TextSpan, _ scalars: [Unicode.Scalar]) -> Bool {
    let letters = scalars[run.start..<run.end].filter { !Self.isMark($0) }
    guard letters.count >= 3, TextScan.isLowercase(letters[0]), TextScan.isUppercase(letters[1]),
      letters.dropFirst(2).contains(where: { TextScan.isLowercase($0) })
    else { return false }
    let word = makeString(scalars[run.start..<run.end])
    if exceptions.mixed.contains(word) { return false }
    let first = letters[0], second = letters[1]
    // Apple's and the web's i and e before a capital: iPhone, iPlayer, eBay, eSports.
    if first == "i" || first == "e" { return false }
    if Self.siPrefixes.contains(first),
      Self.units.contains(String(String.UnicodeScalarView(letters.dropFirst())))
    {
      return false
    }
    // A lower-case letter before a plural acronym: mRNAs, cDNAs.
    let middle = letters.dropFirst().dropLast()
    if letters.last == "s", middle.count >= 2, middle.allSatisfy({ TextScan.isUppercase($0) }) {
      return false
    }
    return !Self.isIrishMutation(first, second)
  }

  /// SI prefixes that are lower-case letters, Latin and Russian (кВт, мЗв).
  private static let siPrefixes: Set<Unicode.Scalar> = [
    "y", "z", "a", "f", "p", "n", "µ", "μ", "m", "c", "d", "h", "k", "к", "м", "г", "д", "с", "н", "п",
  ]
  /// Unit symbols that start with a capital and go on in lower case: kWh, kHz, mAh, hPa, dBm,
  /// кВт, кГц, гПа, мЗв.
  private static let units: Set<String> = [
    "Wh", "Hz", "Ah", "Pa", "Da", "Sv", "Gy", "Bq", "Bm", "Bi", "Wp", "Wb", "Nm", "Ohm", "VAh", "VAr",
    "Вт", "Втч", "Гц", "Па", "Дж", "Зв", "Гр", "Бк", "Вб", "Тл", "Гн", "Ом",
  ]

  /// Irish writes a lower-case mutation before a capital: na hÉireann, an tUachtarán, i bPáras,
  /// i mBaile, ár nDaoine, i gCorcaigh, ar dTír.
  private static func isIrishMutation(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Bool {
    let vowel = "AEIOUÁÉÍÓÚ".unicodeScalars.contains(second)
    switch first {
    case "t", "h": return vowel
    case "n": return vowel || second == "D" || second == "G"
    case "m": return second == "B"
    case "g": return second == "C"
    case "b": return second == "P"
    case "d": return second == "T"
    default: return false
    }
  }

  /// The word with its first two letters' case swapped, as a shift key pressed one letter late
  /// would have written it: jAponians → Japonians.
  private func swappedCase(_ run: TextSpan, _ scalars: [Unicode.Scalar]) -> String {
    var text = String.UnicodeScalarView()
    var letter = 0
    for scalar in scalars[run.start..<run.end] {
      if Self.isMark(scalar) {
        text.append(scalar)
        continue
      }
      switch letter {
      case 0: text.append(contentsOf: scalar.properties.uppercaseMapping.unicodeScalars)
      case 1: text.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
      default: text.append(scalar)
      }
      letter += 1
    }
    return String(text)
  }

  // MARK: Sentences starting in lower case

  private func lowerCaseStarts(_ input: RuleInput) -> [Finding] {
    let scalars = input.scalars
    var found: [Finding] = []
    // A search of its own keeps the loop over every scalar tight: with the checks below in its
    // body, the compiler keeps the index on the stack.
    var nextStop = scalars.firstIndex(of: ".")
    while let stop = nextStop {
      nextStop = scalars[(stop + 1)...].firstIndex(of: ".")
      guard stop > 0, TextScan.isWordScalar(scalars[stop - 1]) || Self.closesQuotation(scalars[stop - 1]),
        stop + 1 < scalars.count,
        Self.isWhitespace(scalars[stop + 1])
      else { continue }
      var next = stop + 1
      while next < scalars.count, Self.isWhitespace(scalars[next]) { next += 1 }
      guard next < scalars.count, TextScan.isLowercase(scalars[next]) else { continue }
      var end = next
      while end < scalars.count, TextScan.isWordScalar(scalars[end]) { end += 1 }
      let word = TextSpan(start: next, end: end)
      guard endsSentence(before: stop, scalars), isWrongStart(word, scalars) else { continue }
      let text = input.document.text(of: word)
      found.append(
        finding(
          word, "'\(text)' starts a sentence in lower case after '\(previousWord(before: stop, input))'",
          suggestion: text.prefix(1).uppercased() + text.dropFirst()))
    }
    return found
  }

  /// A closing quotation mark or bracket, after which a full stop ends a sentence.
  private static func closesQuotation(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "”", "’", "\"", "»", ")", "」", "』": true
    default: false
    }
  }

  /// Where the word before the full stop at `stop` starts, with its inner apostrophes and hyphens.
  private func wordStart(before stop: Int, _ scalars: [Unicode.Scalar]) -> Int {
    var start = stop
    while start > 0 {
      let scalar = scalars[start - 1]
      if TextScan.isWordScalar(scalar) {
        start -= 1
      } else if scalar == "’" || scalar == "'" || scalar == "-", start >= 2,
        TextScan.isWordScalar(scalars[start - 2])
      {
        start -= 1
      } else {
        break
      }
    }
    return start
  }

  private func previousWord(before stop: Int, _ input: RuleInput) -> String {
    input.document.text(of: TextSpan(start: wordStart(before: stop, input.scalars), end: stop + 1))
  }

  /// Whether the full stop at `stop` ends a sentence: after a word of five or more letters that
  /// is not an abbreviation, or after a number that is not a list item's.
  private func endsSentence(before stop: Int, _ scalars: [Unicode.Scalar]) -> Bool {
    // A quotation or bracket closed just before the stop ends the sentence (war”. in Moscow).
    if stop > 1, Self.closesQuotation(scalars[stop - 1]) {
      return TextScan.isWordScalar(scalars[stop - 2]) || ".!?…".unicodeScalars.contains(scalars[stop - 2])
    }
    let start = wordStart(before: stop, scalars)
    // A full stop or @ before the word makes it part of U.S., p.m. or an address.
    if start > 0 {
      let before = scalars[start - 1]
      let category = before.properties.generalCategory
      guard
        before.properties.isWhitespace || category == .openPunctuation || category == .initialPunctuation
          || before == "\""
      else { return false }
    }
    let word = scalars[start..<stop]
    if word.allSatisfy({ $0.properties.numericType != nil }) {
      // 'May 26. the' ends a sentence; '1. flour' at a line's start, 'Steps: 1. open' after a
      // colon and the single digits of 'open the box 2. remove the tray' number a list.
      var before = start
      while before > 0, scalars[before - 1] == " " || scalars[before - 1] == "\t" { before -= 1 }
      guard word.count >= 2, before > 0 else { return false }
      return !["\n", "\r", ":", ";", "("].contains(scalars[before - 1])
    }
    let isWordPart = { (scalar: Unicode.Scalar) in
      TextScan.isLetter(scalar) || Self.isMark(scalar) || scalar == "’" || scalar == "'" || scalar == "-"
    }
    guard word.allSatisfy(isWordPart) else { return false }
    let letters = word.filter { TextScan.isLetter($0) }.count
    let folded = String(String.UnicodeScalarView(word)).lowercased()
    if exceptions.abbreviations.contains(folded) { return false }
    // A short word is an abbreviation (Gen., тыс.) unless it is Latin and in lower case: English
    // writes its short abbreviations in letter-case.tsv (etc., vs.), and 'home. the' is a break.
    let isLowerLatin = word.allSatisfy { $0.value < 0x250 && !TextScan.isUppercase($0) }
    return letters >= 5 || (isLowerLatin && letters >= 2)
  }

  /// Whether the lower-case word after a full stop cannot be a sentence's right first word.
  private func isWrongStart(_ word: TextSpan, _ scalars: [Unicode.Scalar]) -> Bool {
    var tokenEnd = word.end
    while tokenEnd < scalars.count, !Self.isWhitespace(scalars[tokenEnd]) { tokenEnd += 1 }
    if isAddressLike(TextSpan(start: word.start, end: tokenEnd), scalars) { return false }
    let letters = scalars[word.start..<word.end]
    // eBay, iPhone and mRNA open sentences in lower case.
    if letters.contains(where: { TextScan.isUppercase($0) }) { return false }
    // p. 5, ca. 1900, cf. the: a short abbreviation, not a sentence's first word; b) and iv) mark
    // the items of a list.
    if word.end < scalars.count, scalars[word.end] == "." || scalars[word.end] == ")", letters.count <= 4 {
      return false
    }
    let folded = String(String.UnicodeScalarView(letters))
    if exceptions.lowercase.contains(folded) { return false }
    return !isParticleBeforeName(word, scalars)
  }

  /// de Gaulle, van der Berg, al-Assad: particles, then a capital.
  private func isParticleBeforeName(_ word: TextSpan, _ scalars: [Unicode.Scalar]) -> Bool {
    var current = word
    while exceptions.particles.contains(
      makeString(scalars[current.start..<current.end]))
    {
      let next = current.end + 1
      guard current.end < scalars.count, scalars[current.end] == " " || scalars[current.end] == "-",
        next < scalars.count
      else { return false }
      if TextScan.isUppercase(scalars[next]) { return true }
      var end = next
      while end < scalars.count, TextScan.isWordScalar(scalars[end]) { end += 1 }
      guard end > next else { return false }
      current = TextSpan(start: next, end: end)
    }
    return false
  }

  // MARK: Addresses and code

  /// Scalars that put a token among addresses, handles, hashtags, file paths and code.
  private static func isAddressScalar(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "@", "#", "/", "\\", "_", "=", "<", ">", "{", "}", "|", "~", "`", "^", "$": true
    default: false
    }
  }

  /// A web or e-mail address, a handle, a hashtag, a file name or an identifier: a token holding
  /// an `isAddressScalar` scalar, a call's (), or a full stop or colon between letters (example.com,
  /// obj.method, U.S., http://).
  private func isAddressLike(_ token: TextSpan, _ scalars: [Unicode.Scalar]) -> Bool {
    for index in token.start..<token.end {
      let scalar = scalars[index]
      if Self.isAddressScalar(scalar) { return true }
      if scalar == "(", index + 1 < token.end, scalars[index + 1] == ")" { return true }
      if scalar == "." || scalar == ":", index > token.start, index + 1 < token.end,
        TextScan.isWordScalar(scalars[index - 1]), TextScan.isWordScalar(scalars[index + 1])
      {
        return true
      }
    }
    return false
  }

  /// Whether the line holds a sign of code, where identifiers like xPos are right: (), {, },
  /// ==, =>, !=, &&, ||, ->, ` or ' = '.
  private func isCodeLike(_ line: TextSpan, _ scalars: [Unicode.Scalar]) -> Bool {
    for index in line.start..<line.end {
      let next: Unicode.Scalar? = index + 1 < line.end ? scalars[index + 1] : nil
      switch scalars[index] {
      case "{", "}", "`": return true
      case "(": if next == ")" { return true }
      case "=": if next == "=" || next == ">" { return true }
      case "!": if next == "=" { return true }
      case "&": if next == "&" { return true }
      case "|": if next == "|" { return true }
      case "-": if next == ">" { return true }
      case " ": if next == "=", index + 2 < line.end, scalars[index + 2] == " " { return true }
      default: break
      }
    }
    return false
  }

  private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark: true
    default: false
    }
  }

  /// White space, told by value for ASCII: a Unicode property lookup costs more than the rest of
  /// a scan.
  private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isASCII ? scalar == " " || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
  }

  /// The case of the scalars of a document, looked up once per scalar.
  fileprivate struct ScalarCases {
    /// `upper` is `lower` shifted left by one, so that one AND tests a pair of scalars.
    private static let lower: UInt8 = 1, upper: UInt8 = 2, mark: UInt8 = 4
    /// Marks a scalar looked up, so that a scalar of no case still has a non-zero entry.
    private static let known: UInt8 = 0x80
    /// The flags of the Basic Multilingual Plane, 0 until looked up; ASCII is filled in by value.
    private var table = [UInt8](repeating: 0, count: 0x10000)

    init() {
      for value in 0..<0x80 {
        table[value] =
          Self.known | ((0x61...0x7A).contains(value) ? Self.lower : 0)
          | ((0x41...0x5A).contains(value) ? Self.upper : 0)
      }
    }

    /// Whether `text` holds a lower-case letter followed, past combining marks, by a capital:
    /// the first two letters of every word this rule flags.
    mutating func hasCapitalAfterLowerCase(_ text: ArraySlice<Unicode.Scalar>) -> Bool {
      var previous: UInt8 = 0
      for scalar in text {
        let flags = flags(of: scalar)
        // A word's letters skip its marks (a decomposed я́Понцы).
        if flags & Self.mark != 0 { continue }
        // Without a branch on the previous letter's case, which mixed-case text mispredicts.
        if previous & (flags >> 1) & Self.lower != 0 { return true }
        previous = flags
      }
      return false
    }

    private mutating func flags(of scalar: Unicode.Scalar) -> UInt8 {
      let value = Int(scalar.value)
      guard value < table.count else { return Self.lookUp(scalar) }
      if table[value] == 0 { table[value] = Self.lookUp(scalar) | Self.known }
      return table[value]
    }

    private static func lookUp(_ scalar: Unicode.Scalar) -> UInt8 {
      let properties = scalar.properties
      return (properties.isLowercase ? lower : 0) | (properties.isUppercase ? upper : 0)
        | (CaseAnomalyRule.isMark(scalar) ? mark : 0)
    }
  }
}
