import CrosswalkCore

/// Quotation marks that do not pair up: a doubled mark (““is preparing), a quotation opened with
/// one kind of mark and closed with another (“run in front of the locomotive’), a closing mark
/// with nothing to close and an opening mark never closed.
struct QuoteMismatchRule: ArtifactRule {
  static let description = RuleDescription(
    id: "quote-mismatch", family: .mechanics, severity: .warning,
    summary: "doubled, unbalanced or mismatched quotation marks: '““is', '“…’'",
    description: """
      Machine translation and scraping break quotation marks: they double them (““is preparing), \
      close a double quotation with a single mark (“run in front of the locomotive’) or with an \
      opening one (“a betrayal“), and drop one half of a pair, which leaves the reader unsure \
      whose words they read. Marks are paired paragraph by paragraph, as writers nest them: \
      “…‘…’…”, «…„…“…», 「…『…』…」, and “…“ where German-style „…“ is used. Apostrophes \
      (it’s, the islands’, ’90s, O’Brien, rock ’n’ roll) are never taken for quotation marks, nor \
      are inch and foot marks after digits (5'10", a 12” screen) or guillemets with spaces on \
      both sides (Home » World). A quotation left open at the end of a paragraph may go on in the \
      next: in English the next paragraph opens again with the same mark, in Russian it simply \
      goes on until the closing mark. Straight quotes pair with curly ones and are never \
      reported on their own, and single quotes are reported only when they close a double \
      quotation, since an unpaired ’ is usually an apostrophe.
      """,
    triggering: [
      "In August 2021, Russia ⟦““⟧is preparing very seriously for a conflict,” the agent wrote.",
      "Kishida, figuratively speaking “run in front of the locomotive⟦’⟧. The conflict is convenient.",
      "Tokyo “runs in front of the locomotive⟦’⟧ of the campaign which Washington leads.",
      "He called the decision “a betrayal⟦“⟧, officials said.",
      "Why Ukraine was chosen is a choice for others to answer⟦“⟧, they wrote.",
      "She called it ‘a paper promise⟦”⟧ and left the room.",
      "The ministry said: ⟦“⟧We will not retreat.\n\nThe talks ended on Friday.",
      "⟦“⟧We have taken note of the sanctions, the ministry said.\n\nIt added: “Tokyo leads the campaign.”",
      "Он назвал решение «несправедливым⟦”⟧ и ушёл.",
      "岸田氏は「極めて不当だ⟦』⟧と述べた。",
      "He shouted ⟦„„⟧Stop!“ and ran.",
      "A man told me, ⟦\"\"⟧If the ship stops, the town closes.\"",
    ],
    nonTriggering: [
      "It’s the islands’ status, not O’Brien’s, that changed in the ’90s and the ‘80s.",
      "They played rock ’n’ roll, then rock ‘n’ roll again.",
      "“He said ‘no’ today,” she recalled.",
      "“When the president says ‘every inch of allied territory,’ he means it,” a diplomat said.",
      "“I tell them, ‘Ask me in May,’ ” he said.\n“ ‘Never,’ she wrote,” he recalled.",
      "“The first paragraph of a long quotation has no closing mark.\n\n“The next one opens again and closes it,” he said.",
      "He said \"like this\" and left, then called it “a test\".",
      "Он сказал: «Это „лапки“ внутри ёлочек».",
      "«Первый абзац длинной цитаты.\n\nВторой абзац её продолжает», — сказал он.",
      "岸田氏は「『北方領土』は日本固有の領土だ」と述べた。",
      "He is 5'10\" tall, the screen is 12” wide and the angle is 45°30′15″.",
      "Home » today » World » Tokyo positions itself as an adversary",
      "“The so-called “peace plan” is a farce,” he said.",
      "“I was goin’ home,” he said, “and the Joneses’ car was gone.”",
      "He said “this quotation is\nwrapped across two lines” and left.",
      "Ratings of “A”, “B” and ‘C’ were given.",
      "ОАО «Завод «Красный Октябрь» выпустил отчёт.",
      "Der Spiegel wrote „Ja“ on Friday.",
    ])

  init(data: ArtifactData) {}

