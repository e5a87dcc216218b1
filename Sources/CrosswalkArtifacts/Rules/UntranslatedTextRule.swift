import CrosswalkCore
import CrosswalkICU

/// Words in a script the document's language is not written in: Cyrillic or kana left in an
/// English translation, the source text showing through. A short name given in brackets or
/// quotes as a gloss (Kunashir (Кунашир), the word «дача») is the writer's choice and left alone.
final class UntranslatedTextRule: ArtifactRule {
  static let description = RuleDescription(
    id: "untranslated-text", family: .terms, severity: .warning,
    summary: "a span in another script left in the text, with its likely source language",
    description: """
      Words written in a script the document's language does not use (Cyrillic, Japanese, \
      Chinese, Korean, Greek, Arabic or Hebrew in English text; Japanese in Russian; Cyrillic in \
      Japanese) are flagged as one span per run of such words on a line, with a romanization as \
      evidence. Latin is never foreign: names, acronyms and addresses appear in every language. \
      Short glosses in brackets or quotes (up to three words) are left alone, as are single \
      letters (α, Ж). The script tells the route: Cyrillic → ru (uk with Ukrainian letters), \
      kana → ja, Hangul → ko.
      """,
    triggering: [
      "The minister said that ⟦острова не продаются⟧ and left.", "Talks on ⟦北方領土⟧ resumed in Tokyo.",
      "The island of Kunashir ⟦Кунашир⟧ is disputed.", "Российская сторона назвала ⟦北方領土問題⟧ закрытым.",
      "The crowd in Nemuro chanted 「⟦返せ北方領土⟧」 and dispersed.",
    ],
    nonTriggering: [
      "The island of Kunashir (Кунашир) is disputed.", "Japan calls them the Northern Territories (北方領土).",
      "Russians call a country house a «дача».", "The angle α is small; the NATO summit in Vilnius.",
      "Премьер-министр Японии Фумио Кисида посетил NATO.", "東京でNHKとJRの記者が会見した。",
      "The film \"The Lighthouse Keeper\" (Japanese: 「灯台守」) opened in May.",
    ])

  /// Romanizers for the evidence: BGN/PCGN for Russian (pyadi, not pâdi), ICU's default for the rest.
  private let russianRomanizer: Transliterator
  private let romanizer: Transliterator

  init(data: ArtifactData) throws(ArtifactError) {
    do {
      russianRomanizer = try Transliterator(id: "Russian-Latin/BGN")
      romanizer = try Transliterator(id: "Any-Latin")
    } catch {
      throw .icu("\(error)")
    }
  }

  func findings(in input: RuleInput) -> [Finding] {
    let scalars = input.scalars
    let native = Self.nativeSystems(of: input)
    var found: [Finding] = []
    // Runs of foreign words of one system on one line: (system, first word, last word).
    var run: (system: WritingSystem, first: Int, last: Int)?
    func close() {
      if let open = run, let finding = finding(for: open, in: input, japaneseBrackets: native.contains(.kana)) {
        found.append(finding)
      }
      run = nil
    }
    for (index, word) in input.words.enumerated() {
      let system = Self.system(of: word.span, in: scalars)
      guard let system, !native.contains(system) else {
        // Numbers between foreign words (Курил 4 острова) do not end a run.
        if system != nil { close() }
        continue
      }
      if let open = run, open.system == system,
        !scalars[input.words[open.last].span.end..<word.span.start].contains(where: { $0 == "\n" })
      {
        run?.last = index
      } else {
        close()
        run = (system, index, index)
      }
    }
    close()
    return found
  }

  private func finding(
    for run: (system: WritingSystem, first: Int, last: Int), in input: RuleInput, japaneseBrackets: Bool
  ) -> Finding? {
    let scalars = input.scalars
    let span = TextSpan(start: input.words[run.first].span.start, end: input.words[run.last].span.end)
    let letters = scalars[span.start..<span.end].reduce(0) { $0 + (TextScan.isLetter($1) ? 1 : 0) }
    guard letters >= 2 else { return nil }
    if run.last - run.first < 3 && Self.isGloss(span, in: scalars, japaneseBrackets: japaneseBrackets) { return nil }
    let text = input.document.text(of: span)
    let route = run.system.route(of: Array(scalars[span.start..<span.end]))
    var evidence: [String] = []
    // Chinese characters are read differently in Chinese and Japanese: no romanization guesses.
    let hasHan = scalars[span.start..<span.end].contains { WritingSystem($0) == .han }
    let transliterator = route == "ru" ? russianRomanizer : romanizer
    if !hasHan, let romanized = try? transliterator.transliterate(text), romanized != text {
      evidence.append("reads '\(romanized)'")
    }
    if let route { evidence.append("route \(route)") }
    return finding(
      span, "untranslated text in \(run.system.rawValue): '\(TextScan.excerpt(input.document, span))'",
      suggestion: nil, evidence: evidence, route: route)
  }

