import CrosswalkNames

/// Names the glossary does not have whose spelling shows the writing system they came through
/// (glossaries/artifacts/route-spellings.tsv): Russian names through Japanese katakana by their
/// endings (Korusakofu), Japanese names through Russian Cyrillic or wāpuro by their syllables
/// (Sigeru Isiba, Youko). Read for every unlinked name of a document, so it works on bytes.
struct RouteSpellings {
  private struct Spelling {
    let bytes: [UInt8]
    let entry: RouteSpelling
    /// '-ofu for -ov', 'si for shi'.
    var hint: String { (entry.place == .ending ? "-" : "") + "\(entry.spelling) for \(entry.standard ?? "?")" }
  }

  /// Longest first, so that -sukaya is read before -suki and dzu before dz.
  private let endings: [Spelling]
  private let syllables: [Spelling]
  private let unjapanese: [[UInt8]]
  private let japanese: JapaneseSyllables?
  /// The letters a word must end with to be read at all: the last letters of the endings, and
  /// the vowels and n that end every Japanese word. Most names end otherwise and are passed
  /// over without a look at their words.
  private let lastLetters: Set<UInt8>

  init(_ spellings: [RouteSpelling], japanese: JapaneseSyllables?) {
    func longestFirst(_ place: RouteSpelling.Place) -> [Spelling] {
      spellings.filter { $0.place == place }.map { Spelling(bytes: Array($0.spelling.utf8), entry: $0) }
        .sorted { $0.bytes.count > $1.bytes.count }
    }
    endings = longestFirst(.ending)
    syllables = longestFirst(.syllable)
    unjapanese = spellings.filter { $0.place == .unjapanese }.map { Array($0.spelling.utf8) }
    self.japanese = japanese
    lastLetters = Set(endings.compactMap(\.bytes.last)).union(japanese == nil ? [] : Array("aeioun".utf8))
  }

  /// Whether some word of `surface` ends with one of `lastLetters`.
  func mayRead(_ surface: String) -> Bool {
    var previous: UInt8 = 0x20
    for byte in surface.utf8 {
      if byte == 0x20 || byte == 0x2D, lastLetters.contains(previous | 0x20) { return true }
      previous = byte
    }
    return lastLetters.contains(previous | 0x20)
  }

  struct Reading {
    let route: String
    /// 'si for shi', '-ofu for -ov'.
    let hint: String
    let suggestion: String?
    /// The words respelled, lower case: as written and as English writes them.
    var words: [(written: [UInt8], standard: [UInt8])] = []
  }

  /// The words of a name in lower case (ASCII letters lowered, others as written), initials and
  /// single letters left out, with where each stands in `surface`'s UTF-8.
  static func words(of surface: String) -> [(bytes: [UInt8], range: Range<Int>)] {
    var words: [(bytes: [UInt8], range: Range<Int>)] = []
    var current: [UInt8] = []
    var start = 0, hasDot = false
    func finish(at end: Int) {
      if current.count > 1 && !hasDot { words.append((current, start..<end)) }
      current.removeAll(keepingCapacity: true)
      hasDot = false
    }
    for (offset, byte) in surface.utf8.enumerated() {
      if byte == 0x20 || byte == 0x2D {
        finish(at: offset)
        start = offset + 1
        continue
      }
      if byte == 0x2E { hasDot = true }
      // An apostrophe inside a word is a syllable mark (Ken'iti): the word is read without it.
      if byte == 0x27 { continue }
      current.append(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte)
    }
    finish(at: surface.utf8.count)
    return words
  }

  /// Whether a lower-case word reads as Japanese: it splits into Japanese syllables and has no
  /// letters Japanese names never have (`unjapanese`).
  func looksJapanese(_ word: [UInt8]) -> Bool {
    guard let japanese, japanese.matches(letters: word) else { return false }
    return !unjapanese.contains { pair in word.indices.dropLast(pair.count - 1).contains { word[$0..<($0 + pair.count)].elementsEqual(pair) } }
  }

  /// How `surface` shows its route, if it does. `japaneseWords` gathers, document by document,
  /// the words of names that read as Japanese in every word: such a word alone later is read too.
  func read(_ surface: String, japaneseWords: inout Set<[UInt8]>) -> Reading? {
    guard mayRead(surface) else { return nil }
    let words = Self.words(of: surface)
    guard !words.isEmpty else { return nil }
    for (word, _) in words {
      if let ending = endings.first(where: { word.count >= $0.bytes.count + 3 && word.suffix($0.bytes.count).elementsEqual($0.bytes) }) {
        return Reading(route: ending.entry.route, hint: ending.hint, suggestion: nil)
      }
    }
    // The name is the words at the end that read as Japanese, two or more: a title or an office
    // may stand before it in the mention (Minister of Industry Yodzi Muto).
    var nameStart = words.count
    while nameStart > 0, looksJapanese(words[nameStart - 1].bytes) { nameStart -= 1 }
    let readsJapanese = words.count - nameStart >= 2
    if readsJapanese {
      for (word, _) in words[nameStart...] { japaneseWords.insert(word) }
    }
    var hints: [String] = []  // word by word from the last, each word's in order
    var route: String?
    var respelled: [(written: [UInt8], standard: [UInt8])] = []
    var suggestion = Array(surface.utf8)
    for (position, (word, range)) in words.enumerated().reversed()
    where (readsJapanese && position >= nameStart) || japaneseWords.contains(word) {
      let (changed, used) = respell(word)
      guard !used.isEmpty else { continue }
      hints.insert(contentsOf: used.map(\.hint), at: 0)
      route = used[0].entry.route
      // The standard spelling in place of the word, capitalized as written.
      var replacement = changed
      if let first = suggestion[range].first, first >= 0x41 && first <= 0x5A, let head = replacement.first, head >= 0x61 {
        replacement[0] = head - 32
      }
      suggestion.replaceSubrange(range, with: replacement)
      respelled.insert((word, changed), at: 0)
    }
    guard let route else { return nil }
    return Reading(
      route: route, hint: hints.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }.joined(separator: ", "), suggestion: String(decoding: suggestion, as: UTF8.self),
      words: respelled)
  }

  /// `word` with each syllable spelling in standard form, and the spellings it had. A vowel
  /// pair (ou, uu) counts only before a consonant or at the end: Inoue is i-no-u-e.
  private func respell(_ word: [UInt8]) -> ([UInt8], [Spelling]) {
    var result: [UInt8] = [], used: [Spelling] = [], i = 0
    func isVowel(_ byte: UInt8) -> Bool { byte == 0x61 || byte == 0x65 || byte == 0x69 || byte == 0x6F || byte == 0x75 }
    next: while i < word.count {
      for spelling in syllables {
        let pattern = spelling.bytes
        guard i + pattern.count <= word.count, word[i..<(i + pattern.count)].elementsEqual(pattern),
          let standard = spelling.entry.standard
        else { continue }
        let after = i + pattern.count
        if pattern.allSatisfy(isVowel), after < word.count, isVowel(word[after]) { continue }
        result += Array(standard.utf8)
        used.append(spelling)
        i = after
        continue next
      }
      result.append(word[i])
      i += 1
    }
    return (result, used)
  }
}
