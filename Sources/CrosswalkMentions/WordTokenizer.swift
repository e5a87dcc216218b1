import CrosswalkCore

/// A word of an alphabetic script (Latin, Cyrillic, Greek) or a number, with its folded key.
struct WordToken {
  var start: Int
  var end: Int
  /// The hash of the folded word; for Cyrillic, of its stem (Кисиды and Кисида share it).
  var key: UInt64
  /// How many letters the word has.
  var letters: Int
  var isCapitalized: Bool
  /// Two letters or more, all upper case (NATO, МИД).
  var isAllCaps: Bool
  var isCyrillic: Bool
  var isNumber: Bool
  /// The text between the previous word and this one lets both stand in one name: spaces, a
  /// hyphen or dash, or the period after an initial (F. Kisida, A. Yu. Rudenko).
  var joinsPrevious: Bool
  /// A period follows the word at once.
  var endsWithPeriod: Bool
  /// The previous word ends in the possessive 's (Hitler's Germany): one glossary name may
  /// span it, a run of capitalized words does not.
  var afterPossessive = false
  /// For a word glued to the next one by a missing space (UkraineOn): where the second part
  /// starts, and the key of the first part; nil for other words (McDonald and YouTube included,
  /// whose first part is what a glossary would have to hold).
  var glued: (end: Int, key: UInt64)? = nil
  /// For a Cyrillic word whose ending was stripped, the key of the whole word: glossary names
  /// are indexed under both, since a nominative may end like a case ending (Молотов, whose stem
  /// is молот, while Молотова, Молотову and Молотовым all stem to молотов).
  var unstrippedKey: UInt64? = nil
  /// For a Cyrillic word whose longest ending is not its last letter alone, the key of the word
  /// without that letter: the text's other reading (Китая is Кит-ая by its longest ending, but
  /// Китай's genitive, Кита-я, which is how Китай itself stems).
  var alternateKey: UInt64? = nil
}

/// A stretch of Japanese or Chinese text (kana, kanji, and digits after them), folded scalar by
/// scalar with the offset each folded scalar came from.
struct CJKRun {
  var folded: [Unicode.Scalar] = []
  var offsets: [Int] = []
  var end = 0
}

/// Splits text into `WordToken`s and `CJKRun`s, one pass over the scalars. The same code reads
/// glossary names and documents, so their keys agree.
struct WordTokenizer {
  /// Russian endings as folded scalars, longest first (see `MentionLexicon`).
  let endings: [[Unicode.Scalar]]
  /// The endings of one letter.
  let singleLetterEndings: Set<Unicode.Scalar>

  init(endings: [[Unicode.Scalar]]) {
    self.endings = endings
    singleLetterEndings = Set(endings.filter { $0.count == 1 }.compactMap(\.first))
  }

  struct Result {
    var tokens: [WordToken] = []
    var runs: [CJKRun] = []
  }

  func tokenize(_ scalars: ArraySlice<Unicode.Scalar>) -> Result {
    var result = Result()
    // Running text has a word every six or seven scalars: grown by doubling, the list was
    // copied a dozen times for a long document.
    result.tokens.reserveCapacity(scalars.count / 6 + 16)
    var folded: [Unicode.Scalar] = []
    folded.reserveCapacity(32)
    var run: CJKRun?
    var i = scalars.startIndex
    let end = scalars.endIndex
    var gapJoins = false
    var gapStart = scalars.startIndex
    var possessiveGap = false
    let classify = ScalarClass.classifier
    func closeRun() {
      if let finished = run, !finished.folded.isEmpty { result.runs.append(finished) }
      run = nil
    }
    while i < end {
      let info = classify(scalars[i])
      switch info.kind {
      case .cjk:
        if run == nil { run = CJKRun() }
        if let f = info.folded {
          run?.folded.append(f)
          run?.offsets.append(i)
        }
        run?.end = i + 1
        i += 1
        gapJoins = false
        continue
      case .digit where run != nil || Self.digitsLeadIntoCJK(scalars, from: i):
        // Digits inside Japanese text (北方4島, 731部隊) belong to the run.
        if run == nil { run = CJKRun() }
        run?.folded.append(info.folded ?? scalars[i])
        run?.offsets.append(i)
        run?.end = i + 1
        i += 1
        continue
      case .letter, .cyrillic, .digit:
        closeRun()
        let start = i
        // The key is hashed as the word is read; the folded letters are kept only while the
        // word may be all Cyrillic, the one case whose key (its stem) needs them.
        var hasher = KeyHasher()
        folded.removeAll(keepingCapacity: true)
        var keepsFolded = true
        var letters = 0
        var upper = 0
        var cyrillic = 0
        var digits = 0
        let capitalized = info.isUppercase
        var glued: (end: Int, key: UInt64)?
        var previousLower = false
        while i < end {
          let c = classify(scalars[i])
          switch c.kind {
          case .letter, .cyrillic:
            letters += 1
            if c.isUppercase {
              upper += 1
              if previousLower, glued == nil, letters >= 4 { glued = (i, hasher.value) }
            }
            previousLower = !c.isUppercase
            if c.kind == .cyrillic { cyrillic += 1 } else { keepsFolded = false }
            if let f = c.folded { Self.add(f, to: &hasher, keeping: keepsFolded, in: &folded) }
          case .digit:
            digits += 1
            if let f = c.folded { Self.add(f, to: &hasher, keeping: keepsFolded, in: &folded) }
          case .mark:
            break
          case .apostrophe:
            // Inside a word (O'Brien, d'Artagnan), but not the English possessive 's.
            guard i + 1 < end, Self.isLetter(scalars[i + 1]) else { break }
            let possessive =
              (scalars[i + 1] == "s" || scalars[i + 1] == "S")
              && (i + 2 >= end || !Self.isLetter(scalars[i + 2]))
            guard !possessive, letters > 0 else { break }
            Self.add("'", to: &hasher, keeping: keepsFolded, in: &folded)
            i += 1
            continue
          default:
            break
          }
          if c.kind != .letter && c.kind != .cyrillic && c.kind != .digit && c.kind != .mark { break }
          i += 1
        }
        let isCyrillic = cyrillic > 0 && cyrillic == letters
        let allCaps = letters >= 2 && upper == letters
        var key = hasher.value
        var unstrippedKey: UInt64?
        var alternateKey: UInt64?
        if isCyrillic && !allCaps, let stripped = stem(&folded, letters: letters) {
          unstrippedKey = key
          key = Self.hash(folded)
          if stripped.count > 1, let last = stripped.last, singleLetterEndings.contains(last) {
            alternateKey = Self.hash(folded + stripped.dropLast())
          }
        }
        let joins = !result.tokens.isEmpty && gapJoins
        let possessive = joins && possessiveGap
        possessiveGap = false
        result.tokens.append(
          WordToken(
            start: start, end: i, key: key, letters: letters,
            isCapitalized: capitalized, isAllCaps: allCaps, isCyrillic: isCyrillic,
            isNumber: letters == 0, joinsPrevious: joins,
            endsWithPeriod: i < end && scalars[i] == ".", afterPossessive: possessive, glued: glued,
            unstrippedKey: unstrippedKey, alternateKey: alternateKey))
        gapStart = i
        gapJoins = true
        continue
      case .apostrophe
      where i == gapStart && i + 1 < end && (scalars[i + 1] == "s" || scalars[i + 1] == "S")
        && (i + 2 >= end || !Self.isLetter(scalars[i + 2])):
        // The possessive 's after a word.
        possessiveGap = true
        i += 2
      default:
        closeRun()
        gapJoins = gapJoins && Self.gapAllows(info.kind, at: i, gapStart: gapStart, tokens: result.tokens, scalars: scalars)
        i += 1
      }
    }
    closeRun()
    return result
  }

