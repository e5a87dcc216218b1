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
    ],
    nonTriggering: [
      "The island of Kunashir (Кунашир) is disputed.", "Japan calls them the Northern Territories (北方領土).",
      "Russians call a country house a «дача».", "The angle α is small; the NATO summit in Vilnius.",
      "Премьер-министр Японии Фумио Кисида посетил NATO.", "東京でNHKとJRの記者が会見した。",
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

  /// The writing systems the rule tells apart.
  enum WritingSystem: String {
    case latin = "Latin script", cyrillic = "Cyrillic", greek = "Greek", kana = "Japanese", han = "Chinese characters"
    case hangul = "Hangul", arabic = "Arabic script", hebrew = "Hebrew script", other

    init(_ scalar: Unicode.Scalar) {
      switch scalar.value {
      case 0...0x24F, 0x1E00...0x1EFF, 0xFF21...0xFF3A, 0xFF41...0xFF5A: self = .latin
      case 0x370...0x3FF, 0x1F00...0x1FFF: self = .greek
      case 0x400...0x52F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F: self = .cyrillic
      case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: self = .kana
      case 0x3005, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: self = .han
      case 0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF: self = .hangul
      case 0x590...0x5FF, 0xFB1D...0xFB4F: self = .hebrew
      case 0x600...0x6FF, 0x750...0x77F, 0x8A0...0x8FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: self = .arabic
      default: self = .other
      }
    }

    /// The language a run in this script most likely came from (`text` tells Ukrainian from
    /// Russian), or nil when the script is shared by several (Chinese characters).
    func route(of text: [Unicode.Scalar]) -> String? {
      switch self {
      case .cyrillic: text.contains { "іїєґІЇЄҐ".unicodeScalars.contains($0) } ? "uk" : "ru"
      case .kana: "ja"
      case .hangul: "ko"
      case .greek: "el"
      case .hebrew: "he"
      case .arabic: "ar"
      case .latin, .han, .other: nil
      }
    }
  }

  func findings(in input: RuleInput) -> [Finding] {
    let scalars = input.scalars
    let native = Self.nativeSystems(of: input)
    var found: [Finding] = []
    // Runs of foreign words of one system on one line: (system, first word, last word).
    var run: (system: WritingSystem, first: Int, last: Int)?
    func close() {
      if let open = run, let finding = finding(for: open, in: input) { found.append(finding) }
      run = nil
    }
    for (index, word) in input.words.enumerated() {
      guard let system = Self.system(of: word.span, in: scalars), !native.contains(system) else {
        // Digits and symbols between foreign words (Курил 4 острова) do not end a run.
        if Self.system(of: word.span, in: scalars) != nil { close() }
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

  private func finding(for run: (system: WritingSystem, first: Int, last: Int), in input: RuleInput) -> Finding? {
    let scalars = input.scalars
    let span = TextSpan(start: input.words[run.first].span.start, end: input.words[run.last].span.end)
    let letters = scalars[span.start..<span.end].reduce(0) { $0 + (TextScan.isLetter($1) ? 1 : 0) }
    guard letters >= 2 else { return nil }
    if run.last - run.first < 3 && Self.isGloss(span, in: scalars) { return nil }
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
    for offset in span.start..<span.end where TextScan.isLetter(scalars[offset]) {
      let system = WritingSystem(scalars[offset])
      if system == .other { continue }
      guard let previous = found else {
        found = system
        continue
      }
      // Kanji with kana is Japanese.
      if Set([previous, system]) == [.han, .kana] {
        found = .kana
      } else if previous != system {
        return nil
      }
    }
    return found
  }

  /// The systems the document's language is written in; Latin always. A document of unknown
  /// language is taken to be written in the system most of its letters use.
  private static func nativeSystems(of input: RuleInput) -> Set<WritingSystem> {
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
    "「": ["」"], "『": ["』"], "（": ["）"],
  ]

  /// True when `span` is all that stands between an opening bracket or quote and its closing
  /// one.
  private static func isGloss(_ span: TextSpan, in scalars: [Unicode.Scalar]) -> Bool {
    var before = span.start - 1
    while before >= 0, scalars[before] == " " { before -= 1 }
    var after = span.end
    while after < scalars.count, scalars[after] == " " { after += 1 }
    guard before >= 0, after < scalars.count, let closing = enclosing[scalars[before]] else { return false }
    return closing.contains(scalars[after])
  }
}
