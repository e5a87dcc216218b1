import CrosswalkCore
import CrosswalkICU

/// Computes a name's keys at the five levels of DESIGN.md 'Names'.
///
/// All knowledge of scripts and spelling schemes comes from `NameRules` (data files); this type
/// only runs them in order. It owns ICU transliterators, compiled once per process and cloned
/// per instance, so it is not `Sendable`: create one per thread.
public final class NameNormalizer {
  private let rules: NameRules
  private let separators: Transliterator
  private let diacritics: Transliterator
  /// The Japanese first pass and the shared romanization rules, compiled as one transform.
  private let romanizeJapanese: Transliterator
  /// The other first pass and the shared romanization rules, compiled as one transform.
  private let romanizeOther: Transliterator
  private let phoneticFold: Transliterator
  /// Cyrillic in French transliteration (see `frenchForm`).
  private let cyrillicFrench: Transliterator
  /// Script transliterators by ICU id, opened on first use.
  private var scriptTransliterators: [String: Transliterator] = [:]

  /// The keys of one token at the levels after case folding, with the steps that made them.
  private struct TokenKeys {
    var folded: String
    var latin: String
    var romanization: String
    var phonetic: String
    /// ISO 15924 codes, each once.
    var scripts: [String]
    var steps: [String]

    /// The keys of two tokens in a row.
    mutating func append(_ next: TokenKeys) {
      func joined(_ a: String, _ b: String) -> String { a.isEmpty ? b : b.isEmpty ? a : a + " " + b }
      folded = joined(folded, next.folded)
      latin = joined(latin, next.latin)
      romanization = joined(romanization, next.romanization)
      phonetic = joined(phonetic, next.phonetic)
      for script in next.scripts where !scripts.contains(script) { scripts.append(script) }
      for step in next.steps where !steps.contains(step) { steps.append(step) }
    }
  }

  /// Words already seen, with their keys: names repeat their words (given names, surnames,
  /// 'Island', 'Strait'), and ICU's transforms are the costly part of a key. Bounded: emptied
  /// when full.
  private var wordCache = HashedKeyTable<CachedWord?>(filler: nil)
  /// Cyrillic words with the keys of their French transliteration.
  private var frenchWords = HashedKeyTable<CachedWord?>(filler: nil)
  /// The tokens of words of several tokens (ダシツ and ーダツマ of ダシツ・ーダツマ): such words
  /// combine parts other words have, a new word rarely a new part.
  private var tokenCache = HashedKeyTable<CachedToken?>(filler: nil)

  private struct CachedToken {
    let token: String
    let keys: TokenKeys
  }

  /// Words another normalizer has read (the one that indexed a glossary): looked up after this
  /// normalizer's own cache, never changed.
  private let knownWords: KnownWords?

  /// A cache entry: the word (cache keys are hashes, so the word is compared too) and its keys.
  fileprivate struct CachedWord: Sendable {
    let word: String
    let keys: [WordKeys]

    func holds(_ other: String) -> Bool { sameBytes(word, other) }
  }
  private static let wordCacheLimit = 200_000

  /// False to compute every word afresh (for measuring the cost of a cold start).
  public var useWordCache = true