  /// Whether a gap character keeps two words in one name: spaces, one hyphen, a period right
  /// after an initial.
  private static func gapAllows(
    _ kind: ScalarClass.Kind, at index: Int, gapStart: Int, tokens: [WordToken],
    scalars: ArraySlice<Unicode.Scalar>
  ) -> Bool {
    switch kind {
    case .space: return true
    case .hyphen: return true
    case .period:
      guard index == gapStart, let last = tokens.last else { return false }
      // Gulagu.net, RIA.ru: a period with a letter right after it.
      if index + 1 < scalars.endIndex, isLetter(scalars[index + 1]) { return true }
      // An initial: F. Kisida, A. Yu. Rudenko; never the end of a hyphenated word (Маньчжоу-Го.).
      if last.start > scalars.startIndex, ScalarClass(scalars[last.start - 1]).kind == .hyphen { return false }
      return last.letters == 1 || (last.letters == 2 && !last.isAllCaps && last.isCapitalized)
    case .other:
      return scalars[index] == "№"
    default: return false
    }
  }

  /// Whether the digits at `index` are followed at once by kana or kanji.
  private static func digitsLeadIntoCJK(_ scalars: ArraySlice<Unicode.Scalar>, from index: Int) -> Bool {
    var i = index
    while i < scalars.endIndex, ScalarClass(scalars[i]).kind == .digit { i += 1 }
    return i < scalars.endIndex && ScalarClass(scalars[i]).kind == .cjk
  }

  private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    let kind = ScalarClass(scalar).kind
    return kind == .letter || kind == .cyrillic
  }

  /// Strips the longest Russian ending that leaves three letters or more, from a word of four
  /// letters or more; the ending it stripped, if any.
  private func stem(_ folded: inout [Unicode.Scalar], letters: Int) -> [Unicode.Scalar]? {
    guard letters >= 4 else { return nil }
    for ending in endings where folded.count - ending.count >= 3 {
      if folded.count >= ending.count, folded[(folded.count - ending.count)...].elementsEqual(ending) {
        folded.removeLast(ending.count)
        return ending
      }
    }
    return nil
  }

  /// A folded scalar into a word's key, and into its folded letters while they are kept.
  @inline(__always)
  private static func add(
    _ scalar: Unicode.Scalar, to hasher: inout KeyHasher, keeping: Bool, in folded: inout [Unicode.Scalar]
  ) {
    add(scalar, to: &hasher)
    if keeping { folded.append(scalar) }
  }

  @inline(__always)
  private static func add(_ scalar: Unicode.Scalar, to hasher: inout KeyHasher) {
    hasher.add(value: scalar.value)
  }

  static func hash(_ folded: some Collection<Unicode.Scalar>) -> UInt64 {
    var hasher = KeyHasher()
    for scalar in folded { add(scalar, to: &hasher) }
    return hasher.value
  }

  /// The key of a single word as the tokenizer would make it (for word lists, whose entries
  /// are single words: a text's hyphenated word is two tokens).
  func key(of word: String) -> UInt64 { keys(of: word)[0] }

  /// The keys the forms of a word have in text: its stem first, then its other stem and the
  /// whole word when an ending was stripped (музей is муз- and музе-, so музея and музее match
  /// it; полуостров is полуостр- and полуостров, so полуострова matches it).
  func keys(of word: String) -> [UInt64] {
    let scalars = Array(word.unicodeScalars)
    guard let token = tokenize(scalars[...]).tokens.first else {
      return [Self.hash(scalars.compactMap { ScalarClass($0).folded })]
    }
    return [token.key] + [token.alternateKey, token.unstrippedKey].compactMap { $0 }
  }
}