  /// The writing system of a word's letters, or nil when it has none (a number) or mixes
  /// systems (the mixed-script rule's business; kana with kanji is Japanese).
  private static func system(of span: TextSpan, in scalars: [Unicode.Scalar]) -> WritingSystem? {
    var found: WritingSystem?
    for offset in span.start..<span.end {
      let scalar = scalars[offset]
      let system: WritingSystem
      if scalar.isASCII {
        // Most words are ASCII: decided without Unicode property lookups.
        guard (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A else { continue }
        system = .latin
      } else {
        system = WritingSystem(scalar)
        guard system != .other, TextScan.isLetter(scalar) else { continue }
      }
      guard let previous = found, previous != system else {
        found = system
        continue
      }
      // Kanji with kana is Japanese.
      guard (previous == .han && system == .kana) || (previous == .kana && system == .han) else { return nil }
      found = .kana
    }
    return found
  }

  /// The systems the document's language is written in; Latin always. A document of unknown
  /// language is taken to be written in the system most of its letters use. An array: asked of
  /// every word, a Set hashed the raw String of each system.
  private static func nativeSystems(of input: RuleInput) -> [WritingSystem] {
    let language = input.document.language.split(separator: "-").first.map(String.init) ?? ""
    switch language {
    case "ru", "uk", "be", "bg", "sr", "mk", "kk", "ky", "mn", "tg": return [.latin, .cyrillic]
    case "ja": return [.latin, .kana, .han]
    case "zh": return [.latin, .han]
    case "ko": return [.latin, .hangul, .han]
    case "el": return [.latin, .greek]
    case "he", "yi": return [.latin, .hebrew]
    case "ar", "fa", "ur": return [.latin, .arabic]
    case "und":
      var counts: [WritingSystem: Int] = [:]
      for word in input.words {
        if let system = system(of: word.span, in: input.scalars) { counts[system, default: 0] += 1 }
      }
      let dominant = counts.max { ($0.value, $0.key.rawValue) < ($1.value, $1.key.rawValue) }?.key ?? .latin
      return dominant == .kana || dominant == .han ? [.latin, .kana, .han] : [.latin, dominant]
    default: return [.latin]
    }
  }

  /// Pairs of brackets and quotes that set off a gloss.
  private static let enclosing: [Unicode.Scalar: Set<Unicode.Scalar>] = [
    "(": [")"], "[": ["]"], "«": ["»"], "“": ["”", "“"], "„": ["“", "”"], "\"": ["\""], "‘": ["’"], "'": ["'"],
  ]
  /// Japanese brackets: a gloss's own in Japanese text (「こんにちは」（Здравствуйте）); in a text of
  /// another language a gloss's only after a colon or bracket, and otherwise part of the Japanese
  /// left in (「返せ北方領土」, （拍手）).
  private static let japaneseEnclosing: [Unicode.Scalar: Set<Unicode.Scalar>] = [
    "「": ["」"], "『": ["』"], "（": ["）"],
  ]

  /// True when `span` is all that stands between an opening bracket or quote and its closing
  /// one (for Japanese brackets, see `japaneseEnclosing`).
  private static func isGloss(_ span: TextSpan, in scalars: [Unicode.Scalar], japaneseBrackets: Bool) -> Bool {
    var before = span.start - 1
    while before >= 0, scalars[before] == " " { before -= 1 }
    var after = span.end
    while after < scalars.count, scalars[after] == " " { after += 1 }
    guard before >= 0, after < scalars.count else { return false }
    if let closing = enclosing[scalars[before]] { return closing.contains(scalars[after]) }
    guard let closing = japaneseEnclosing[scalars[before]], closing.contains(scalars[after]) else { return false }
    // In Japanese text its own brackets; elsewhere only inside a gloss that names its language
    // or sits in brackets (Japanese: 「灯台守」), not a slogan left in a sentence (chanted 「返せ北方領土」).
    if japaneseBrackets { return true }
    var mark = before - 1
    while mark >= 0, scalars[mark] == " " { mark -= 1 }
    return mark >= 0 && (scalars[mark] == ":" || scalars[mark] == "(" || scalars[mark] == "," || scalars[mark] == ";")
  }
}