  /// A normalizer over `rules` (the built-in rules by default). `ownTransformEngine: false` runs
  /// every transform on ICU's engine (to hold Crosswalk's own to it: `Transliterator`).
  public init(
    rules given: NameRules? = nil, knownWords: KnownWords? = nil, ownTransformEngine: Bool = true
  ) throws(NameError) {
    self.knownWords = knownWords
    let rules: NameRules
    if let given { rules = given } else { rules = try NameRules.builtIn() }
    self.rules = rules
    /// Compiles rule files as one transform, in order; errors name the file they come from.
    func compile(_ paths: String..., singlePass: Bool = false) throws(NameError) -> Transliterator {
      var text = ""
      var firstLines: [(path: String, line: Int)] = []
      for path in paths {
        guard let part = rules.transforms[path] else { throw .missingRules(file: path) }
        // Lines of the joined text before this file.
        firstLines.append((path, text.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }))
        text += part + "\n:: Null ;\n"
      }
      do {
        return try Transliterator(
          id: "Crosswalk-" + paths.joined(separator: "+"), rules: text, skipsUntouchedText: singlePass,
          ownEngine: ownTransformEngine)
      } catch {
        if case .invalidRules(_, let line, _, let context, _, let name) = error {
          // ICU's line counts in the joined text: name the file and line the rule came from.
          let origin = firstLines.last { $0.line < line } ?? firstLines.first ?? (path: "", line: 0)
          throw .invalidRules(
            file: origin.path, line: line > 0 ? line - origin.line : nil,
            message: "invalid transform rule near '\(context)': \(name)")
        }
        throw .icu(error)
      }
    }
    let f = NameRules.files
    // One pass of rules each, so text they cannot change skips the call into ICU.
    separators = try compile(f.separators, singlePass: true)
    diacritics = try compile(f.diacritics, singlePass: true)
    romanizeJapanese = try compile(f.romanizationJapanese, f.romanization)
    romanizeOther = try compile(f.romanizationOther, f.romanization)
    phoneticFold = try compile(f.phonetic)
    cyrillicFrench = try compile(f.cyrillicFrench)
  }

  /// The words read so far, for other normalizers to share (`init(knownWords:)`).
  public var wordsRead: KnownWords { KnownWords(table: wordCache) }

  /// The keys of `name` at every level. An empty or blank name has empty keys.
  public func keys(for name: String) throws(NameError) -> NameKeys {
    try analyze(name).keys
  }

  /// `name` read word by word: its tokens and the hashes of its keys, for the linker.
  public func analyze(_ name: String) throws(NameError) -> NameAnalysis {
    var words: [WordKeys] = []
    do {
      for word in name.unicodeScalars.split(whereSeparator: isWhiteSpace) {
        words.append(try cachedWordKeys(String(word)))
      }
    } catch {
      throw .icu(error)
    }
    return NameAnalysis(input: name, words: words)
  }

  /// The name with its Cyrillic words in French transliteration (Жданов → Jdanov, Ильин →
  /// Iline), as Russian passports issued before 2010 and the French press write them; nil when
  /// no word is Cyrillic. The romanization key folds schemes that write one sound one way
  /// (ch/tch, kh/h) but cannot tell French ou, ch and j from English ones, so the linker
  /// indexes this form too.
  public func frenchForm(of name: NameAnalysis) throws(NameError) -> NameAnalysis? {
    guard name.contains(script: "Cyrl") else { return nil }
    var words: [WordKeys] = []
    do {
      for word in name.words {
        guard word.scripts.contains("Cyrl") else {
          words.append(word)
          continue
        }
        let hash = keyHash(word.literal)
        if let known = frenchWords[hash] ?? nil, known.holds(word.literal) {
          words += known.keys
          continue
        }
        let latin = try cyrillicFrench.transliterate(word.literal)
        var french: [WordKeys] = []
        for part in latin.unicodeScalars.split(whereSeparator: isWhiteSpace) {
          french.append(try cachedWordKeys(String(part)))
        }
        if useWordCache {
          if frenchWords.count >= Self.wordCacheLimit { frenchWords.removeAll() }
          frenchWords[hash, default: nil] = CachedWord(word: word.literal, keys: french)
        }
        words += french
      }
    } catch {
      throw .icu(error)
    }
    return NameAnalysis(input: words.map(\.literal).joined(separator: " "), words: words)
  }

  /// The keys of a word, from the cache when it has them.
  private func cachedWordKeys(_ word: String) throws(ICUError) -> WordKeys {
    let hash = keyHash(word)
    if let known = wordCache[hash] ?? nil, known.holds(word), let keys = known.keys.first { return keys }
    if let known = knownWords?.table[hash] ?? nil, known.holds(word), let keys = known.keys.first {
      return keys
    }
    if useWordCache, let learned = knownWords?.learned[hash], learned.holds(word), let keys = learned.keys.first {
      remember(learned, hash)
      return keys
    }
    let keys = try wordKeys(word)
    if useWordCache {
      let entry = CachedWord(word: word, keys: [keys])
      remember(entry, hash)
      knownWords?.learned.insert(entry, for: hash)
    }
    return keys
  }

  private func remember(_ entry: CachedWord, _ hash: UInt64) {
    if wordCache.count >= Self.wordCacheLimit { wordCache.removeAll() }
    wordCache[hash, default: nil] = entry
  }

  /// The keys of one word (no white space in it).
  private func wordKeys(_ word: String) throws(ICUError) -> WordKeys {
    // NFC and case folding leave ASCII as it is, but for its capitals.
    let ascii = isASCII(word)
    let literal = ascii ? word : try NormalForm.nfc.apply(word)
    let caseFolded = ascii ? asciiLowercased(word) : try NormalForm.nfkcCasefold.apply(literal)
    let base = try unifyingSeparators(caseFolded)

    // Every later level works token by token: ICU's script transforms and Crosswalk's rules
    // look across a space at most, so a word's keys are its tokens' keys.
    let tokens = spaceSeparated(base)
    var keys = try tokens.count == 1 ? tokenKeys(base) : cachedTokenKeys(String(tokens.first ?? ""))
    if tokens.count > 1 {
      for token in tokens.dropFirst() { keys.append(try cachedTokenKeys(String(token))) }
    }
    return WordKeys(
      literal: literal, folded: keys.folded, latin: keys.latin, romanization: keys.romanization,
      phonetic: keys.phonetic, caseFolded: !sameBytes(caseFolded, literal),
      separatorsUnified: !sameBytes(base, caseFolded), scripts: keys.scripts.sorted(), steps: keys.steps)
  }

  /// `tokenKeys(token)`, from the cache when it has them.
  private func cachedTokenKeys(_ token: String) throws(ICUError) -> TokenKeys {
    guard useWordCache else { return try tokenKeys(token) }
    let hash = keyHash(token)
    if let known = tokenCache[hash] ?? nil, sameBytes(known.token, token) { return known.keys }
    let keys = try tokenKeys(token)
    if tokenCache.count >= Self.wordCacheLimit { tokenCache.removeAll() }
    tokenCache[hash, default: nil] = CachedToken(token: token, keys: keys)
    return keys
  }

  /// The keys of one case-folded token.
  private func tokenKeys(_ token: String) throws(ICUError) -> TokenKeys {
    var steps: [String] = []
    let folded = try stripDiacritics(token)
    if !sameBytes(folded, token) { steps.append("diacritics removed") }

    // latin: each script run through its transform; Han stays.
    var latinMarked = token
    var scripts: [String] = []
    if isASCII(token) {
      if token.utf8.contains(where: { $0 >= 0x61 && $0 <= 0x7A }) { scripts.append("Latn") }
    } else {
      latinMarked = ""
      var transliterated = false
      for run in Script.runs(in: token) {
        if !run.script.isShared, case let name = run.script.shortName, !scripts.contains(name) {
          scripts.append(name)
        }
        if let id = rules.scripts.transform(for: run) {
          latinMarked += try scriptTransliterator(id).transliterate(run.text)
          transliterated = true
          steps.append("\(run.script.name) → Latin by \(id)")
        } else {
          latinMarked += run.text
          if run.script == .han { steps.append("Han kept: kanji match only through glossary aliases") }
        }
      }
      if transliterated {
        // Transforms of lower-case text mostly write lower case: ICU only when needed.
        if latinMarked.unicodeScalars.contains(where: \.properties.changesWhenNFKCCaseFolded) {
          latinMarked = try NormalForm.nfkcCasefold.apply(latinMarked)
        }
        latinMarked = try unifyingSeparators(latinMarked)
      }
    }
    let latin = sameBytes(latinMarked, token) ? folded : try stripDiacritics(latinMarked)

    // romanization: a first pass chosen by whether the token reads as Japanese, then the
    // shared scheme folds; phonetic: the skeleton of that.
    var romanization = "", phonetic = ""
    for (marked, plain) in zip(spaceSeparated(latinMarked), spaceSeparated(latin)) {
      let japanese =
        rules.japanese.allowsLetters(marked) && rules.japanese.matches(plain)
      if japanese { steps.append("read as Japanese: \(plain)") }
      let roman = collapsingWhiteSpace(
        try (japanese ? romanizeJapanese : romanizeOther).transliterate(" " + marked + " "))
      let skeleton = collapsingWhiteSpace(try phoneticFold.transliterate(roman))
      if !romanization.isEmpty {
        romanization += " "
        phonetic += " "
      }
      romanization += roman
      // A token with no consonant (Ai, Oe) keeps its romanization as its skeleton.
      phonetic += skeleton.isEmpty ? roman : skeleton
    }
    if !sameBytes(romanization, latin) { steps.append("romanization schemes folded") }

    return TokenKeys(
      folded: folded, latin: latin, romanization: romanization, phonetic: phonetic, scripts: scripts,
      steps: steps)
  }

  /// Punctuation inside names unified (no ICU call when there is none: see `sourceSet`).
  private func unifyingSeparators(_ text: String) throws(ICUError) -> String {
    let unified = try separators.transliterate(text)
    return sameBytes(unified, text) ? text : collapsingWhiteSpace(unified)
  }

  private func scriptTransliterator(_ id: String) throws(ICUError) -> Transliterator {
    if let cached = scriptTransliterators[id] { return cached }
    let opened = try Transliterator(id: id)
    scriptTransliterators[id] = opened
    return opened
  }

  /// Latin diacritics removed: nonspacing marks on Latin letters dropped after NFD, then the
  /// letters of latin-diacritics.txt that do not decompose. ASCII needs no ICU call.
  private func stripDiacritics(_ text: String) throws(ICUError) -> String {
    if !text.unicodeScalars.contains(where: mayCarryLatinDiacritic) { return text }
    var kept = String.UnicodeScalarView()
    // A mark with no letter before it (Katakana-Latin writes one for a leading ー) goes too.
    var baseIsLatin = true
    var otherLatin = false
    for scalar in try NormalForm.nfd.apply(text).unicodeScalars {
      if scalar.properties.generalCategory == .nonspacingMark {
        if baseIsLatin { continue }
      } else {
        baseIsLatin = scalar.value < 0x80 || Script(of: scalar) == .latin
        if baseIsLatin && scalar.value >= 0x80 { otherLatin = true }
      }
      kept.append(scalar)
    }
    let stripped = otherLatin ? try diacritics.transliterate(String(kept)) : String(kept)
    return try NormalForm.nfc.apply(stripped)
  }
}