  func findings(in input: RuleInput) -> [Finding] {
    // Most documents' lines hold no quotation mark, and many documents none at all.
    guard input.scalars.contains(where: Pairing.mayBeMark) else { return [] }
    var pairing = Pairing(scalars: input.scalars)
    pairing.run()
    return pairing.reports.map { finding($0.span, $0.message, suggestion: $0.suggestion) }
  }
}

extension QuoteMismatchRule {
  /// Marks that pair with each other.
  fileprivate enum Family { case double, single, guillemet, corner, whiteCorner }

  /// Whether a mark opens or closes a quotation, read from the spaces and letters around it.
  fileprivate enum Role { case open, close }

  /// One quotation mark of the text, with its role read from its neighbours.
  fileprivate struct Mark {
    let span: TextSpan
    let glyph: Unicode.Scalar
    let family: Family
    let role: Role
    /// A closing ’ after s, z or x or a clipped word: as likely a plural possessive (the islands’)
    /// or speech (goin’) as a quotation's end.
    var maybeApostrophe = false
    /// Right after a digit: an inch or foot mark unless a quotation is open.
    var afterDigit = false

    /// Straight quotes are also ditto and inch marks, and editors leave them in curly text: they
    /// pair but are never reported.
    var straight: Bool { glyph == "\"" }
    /// Two identical marks in a row (““).
    var doubled: Bool { span.count == 2 }
    /// The mark as written.
    var text: String { String(String.UnicodeScalarView(repeatElement(glyph, count: span.count))) }

    /// The same mark, one scalar of a doubled pair.
    func half(_ index: Int) -> Mark {
      var half = Mark(
        span: TextSpan(start: span.start + index, end: span.start + index + 1), glyph: glyph, family: family,
        role: role)
      half.afterDigit = afterDigit
      return half
    }
  }

  /// A quotation opened and not yet closed.
  fileprivate struct Open {
    let mark: Mark
    let paragraph: Int
    /// A quotation of the same mark was closed inside it: Russian writes «Завод «Октябрь» with one
    /// closing mark for both.
    var sharedCloser = false
  }

  /// A finding before it is made by the rule.
  fileprivate struct Report {
    let span: TextSpan
    let message: String
    let suggestion: String?
  }