private func isASCII(_ text: some StringProtocol) -> Bool { text.utf8.allSatisfy { $0 < 0x80 } }

private func asciiLowercased(_ text: String) -> String {
  guard text.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return text }
  return String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
}

/// True for the scalars that diacritics folding can change: Latin letters beyond ASCII and
/// combining marks. Cyrillic, kana and kanji text skips the NFD round trip altogether.
private func mayCarryLatinDiacritic(_ scalar: Unicode.Scalar) -> Bool {
  switch scalar.value {
  case 0x00C0...0x02AF, 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1EFF, 0x20D0...0x20FF,
    0x2C60...0x2C7F, 0xA720...0xA7FF, 0xAB30...0xAB6F, 0xFE20...0xFE2F:
    true
  default: false
  }
}

/// True for the Unicode White_Space characters.
@inline(__always)
func isWhiteSpace(_ scalar: Unicode.Scalar) -> Bool {
  switch scalar.value {
  case 0x20, 0x09...0x0D, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F,
    0x3000:
    true
  default: false
  }
}

/// Runs of white space (any Unicode white space) become one space; the ends are trimmed.
func collapsingWhiteSpace(_ text: String) -> String {
  // Most names have single spaces between tokens and none at the ends: nothing to do.
  var previousSpace = true
  var clean = true
  for scalar in text.unicodeScalars {
    let space = isWhiteSpace(scalar)
    if space && (previousSpace || scalar != " ") {
      clean = false
      break
    }
    previousSpace = space
  }
  if clean && !previousSpace { return text }
  if clean && text.isEmpty { return text }

  var out = String.UnicodeScalarView()
  var pendingSpace = false
  for scalar in text.unicodeScalars {
    if isWhiteSpace(scalar) {
      pendingSpace = !out.isEmpty
    } else {
      if pendingSpace { out.append(" ") }
      pendingSpace = false
      out.append(scalar)
    }
  }
  return String(out)
}

/// Words a normalizer has read, with their keys: shared, read-only, by the normalizers of
/// several threads (see `NameNormalizer.wordsRead`).
public struct KnownWords: Sendable {
  fileprivate let table: HashedKeyTable<NameNormalizer.CachedWord?>
  /// Words the normalizers sharing this have read since, each read by one of them only.
  fileprivate let learned = SharedKeyTable<NameNormalizer.CachedWord>(limit: 200_000)
}