  /// Pairs the marks of a document, paragraph by paragraph, carrying open quotations across.
  fileprivate struct Pairing {
    let scalars: [Unicode.Scalar]
    /// The quotations open at this point, innermost last.
    var stack: [Open] = []
    /// What is wrong, in the order found.
    var reports: [Report] = []
    /// The marks of each paragraph (line) that has any: a line without marks changes nothing in
    /// the pairing, since only the order of paragraphs counts.
    private var paragraphs: [[Mark]] = []
    /// Whether each paragraph starts with an opening mark: English opens every paragraph of a
    /// long quotation again and closes only the last.
    private var reopens: [Bool] = []
    /// The paragraph being paired.
    private var paragraph = 0

    init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

    /// Pairs every mark and reports what does not pair.
    mutating func run() {
      for line in TextScan.lines(scalars) {
        let marks = marks(in: line)
        guard let first = marks.first else { continue }
        paragraphs.append(marks)
        reopens.append(first.role == .open && startsParagraph(first, line))
      }
      for (paragraph, marks) in paragraphs.enumerated() {
        self.paragraph = paragraph
        if reopens[paragraph], let first = marks.first,
          let index = stack.lastIndex(where: { $0.paragraph < paragraph && $0.mark.family == first.family })
        {
          stack.removeSubrange(index...)
        }
        for (index, mark) in marks.enumerated() {
          switch mark.role {
          case .open: open(mark, at: index, in: marks, paragraph: paragraph)
          case .close: close(mark, at: index, in: marks)
          }
        }
      }
      for open in stack where isReportedUnclosed(open) {
        report(open.mark.span, "opening quotation mark '\(open.mark.text)' is never closed")
      }
    }

    // MARK: Pairing

    private mutating func open(_ mark: Mark, at index: Int, in marks: [Mark], paragraph: Int) {
      // Russian goes on with a quotation over paragraphs without opening it again, so an open
      // double quotation may be carried; a new one in a later paragraph shows it was never closed.
      // Guillemets and corner brackets nest across paragraphs instead (Russian «…«…»…»).
      if mark.family == .double,
        let carried = stack.firstIndex(where: { $0.paragraph < paragraph && $0.mark.family == .double })
      {
        for open in stack[carried...] where open.mark.family == .double && !open.mark.straight {
          report(
            open.mark.span,
            "opening quotation mark '\(open.mark.text)' is not closed before the next quotation",
            suggestion: Self.closer(of: open.mark.glyph))
        }
        stack.removeSubrange(carried...)
      }
      guard mark.doubled else {
        stack.append(Open(mark: mark, paragraph: paragraph))
        return
      }
      if closesTwice(after: index, in: marks, family: mark.family) {
        // ““Peace” is a lie,” — two quotations opened at once, written by people, if rarely.
        stack.append(Open(mark: mark.half(0), paragraph: paragraph))
        stack.append(Open(mark: mark.half(1), paragraph: paragraph))
      } else {
        report(mark.span, "doubled quotation mark '\(mark.text)'", suggestion: String(mark.glyph))
        stack.append(Open(mark: mark, paragraph: paragraph))
      }
    }

    private mutating func close(_ mark: Mark, at index: Int, in marks: [Mark]) {
      guard mark.doubled else {
        closeOne(mark, at: index, in: marks)
        return
      }
      if stack.suffix(2).count == 2, stack.suffix(2).allSatisfy({ $0.mark.family == mark.family }) {
        closeOne(mark.half(0), at: index, in: marks)
        closeOne(mark.half(1), at: index, in: marks)
      } else {
        report(mark.span, "doubled quotation mark '\(mark.text)'", suggestion: String(mark.glyph))
        closeOne(mark, at: index, in: marks)
      }
    }

    private mutating func closeOne(_ mark: Mark, at index: Int, in marks: [Mark]) {
      guard let top = stack.last else {
        // An unpaired ’ is an apostrophe, an unpaired " or ” after a digit an inch mark.
        if mark.family == .single || mark.straight || mark.afterDigit { return }
        report(mark.span, "closing quotation mark '\(mark.text)' has no opening mark")
        return
      }
      if top.mark.family == mark.family {
        if mark.glyph == "“" && top.mark.glyph == "“" {
          report(
            mark.span, "quotation opened with '“' is closed with '“'",
            suggestion: Self.closer(of: top.mark.glyph))
        }
        pop()
        return
      }
      if mark.family == .single {
        // ’ inside a double quotation is an apostrophe unless nothing later closes the quotation.
        guard !mark.maybeApostrophe, !mark.afterDigit, top.mark.family == .double, !top.mark.straight,
          !isClosedLater(after: index, in: marks)
        else { return }
        report(
          mark.span, "quotation opened with '\(top.mark.text)' is closed with '\(mark.text)'",
          suggestion: Self.closer(of: top.mark.glyph))
        pop()
        return
      }
      if let match = stack.lastIndex(where: { $0.mark.family == mark.family }) {
        // What opened inside and stayed open is mostly a ‘ written for an apostrophe.
        stack.removeSubrange((match + 1)...)
        pop()
        return
      }
      if mark.straight || mark.afterDigit { return }
      report(
        mark.span, "quotation opened with '\(top.mark.text)' is closed with '\(mark.text)'",
        suggestion: Self.closer(of: top.mark.glyph))
      pop()
    }

    private mutating func pop() {
      guard let closed = stack.popLast() else { return }
      if let outer = stack.indices.last, stack[outer].mark.glyph == closed.mark.glyph {
        stack[outer].sharedCloser = true
      }
    }

    /// Whether a double quotation open at `index` of the current paragraph is closed later: in
    /// the paragraph, or by a closing mark before any opening one in the paragraphs after
    /// (Russian). A next paragraph opening again does not count: it follows a broken quotation as
    /// often as a long one, and the apostrophes of long quotations are told apart by their words.
    private func isClosedLater(after index: Int, in marks: [Mark]) -> Bool {
      if marks[(index + 1)...].contains(where: { $0.family == .double && $0.role == .close }) { return true }
      for later in paragraphs.dropFirst(paragraph + 1) {
        if let mark = later.first(where: { $0.family == .double }) { return mark.role == .close }
      }
      return false
    }

    /// Whether the marks after a doubled opening mark close two quotations of its family.
    private func closesTwice(after index: Int, in marks: [Mark], family: Family) -> Bool {
      var depth = 0
      var closed = 0
      for mark in marks[(index + 1)...] where mark.family == family {
        for _ in 0..<mark.span.count {
          if mark.role == .open {
            depth += 1
          } else if depth > 0 {
            depth -= 1
          } else {
            closed += 1
          }
        }
        if closed >= 2 { return true }
      }
      return false
    }

    private func isReportedUnclosed(_ open: Open) -> Bool {
      switch open.mark.family {
      case .double: !open.mark.straight
      case .single: false
      case .guillemet: !open.sharedCloser
      case .corner, .whiteCorner: true
      }
    }

    private mutating func report(_ span: TextSpan, _ message: String, suggestion: String? = nil) {
      reports.append(Report(span: span, message: message, suggestion: suggestion))
    }

    static func closer(of glyph: Unicode.Scalar) -> String? {
      switch glyph {
      case "“": "”"
      case "„": "“"
      case "‘": "’"
      case "‚": "‘"
      case "«": "»"
      case "「": "」"
      case "『": "』"
      case "\"": "\""
      default: nil
      }
    }

    // MARK: Reading marks

    /// Whether only spaces and dashes stand before `mark` in its paragraph.
    private func startsParagraph(_ mark: Mark, _ line: TextSpan) -> Bool {
      (line.start..<mark.span.start).allSatisfy {
        scalars[$0].properties.isWhitespace || scalars[$0].properties.generalCategory == .dashPunctuation
      }
    }

    /// The quotation marks of one paragraph, in order.
    private func marks(in line: TextSpan) -> [Mark] {
      var marks: [Mark] = []
      var position = line.start
      while position < line.end {
        let glyph = scalars[position]
        guard Self.mayBeMark(glyph) else {
          position += 1
          continue
        }
        let width = Self.doubles(glyph) && position + 1 < line.end && scalars[position + 1] == glyph ? 2 : 1
        if let mark = mark(glyph, TextSpan(start: position, end: position + width), in: line) {
          marks.append(mark)
        }
        position += width
      }
      return marks
    }

    /// Whether `glyph` is one of the marks `mark(_:_:in:)` reads: " « » ‘ ’ ‚ “ ” „ 「 」 『 』.
    static func mayBeMark(_ glyph: Unicode.Scalar) -> Bool {
      switch glyph.value {
      case 0x22, 0xAB, 0xBB, 0x2018...0x201A, 0x201C...0x201E, 0x300C...0x300F: true
      default: false
      }
    }

    /// Marks that machine translation doubles (straight ones too: ""If the ship…); doubled
    /// guillemets are Russian nesting (»»).
    private static func doubles(_ glyph: Unicode.Scalar) -> Bool {
      glyph == "“" || glyph == "”" || glyph == "„" || glyph == "‘" || glyph == "\""
    }

    /// `glyph` at `span` as a quotation mark, or nil when it is none (an apostrophe, a mark
    /// standing between spaces).
    private func mark(_ glyph: Unicode.Scalar, _ span: TextSpan, in line: TextSpan) -> Mark? {
      let before = span.start > line.start ? scalars[span.start - 1] : nil
      let after = span.end < line.end ? scalars[span.end] : nil
      let spaced = isSpace(before) && isSpace(after)
      func make(_ family: Family, _ role: Role) -> Mark {
        var mark = Mark(span: span, glyph: glyph, family: family, role: role)
        mark.afterDigit = before?.properties.numericType != nil
        return mark
      }
      switch glyph {
      case "“":
        // “ ‘Stop,’ he said” — a space keeps two opening marks apart.
        if spaced { return mark(span.end + 1, in: line) == "‘" ? make(.double, .open) : nil }
        // Opening in English, closing in German-style „…“, and glued to both words after a lost space.
        if opensAfter(before) { return make(.double, .open) }
        return make(.double, closesBefore(after) ? .close : .open)
      case "„":
        return isSpace(after) ? nil : make(.double, .open)
      case "”":
        // ‘Ask me,’ ” he said — a space keeps two closing marks apart.
        if spaced { return mark(span.start - 2, in: line) == "’" ? make(.double, .close) : nil }
        return make(.double, .close)
      case "\"":
        if spaced { return nil }
        if opensAfter(before) { return make(.double, .open) }
        if before?.properties.numericType != nil || closesBefore(after) { return make(.double, .close) }
        return nil
      case "‘":
        // After a letter it is an apostrophe in the wrong glyph (boys‘); before two digits it
        // stands for a century (the ‘90s).
        if isWord(before) || isSpace(after) || isContraction(at: span.start) { return nil }
        if let first = after, first.properties.numericType != nil, span.end + 1 < line.end,
          scalars[span.end + 1].properties.numericType != nil
        {
          return nil
        }
        return make(.single, .open)
      case "‚":
        return opensAfter(before) && isWord(after) ? make(.single, .open) : nil
      case "’":
        // Between letters or before one it is an apostrophe (it’s, O’Brien, ’90s, ’em).
        if isWord(after) || isSpace(before) || isContraction(at: span.start) { return nil }
        var mark = make(.single, .close)
        mark.maybeApostrophe = endsInSibilant(before: span.start) || isElision(before: span.start)
        return mark
      case "«":
        return isSpace(after) ? nil : make(.guillemet, .open)
      case "»":
        return isSpace(before) ? nil : make(.guillemet, .close)
      case "「": return make(.corner, .open)
      case "」": return make(.corner, .close)
      case "『": return make(.whiteCorner, .open)
      case "』": return make(.whiteCorner, .close)
      default: return nil
      }
    }

    /// The scalar at `position` when it is inside `line`.
    private func mark(_ position: Int, in line: TextSpan) -> Unicode.Scalar? {
      position >= line.start && position < line.end ? scalars[position] : nil
    }

    private func isSpace(_ scalar: Unicode.Scalar?) -> Bool {
      scalar.map { $0.properties.isWhitespace } ?? true
    }

    private func isWord(_ scalar: Unicode.Scalar?) -> Bool { scalar.map(TextScan.isWordScalar) ?? false }

    /// Whether a mark after `scalar` opens: after a space, a bracket, a dash or an opening mark.
    private func opensAfter(_ scalar: Unicode.Scalar?) -> Bool {
      guard let scalar, !scalar.properties.isWhitespace else { return true }
      switch scalar.properties.generalCategory {
      case .openPunctuation, .dashPunctuation, .initialPunctuation: return true
      default: return scalar == "/"
      }
    }

    /// Whether a mark before `scalar` closes: before a space, punctuation or a closing mark.
    private func closesBefore(_ scalar: Unicode.Scalar?) -> Bool {
      guard let scalar, !scalar.properties.isWhitespace else { return true }
      switch scalar.properties.generalCategory {
      case .openPunctuation, .initialPunctuation: return false
      default: return !TextScan.isWordScalar(scalar)
      }
    }

    /// Whether the mark at `offset` is one of the two of ’n’ (rock ’n’ roll).
    private func isContraction(at offset: Int) -> Bool {
      func isApostrophe(_ index: Int) -> Bool {
        index >= 0 && index < scalars.count && (scalars[index] == "’" || scalars[index] == "‘")
      }
      func isN(_ index: Int) -> Bool {
        index >= 0 && index < scalars.count && (scalars[index] == "n" || scalars[index] == "N")
      }
      return (isN(offset + 1) && isApostrophe(offset + 2)) || (isN(offset - 1) && isApostrophe(offset - 2))
    }

    /// Whether the word before `offset` drops its last letters in speech: goin’, nothin’, o’, ol’, an’.
    private func isElision(before offset: Int) -> Bool {
      var start = offset
      while start > 0, TextScan.isLetter(scalars[start - 1]) { start -= 1 }
      let word = makeString(scalars[start..<offset]).lowercased()
      return (word.count >= 3 && word.hasSuffix("in")) || Self.elided.contains(word)
    }

    private static let elided: Set<String> = ["o", "ol", "an", "th", "tho"]

    /// Whether the word before `offset` ends in s, z or x, skipping combining marks.
    private func endsInSibilant(before offset: Int) -> Bool {
      var index = offset - 1
      while index >= 0, scalars[index].properties.generalCategory == .nonspacingMark { index -= 1 }
      guard index >= 0 else { return false }
      return ["s", "S", "z", "Z", "x", "X"].contains(scalars[index])
    }
  }
}
