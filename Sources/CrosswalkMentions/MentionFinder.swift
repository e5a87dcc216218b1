import CrosswalkCore
import CrosswalkDocuments
import CrosswalkICU
import CrosswalkLinking
import CrosswalkNames
import Synchronization

/// Everything a `MentionFinder` shares with the finders of other threads: built once.
public final class MentionResources: Sendable {
  public let dictionary: NameDictionary
  public let index: LinkIndex
  public let lexicon: MentionLexicon
  public let threshold: Double

  public init(index: LinkIndex, lexicon: MentionLexicon, threshold: Double = Linker.defaultThreshold) {
    self.index = index
    self.lexicon = lexicon
    self.threshold = threshold
    dictionary = NameDictionary(glossary: index.glossary, lexicon: lexicon)
  }

  private let knownNames = Mutex<LinkIndex?>(nil)

  /// The places and organizations of known-names.tsv indexed for linking
  /// (`MentionLexicon.knownNameGlossary`): built on first use, as only the name rules ask.
  public func knownNameIndex() throws(NameError) -> LinkIndex {
    let result: Result<LinkIndex, NameError> = knownNames.withLock { built in
      if let built { return .success(built) }
      let result = Result { () throws(NameError) in try LinkIndex(glossary: lexicon.knownNameGlossary(), data: self.index.data) }
      if case .success(let index) = result { built = index }
      return result
    }
    return try result.get()
  }

  /// The resources of `glossary` with the built-in link data and word lists, as the commands
  /// use them. Each set has its own shared caches: a run on fresh resources starts cold.
  public convenience init(glossary: Glossary, threshold: Double = Linker.defaultThreshold) throws(NameError) {
    self.init(index: try LinkIndex(glossary: glossary), lexicon: try MentionLexicon.builtIn(), threshold: threshold)
  }
}

/// Finds the name mentions of a document and links them (DESIGN.md 'Pipeline': Segments →
/// Mentions → Links):
/// 1. glossary names in any script, through `NameDictionary`'s prefix tables;
/// 2. in Japanese and Chinese text, kanji personal names (surname and given name from the
///    readings table, or a surname before a title) and katakana words the resolver links;
/// 3. runs of capitalized Latin or Cyrillic words (with initials, particles and hyphens), trimmed
///    of titles and other words that are not names, linked through the resolver; a capitalized
///    word that only starts a sentence is kept only when it links;
/// 4. a word of a personal name given in full earlier in the document stands for that person.
///
/// Owns ICU handles and the resolver's caches: not `Sendable`, one per thread.
public final class MentionFinder {
  public let resources: MentionResources
  private let linker: Linker
  private let segmenter = Segmenter()
  private var dictionary: NameDictionary { resources.dictionary }

  public init(resources: MentionResources) throws(NameError) {
    self.resources = resources
    linker = try Linker(index: resources.index, threshold: resources.threshold)
  }

  /// A linker on `index` for this finder's thread, reading names as the finder's own does.
  public func linker(on index: LinkIndex) -> Linker {
    Linker(index: index, threshold: resources.threshold, readingLike: linker)
  }

  /// The mentions of `document`, in text order.
  public func mentions(in document: Document) throws(ICUError) -> [Mention] {
    try mentions(in: document, segmentation: segmenter.segment(document, words: false))
  }

  /// The mentions of `document` with its segmentation already made. Words are needed only
  /// where the text has Japanese or Chinese: a segmentation without them gets them then.
  public func mentions(in document: Document, segmentation given: Segmentation) throws(ICUError) -> [Mention] {
    let scalars = document.scalars
    let pieces = dictionary.tokenizer.tokenize(scalars[...])
    var segmentation = given
    if !pieces.runs.isEmpty { segmentation = try segmenter.addingWords(to: given, of: document) }
    var scan = DocumentScan(
      document: document, tokens: pieces.tokens, segmentation: segmentation, finder: self)
    scan.findGlossaryWords()
    scan.findQuotedNames()
    scan.findNumberedNames()
    for run in pieces.runs { scan.findInCJK(run) }
    scan.findCapitalizedRuns()
    scan.joinInstitutionsToPlaces()
    if !pieces.runs.isEmpty { scan.findJapaneseShortForms(in: pieces.runs) }
    return scan.mentions.sorted { $0.span < $1.span }
  }

  /// The link only: a mention carries no explanation (`crosswalk resolve` gives one). Links
  /// are remembered (`links`): the name rules ask again about words of the finder's names.
  public func resolve(_ surface: String) -> Resolution? {
    let hash = keyHash(surface)
    if let known = links.link(hash) { return known }
    if let known = olderLinks.link(hash) {
      remember(hash, known)
      return known
    }
    let resolution = try? linker.link(surface)
    remember(hash, resolution)
    return resolution
  }

  private func remember(_ hash: UInt64, _ resolution: Resolution?) {
    if links.count >= Self.linkMemoLimit {
      olderLinks = links
      links = ResolutionMemo()
    }
    links.insert(resolution, for: hash)
  }

  /// Links already made, by the `keyHash` of the surface: running text repeats its names (and
  /// its capitalized sentence starts) far more often than the resolver's own per-word caches
  /// can save. Two generations, so that a full memo keeps what the latest documents used: on
  /// one thread over the 50 MB benchmark corpus, a memo emptied when full linked 156,245
  /// surfaces, this one 139,047, an unbounded one 137,109.
  private var links = ResolutionMemo()
  private var olderLinks = ResolutionMemo()
  private static let linkMemoLimit = 1 << 16
}

/// The state of one document's scan.
private struct DocumentScan {
  let document: Document
  let tokens: [WordToken]
  let segmentation: Segmentation
  let finder: MentionFinder
  var mentions: [Mention] = []
  /// Tokens inside a glossary mention.
  var covered: [Bool]
  /// Tokens that start a sentence or stand in a headline: capitalized for other reasons.
  var weakCapital: [Bool]
  /// ICU word boundaries, as a bit per scalar (built only for texts with CJK runs).
  var boundaries: [UInt64] = []
  var dictionary: NameDictionary { finder.resources.dictionary }
  var lexicon: MentionLexicon { finder.resources.lexicon }
  /// Keys of words that are not names in the document's language.
  let notNames: HashedKeySet
  /// Of those, the words that never stand inside a name (articles, pronouns).
  let neverInNames: HashedKeySet
  /// The nouns names of institutions and places are built on (`MentionLexicon.nameHeads`).
  let heads: [UInt64: String]
  /// Heads whose names take in the place after a preposition (Embassy … in Japan), with its key.
  let placePrepositions: [UInt64: UInt64]
  /// Phrases that join a name to its namesake (имени, named after), as word keys.
  let namesakePhrases: [[UInt64]]
  let wordsBefore: [UInt64: String]
  /// Nouns before a name in quotes, with the type they give it (компания «Гидрострой»).
  let wordsBeforeQuotes: [UInt64: String]
  let wordsAfter: [UInt64: String]
  /// Heads of missions: the place after their preposition is a state (Embassy in Japan).
  let accreditedHeads: HashedKeySet
  /// Nouns that a number names (школа № 12).
  let numberedNouns: [UInt64: String]
  /// Nouns of the bodies that govern a place, before its name (правительство Сахалинской области).
  let governingNouns: [UInt64: String]
  /// Of `wordsAfter`, the nouns that make a name after a demonym too (Japanese army).
  let wordsAfterDemonyms: HashedKeySet
  let demonyms: HashedKeySet
  /// Ordinals written as words (Second): they lead a name ending in a word of `wordsAfter`.
  let ordinals: HashedKeySet
  /// Keys of words written with a capital where a capital means a name: not at a sentence's
  /// start, not in a title-case line, not in a glossary name. Such a word is a name where
  /// capitals say nothing too (Stalin at a sentence's start, Arakawa in a headline).
  var nameEvidence = HashedKeySet()
  /// Keys of the words the text writes in lower case somewhere.
  var lowerCaseWords = HashedKeySet()
  /// Keys of titles (President, Minister, профессор): nothing before one in a run is the name.
  let titles: HashedKeySet
  /// Keys of the nouns that make a name of an event or a document (Declaration, Treaty).
  let events: HashedKeySet
  /// Keys of acronyms that name no one (GDP, СМИ).
  let commonAcronyms: HashedKeySet
  /// Keys of adjectives that stand inside names of institutions (International, Cultural).
  let adjectives: HashedKeySet
  /// Keys of nouns whose possessive stands inside names (People's Revolutionary Army).
  let possessives: HashedKeySet
  /// The parts of unresolved katakana names (ドミトリー・サフォノフ, ブルガーニン首相), by folded
  /// text: a part standing alone anywhere is the same person (サフォノフ).
  var katakanaNameParts: Set<[Unicode.Scalar]> = []
  /// Kanji surnames the readings table lacks that this document gives with a given name and a
  /// title (湊谷 in 湊谷清志組合長): later, 湊谷氏 is the same person's.
  var documentSurnames: Set<[Unicode.Scalar]> = []
  /// The index's kanji readings, held here: reached through the index at every kanji, the
  /// table was copied (and its arrays retained) each time.
  let readings: NameReadings

  init(document: Document, tokens: [WordToken], segmentation: Segmentation, finder: MentionFinder) {
    self.document = document
    self.tokens = tokens
    self.segmentation = segmentation
    self.finder = finder
    let language = document.language.split(separator: "-").first.map(String.init) ?? "und"
    notNames = finder.resources.lexicon.notNames(in: language)
    neverInNames = finder.resources.lexicon.neverInNames(in: language)
    heads = finder.resources.lexicon.nameHeads(in: language)
    placePrepositions = finder.resources.lexicon.placePrepositions(in: language)
    namesakePhrases = finder.resources.lexicon.namesakePhrases(in: language)
    wordsBefore = finder.resources.lexicon.wordsBeforeNames(in: language)
    wordsBeforeQuotes = finder.resources.lexicon.wordsBeforeQuotedNames(in: language)
    wordsAfter = finder.resources.lexicon.wordsAfterNames(in: language)
    governingNouns = finder.resources.lexicon.governingNouns(in: language)
    numberedNouns = finder.resources.lexicon.numberedNouns(in: language)
    accreditedHeads = finder.resources.lexicon.accreditedHeads(in: language)
    wordsAfterDemonyms = finder.resources.lexicon.wordsAfterDemonyms(in: language)
    demonyms = finder.resources.lexicon.notNames(in: language, because: "demonym")
    ordinals = finder.resources.lexicon.notNames(in: language, because: "ordinal")
    titles = finder.resources.lexicon.notNames(in: language, because: "title")
    events = finder.resources.lexicon.notNames(in: language, because: "event")
    commonAcronyms = finder.resources.lexicon.notNames(in: language, because: "acronym")
    adjectives = finder.resources.lexicon.notNames(in: language, because: "adjective")
    possessives = finder.resources.lexicon.notNames(in: language, because: "possessive")
    readings = finder.resources.index.readings
    covered = [Bool](repeating: false, count: tokens.count)
    weakCapital = [Bool](repeating: false, count: tokens.count)
    for token in tokens where !token.isCapitalized && !token.isNumber { lowerCaseWords.insert(token.key) }
    markWeakCapitals()
  }

  // MARK: Sentence starts and headlines

  private mutating func markWeakCapitals() {
    var k = 0
    for sentence in segmentation.sentences {
      while k < tokens.count, tokens[k].end <= sentence.start { k += 1 }
      if k < tokens.count, tokens[k].start < sentence.end { weakCapital[k] = true }
    }
    // So does each part of a line cut by bars or bullets (By Anna Ito | Analysis | Tokyo), and a
    // line of dialogue after a dash that ICU reads as going on (— говорит Кострова. — Спрашивают …).
    for k in tokens.indices.dropFirst() where !weakCapital[k] {
      let gap = document.scalars[tokens[k - 1].end..<tokens[k].start]
      if gap.contains(where: { $0 == "|" || $0 == "•" }) {
        weakCapital[k] = true
      } else if let dash = gap.lastIndex(where: { $0 == "—" || $0 == "–" }),
        gap[..<dash].contains(where: { $0 == "." || $0 == "!" || $0 == "?" || $0 == "…" })
      {
        weakCapital[k] = true
      }
    }
    // A line in title case ("Japan Tries To Distort The History") capitalizes every word.
    let lineStarts = document.lines.lineStarts
    var line = 0
    var lineStart = 0
    while lineStart < tokens.count {
      while line + 1 < lineStarts.count, lineStarts[line + 1] <= tokens[lineStart].start { line += 1 }
      let nextLine = line + 1 < lineStarts.count ? lineStarts[line + 1] : Int.max
      var lineEnd = lineStart
      while lineEnd < tokens.count, tokens[lineEnd].start < nextLine { lineEnd += 1 }
      // Title case shows in words the text writes in lower case elsewhere (Years, Plans); a
      // sentence of names alone (Igor Samokhvalov met Anna Vedeneeva) has none.
      var words = 0, capitalized = 0, commonWords = 0
      // Title case leaves short words in lower case (of, and, with, between), not long ones: a
      // line dense in names that has one (Reporting by Anna Petrova …; additional reporting by
      // Mari Tsuda) is a sentence.
      var longLowerCaseWord = false
      for token in tokens[lineStart..<lineEnd] where !token.isNumber && token.letters > 3 {
        words += 1
        if token.isCapitalized {
          capitalized += 1
          if lowerCaseWords.contains(token.key) { commonWords += 1 }
        } else if token.letters >= 8 {
          longLowerCaseWord = true
        }
      }
      // A byline (By Eleanor McDonald | Analysis) capitalizes a name, not every word.
      let isByline = tokens[lineStart].key == lexicon.byKey
      if words >= 3, capitalized * 10 >= words * 8, commonWords > 0, !isByline, !longLowerCaseWord {
        for k in lineStart..<lineEnd { weakCapital[k] = true }
      }
      lineStart = lineEnd
    }
  }

  // MARK: Glossary names in words

  mutating func findGlossaryWords() {
    var k = 0
    while k < tokens.count {
      if let (last, forms) = longestGlossaryMatch(from: k) {
        // A sentence's first word that the text also writes in lower case is that word, not a
        // known name (Сад … сад is no Садо, matched without its ending).
        if last == k, weakCapital[k], lowerCaseWords.contains(tokens[k].key),
          forms.allSatisfy({ dictionary.forms[Int($0)].entity < 0 })
        {
          k += 1
          continue
        }
        if knownPlaceStartsName(forms, last) || knownPlaceEndsName(forms, first: k, last: last)
          || knownPlaceIsAdjective(forms, at: k, last: last) || knownPersonNamesPlace(forms, last: last)
          || endsHyphenatedName(forms, at: k, last: last)
        {
          k = last + 1
          continue
        }
        var first = k
        // "The Heavenly Kingdom": the article is not part of the name as a mention.
        if last > k, tokens[k].key == lexicon.articleKey { first += 1 }
        let type = dictionary.type(ofForm: forms[0])
        if type == "person", dictionary.forms[Int(forms[0])].entity < 0 { first = knownPersonStart(first) }
        // A given name the glossary does not write with a person's surname (Svetlana before
        // Zakharova) makes one name with it, another person's unless the resolver links the whole.
        if type == "person", last == k, forms.allSatisfy({ dictionary.forms[Int($0)].entity >= 0 }) {
          let start = knownPersonStart(k)
          if start < k, !(start..<k).allSatisfy({ isInitialToken($0) }) {
            _ = addName(start...k, type: "person")
            k += 1
            continue
          }
        }
        // A known unit takes its number (2nd Far Eastern Front); a glossary entity keeps its name.
        if type == "organization", dictionary.forms[Int(forms[0])].entity < 0, numbered(first) { first -= 1 }
        var span = TextSpan(start: tokens[first].start, end: tokens[last].end)
        var through = last
        if let extended = extend(span, first: first, last: last, forms: forms) {
          (span, first, through) = extended
        }
        // A place after a noun written before names (islands Habomai, острове Итуруп), unless
        // its name has such a noun of its own (острова Курильской гряды).
        let before = startWithWordBefore(first)
        if before < first, type == "place", !namesState(forms),
          !(first...through).contains(where: { heads[tokens[$0].key] != nil || wordsBefore[tokens[$0].key] != nil })
        {
          first = before
          span = TextSpan(start: tokens[first].start, end: span.end)
        }
        // A person's name after such a noun names a place (улице Ленина).
        if before < first, type == "person", wordsBefore[tokens[before].key] == "place" {
          _ = addName(before...through, type: "place")
          k = through + 1
          continue
        }
        if let word = wordAfterName(after: through) {
          _ = addName(first...through, withWordAfter: word)
          k = word + 1
          continue
        }
        add(glossaryMatch: span, forms: forms, resolveSurface: through != last || first < k)
        for j in min(first, k)...through { covered[j] = true }
        k = through + 1
      } else if let glued = tokens[k].glued, let forms = singleWordMatch(glued.key, at: k) {
        // UkraineOn: the name before the missing space.
        add(glossaryMatch: TextSpan(start: tokens[k].start, end: glued.end), forms: forms)
        covered[k] = true
        k += 1
      } else {
        k += 1
      }
    }
  }

  /// Whether a known place (no glossary entity) in Latin letters is the first word of a name of
  /// two that the capitalized word after it completes (Otaru Canal, Hakodate Customs, Togo
  /// Heihachiro): that word is a name's own, not a head noun the name is built on (Otaru City),
  /// a title (Nemuro Mayor), a headline's word or another glossary name, and no third follows
  /// (Yuzhno-Sakhalinsk Kentaro Siga is a place and a person).
  private func knownPlaceStartsName(_ forms: [Int32], _ last: Int) -> Bool {
    let j = last + 1
    guard j < tokens.count, !tokens[last].isCyrillic, !weakCapital[j],
      areKnownNames(forms, of: "place"),
      isSpaceAfter(last),
      isNameWord(j), !tokens[j].isAllCaps, !isNotName(j), heads[tokens[j].key] == nil,
      !(j + 1 < tokens.count && tokens[j + 1].joinsPrevious && isNameWord(j + 1))
    else { return false }
    return longestGlossaryMatch(from: j) == nil
  }

  /// Where the name of a known person (known-names.tsv) found at `k` starts: with the initials
  /// and up to two given names written before it (С. К. Шойгу, Vasily Mikhailovich Golovnin,
  /// Erik Laxman), but not a sentence's or a quote's first word, which may be any word ("Playing
  /// Shostakovich).
  private func knownPersonStart(_ k: Int) -> Int {
    var first = k
    var names = 0
    while first > 0, k - first < 4, tokens[first].joinsPrevious, !covered[first - 1] {
      let j = first - 1
      if isInitialToken(j) {
        first = j
        continue
      }
      guard names < 2, isNameWord(j), !tokens[j].isAllCaps, !tokens[j].endsWithPeriod, !isNotName(j),
        tokens[j].letters > 2, heads[tokens[j].key] == nil, !demonyms.contains(tokens[j].key),
        !weakCapital[j], !isAfterOpeningQuote(j)
      else { break }
      first = j
      names += 1
    }
    return first
  }

  // MARK: Numbered bodies

  /// A noun that a number names, the number sign and the number (школы № 12, отряду № 100):
  /// one name, unresolved; the glossary's (отряд № 731) were found before.
  mutating func findNumberedNames() {
    guard !numberedNouns.isEmpty else { return }
    let scalars = document.scalars
    for k in tokens.indices.dropLast() where !covered[k] && !covered[k + 1] && tokens[k + 1].isNumber {
      guard let type = numberedNouns[tokens[k].key] else { continue }
      let between = scalars[tokens[k].end..<tokens[k + 1].start].filter { $0 != " " && $0 != "\u{A0}" }
      guard between == ["№"] else { continue }
      // Not resolved: the resolver would take отряд № 100 for a misspelt отряд № 731.
      let span = TextSpan(start: tokens[k].start, end: tokens[k + 1].end)
      mentions.append(
        Mention(
          span: span, surface: document.text(of: span), entity: nil, matchedName: nil, type: type, score: 0,
          method: nil, source: .capitalized))
      covered[k] = true
      covered[k + 1] = true
    }
  }

  // MARK: Names in quotes

  /// Names in quotes after a noun that says what they name (компания «Этиго Марин Сервис»,
  /// рыбокомбинат «Островной», the company "Hydrostroy"): the quoted words, up to four and the
  /// first capitalized, are the whole name, though they may look like an adjective or a phrase
  /// (газета «Губернские ведомости»). Names of ships and weapons, quoted as often, get no noun
  /// in name-heads.tsv and stay no mentions.
  mutating func findQuotedNames() {
    guard !wordsBeforeQuotes.isEmpty else { return }
    let scalars = document.scalars
    for k in tokens.indices.dropLast() {
      // The noun, one space, an opening quote, then the name's first word.
      let open = tokens[k].end + 1
      guard tokens[k + 1].start == open + 1, scalars[tokens[k].end] == " ", Self.openingQuotes.contains(scalars[open]),
        tokens[k + 1].isCapitalized || tokens[k + 1].isAllCaps, !covered[k + 1],
        // The noun in lower case, or a legal form in capitals (ООО «Сахалинская Энергия»).
        !tokens[k].isCapitalized || weakCapital[k] || tokens[k].isAllCaps, let type = wordsBeforeQuotes[tokens[k].key]
      else { continue }
      var last = k + 1
      while last + 1 < tokens.count, last - k < 4, tokens[last + 1].joinsPrevious, !covered[last + 1] { last += 1 }
      let close = tokens[last].end
      guard close < scalars.count, Self.closingQuotes.contains(scalars[close]) else { continue }
      let span = TextSpan(start: tokens[k + 1].start, end: close)
      addResolved(span: span, source: .capitalized, unresolvedType: type, keepUnresolved: true)
      for j in (k + 1)...last { covered[j] = true }
    }
  }

  /// Whether a known place of one word (no glossary entity) is the last word of a name of two,
  /// after a capitalized word that is no name of its own: a surname that is also a place
  /// (Masatoshi Ishigaki, Такаси Мияке). An adjective (Южный Сахалин), a word not a name (The,
  /// Mayor), a noun written before places (Port, Cape) or an acronym before it leaves it a place.
  private func knownPlaceEndsName(_ forms: [Int32], first k: Int, last: Int) -> Bool {
    guard k == last, k > 0, tokens[k].joinsPrevious, !covered[k - 1], !isRussianAdjective(tokens[k - 1]),
      areKnownNames(forms, of: "place"),
      isSpaceAfter(k - 1),
      isNameWord(k - 1), !tokens[k - 1].isAllCaps, !tokens[k - 1].endsWithPeriod, !isNotName(k - 1),
      heads[tokens[k - 1].key] == nil, wordsBefore[tokens[k - 1].key] == nil,
      !demonyms.contains(tokens[k - 1].key), tokens[k - 1].letters > 2,
      // A sentence's first word may be any word (Although Matua); a name of two, not the end
      // of a longer one (Hokuto Shimpo Sapporo), unless a title stands before it.
      !weakCapital[k - 1]
    else { return false }
    return k < 2 || !tokens[k - 1].joinsPrevious || !isNameWord(k - 2) || isNotName(k - 2)
  }

  /// Whether the name matched at tokens `k...last` ends a longer place written with hyphens,
  /// which is another place: after a short word between hyphens (Amur in Nikolaevsk-on-Amur,
  /// Дону in Ростов-на-Дону), or a place of one word after a Latin word that is no name of its
  /// own (Maizuru in Higashi-Maizuru; Russia in Japan-Russia is a name of its own).
  private func endsHyphenatedName(_ forms: [Int32], at k: Int, last: Int) -> Bool {
    guard k > 0, hyphenated(k - 1) else { return false }
    if k >= 2, joinsByHyphens(k - 1), isNameWord(k - 2) { return true }
    return k == last && !covered[k - 1] && isNameWord(k - 1) && !tokens[k - 1].isCyrillic && !tokens[k - 1].isAllCaps
      && tokens[k - 1].letters > 2 && !isNotName(k - 1) && forms.allSatisfy { dictionary.type(ofForm: $0) == "place" }
  }

  /// Whether a known place of one word, or of two joined by a hyphen (no glossary entity), is a
  /// Russian adjective that a head noun in lower case follows: the name is the adjective's and the
  /// head's (Холмского городского округа, not Холмск, whose stem the adjective shares;
  /// Южно-Курильским районным судом).
  private func knownPlaceIsAdjective(_ forms: [Int32], at k: Int, last: Int) -> Bool {
    (k..<last).allSatisfy({ hyphenated($0) }) && isRussianAdjective(tokens[last])
      && areKnownNames(forms, of: "place")
      && lowerCaseHead(after: k...last) != nil
  }

  /// Whether a known person (no glossary entity) is the namesake of a place whose capitalized
  /// head follows (Lenin Street, Gagarin Park): the capitalized words are the place's name.
  private func knownPersonNamesPlace(_ forms: [Int32], last: Int) -> Bool {
    let j = last + 1
    return j < tokens.count && tokens[j].isCapitalized && !tokens[j].isAllCaps
      && isPlaceHead(j)
      && isSpaceAfter(last)
      && areKnownNames(forms, of: "person")
  }

  /// Whether every form matched is a known name (known-names.tsv: no glossary entity) of `type`.
  private func areKnownNames(_ forms: [Int32], of type: String) -> Bool {
    forms.allSatisfy { dictionary.forms[Int($0)].entity < 0 && dictionary.type(ofForm: $0) == type }
  }

  /// A glossary name of one word with `key`, written as it requires at token `k`.
  private func singleWordMatch(_ key: UInt64, at k: Int) -> [Int32]? {
    guard let value = dictionary.wordPrefixes[NameDictionary.extend(0, key)], value > 0 else { return nil }
    let fitting = dictionary.endings[Int(value) - 1].filter { fits(dictionary.forms[Int($0)], from: k, to: k) }
    return fitting.isEmpty ? nil : fitting
  }

  /// A glossary name with the words around it that make a fuller form of the same name:
  /// initials before it (А. Ю. Руденко), or capitalized words the resolver links to the same
  /// entity (Fumio Kisida, Kishida Fumio, Gunashiri Island).
  private func extend(_ span: TextSpan, first: Int, last: Int, forms: [Int32])
    -> (TextSpan, Int, Int)?
  {
    let entity = dictionary.forms[Int(forms[0])].entity
    // Only the names of people and places grow: an organization or a term followed by a name
    // ("Cabinet Secretary Matsuno") is two mentions. A known name does not.
    guard entity >= 0 else { return nil }
    let type = dictionary.glossary.entities[Int(entity)].type
    guard type == "person" || type == "place", last - first < 2 else { return nil }
    var newFirst = first
    while newFirst > 0, newFirst > first - 3, tokens[newFirst].joinsPrevious, !covered[newFirst - 1],
      isInitialToken(newFirst - 1)
    {
      newFirst -= 1
    }
    var tryFirst = newFirst
    while tryFirst > 0, tryFirst > newFirst - 2, tokens[tryFirst].joinsPrevious, !tokens[tryFirst].afterPossessive,
      !covered[tryFirst - 1],
      isNameWord(tryFirst - 1), !isNotName(tryFirst - 1), !tokens[tryFirst - 1].isAllCaps,
      tokens[tryFirst - 1].letters > 2, !tokens[tryFirst - 1].endsWithPeriod
    {
      tryFirst -= 1
    }
    var tryLast = last
    while tryLast + 1 < tokens.count, tryLast < last + 2, tokens[tryLast + 1].joinsPrevious,
      !tokens[tryLast + 1].afterPossessive,
      !tokens[tryLast].endsWithPeriod, isNameWord(tryLast + 1), !tokens[tryLast + 1].isAllCaps,
      tokens[tryLast + 1].letters > 2
    {
      tryLast += 1
    }
    // The widest candidate first, then narrower ones, each confirmed by the resolver.
    var options: [(Int, Int)] = []
    for a in stride(from: tryFirst, through: newFirst, by: 1) {
      for b in stride(from: tryLast, through: last, by: -1) where (a, b) != (newFirst, last) { options.append((a, b)) }
    }
    for (a, b) in options {
      let candidate = TextSpan(start: tokens[a].start, end: tokens[b].end)
      if let resolution = finder.resolve(document.text(of: candidate)),
        let id = resolution.entity?.id, id == dictionary.glossary.entities[Int(entity)].id
      {
        return (candidate, a, b)
      }
    }
    if newFirst < first { return (TextSpan(start: tokens[newFirst].start, end: span.end), newFirst, last) }
    return nil
  }

  /// The longest glossary name from token `k`: its last token and forms. A Cyrillic word is
  /// read by its stem and, when it has one, by its other stem (`WordToken.alternateKey`).
  private func longestGlossaryMatch(from k: Int) -> (Int, [Int32])? {
    var best: (Int, [Int32])?
    func walk(_ j: Int, after prefix: UInt64) {
      guard j < tokens.count, j - k < dictionary.longestWords, j == k || tokens[j].joinsPrevious else { return }
      step(j, NameDictionary.extend(prefix, tokens[j].key))
      if let alternate = tokens[j].alternateKey { step(j, NameDictionary.extend(prefix, alternate)) }
    }
    func step(_ j: Int, _ hash: UInt64) {
      guard let value = dictionary.wordPrefixes[hash] else { return }
      if value > 0, j >= best?.0 ?? -1 {
        let fitting = dictionary.endings[Int(value) - 1].filter { fits(dictionary.forms[Int($0)], from: k, to: j) }
        // Two readings of a word may end as long a match: both candidates stand (a glossary
        // name is then preferred to a known name).
        if !fitting.isEmpty { best = (j, j == best?.0 ? (best?.1 ?? []) + fitting : fitting) }
      }
      walk(j + 1, after: hash)
    }
    walk(k, after: 0)
    return best
  }

  /// Whether the words `k...j` are written as the name requires: acronyms in capitals, and a
  /// name with capitals capitalized somewhere (so 'mid' is not МИД/MID, nor 'china' China).
  private func fits(_ form: NameDictionary.Form, from k: Int, to j: Int) -> Bool {
    if form.capsMask != 0 {
      for i in 0...(j - k) where form.capsMask & (1 << UInt32(i)) != 0 && !tokens[k + i].isAllCaps { return false }
    }
    guard form.needsCapital else { return true }
    if j == k { return tokens[k].isCapitalized }
    return tokens[k...j].contains { $0.isCapitalized }
  }

  private mutating func add(glossaryMatch span: TextSpan, forms: [Int32], resolveSurface: Bool = false) {
    let surface = document.text(of: span)
    let glossary = dictionary.glossary
    let candidates = forms.map { dictionary.forms[Int($0)] }.filter { $0.entity >= 0 }
    guard !candidates.isEmpty else {
      // A known name (known-names.tsv): a name, but no entity to link.
      mentions.append(
        Mention(
          span: span, surface: surface, entity: nil, matchedName: nil,
          type: dictionary.type(ofForm: forms[0]), score: 0, method: nil, source: .knownName))
      return
    }
    var chosen = candidates[0]
    if candidates.contains(where: { $0.entity != chosen.entity }) {
      // One spelling, several entities: the resolver decides, else the written form does.
      if let resolution = finder.resolve(surface), let id = resolution.entity?.id,
        let match = candidates.first(where: { glossary.entities[Int($0.entity)].id == id })
      {
        chosen = match
      }
    }
    if let literal = candidates.first(where: {
      $0.entity == chosen.entity && sameBytes(glossary.entities[Int($0.entity)].name(at: Int($0.name)).text, surface)
    }) {
      chosen = literal
    }
    let entity = glossary.entities[Int(chosen.entity)]
    let name = entity.name(at: Int(chosen.name))
    let method: String
    let score: Double
    if resolveSurface, let resolution = finder.resolve(surface), resolution.entity?.id == entity.id {
      // A fuller form than the glossary name matched: the resolver's own account.
      mentions.append(
        Mention(
          span: span, surface: surface, entity: entity, matchedName: resolution.matchedName, type: entity.type,
          score: resolution.score, method: resolution.method, source: .glossary))
      return
    }
    if sameBytes(name.text, surface) {
      (method, score) = ("literal", 1)
    } else if Self.folded(name.text) == Self.folded(surface) {
      (method, score) = ("folded", 1)
    } else {
      (method, score) = ("inflected", 0.95)
    }
    mentions.append(
      Mention(
        span: span, surface: surface, entity: entity, matchedName: name, type: entity.type, score: score,
        method: method, source: .glossary))
  }

  /// Letters and digits folded, everything else dropped: what tells 'folded' from 'inflected'.
  static func folded(_ text: String) -> [Unicode.Scalar] {
    text.unicodeScalars.compactMap { scalar in
      let info = ScalarClass(scalar)
      switch info.kind {
      case .letter, .cyrillic, .digit, .cjk: return info.folded
      default: return nil
      }
    }
  }

  // MARK: Japanese and Chinese

  mutating func findInCJK(_ run: CJKRun) {
    if boundaries.isEmpty {
      boundaries = [UInt64](repeating: 0, count: document.scalars.count / 64 + 1)
      for segment in segmentation.words { setBoundary(segment.span.start) }
    }
    let folded = run.folded
    var p = 0
    while p < folded.count {
      guard isBoundary(run.offsets[p]) else { p += 1; continue }
      // A person's name comes before an organization that follows it in the same group
      // (山本一郎東京大学名誉教授).
      let match = longestCJKMatch(run, from: p)
      if match == nil, let end = kanjiName(run, from: p) {
        p = end
      } else if let end = organizationName(run, from: p), end > match?.end ?? p,
        match.map({ dictionary.type(ofForm: $0.forms[0]) != "person" }) ?? true
      {
        let span = TextSpan(start: ordinalStart(before: run.offsets[p]) ?? run.offsets[p], end: run.offsets[end - 1] + 1)
        addResolved(span: span, source: .nameSuffix, unresolvedType: "organization", keepUnresolved: true)
        p = end
      } else if let match {
        p = add(cjkMatch: match, in: run, from: p)
      } else if let end = suffixedName(run, from: p) {
        p = end
      } else if let end = katakanaWord(run, from: p) {
        p = end
      } else {
        p += 1
      }
    }
  }

  /// Where a number written 第N (第1, 第７) right before `offset` starts: a numbered unit's name
  /// takes it in (第1管区海上保安本部).
  private func ordinalStart(before offset: Int) -> Int? {
    var o = offset
    while o > 0, ScalarClass(document.scalars[o - 1]).kind == .digit { o -= 1 }
    guard o < offset, o > 0, document.scalars[o - 1] == "第" else { return nil }
    return o - 1
  }

  private mutating func setBoundary(_ offset: Int) {
    guard offset / 64 < boundaries.count else { return }
    boundaries[offset / 64] |= 1 << UInt64(offset % 64)
  }

  private func isBoundary(_ offset: Int) -> Bool {
    offset >= document.scalars.count || boundaries[offset / 64] & (1 << UInt64(offset % 64)) != 0
  }

  /// The document's scalar at folded position `q` of a run (katakana unfolded).
  private func original(_ run: CJKRun, _ q: Int) -> Unicode.Scalar { document.scalars[run.offsets[q]] }

  /// Whether a match ending before folded position `q` ends at a word boundary.
  private func endsAtBoundary(_ run: CJKRun, _ q: Int) -> Bool {
    q >= run.folded.count ? true : isBoundary(run.offsets[q])
  }

  /// The longest glossary name at `p`, preferring one that ends at a word boundary: the folded
  /// position after it, and its forms. Text in hiragana alone is a name only where the name is
  /// written so (the verb ending たい is not タイ, Thailand).
  private func longestCJKMatch(_ run: CJKRun, from p: Int) -> (end: Int, forms: [Int32])? {
    var hash: UInt64 = 0
    var atBoundary: (Int, Int32)?
    var anywhere: (Int, Int32)?
    var q = p
    while q < run.folded.count, q - p < dictionary.longestCharacters {
      hash = NameDictionary.extend(hash, UInt64(run.folded[q].value))
      guard let value = dictionary.characterPrefixes[hash] else { break }
      q += 1
      if value > 0 {
        if endsAtBoundary(run, q) { atBoundary = (q, value) } else { anywhere = (q, value) }
      }
    }
    let chosen: (Int, Int32)
    if let atBoundary {
      chosen = atBoundary
    } else if let anywhere, anywhere.0 - p >= 3 {
      chosen = anywhere
    } else {
      return nil
    }
    let forms = dictionary.endings[Int(chosen.1) - 1]
    // Folding makes hiragana and katakana one: the text's kana must be of the kind the name
    // is written in (とマリ is not トマリ).
    let span = p..<chosen.0
    let hiragana = span.contains { original(run, $0).isHiragana }
    if hiragana, !forms.contains(where: { dictionary.text(ofForm: $0).unicodeScalars.contains(where: \.isHiragana) }) {
      return nil
    }
    if hiragana, span.contains(where: { original(run, $0).isKatakanaLetter }),
      !forms.contains(where: { dictionary.text(ofForm: $0).unicodeScalars.contains(where: \.isKatakanaLetter) })
    {
      return nil
    }
    // Away from a word boundary, a name does not end inside a katakana word (マリ in マリク).
    if chosen.0 < run.folded.count, !endsAtBoundary(run, chosen.0), original(run, chosen.0 - 1).isKatakanaLetter,
      original(run, chosen.0).isKatakanaLetter
    {
      return nil
    }
    return (chosen.0, forms)
  }

  /// Records a glossary or known name found at `p`, with what makes it part of a longer name:
  /// an organization of the place (ロシア軍), or a place suffix after a known name (根室市,
  /// 羅臼港). Returns the folded position after what was recorded.
  private mutating func add(cjkMatch match: (end: Int, forms: [Int32]), in run: CJKRun, from p: Int) -> Int {
    if dictionary.type(ofForm: match.forms[0]) == "place",
      let demonym = lexicon.japaneseDemonymSuffixes.first(where: { run.folded[match.end...].starts(with: $0) })
    {
      return match.end + demonym.count
    }
    if let end = organizationSuffix(run, after: match.end, forms: match.forms) {
      let span = TextSpan(start: run.offsets[p], end: run.offsets[end - 1] + 1)
      addResolved(span: span, source: .glossary, unresolvedType: "organization", keepUnresolved: true)
      return end
    }
    if let (end, type) = nameSuffix(run, at: match.end), type == dictionary.type(ofForm: match.forms[0]),
      match.forms.allSatisfy({ dictionary.forms[Int($0)].entity < 0 }) || type == "place"
    {
      let span = TextSpan(start: run.offsets[p], end: run.offsets[end - 1] + 1)
      addResolved(span: span, source: .knownName, unresolvedType: type, keepUnresolved: true)
      return end
    }
    add(glossaryMatch: TextSpan(start: run.offsets[p], end: run.offsets[match.end - 1] + 1), forms: match.forms)
    return match.end
  }

  /// A suffix of `MentionLexicon.japaneseNameSuffixes` at folded position `q` that ends at a
  /// word boundary, or before a bound word (稚内市|内): where it ends, and the type of name it
  /// makes.
  private func nameSuffix(_ run: CJKRun, at q: Int) -> (end: Int, type: String)? {
    func boundWordFollows(_ end: Int) -> Bool {
      lexicon.japaneseBoundWords.contains { word in
        end + word.count <= run.folded.count && run.folded[end..<(end + word.count)].elementsEqual(word)
          && endsAtBoundary(run, end + word.count)
      }
    }
    for (suffix, type) in lexicon.japaneseNameSuffixes where q + suffix.count <= run.folded.count {
      let end = q + suffix.count
      if run.folded[q..<end].elementsEqual(suffix), endsAtBoundary(run, end) || boundWordFollows(end) { return (end, type) }
    }
    return nil
  }

  /// The name of an organization the glossary lacks that a whole group of kanji and katakana
  /// makes, ending in a suffix of an organization (ロシア国立軍事公文書館, 根室湾北部漁業協同組合,
  /// 駐日ロシア大使館, 全国強制抑留者協会): `p` must start the group, past any common word
  /// leading it (同大学, 昨年). Returns the folded position after it.
  private func organizationName(_ run: CJKRun, from p: Int) -> Int? {
    func inGroup(_ q: Int) -> Bool { original(run, q).isKanji || original(run, q).isKatakanaLetter }
    // Katakana words joined by ・ stay one group (ボリショイ・バレエ団).
    func consecutive(_ q: Int) -> Bool {
      q == 0 || run.offsets[q] == run.offsets[q - 1] + 1
        || (run.offsets[q] == run.offsets[q - 1] + 2 && document.scalars[run.offsets[q] - 1] == "・"
          && original(run, q - 1).isKatakanaLetter && original(run, q).isKatakanaLetter)
    }
    guard inGroup(p) else { return nil }
    var start = p
    while start > 0, consecutive(start), inGroup(start - 1) { start -= 1 }
    if start == 0, run.offsets[0] > 0, ScalarClass(document.scalars[run.offsets[0] - 1]).kind == .digit,
      ordinalStart(before: run.offsets[0]) == nil
    {
      return nil
    }
    // A leading prefix (同, 元) or word of time (昨年, 同日) is not the name's.
    while start <= p {
      var end = start + 1
      while end < run.folded.count, !isBoundary(run.offsets[end]) { end += 1 }
      guard lexicon.japaneseLeadingWords.contains(Array(run.folded[start..<end])) else { break }
      start = end
    }
    guard start == p else { return nil }
    var groupEnd = p
    while groupEnd < run.folded.count, groupEnd - p < 24, consecutive(groupEnd), inGroup(groupEnd) { groupEnd += 1 }
    // The name ends the group, or a title follows it (北海道大学教授); 湊谷清志組合長 is a person.
    for end in stride(from: groupEnd, through: p + 3, by: -1)
    where endsAtBoundary(run, end) && (end == groupEnd || hasTitle(run, at: end)) {
      for (suffix, type) in lexicon.japaneseNameSuffixes where type == "organization" && end - suffix.count >= p + 2 {
        guard run.folded[(end - suffix.count)..<end].elementsEqual(suffix) else { continue }
        let stem = Array(run.folded[p..<(end - suffix.count)])
        if lexicon.japaneseCommonStems.contains(stem) { continue }
        return end
      }
    }
    return nil
  }

  /// Where an organization named after the place just matched ends (ロシア軍, ロシア東部軍管区):
  /// a suffix of `MentionLexicon.japaneseOrganizationSuffixes` within four kanji, at a word
  /// boundary; nil when the match is not a place or no suffix follows.
  private func organizationSuffix(_ run: CJKRun, after q: Int, forms: [Int32]) -> Int? {
    guard dictionary.type(ofForm: forms[0]) == "place" else { return nil }
    for gap in 0...4 where q + gap < run.folded.count {
      if gap > 0, !run.folded[q + gap - 1].isKanji { break }
      for suffix in lexicon.japaneseOrganizationSuffixes {
        let end = q + gap + suffix.count
        if end <= run.folded.count, run.folded[(q + gap)..<end].elementsEqual(suffix), endsAtBoundary(run, end) {
          return end
        }
      }
    }
    return nil
  }

  /// A kanji surname followed by a given name, or by a title (氏, 首相). The surname is one the
  /// readings table has, or one this document has already given with a given name and a title;
  /// a surname of two kanji the table lacks is taken when a given name and a title follow it
  /// (湊谷清志組合長; with a one-kanji given name, an honorific: 早瀬勇さん).
  private mutating func kanjiName(_ run: CJKRun, from p: Int) -> Int? {
    let folded = run.folded
    for surnameLength in stride(from: 3, through: 1, by: -1) where p + surnameLength <= folded.count {
      let surnameEnd = p + surnameLength
      let surname = folded[p..<surnameEnd]
      guard surname.allSatisfy(\.isKanji) else { continue }
      let known = readings.isSurname(scalars: surname) || documentSurnames.contains(Array(surname))
      guard known || surnameLength == 2 else { continue }
      var end: Int?
      for givenLength in stride(from: 3, through: 1, by: -1) where surnameEnd + givenLength <= folded.count {
        let givenEnd = surnameEnd + givenLength
        guard folded[surnameEnd..<givenEnd].allSatisfy(\.isKanji), surnameLength + givenLength >= 3,
          readings.isGivenName(scalars: folded[surnameEnd..<givenEnd])
        else { continue }
        // 岡部元大使 is 岡部, former ambassador: 元 (Hajime) is no given name before a title.
        if givenLength == 1, hasTitle(run, at: surnameEnd) { continue }
        let vouched =
          known
          ? endsAtBoundary(run, givenEnd) || hasTitle(run, at: givenEnd)
          : givenLength >= 2 ? hasTitle(run, at: givenEnd) : hasTitle(run, at: givenEnd, honorificOnly: true)
        guard vouched else { continue }
        end = givenEnd
        break
      }
      if end == nil, known { end = unlistedGivenName(run, surname: p..<surnameEnd) }
      if end == nil, surnameLength >= 2, known, hasTitle(run, at: surnameEnd) { end = surnameEnd }
      if end == nil, let cued = cuedName(run, surname: p..<surnameEnd, known: known) {
        // The surname a short form is read from: with its house (高田屋 of 高田屋嘉兵衛).
        documentSurnames.insert(Array(folded[p..<cued.surnameEnd]))
        end = cued.end
      } else if end != nil, !known {
        documentSurnames.insert(Array(surname))
      }
      guard let end else { continue }
      let span = TextSpan(start: run.offsets[p], end: run.offsets[end - 1] + 1)
      addResolved(span: span, source: .kanjiName, unresolvedType: "person", keepUnresolved: true)
      return end
    }
    return nil
  }

  /// Where a given name the readings table lacks ends, after a known surname: one to three kanji
  /// before an honorific or an age in brackets (宮坂庄吉さん, 田村誠一（58）), or two or three
  /// before another title that does not start inside them (村上悠紀子教授, not 田中外務|大臣);
  /// or one to three katakana, with a kanji such as 子, before an honorific (宮坂フミ子さん).
  private func unlistedGivenName(_ run: CJKRun, surname: Range<Int>) -> Int? {
    let folded = run.folded
    func personFollows(_ q: Int) -> Bool { hasTitle(run, at: q, honorificOnly: true) || hasAge(run, at: q) }
    let start = surname.upperBound
    for length in stride(from: 3, through: 1, by: -1) where start + length <= folded.count {
      let end = start + length
      guard (start..<end).allSatisfy({ original(run, $0).isKanji }) else { continue }
      if personFollows(end) { return end }
      if length >= 2, surname.count >= 2, hasTitle(run, at: end),
        !(start..<end).contains(where: { hasTitle(run, at: $0) })
      {
        return end
      }
    }
    var end = start
    while end < folded.count, end - start < 3, original(run, end).isKatakanaLetter { end += 1 }
    if end > start {
      if end < folded.count, lexicon.japaneseGivenNameEndings.contains(original(run, end)) { end += 1 }
      return personFollows(end) ? end : nil
    }
    // Two or three hiragana, as women's given names are often written (吉田さおりさん), but not a
    // particle and a word (田中のおじさん).
    while end < folded.count, end - start < 3, original(run, end).isHiragana { end += 1 }
    guard end - start >= 2, !Self.particleKana.contains(original(run, start)) else { return nil }
    return personFollows(end) ? end : nil
  }

  /// A person's name whose given name the readings table lacks, vouched for by a cue of
  /// japanese-person-cues.tsv (船頭・大黒屋光太夫, 将軍徳川家斉, 平塚常次郎): the surname at `surname`,
  /// with a house's kanji after it (屋), and one to three kanji that end the group of kanji, are a
  /// name when a word for what a person is stands before it, or, after a surname the table has,
  /// when they end as given names of the past did. The given name must not start with a title or
  /// a suffix of places (商人の高田町長 is no name). Returns where the surname and the name end.
  private func cuedName(_ run: CJKRun, surname: Range<Int>, known: Bool) -> (surnameEnd: Int, end: Int)? {
    let folded = run.folded
    func continuesGroup(_ q: Int) -> Bool {
      q < folded.count && original(run, q).isKanji && run.offsets[q] == run.offsets[q - 1] + 1
    }
    var surnameEnd = surname.upperBound
    if continuesGroup(surnameEnd), lexicon.japaneseHouseEndings.contains(folded[surnameEnd]) { surnameEnd += 1 }
    var end = surnameEnd
    while continuesGroup(end), end - surnameEnd < 4 { end += 1 }
    func endsIn(_ words: [[Unicode.Scalar]]) -> Bool {
      words.contains { end - surnameEnd >= $0.count && folded[(end - $0.count)..<end].elementsEqual($0) }
    }
    // The cue first: few groups have one, and the lists of titles and suffixes are long.
    guard (1...3).contains(end - surnameEnd), !continuesGroup(end),
      known && endsIn(lexicon.japaneseOldGivenNameEndings) || hasRole(before: run.offsets[surname.lowerBound]),
      !hasTitle(run, at: surnameEnd), nameSuffix(run, at: surnameEnd) == nil,
      !lexicon.japaneseCommonStems.contains(Array(folded[surnameEnd..<end])), !endsIn(lexicon.japaneseRoles)
    else { return nil }
    return (surnameEnd, end)
  }

  /// What may stand between a word for a person's role and the name (船頭・, 蘭学者の, 住職だった).
  private static let roleJoiners: [[Unicode.Scalar]] = [[], ["の"], ["・"], ["\u{3000}"], ["だ", "っ", "た"]]

  /// Whether a word for what a person is (japanese-person-cues.tsv) ends right before document
  /// offset `offset`, or before a joiner of `roleJoiners` there.
  private func hasRole(before offset: Int) -> Bool {
    let scalars = document.scalars
    func ends(_ word: [Unicode.Scalar], at end: Int) -> Bool {
      end >= word.count && scalars[(end - word.count)..<end].elementsEqual(word)
    }
    return Self.roleJoiners.contains { joiner in
      ends(joiner, at: offset) && lexicon.japaneseRoles.contains { ends($0, at: offset - joiner.count) }
    }
  }

  /// Kana that begin particles or a polite prefix, not a given name (の, は, お).
  private static let particleKana: Set<Unicode.Scalar> = ["の", "は", "が", "を", "に", "へ", "と", "も", "や", "で", "お", "ご"]

  /// Whether an age in brackets follows what ends before folded position `q` (田村誠一（58）).
  private func hasAge(_ run: CJKRun, at q: Int) -> Bool {
    var o = run.offsets[q - 1] + 1
    guard o < document.scalars.count, document.scalars[o] == "（" || document.scalars[o] == "(" else { return false }
    o += 1
    let digitsStart = o
    while o < document.scalars.count, o - digitsStart < 3, ScalarClass(document.scalars[o]).kind == .digit { o += 1 }
    return o > digitsStart && o < document.scalars.count && (document.scalars[o] == "）" || document.scalars[o] == ")")
  }

  /// Whether a title starts at folded position `q`, or an honorific only; a title may follow a
  /// prefix of one character (元外相, 前首相).
  private func hasTitle(_ run: CJKRun, at q: Int, honorificOnly: Bool = false) -> Bool {
    func starts(_ q: Int) -> Bool {
      (honorificOnly ? lexicon.japaneseHonorifics : lexicon.japaneseTitles).contains { title in
        q + title.count <= run.folded.count && run.folded[q..<(q + title.count)].elementsEqual(title)
      }
    }
    if starts(q) { return true }
    return !honorificOnly && q + 1 < run.folded.count && lexicon.japaneseLeadingWords.contains([run.folded[q]])
      && starts(q + 1)
  }

  /// Whether `characters` (folded) are a whole glossary or known name.
  private func isDictionaryName(_ characters: ArraySlice<Unicode.Scalar>) -> Bool {
    var hash: UInt64 = 0
    for character in characters { hash = NameDictionary.extend(hash, UInt64(character.value)) }
    return (dictionary.characterPrefixes[hash] ?? 0) > 0
  }

  /// A name the glossary lacks, marked by a suffix of places or institutions (根室市, 納沙布岬,
  /// 朝鮮半島, 蒼陵大学, ウルップ島): two to four kanji or two to six katakana before the suffix,
  /// from word boundary to word boundary, and not a common word (無人島, 国立大学).
  private mutating func suffixedName(_ run: CJKRun, from p: Int) -> Int? {
    let folded = run.folded
    guard p < folded.count else { return nil }
    let kanji = original(run, p).isKanji
    // A katakana stem is a whole katakana word: after a known name that ends inside one
    // (マリ of マリインスキー劇場), the rest is no name of its own.
    if !kanji, p > 0, run.offsets[p - 1] == run.offsets[p] - 1, original(run, p - 1).isKatakanaLetter {
      return nil
    }
    // Between two kanji, ケ, ヶ and ノ are a place name's own (金ケ崎, 霞ヶ関, 三ノ宮).
    func joinsKanji(_ q: Int) -> Bool {
      q > p && q + 1 < folded.count && Self.kanjiJoiners.contains(original(run, q)) && original(run, q + 1).isKanji
    }
    var stemEnd = p
    while stemEnd < folded.count, stemEnd - p < 6,
      kanji ? original(run, stemEnd).isKanji || joinsKanji(stemEnd) : original(run, stemEnd).isKatakanaLetter
    {
      stemEnd += 1
    }
    let longest = min(stemEnd - p, kanji ? 4 : 6)
    for length in stride(from: longest, through: 2, by: -1) {
      let q = p + length
      // The suffix must be where the stem ends: offsets are consecutive (no dropped ・).
      // A leading word (新, new) is part of a stem the glossary or the known names have (新潟港),
      // or one that ICU's dictionary does not split after it (新橋駅).
      guard run.offsets[q - 1] - run.offsets[p] == length - 1, let (end, type) = nameSuffix(run, at: q),
        !endsInCommonWord(run, from: p, to: end), !lexicon.japaneseCommonStems.contains(Array(folded[p..<q])),
        !isDemonym(folded[p..<q]),
        !lexicon.japaneseLeadingWords.contains([folded[p]]) || isDictionaryName(folded[p..<q])
          || !isBoundary(run.offsets[p + 1])
      else { continue }
      let span = TextSpan(start: run.offsets[p], end: run.offsets[end - 1] + 1)
      addResolved(span: span, source: .nameSuffix, unresolvedType: type, keepUnresolved: true)
      return end
    }
    return nil
  }

  /// Whether `characters` (folded) are a place and a demonym suffix (日本人 of 日本人墓地, a
  /// Japanese cemetery: no name).
  private func isDemonym(_ characters: ArraySlice<Unicode.Scalar>) -> Bool {
    lexicon.japaneseDemonymSuffixes.contains { suffix in
      characters.count > suffix.count && characters.suffix(suffix.count).elementsEqual(suffix)
        && isDictionaryName(characters.dropLast(suffix.count))
    }
  }

  /// Whether folded positions `p..<end` end in a common word that looks like a suffixed name
  /// (type `common` in japanese-name-suffixes.tsv: 都市 in 姉妹都市 is "city", not a city's name).
  private func endsInCommonWord(_ run: CJKRun, from p: Int, to end: Int) -> Bool {
    lexicon.japaneseCommonSuffixedWords.contains { word in
      end - word.count >= p && run.folded[(end - word.count)..<end].elementsEqual(word)
    }
  }

  /// The short forms of the persons the document names in full, found wherever they stand,
  /// before the full form too (a headline's 鳩山 before 鳩山一郎首相): the surname of a kanji
  /// name (岸田 of 岸田文雄, linked to the same entity), and the parts of a katakana name
  /// (フルシチョフ of ニキータ・フルシチョフ, or of フルシチョフ第一書記). A kanji surname the scan
  /// found alone before a title (岸田首相) takes the entity of the full form. A given name of two
  /// or more letters is a short form too (由美子さん of 高橋由美子; 嘉兵衛 of 高田屋嘉兵衛, as features
  /// name people of the past).
  mutating func findJapaneseShortForms(in runs: [CJKRun]) {
    var forms: [UInt64: (scalars: [Unicode.Scalar], entity: Entity?, givenName: Bool)] = [:]
    var lengths = Set<Int>()
    func register(_ scalars: [Unicode.Scalar], _ entity: Entity?, givenName: Bool = false) {
      let hash = WordTokenizer.hash(scalars)
      // A surname wins over a given name spelt the same, and a linked form over an unlinked one.
      if let known = forms[hash], known.entity != nil || !known.givenName, entity == nil || givenName { return }
      forms[hash] = (scalars, entity, givenName)
      lengths.insert(scalars.count)
    }
    func lookup(_ scalars: ArraySlice<Unicode.Scalar>) -> (entity: Entity?, givenName: Bool)? {
      let hash = WordTokenizer.hash(scalars)
      guard let known = forms[hash], known.scalars.elementsEqual(scalars) else { return nil }
      return (known.entity, known.givenName)
    }
    for mention in mentions where mention.source != .shortForm && (mention.entity?.type ?? mention.type) == "person" {
      let scalars = Array(mention.surface.unicodeScalars)
      guard scalars.count >= 3, scalars[0].isKanji else { continue }
      for length in stride(from: min(3, scalars.count - 1), through: 1, by: -1)
      where scalars[0..<length].allSatisfy(\.isKanji)
        && (readings.isSurname(scalars: scalars[0..<length]) || documentSurnames.contains(Array(scalars[0..<length])))
      {
        let given = scalars[length...]
        if given.allSatisfy(\.isKanji) || given.allSatisfy(\.isHiragana) {
          // The whole name too, where nothing vouched for it (a headline's 大黒屋光太夫).
          register(scalars, mention.entity)
          register(Array(scalars[0..<length]), mention.entity)
          if given.count >= 2 { register(Array(given), mention.entity, givenName: true) }
        }
        break
      }
    }
    for part in katakanaNameParts where part.count >= 3 { register(part, nil) }
    guard !forms.isEmpty else { return }
    for (index, mention) in mentions.enumerated() where mention.entity == nil && mention.source == .kanjiName {
      guard let found = lookup(Array(mention.surface.unicodeScalars)[...]), !found.givenName, let entity = found.entity
      else { continue }
      mentions[index] = shortForm(mention.span, of: entity)
    }
    let taken = mentions.map(\.span).sorted()
    var next = 0
    let longestFirst = lengths.filter { $0 >= 2 }.sorted(by: >)
    for run in runs {
      var p = 0
      while p < run.folded.count {
        let offset = run.offsets[p]
        while next < taken.count, taken[next].end <= offset { next += 1 }
        if next < taken.count, taken[next].start <= offset {
          p += 1
          continue
        }
        var found: (end: Int, entity: Entity?)?
        if isBoundary(offset) {
          for length in longestFirst where p + length <= run.folded.count {
            let end = p + length
            guard run.offsets[end - 1] - offset == length - 1, let form = lookup(run.folded[p..<end]),
              next >= taken.count || taken[next].start > run.offsets[end - 1], standsAlone(run, p..<end)
            else { continue }
            found = (end, form.entity)
            break
          }
        }
        guard let (end, entity) = found else {
          p += 1
          continue
        }
        mentions.append(shortForm(TextSpan(start: offset, end: run.offsets[end - 1] + 1), of: entity))
        p = end
      }
    }
  }

  /// A short form of a person's name the document gives in full: linked to its entity with
  /// method `short-form`, or unresolved like the full form.
  private func shortForm(_ span: TextSpan, of entity: Entity?) -> Mention {
    Mention(
      span: span, surface: document.text(of: span), entity: entity, matchedName: nil, type: entity?.type ?? "person",
      score: entity == nil ? 0 : 0.9, method: entity == nil ? nil : "short-form", source: .shortForm)
  }

  /// Whether a short form at folded positions `range` stands as a word: a kanji surname ending
  /// at a word boundary or before a title, not before a suffix of places (松本市); katakana not
  /// inside a longer katakana word, though a title may follow it after a ・.
  private func standsAlone(_ run: CJKRun, _ range: Range<Int>) -> Bool {
    if original(run, range.lowerBound).isKanji {
      return (endsAtBoundary(run, range.upperBound) || hasTitle(run, at: range.upperBound))
        && nameSuffix(run, at: range.upperBound) == nil
    }
    let before = run.offsets[range.lowerBound] - 1
    let after = run.offsets[range.upperBound - 1] + 1
    func isKatakana(_ offset: Int) -> Bool {
      offset >= 0 && offset < document.scalars.count
        && (document.scalars[offset].isKatakanaLetter || document.scalars[offset] == "・")
    }
    // A title may follow after a ・ (ベロウソフ・コーチ).
    return !isKatakana(before)
      && (!isKatakana(after) || (document.scalars[after] == "・" && hasTitle(run, at: range.upperBound)))
  }

  /// A katakana word of three letters or more that the resolver links (a foreign name).
  private mutating func katakanaWord(_ run: CJKRun, from p: Int) -> Int? {
    var q = p
    while q < run.folded.count {
      guard original(run, q).isKatakanaLetter else { break }
      q += 1
    }
    guard q - p >= 3 else { return nil }
    // A title after the name and a ・ is no part of it (ニコライ・ベロウソフ・コーチ).
    if let dotted = (p + 1..<q).last(where: { run.offsets[$0] == run.offsets[$0 - 1] + 2 }),
      lexicon.japaneseTitles.contains(where: { run.folded[dotted..<q].elementsEqual($0) })
    {
      q = dotted
    }
    guard q - p >= 3 else { return nil }
    let span = TextSpan(start: run.offsets[p], end: run.offsets[q - 1] + 1)
    if addResolved(span: span, source: .katakana, unresolvedType: nil, keepUnresolved: false) != nil { return q }
    // A foreign name written given name・surname (ウラジーミル・オセチキン): the surname decides.
    let surface = document.text(of: span)
    if let dot = surface.unicodeScalars.lastIndex(of: "・"),
      let resolution = finder.resolve(String(surface.unicodeScalars[surface.unicodeScalars.index(after: dot)...])),
      let entity = resolution.entity, entity.type == "person"
    {
      mentions.append(
        Mention(
          span: span, surface: surface, entity: entity, matchedName: resolution.matchedName, type: entity.type,
          score: resolution.score, method: resolution.method, source: .katakana))
      return q
    }
    // A foreign name in parts the glossary lacks (ドミトリー・サフォノフ; not サケ・マス, whose parts
    // are all short) is a person's, and so is a foreign surname before a title (ブルガーニン首相);
    // their parts standing alone are short forms (`findJapaneseShortForms`).
    let parts = surface.unicodeScalars.split(separator: "・")
    if parts.count == 2 || parts.count == 3, parts.allSatisfy({ $0.count >= 2 }), parts.contains(where: { $0.count >= 3 }) {
      for part in parts { katakanaNameParts.insert(part.compactMap { ScalarClass($0).folded }) }
    } else if parts.count == 1, !katakanaNameParts.contains(Array(run.folded[p..<q])), hasTitle(run, at: q),
      !lexicon.japaneseCommonStems.contains(Array(run.folded[p..<q]))
    {
      katakanaNameParts.insert(Array(run.folded[p..<q]))
    } else {
      return nil
    }
    mentions.append(
      Mention(
        span: span, surface: surface, entity: nil, matchedName: nil, type: "person", score: 0, method: nil,
        source: .katakana))
    return q
  }

  // MARK: Capitalized words

  mutating func findCapitalizedRuns() {
    for (k, token) in tokens.enumerated()
    where token.isCapitalized && !weakCapital[k] && !covered[k] && !token.isAllCaps && !token.isNumber {
      nameEvidence.insert(token.key)
    }
    // Runs of capitalized words; particles (von, de, of) only between two of them. 'of' after a
    // word of a name's own ends it (Cape Nosappu | of | Nemuro City), but not after a common
    // noun (Sea of Okhotsk, Ministry of Defence, Central Archive of …).
    var runs: [ClosedRange<Int>] = []
    var k = 0
    while k < tokens.count {
      guard !covered[k], isNameWord(k) else { k += 1; continue }
      var last = k
      var j = k + 1
      while j < tokens.count, !covered[j], tokens[j].joinsPrevious,
        !tokens[j].afterPossessive || possessives.contains(tokens[j - 1].key)
      {
        // Initials after an acronym start a person's name (директор РГВА С. Н. Кудрявцев), unless
        // the name is in capitals too (JOHN F. KENNEDY).
        if isInitialToken(j), tokens[j - 1].isAllCaps, tokens[j - 1].letters >= 2, !tokens[j - 1].endsWithPeriod,
          let surname = (j..<min(j + 4, tokens.count)).first(where: { !isInitialToken($0) }), !tokens[surname].isAllCaps
        {
          break
        }
        if isNameWord(j) {
          last = j
          j += 1
        } else if joinsByHyphens(j), isNameWord(j + 1) {
          j += 1  // Nikolaevsk-on-Amur, Ростов-на-Дону
        } else if j - 1 > k, endsHyphenatedGivenName(j) {
          last = j  // Chun Doo-hwan, Kim Dae-jung
          j += 1
        } else if lexicon.particles.contains(tokens[j].key), startsName(j + 1),
          tokens[j].key != lexicon.ofKey || !afterLastHead(k...last).contains(where: { isOwnWord($0) })
            || (k...last).contains(where: { tokens[$0].key == lexicon.forKey }),
          !isTitleAndPersonAfterOf(j)
        {
          // After 'for' a head's complement is one name, 'of' and all (Japan Society for the
          // Promotion of Science).
          j += 1
        } else if tokens[j].key == lexicon.forKey, heads[tokens[j - 1].key] != nil,
          startsName(j + 1) || (isArticle(j + 1) && startsName(j + 2))
        {
          j += isArticle(j + 1) ? 2 : 1  // Institute for Resource Studies, Japan Society for the Promotion of …
        } else if tokens[j].key == lexicon.ofKey, isArticle(j + 1), startsName(j + 2),
          (k...last).contains(where: { heads[tokens[$0].key] != nil })
        {
          j += 2  // Central Archive of the Ministry of Defence
        } else if joinsByAnd(k...last, at: j) {
          j += 1  // Institute of History and Ethnology, Arctic and Antarctic Research Institute
        } else {
          break
        }
      }
      if j == last + 1, let end = listClosedByAnd(from: j), isHeadAndOf(k...last) {
        last = end  // Ministry of Economy, Trade and Industry
      }
      for part in addressParts(k...last) { runs += patronymicParts(part) }
      k = last + 1
    }
    // Names of several words first, so that their words are known as short forms wherever
    // they stand in the document (Kozuki before or after Toyohisa Kozuki).
    var shortForms: [UInt64: Entity?] = [:]
    for mention in mentions where (mention.entity?.type ?? mention.type) == "person" {
      registerShortForms(of: tokens[tokenIndices(of: mention.span)], entity: mention.entity, in: &shortForms)
    }
    var single: [ClosedRange<Int>] = []
    for run in runs {
      if let mention = resolveRun(run, allowWeak: false) {
        if (mention.entity?.type ?? mention.type ?? "person") == "person" {
          registerShortForms(of: tokens[tokenIndices(of: mention.span)], entity: mention.entity, in: &shortForms)
        }
      } else if run.count == 1 || trimmed(run)?.count == 1 {
        single.append(run)
      }
    }
    for run in single {
      // An event's name covered its words (Pacific Energy Forum): none is a short form.
      guard let name = trimmed(run), name.count == 1, !covered[name.lowerBound] else { continue }
      let token = tokens[name.lowerBound]
      // A word with a place's noun after it names that place (Okeanskaya station after
      // Mendeleevskaya geothermal power station), not the name it is a word of.
      let placeNounAfter = wordAfterName(after: name.upperBound).map { wordsAfter[tokens[$0].key] == "place" } ?? false
      if let known = shortForms[token.key], !placeNounAfter {
        mentions.append(shortForm(TextSpan(start: token.start, end: token.end), of: known))
      } else {
        _ = resolveRun(run, allowWeak: true)
      }
    }
  }

  /// A run that is an address, two places each ending in its head (Kyoto Prefecture Maizuru
  /// City, Sakhalin Oblast Kholmsk District), as two runs; any other run as it is. `joining`
  /// keeps them apart when the glossary or known names found a part first.
  private func addressParts(_ run: ClosedRange<Int>) -> [ClosedRange<Int>] {
    guard run.count >= 4, isPlaceHead(run.upperBound), let split = (run.lowerBound + 1..<run.upperBound - 1).last(where: { isPlaceHead($0) }),
      (split + 1...run.upperBound).allSatisfy({ isNameWord($0) })
    else { return [run] }
    return [run.lowerBound...split, (split + 1)...run.upperBound]
  }

  /// Whether 'of' at `j` is followed by a title and a name of two words that can only be a
  /// person's: the name before 'of' belongs to that person (Tank Regiment of Colonel Sueo Ikeda),
  /// while Ministry of Foreign Affairs and School of Foreign Languages stay whole.
  private func isTitleAndPersonAfterOf(_ j: Int) -> Bool {
    guard tokens[j].key == lexicon.ofKey, j + 3 < tokens.count, titles.contains(tokens[j + 1].key),
      heads[tokens[j + 1].key] == nil
    else { return false }
    return (j + 2...j + 3).allSatisfy { startsName($0) && isOwnWord($0) && !titles.contains(tokens[$0].key) && !lowerCaseWords.contains(tokens[$0].key) }
  }

  /// A run with a patronymic as two runs when a name stands before the given name that the
  /// patronymic follows (Artyom | Galina Petrovna Ushakova, из Артёма | Галина Петровна
  /// Ушакова); any other run as it is. The first patronymic counts: in Иван Петрович Милошевич
  /// the surname ends like one too.
  private func patronymicParts(_ run: ClosedRange<Int>) -> [ClosedRange<Int>] {
    guard run.count >= 3, let patronymic = (run.lowerBound + 1...run.upperBound).first(where: { isPatronymic($0) }),
      patronymic - 1 > run.lowerBound, !isInitialToken(patronymic - 1), !titles.contains(tokens[patronymic - 2].key)
    else { return [run] }
    return [run.lowerBound...(patronymic - 2), (patronymic - 1)...run.upperBound]
  }

  /// A capitalized word with a patronymic's ending (patronymic-endings.txt).
  private func isPatronymic(_ k: Int) -> Bool {
    let token = tokens[k]
    return token.isCapitalized && !token.isAllCaps && lexicon.isPatronymic(document.scalars[token.start..<token.end])
  }

  /// Names are maximal (Tests/Fixtures/corpus-gold.md): an institution or a place named with a
  /// place the glossary knows is one name, though the place was found first as a name of its
  /// own. In Latin text, two names become one when
  /// - the first is made of common nouns, the last a head, and 'of' or 'of the' joins a place to
  ///   it (State Archive of the Russian Federation, Consulate-General of Japan);
  /// - one space parts them, the first is no person and the second is a name the glossary lacks
  ///   that ends in a head noun (Osaka Customs Fushiki Customs Branch, Fushiki Toyama Port).
  /// The whole is linked when the resolver links it, else unresolved, typed by its head. An
  /// organization takes in the demonym before it (Japanese Red Cross).
  mutating func joinInstitutionsToPlaces() {
    guard !mentions.isEmpty else { return }
    mentions.sort { $0.span < $1.span }
    var joined: [Mention] = []
    joined.reserveCapacity(mentions.count)
    for var mention in mentions {
      if let withDemonym = withDemonymBefore(mention) { mention = withDemonym }
      if let governed = withGoverningNounBefore(mention, after: joined.last) { mention = governed }
      guard let previous = joined.last, let whole = joining(previous, mention) else {
        joined.append(mention)
        continue
      }
      joined[joined.count - 1] = whole
    }
    mentions = joined
  }

  /// An organization's name with the demonym written right before it, which the name takes in
  /// (Japanese Red Cross): the demonym alone is no mention. A known name of one word is a name
  /// of its own, not a noun (the Japanese Mitsubishi).
  private func withDemonymBefore(_ mention: Mention) -> Mention? {
    guard (mention.entity?.type ?? mention.type) == "organization", mention.span.start > 1,
      mention.source != .knownName || mention.surface.unicodeScalars.contains(" "),
      document.scalars[mention.span.start - 1] == " ", let first = tokenIndices(of: mention.span).first,
      first > 0, tokens[first].joinsPrevious, demonyms.contains(tokens[first - 1].key), tokens[first - 1].isCapitalized,
      !tokens[first - 1].isCyrillic,
      isSpaceAfter(first - 1)
    else { return nil }
    return whole(TextSpan(start: tokens[first - 1].start, end: mention.span.end), type: "organization")
  }

  /// A place's name with the noun of the body that governs it before it, which makes one
  /// organization's name (правительства Амурской области, administration of Matsuyama,
  /// government of the Sakhalin region): in Russian the place follows in the genitive, in other
  /// languages after 'of' or 'of the'. The noun is no part of the mention before it.
  private func withGoverningNounBefore(_ mention: Mention, after previous: Mention?) -> Mention? {
    guard !governingNouns.isEmpty, (mention.entity?.type ?? mention.type) == "place",
      let first = tokenIndices(of: mention.span).first, first > 0, tokens[first].joinsPrevious
    else { return nil }
    var noun = first - 1
    if !tokens[first].isCyrillic {
      if isArticle(noun) { noun -= 1 }
      guard noun > 0, tokens[noun].key == lexicon.ofKey, tokens[noun].joinsPrevious else { return nil }
      noun -= 1
    }
    // A body described by an adjective is no name (the regional government of Sakhalin).
    let described = noun > 0 && tokens[noun].joinsPrevious
      && (adjectives.contains(tokens[noun - 1].key) || demonyms.contains(tokens[noun - 1].key))
    guard let type = governingNouns[tokens[noun].key], !covered[noun], !described,
      tokens[noun].isCyrillic == tokens[first].isCyrillic, tokens[noun].start >= previous?.span.end ?? 0,
      (noun..<first).allSatisfy({ isSpaceAfter($0) })
    else { return nil }
    // A title before the noun makes one with it, at a sentence's start too (Генеральное
    // консульство Японии, General consulate of Japan).
    var start = noun
    if noun > 0, tokens[noun].joinsPrevious, tokens[noun - 1].isCapitalized, titles.contains(tokens[noun - 1].key),
      !covered[noun - 1], tokens[noun - 1].isCyrillic == tokens[noun].isCyrillic, isSpaceAfter(noun - 1),
      tokens[noun - 1].start >= previous?.span.end ?? 0
    {
      start = noun - 1
    }
    return whole(TextSpan(start: tokens[start].start, end: mention.span.end), type: type)
  }

  /// The mention of `span`, linked when the resolver links it, else of `type`.
  private func whole(_ span: TextSpan, type: String) -> Mention {
    let surface = document.text(of: span)
    if let resolution = finder.resolve(surface), let entity = resolution.entity {
      return Mention(
        span: span, surface: surface, entity: entity, matchedName: resolution.matchedName, type: entity.type,
        score: resolution.score, method: resolution.method, source: .capitalized)
    }
    return Mention(
      span: span, surface: surface, entity: nil, matchedName: nil, type: type, score: 0, method: nil, source: .capitalized)
  }

  /// `first` and `second` as one name, when they make one (`joinInstitutionsToPlaces`).
  private func joining(_ first: Mention, _ second: Mention) -> Mention? {
    // Most neighbours stand farther apart than ' ', ' of ' or ' of the ': decided first. A person
    // the glossary knows is no part of a place's name; an unknown one may be a word taken for a
    // person's (Fushiki in Fushiki Toyama Port).
    let gapLength = second.span.start - first.span.end
    guard gapLength == 1 || gapLength == 4 || gapLength == 8, first.entity?.type != "person" else { return nil }
    let gap = document.scalars[first.span.end..<second.span.start]
    let firstTokens = tokenIndices(of: first.span)
    let secondTokens = tokenIndices(of: second.span)
    guard let lastOfFirst = firstTokens.last, let lastOfSecond = secondTokens.last else { return nil }
    // A Russian acronym of a unit before the acronym of the body it belongs to, in the genitive,
    // is one name (ГУПВИ НКВД, ПУ ФСБ).
    let isRussianAcronym = { (k: Int) in self.tokens[k].isCyrillic && self.tokens[k].isAllCaps }
    if firstTokens.count == 1, secondTokens.count == 1, gap.elementsEqual([" "]),
      isRussianAcronym(lastOfFirst), isRussianAcronym(lastOfSecond),
      (first.entity?.type ?? first.type) == "organization", (second.entity?.type ?? second.type) == "organization"
    {
      return whole(TextSpan(start: first.span.start, end: second.span.end), type: "organization")
    }
    guard !tokens[lastOfFirst].isCyrillic, !tokens[lastOfSecond].isCyrillic else { return nil }
    let type: String
    if gap.elementsEqual(" of ".unicodeScalars) || gap.elementsEqual(" of the ".unicodeScalars) {
      // Only a name made of common nouns takes the place in: Suntory Hall of Tokyo, in a literal
      // translation, is a hall and a city.
      // A name that opens with a head before 'of' is made of its own words all the same
      // (Ministry of Culture and Archives of Sakhalin Oblast).
      let opening = isHeadBeforeOf(firstTokens.lowerBound) ? heads[tokens[firstTokens.lowerBound].key] : nil
      // A known organization of one word is a Russian short name whose genitive a translation
      // wrote with 'of' (Minfin of USA, MChS of Russia for Минфин США, МЧС России).
      let shortName = firstTokens.count == 1 && first.source == .knownName && first.type == "organization"
      // An institution of a body named by its acronym or a known short name is one name
      // (Institute of Oriental Manuscripts of RAS, Oriental Faculty of SPbGU).
      if secondTokens.count == 1, tokens[lastOfSecond].isAllCaps || second.source == .knownName,
        (second.entity?.type ?? second.type) == "organization",
        (first.entity?.type ?? first.type) == "organization", heads[tokens[lastOfFirst].key] ?? opening == "organization"
      {
        return whole(TextSpan(start: first.span.start, end: second.span.end), type: "organization")
      }
      guard let head = heads[tokens[lastOfFirst].key] ?? opening ?? (shortName ? "organization" : nil),
        (second.entity?.type ?? second.type) == "place",
        opening != nil || shortName || !firstTokens.contains(where: { isOwnWord($0) })
      else { return nil }
      type = head
    } else if gap.elementsEqual([" "]) {
      // Two places each ending in its head are an address (Hyogo Prefecture | Kobe City).
      guard second.entity == nil, let head = heads[tokens[lastOfSecond].key], !titles.contains(tokens[lastOfFirst].key),
        !(isPlaceHead(lastOfFirst) && isPlaceHead(lastOfSecond))
      else { return nil }
      type = head
    } else {
      return nil
    }
    return whole(TextSpan(start: first.span.start, end: second.span.end), type: type)
  }

  /// The tokens of a run after its last head noun (all of them when it has none).
  private func afterLastHead(_ run: ClosedRange<Int>) -> Range<Int> {
    guard let head = run.last(where: { heads[tokens[$0].key] != nil }) else { return run.lowerBound..<(run.upperBound + 1) }
    return (head + 1)..<(run.upperBound + 1)
  }

  /// Whether token `j` is 'the' joined to the word before it, inside a run.
  private func isArticle(_ j: Int) -> Bool {
    j < tokens.count && tokens[j].key == lexicon.articleKey && tokens[j].joinsPrevious
  }

  /// Whether token `j` starts a name's word of its own that may continue a run.
  private func startsName(_ j: Int) -> Bool {
    j < tokens.count && !covered[j] && tokens[j].joinsPrevious && isNameWord(j)
  }

  /// Whether 'and' at token `j` goes on inside an institution's name, in one of two shapes:
  /// - the name is built on a head before 'of' or 'for' (Institute of History and Ethnology of
  ///   …): the word after 'and' is a name's own, and no other capitalized word follows it, unless
  ///   a head does (so "the Ministry of Defence and Sergei Shoigu" stays two names), or it is an
  ///   adjective (Institute of World Economy and International Relations);
  /// - the run has no head or title yet, and up to three words since its start or its last
  ///   'and', and after 'and' only capitalized words, or 'and' again, lead to the head of an
  ///   organization (Arctic and Antarctic Research Institute, Central Research and Development
  ///   Automobile and Engine Institute).
  private func joinsByAnd(_ run: ClosedRange<Int>, at j: Int) -> Bool {
    guard tokens[j].key == lexicon.andKey else { return false }
    if run.dropLast().contains(where: { isHeadBeforeOf($0) }) {
      guard startsName(j + 1), !titles.contains(tokens[j + 1].key) else { return false }
      return !startsName(j + 2) || heads[tokens[j + 2].key] != nil || adjectives.contains(tokens[j + 1].key)
    }
    let wordsSinceAnd = run.upperBound - (run.last(where: { tokens[$0].key == lexicon.andKey }) ?? run.lowerBound - 1)
    guard tokens[j].joinsPrevious, wordsSinceAnd <= 3,
      !run.contains(where: { heads[tokens[$0].key] != nil || titles.contains(tokens[$0].key) })
    else { return false }
    var q = j + 1
    var words = 0
    while q < tokens.count, q - j <= 8 {
      if tokens[q].key == lexicon.andKey, words > 0, tokens[q].joinsPrevious {
        words = 0
      } else {
        guard startsName(q), !titles.contains(tokens[q].key) else { return false }
        if heads[tokens[q].key] == "organization" { return words > 0 }
        words += 1
      }
      q += 1
    }
    return false
  }

  /// Whether token `k` is a head noun followed by 'of' or 'for' (Sea of Okhotsk, Institute for …).
  private func isHeadBeforeOf(_ k: Int) -> Bool {
    k + 1 < tokens.count && heads[tokens[k].key] != nil
      && (tokens[k + 1].key == lexicon.ofKey || tokens[k + 1].key == lexicon.forKey)
  }

  /// Whether a run ends in a head noun, 'of' and one word (The Ministry of Economy).
  private func isHeadAndOf(_ run: ClosedRange<Int>) -> Bool {
    let last = run.upperBound
    return run.count >= 3 && heads[tokens[last - 2].key] != nil && tokens[last - 1].key == lexicon.ofKey
  }

  /// The last word of a list that continues a name after a comma: single capitalized words
  /// after commas, the last after 'and' (, Trade and Industry); nil when there is none.
  private func listClosedByAnd(from j: Int) -> Int? {
    var k = j
    while k + 1 < tokens.count, k - j < 8, !covered[k], isNameWord(k) || tokens[k].key == lexicon.andKey {
      let gap = document.scalars[tokens[k - 1].end..<tokens[k].start]
      if tokens[k].key == lexicon.andKey {
        guard gap.elementsEqual([" "]), startsName(k + 1), k > j else { return nil }
        return k + 1
      }
      guard gap.elementsEqual([",", " "]) else { return nil }
      k += 1
    }
    return nil
  }

  /// The run without the titles, months, particles and other words that are not names at its
  /// edges, or nil when nothing is left.
  private func trimmed(_ run: ClosedRange<Int>) -> ClosedRange<Int>? {
    var first = run.lowerBound
    var last = run.upperBound
    // A sentence's first word that the text also writes in lower case is a word (Историк Нина
    // Бурова); a title inside a run ends what comes before it (Industry Minister Ken Saito).
    if weakCapital[first], first < last, !isInitialToken(first), lowerCaseWords.contains(tokens[first].key) { first += 1 }
    // So is a Russian sentence's first word before initials (Портрет Е. Г. Спальвина): a Russian
    // name puts its initials first.
    if weakCapital[first], first < last, tokens[first].isCyrillic, !isInitialToken(first), isInitialToken(first + 1) {
      first += 1
    }
    if let title = (first...last).last(where: { titles.contains(tokens[$0].key) }), title < last { first = title + 1 }
    while first <= last, !isInitialToken(first), isNotName(first) || lexicon.particles.contains(tokens[first].key) {
      first += 1
    }
    while last >= first, isNotName(last) || lexicon.particles.contains(tokens[last].key) { last -= 1 }
    return first <= last ? first...last : nil
  }

  /// Links a run of capitalized words and records it. A name built on a common noun is taken
  /// whole (Federal Penitentiary Service, Тихого океана, Bank of Japan). Otherwise the whole run
  /// is tried first (Ministry of Foreign Affairs), then the run trimmed of words that are not
  /// names (President Putin → Putin). A single word is left for the second round (`allowWeak`)
  /// unless it is a name of several words trimmed to one; then it is kept when it links, or when
  /// unresolved it is not a sentence's first word the text never writes as a name, a word in
  /// quotes (a title: «Бастион»), a Russian adjective (Симодский) or the first half of a Russian
  /// compound adjective (Советско-японский). In a title-case line, only words written as names
  /// elsewhere are kept unresolved.
  private mutating func resolveRun(_ run: ClosedRange<Int>, allowWeak: Bool) -> Mention? {
    // A name resolved before may have taken this run in (Общества любителей Кижей).
    if run.contains(where: { covered[$0] }) { return nil }
    // Words in capitals one after another are a headline's (TENSE WATERS, ANALYSTS SEE NARROW
    // ROOM): a name in capitals the glossary or the known names have was found before.
    if run.count > 1, run.allSatisfy({ tokens[$0].isAllCaps }) { return nil }
    if isEventName(run) {
      // Nothing in it is a mention, the glossary's names just before it included (Washington
      // Naval Conference).
      let start = namesBefore(run.lowerBound)
      if start < run.lowerBound {
        let before = tokens[start].start..<tokens[run.lowerBound].start
        mentions.removeAll { before.contains($0.span.start) }
      }
      for k in start...run.upperBound { covered[k] = true }
      return nil
    }
    // A Russian sentence's first word before an institution's head is not the institution's
    // (Студентки Института стран Азии и Африки): such a name starts with its head or with the
    // adjectives before it (Московского университета).
    if run.count > 1, weakCapital[run.lowerBound], tokens[run.lowerBound].isCyrillic, !isInitialToken(run.lowerBound),
      heads[tokens[run.lowerBound].key] == nil, heads[tokens[run.lowerBound + 1].key] == "organization",
      !looksLikeAdjective(tokens[run.lowerBound]), !dictionary.nameWords.contains(tokens[run.lowerBound].key)
    {
      return resolveRun((run.lowerBound + 1)...run.upperBound, allowWeak: allowWeak)
    }
    if let (name, type) = builtOnNoun(run) {
      // A numbered unit takes its number (23rd Division, 1st Army Group).
      if type == "organization", numbered(name.lowerBound) {
        return addName((name.lowerBound - 1)...name.upperBound, type: type)
      }
      return addName(namesBefore(name.lowerBound)...name.upperBound, type: type)
    }
    // A unit named by its number alone (16th Army, 88th Division).
    if run.count == 1, heads[tokens[run.lowerBound].key] == "organization", !tokens[run.lowerBound].isAllCaps,
      numbered(run.lowerBound)
    {
      return addName((run.lowerBound - 1)...run.upperBound, type: "organization")
    }
    // A head noun after a glossary or known name: Wakkanai City, Japan Coast Guard.
    if run.count == 1, let type = heads[tokens[run.lowerBound].key], namesBefore(run.lowerBound) < run.lowerBound {
      return addName(namesBefore(run.lowerBound)...run.upperBound, type: type)
    }
    if run.count == 1, tokens[run.lowerBound].isCyrillic, heads[tokens[run.lowerBound].key] == "organization",
      let end = genitiveName(after: run.lowerBound) ?? (weakCapital[run.lowerBound] ? nil : genitiveTail(after: run.lowerBound))
    {
      return addName(run.lowerBound...end, type: "organization")
    }
    // A demonym makes a name with some nouns written after it in lower case (Japanese army,
    // Korean strait): the ones name-heads.tsv marks `demonym`.
    if demonyms.contains(tokens[run.upperBound].key), let word = wordAfterName(after: run.upperBound),
      wordsAfterDemonyms.contains(tokens[word].key)
    {
      var first = run.upperBound
      while first > run.lowerBound, demonyms.contains(tokens[first - 1].key) { first -= 1 }
      return addName(first...run.upperBound, withWordAfter: word)
    }
    // A demonym or a Russian adjective after a noun that stands before names is the name
    // (острове Русский).
    if run.count == 1, !weakCapital[run.lowerBound],
      demonyms.contains(tokens[run.lowerBound].key) || isRussianAdjective(tokens[run.lowerBound]),
      startWithWordBefore(run.lowerBound) < run.lowerBound, let type = wordsBefore[tokens[run.lowerBound - 1].key]
    {
      return addName((run.lowerBound - 1)...run.lowerBound, type: type)
    }
    // A head, common noun as it is, with the lower-case genitive of a literal translation
    // (Agency on fishery of Japan).
    if run.count == 1, !weakCapital[run.lowerBound], heads[tokens[run.lowerBound].key] == "organization",
      let end = lowerCaseTailOf(after: run.lowerBound, demonymFirst: false)
    {
      return addName(run.lowerBound...end, type: "organization")
    }
    // So is a common word before a head in lower case (State museum of history of the Far East),
    // which `trimmed` would drop.
    if run.count == 1, !weakCapital[run.lowerBound], isNotName(run.lowerBound), !demonyms.contains(tokens[run.lowerBound].key),
      let (head, type) = lowerCaseHeadBeforeOf(after: run),
      let end = nameAfterOf(head) ?? lowerCaseTailOf(after: head, demonymFirst: false)
    {
      return addName(run.lowerBound...end, type: type)
    }
    guard var name = trimmed(run) else { return nil }
    if let (head, type) = lowerCaseHead(after: name) {
      // The name is the capitalized adjectives before the head (Малой Курильской гряды), not a
      // sentence's first word before them (Сотрудники Дальневосточного университета).
      var first = name.upperBound
      while first > name.lowerBound, looksLikeAdjective(tokens[first - 1]) {
        first -= 1
      }
      // The first half of a compound adjective goes with it, a glossary name's too
      // (Южно-Курильским районным судом, Сахалино-Курильском управлении).
      while first > 0, hyphenated(first - 1), tokens[first - 1].isCapitalized, tokens[first - 1].isCyrillic {
        first -= 1
      }
      let last = type == "organization" ? genitiveTail(after: head) ?? namesCompleting(after: head) : namesCompleting(after: head)
      return addName(first...last, type: type)
    }
    // In a literal translation from Russian only an institution's first word is capitalized: a
    // head in lower case after it, then 'of' and a place or an organization (Coast guard of Japan,
    // Fishing cooperative of Nemuro).
    if let (head, type) = lowerCaseHeadBeforeOf(after: name),
      let end = nameAfterOf(head)
        ?? lowerCaseTailOf(after: head, demonymFirst: demonyms.contains(tokens[name.upperBound].key))
    {
      return addName(name.lowerBound...end, type: type)
    }
    // A head noun and 'of' before the name of a place: Bank of Japan, University of Tokyo; the
    // head with a title that makes one noun with it too (Consulate General of Japan).
    if name.count == 1, let type = heads[tokens[name.lowerBound].key] {
      var head = name.lowerBound
      if head < run.upperBound, titles.contains(tokens[head + 1].key) { head += 1 }
      if let end = nameAfterOf(head) { return addName(name.lowerBound...end, type: type) }
    }
    if name.count == 1 && !allowWeak { return nil }
    if name.count == 1, tokens[name.lowerBound].isAllCaps {
      guard isOrganizationAcronym(name.lowerBound) || isUnitAcronym(name.lowerBound) else { return nil }
      let span = TextSpan(start: tokens[name.lowerBound].start, end: tokens[name.lowerBound].end)
      return addResolved(span: span, source: .capitalized, unresolvedType: "organization", keepUnresolved: true)
    }
    // The whole run only when a word trimmed from it is a glossary name's (Ministry of …):
    // a title or a headline's verb the glossary never has cannot make the whole link.
    if name != run, run.count <= 6,
      run.contains(where: { !name.contains($0) && dictionary.nameWords.contains(tokens[$0].key) })
    {
      let whole = TextSpan(start: tokens[run.lowerBound].start, end: tokens[run.upperBound].end)
      if let mention = addResolved(span: whole, source: .capitalized, unresolvedType: nil, keepUnresolved: false) {
        return mention
      }
    }
    // A run that is all a quote holds is a title, though a title of a person opens it («Князь
    // Суворов», a ship); a quote's first words are not («В Симоде и в Хэде …»).
    let closing = tokens[run.upperBound].end
    let quoted = isAfterOpeningQuote(run.lowerBound) && closing < document.scalars.count
      && Self.closingQuotes.contains(document.scalars[closing])
    var keep = !quoted && isPlausibleName(name)
    if name.count > 1, name.allSatisfy({ weakCapital[$0] }) {
      // In a title-case line every word is capitalized: those the text does not write as a name
      // elsewhere are the headline's own (Cannot Agree, Deploys New Missiles). Initials are no
      // headline's, nor is the word after them (Автор: О. Н. Вершинина).
      var first = name.lowerBound, last = name.upperBound
      func isEvidence(_ k: Int) -> Bool {
        nameEvidence.contains(tokens[k].key) || isInitialToken(k) || (k > name.lowerBound && isInitialToken(k - 1))
      }
      while first <= last, !isEvidence(first) { first += 1 }
      while last >= first, !isEvidence(last) { last -= 1 }
      if first <= last { name = first...last } else { keep = false }
    }
    var start = startWithWordBefore(name.lowerBound)
    // After a title and 'of' the noun is the title's, and a name of several words is the
    // holder's (Governor of prefecture Hideyo Hanadzumi).
    if start < name.lowerBound, start >= 2, name.count > 1, tokens[start - 1].key == lexicon.ofKey,
      titles.contains(tokens[start - 2].key)
    {
      start = name.lowerBound
    }
    let span = TextSpan(start: tokens[start].start, end: tokens[name.upperBound].end)
    // A place's noun after a name of several words is more often a person's office (Pavel
    // Grigoriev district chief) than the place's: only a name of one word takes it (Kyobashi
    // district, Sikhote-Alin range).
    if keep, let word = wordAfterName(after: name.upperBound),
      wordsAfter[tokens[word].key] != "place" || (name.lowerBound..<name.upperBound).allSatisfy({ hyphenated($0) })
    {
      return addName(start...name.upperBound, withWordAfter: word)
    }
    // A noun written before the name gives its type (bay Ostrovnaya, острова Танфильева).
    let type = start < name.lowerBound ? wordsBefore[tokens[start].key] : nil
    return addResolved(span: span, source: .capitalized, unresolvedType: type, keepUnresolved: keep)
  }

  /// Whether a run names an event or a document: it ends in a noun such as Declaration, or
  /// starts with one before 'of' (Treaty of Portsmouth).
  private func isEventName(_ run: ClosedRange<Int>) -> Bool {
    var first = run.lowerBound
    while first < run.upperBound, neverInNames.contains(tokens[first].key) { first += 1 }
    if first + 2 <= run.upperBound, tokens[first + 1].key == lexicon.ofKey {
      if events.contains(tokens[first].key) { return true }
      if heads[tokens[first].key] != nil { return false }  // Ministry of War
    }
    return events.contains(tokens[run.upperBound].key)
  }

  /// Records a name built on a common noun: linked when the resolver links it, else unresolved
  /// with the type the noun gives. Glossary mentions inside it (ФСБ России in Пограничная
  /// служба ФСБ России) give way to it.
  private mutating func addName(_ range: ClosedRange<Int>, type: String) -> Mention? {
    var range = range
    if let end = placeAfterPreposition(range) { range = range.lowerBound...end }
    if let end = namesakeEnd(after: range.upperBound) { range = range.lowerBound...end }
    let span = TextSpan(start: tokens[range.lowerBound].start, end: tokens[range.upperBound].end)
    mentions.removeAll { $0.span.start >= span.start && $0.span.end <= span.end }
    for k in range { covered[k] = true }
    return addResolved(span: span, source: .capitalized, unresolvedType: type, keepUnresolved: true)
  }

  /// The last token of the person's name an institution or a place is named after, when a phrase
  /// of namesake-phrases.tsv follows token `k`: titles in lower case (императора), then initials
  /// and capitalized words, particles and 'the' between them (музей имени В. К. Арсеньева, собор во
  /// имя Святителя Николая Чудотворца, museum named after emperor Peter the Great).
  private func namesakeEnd(after k: Int) -> Int? {
    func joins(_ j: Int) -> Bool { j < tokens.count && tokens[j].joinsPrevious }
    guard
      let phrase = namesakePhrases.first(where: { phrase in
        phrase.indices.allSatisfy { joins(k + 1 + $0) && tokens[k + 1 + $0].key == phrase[$0] }
      })
    else { return nil }
    var j = k + 1 + phrase.count
    while joins(j), j < k + phrase.count + 3, !tokens[j].isCapitalized, !tokens[j].isNumber,
      !lexicon.particles.contains(tokens[j].key)
    {
      j += 1
    }
    var end: Int?
    while joins(j), j - k <= 12 {
      if isNameWord(j) {
        end = j
        if tokens[j].endsWithPeriod && !isInitialToken(j) { break }
      } else if lexicon.particles.contains(tokens[j].key) || tokens[j].key == lexicon.articleKey, end != nil,
        joins(j + 1), isNameWord(j + 1)
      {
        // Peter the Great
      } else {
        break
      }
      j += 1
    }
    return end
  }

  /// Records a name with the noun written in lower case after it, as literal translations from
  /// Russian write them (Sidzuoka prefecture, Korabelnaya embankment, Japanese army), and an
  /// ordinal before it (Second Pacific squadron): linked when the resolver links the whole, else
  /// unresolved with the type the noun gives. Before a noun of events (Edo period), the name is
  /// none.
  private mutating func addName(_ name: ClosedRange<Int>, withWordAfter word: Int) -> Mention? {
    var first = name.lowerBound
    if first > 0, tokens[first].joinsPrevious, !covered[first - 1], ordinals.contains(tokens[first - 1].key),
      tokens[first - 1].isCapitalized
    {
      first -= 1
    }
    guard let type = wordsAfter[tokens[word].key], type != "event" else {
      for k in first...word { covered[k] = true }
      return nil
    }
    return addName(first...word, type: type)
  }

  /// The last token of the place a name built on a head such as Embassy takes in after its
  /// preposition (Russian Embassy in Japan, Посольство России в Японии, Управление ФСБ России по
  /// Сахалинской области), if one follows.
  private func placeAfterPreposition(_ name: ClosedRange<Int>) -> Int? {
    guard !placePrepositions.isEmpty, let preposition = name.lazy.compactMap({ self.placePrepositions[self.tokens[$0].key] }).first
    else { return nil }
    let j = name.upperBound + 1
    guard j + 1 < tokens.count, tokens[j].key == preposition, tokens[j].joinsPrevious, !covered[j], tokens[j + 1].joinsPrevious
    else { return nil }
    if let place = placeOrOrganizationWithType(at: j + 1) {
      guard place.type == "place" else { return nil }
      // A mission takes in the state it is accredited to, not its host city (Russian Embassy | in
      // | Tokyo).
      if name.contains(where: { accreditedHeads.contains(tokens[$0].key) }), !isState(place.tokens) { return nil }
      return place.tokens.upperBound
    }
    // A Russian region the scan has not reached yet (по Сахалинской области).
    guard !covered[j + 1], tokens[j + 1].isCapitalized, let (end, type) = lowerCaseHead(after: (j + 1)...(j + 1)),
      type == "place"
    else { return nil }
    return end
  }

  /// Whether the glossary or known name that `range` holds names a state (states.txt).
  private func isState(_ range: ClosedRange<Int>) -> Bool {
    guard let (last, forms) = longestGlossaryMatch(from: range.lowerBound), last == range.upperBound else { return false }
    return namesState(forms)
  }

  /// Whether one of the matched forms is a state's name.
  private func namesState(_ forms: [Int32]) -> Bool { forms.contains { dictionary.stateForms.contains($0) } }

  /// Whether an unresolved run reads as a name rather than a capitalized word for another reason.
  private func isPlausibleName(_ name: ClosedRange<Int>) -> Bool {
    let first = tokens[name.lowerBound]
    let last = tokens[name.upperBound]
    if name.count == 1 && weakCapital[name.lowerBound] && !nameEvidence.contains(first.key) { return false }
    // A head noun alone refers back to a name (the League, the Agency).
    if name.count == 1 && heads[first.key] != nil { return false }
    if isAfterOpeningQuote(name.lowerBound) { return false }
    // The first half of a Russian compound adjective (Советско-японский); a name before an
    // English participle is one (Paris-based). English combining forms (Russo-, Sino-) are in
    // not-names.tsv.
    if last.isCyrillic, last.end + 1 < document.scalars.count, ScalarClass(document.scalars[last.end]).kind == .hyphen,
      ScalarClass(document.scalars[last.end + 1]).kind == .cyrillic, !ScalarClass(document.scalars[last.end + 1]).isUppercase
    {
      return false
    }
    if name.count == 1, isRussianAdjective(last) { return false }
    // Likewise before a demonym (Trans-Siberian, Pan-Asian).
    if hyphenated(name.upperBound), isNotName(name.upperBound + 1) { return false }
    return true
  }

  /// Whether the word in capitals at `k`, which the glossary lacks, is an organization's acronym
  /// (DVMP, ВНИРО, ERINA), as one in running text mostly is: not one that names nothing (GDP),
  /// not a Roman numeral, and not a word of a line or phrase in capitals (TALKS AT MATSUMAE).
  private func isOrganizationAcronym(_ k: Int) -> Bool {
    let token = tokens[k]
    guard (3...8).contains(token.letters), !commonAcronyms.contains(token.key), !isNotName(k) else { return false }
    let text = document.scalars[token.start..<token.end]
    if text.allSatisfy({ "IVXLCDM".unicodeScalars.contains($0) }) { return false }
    func inCapitals(_ j: Int) -> Bool { tokens[j].isAllCaps && tokens[j].letters >= 2 }
    if k > 0, tokens[k].joinsPrevious, inCapitals(k - 1) { return false }
    if k + 1 < tokens.count, tokens[k + 1].joinsPrevious, inCapitals(k + 1) { return false }
    return true
  }

  /// Whether the Russian word of two capitals at `k` is a unit's acronym before its body's, which
  /// is in the genitive (ПУ ФСБ): too short to be taken for a name alone.
  private func isUnitAcronym(_ k: Int) -> Bool {
    let token = tokens[k]
    guard token.isCyrillic, token.letters == 2, !commonAcronyms.contains(token.key), k + 1 < tokens.count,
      tokens[k + 1].joinsPrevious, tokens[k + 1].isAllCaps, isSpaceAfter(k),
      let body = placeOrOrganizationWithType(at: k + 1)
    else { return false }
    return body.type == "organization"
  }

  /// Whether token `k` comes right after an opening quotation mark.
  private func isAfterOpeningQuote(_ k: Int) -> Bool {
    tokens[k].start > 0 && Self.openingQuotes.contains(document.scalars[tokens[k].start - 1])
  }

  private static let openingQuotes: Set<Unicode.Scalar> = ["«", "“", "„", "\"", "「", "『", "‘"]
  private static let closingQuotes: Set<Unicode.Scalar> = ["»", "”", "“", "\"", "」", "』", "’"]
  private static let kanjiJoiners: Set<Unicode.Scalar> = ["ケ", "ヶ", "ノ"]

  /// Records the words of a person's name of several words as its short forms. A Russian word
  /// shaped like an adjective is one only when the name does not start with an adjective and
  /// so reads as a person's (Павел Ланской → Ланской), not an unresolved name of another kind
  /// (Симодский трактат).
  private func registerShortForms(of words: ArraySlice<WordToken>, entity: Entity?, in table: inout [UInt64: Entity?]) {
    guard words.count >= 2, let first = words.first else { return }
    let adjectivesAreNames = entity != nil || !isRussianAdjective(first)
    for word in words {
      // After a word in lower case comes an epithet (Peter the Great), not a name of its own.
      if !word.isCapitalized {
        if entity == nil { break }
        continue
      }
      if word.letters >= 3 && !word.isAllCaps && (adjectivesAreNames || !isRussianAdjective(word)) {
        table[word.key] = .some(entity)
      }
    }
  }

  private func isNameWord(_ k: Int) -> Bool {
    let token = tokens[k]
    return token.isCapitalized && !token.isNumber
  }

  private func isNotName(_ k: Int) -> Bool {
    notNames.contains(tokens[k].key)
  }

  /// An initial: a capital letter or two and a period (F., Yu.), never a listed word (Mr., Dr.)
  /// unless of one letter (А. and В. are initials before they are Russian words).
  private func isInitialToken(_ k: Int) -> Bool {
    let token = tokens[k]
    return token.isCapitalized && token.letters <= 2 && token.endsWithPeriod && (token.letters == 1 || !isNotName(k))
  }

  /// Whether an ordinal in figures stands just before token `k` (23rd Division).
  private func numbered(_ k: Int) -> Bool {
    k > 0 && tokens[k].joinsPrevious && !covered[k - 1] && isOrdinal(k - 1)
  }

  /// An ordinal written in figures (1st, 23rd, 57th).
  private func isOrdinal(_ k: Int) -> Bool {
    let token = tokens[k]
    return !token.isNumber && (1...2).contains(token.letters) && ScalarClass(document.scalars[token.start]).kind == .digit
  }

  /// A word that can only be a name's own (Nosappu, Okhotsk), not a common noun it is built on.
  private func isOwnWord(_ k: Int) -> Bool {
    let key = tokens[k].key
    return !notNames.contains(key) && heads[key] == nil && wordsBefore[key] == nil
  }

  /// The part of a run of capitalized words that names an institution or a place by a common
  /// noun, with the type the noun gives: the words from the first that may stand in a name to a
  /// head noun at the end (Federal Penitentiary Service, Russian Interior Ministry), or from a
  /// head before 'of' (Sea of Okhotsk) or a noun written before a name (Cape Nosappu) to the end.
  private func builtOnNoun(_ run: ClosedRange<Int>) -> (ClosedRange<Int>, String)? {
    var first = run.lowerBound
    while first < run.upperBound, neverInNames.contains(tokens[first].key) { first += 1 }
    let last = run.upperBound
    // A title and 'of' before it are the person's (Official of Ministry of Foreign Affairs).
    if first + 2 < last, titles.contains(tokens[first].key), heads[tokens[first].key] == nil,
      tokens[first + 1].key == lexicon.ofKey
    {
      first += 2
    }
    guard first < last else { return nil }
    if let type = heads[tokens[last].key], !tokens[last].isAllCaps { return (first...last, type) }
    // A head before 'of' or 'for' (Sea of Okhotsk, Central Archive of the Ministry of Defence).
    if let head = (first..<last).first(where: { isHeadBeforeOf($0) }), let type = heads[tokens[head].key] {
      return (first...last, type)
    }
    if let type = wordsBefore[tokens[first].key], isOwnWord(first + 1) { return (first...last, type) }
    return nil
  }

  /// A Russian name of which only the first word is capitalized: a capitalized word, up to two
  /// lower-case ones, and a head noun in lower case (Тихого океана, Дальневосточного
  /// федерального университета), with the glossary organizations and places right after it
  /// that complete it (Пограничная служба ФСБ России). Returns the last token and the type.
  private func lowerCaseHead(after run: ClosedRange<Int>) -> (Int, String)? {
    let last = run.upperBound
    // A sentence's first word is one when the text writes it as a name elsewhere (Восточный
    // институт, after Восточного института); the first half of a compound counts with the rest
    // (Военно-историческом музее).
    guard tokens[last].isCyrillic, !weakCapital[last] || nameEvidence.contains(tokens[last].key),
      looksLikeAdjective(tokens[last]) || (hyphenated(last) && looksLikeAdjective(tokens[last + 1]))
    else { return nil }
    var j = last + 1
    while j < tokens.count, j <= last + 4, tokens[j].joinsPrevious, !covered[j], tokens[j].isCyrillic,
      !tokens[j].isCapitalized
    {
      if let type = heads[tokens[j].key] { return (j, type) }
      // The first half of a compound adjective counts with it (военно-морского).
      guard looksLikeAdjective(tokens[j]) || hyphenated(j) else { return nil }
      j += 1
    }
    return nil
  }

  /// The head of an organization written in lower case after a Latin name's last word, one
  /// lower-case word at most between them (Coast guard, Fishing cooperative), with its type.
  private func lowerCaseHeadBeforeOf(after name: ClosedRange<Int>) -> (Int, String)? {
    let last = name.upperBound
    guard !tokens[last].isCyrillic, !neverInNames.contains(tokens[last].key) else { return nil }
    var j = last + 1
    while j < tokens.count, j <= last + 2, tokens[j].joinsPrevious, !covered[j], !tokens[j].isCyrillic,
      !tokens[j].isCapitalized, !tokens[j].isNumber, tokens[j].key != lexicon.ofKey
    {
      if let type = heads[tokens[j].key] { return type == "organization" ? (j, type) : nil }
      j += 1
    }
    return nil
  }

  /// Whether a word ends like a Russian adjective (Симодский, Курильской: `MentionLexicon.isAdjective`).
  private func isRussianAdjective(_ word: WordToken) -> Bool {
    word.isCyrillic && lexicon.isAdjective(document.scalars[word.start..<word.end])
  }

  /// Whether a word ends in a Russian adjective's case ending (`MentionLexicon.looksLikeAdjective`).
  private func looksLikeAdjective(_ word: WordToken) -> Bool {
    lexicon.looksLikeAdjective(document.scalars[word.start..<word.end])
  }

  /// Whether token `k` is a short word in lower case between hyphens, inside a place's name
  /// (on of Nikolaevsk-on-Amur, на of Ростов-на-Дону).
  private func joinsByHyphens(_ k: Int) -> Bool {
    k > 0 && hyphenated(k - 1) && hyphenated(k) && !tokens[k].isCapitalized && tokens[k].letters <= 5
  }

  /// Whether token `k` is the second syllable, in lower case, of a given name in two parts
  /// written with a hyphen, as Korean names are romanized (Doo-hwan, Jae-in): short, Latin,
  /// after a short capitalized word, and the end of the word. The caller makes sure the given
  /// name is not the run's first word, where a hyphen makes an adjective (Tokyo-led, Putin-era).
  private func endsHyphenatedGivenName(_ k: Int) -> Bool {
    let syllable = tokens[k], before = tokens[k - 1]
    return hyphenated(k - 1) && !syllable.isCapitalized && !syllable.isCyrillic && !syllable.isNumber
      && (2...4).contains(syllable.letters) && before.isCapitalized && !before.isAllCaps
      && before.letters <= 5 && !hyphenated(k)
      && !lexicon.japaneseHonorifics.contains { document.scalars[syllable.start..<syllable.end].elementsEqual($0) }
  }

  /// Whether token `k` is a head noun of places (City, Prefecture, Street).
  private func isPlaceHead(_ k: Int) -> Bool { heads[tokens[k].key] == "place" }

  /// Whether token `k` and the next are written as one word with a hyphen (военно-морской).
  private func hyphenated(_ k: Int) -> Bool {
    k + 1 < tokens.count && tokens[k + 1].start == tokens[k].end + 1
      && ScalarClass(document.scalars[tokens[k].end]).kind == .hyphen
  }

  /// The glossary or known name of a place or an organization that covers token `k`, with
  /// the tokens it covers: what a longer institution's name may take in (Japan, ФСБ России).
  private func placeOrOrganization(at k: Int) -> ClosedRange<Int>? { placeOrOrganizationWithType(at: k)?.tokens }

  private func placeOrOrganizationWithType(at k: Int) -> (tokens: ClosedRange<Int>, type: String)? {
    guard k >= 0, k < tokens.count, covered[k],
      let mention = mentions.last(where: { $0.span.start <= tokens[k].start && tokens[k].end <= $0.span.end }),
      let type = mention.entity?.type ?? mention.type, type == "place" || type == "organization"
    else { return nil }
    let inside = tokenIndices(of: mention.span)
    return inside.isEmpty ? nil : (inside.lowerBound...(inside.upperBound - 1), type)
  }

  /// The end of a Russian institution's name whose head the names of places and organizations
  /// or their acronyms right after it complete (Пограничная служба ФСБ России, филиала ВНИРО): the
  /// last token of up to two.
  private func namesCompleting(after k: Int) -> Int {
    var end = k
    for _ in 0..<2 {
      guard end + 1 < tokens.count, tokens[end + 1].joinsPrevious else { break }
      if let name = placeOrOrganization(at: end + 1) {
        end = name.upperBound
      } else if !covered[end + 1], tokens[end + 1].isCyrillic, tokens[end + 1].isAllCaps,
        isOrganizationAcronym(end + 1)
      {
        end += 1  // an acronym the scan has not reached yet (Сахалинского филиала ВНИРО)
      } else {
        break
      }
    }
    return end
  }

  /// The last token of the place or organization a Russian head of an institution governs in
  /// the genitive, up to three words in lower case after it (Посольстве России, Министерство
  /// обороны РФ), if there is one; after words in lower case, a single capitalized word the
  /// glossary lacks is such a name too (Общества бывших жителей Маоки).
  private func genitiveName(after k: Int) -> Int? {
    var j = k + 1
    while j < tokens.count, j - k <= 4, tokens[j].joinsPrevious, tokens[j].isCyrillic {
      if let name = placeOrOrganization(at: j) { return name.upperBound }
      // A conjunction or a preposition ends the genitive (Консульство и Японский фонд).
      guard !covered[j], !isNotName(j) else { return nil }
      if tokens[j].isCapitalized {
        guard j > k + 1, !tokens[j].isAllCaps, !startsName(j + 1) else { return nil }
        return j
      }
      j += 1
    }
    return nil
  }

  /// The last token of the genitive that completes a Russian institution's name after its head
  /// `k`: nouns in lower case with their adjectives, joined by the words of
  /// russian-genitive-endings.tsv (и, по делам) and by commas in a list that и closes, and the
  /// names of places and organizations among and after them (Института экономических
  /// исследований, комитет по делам физической культуры и спорта, Министерства здравоохранения,
  /// труда и социального обеспечения Японии). Nil when no noun follows the head.
  private func genitiveTail(after k: Int) -> Int? {
    var end: Int?
    var j = k + 1
    // After a comma or a joiner, a word ending like a verb is a noun of the list (экономики,
    // торговли и промышленности).
    var afterAdjective = false, afterJoiner = false, inList = false
    while j < tokens.count, j - k <= 16 {
      let token = tokens[j]
      if !token.joinsPrevious {
        guard end != nil, !afterAdjective, !afterJoiner, isCommaBefore(j), lowerCaseListCloses(from: j) else { break }
        inList = true
      }
      // A namesake phrase ends it: the phrase and the name after it are `addName`'s to take in.
      if namesakeEnd(after: j - 1) != nil { break }
      if let name = placeOrOrganization(at: j) {
        // An adjective before a name with no noun before it is no genitive of the head.
        if end == nil && afterAdjective { break }
        end = name.upperBound
        j = name.upperBound + 1
        afterAdjective = false
        afterJoiner = false
        continue
      }
      guard !covered[j], token.isCyrillic, !token.isCapitalized, !token.isNumber else { break }
      if let (length, opens) = genitiveJoiner(at: j) {
        guard end != nil || opens, !afterAdjective, !afterJoiner else { break }
        afterJoiner = true
        inList = true
        j += length
        continue
      }
      switch lexicon.genitiveKind(document.scalars[token.start..<token.end]) {
      case .adjective?: afterAdjective = true
      case .noun?: end = j
      case .afterAdjective?:
        guard afterAdjective || inList else { return end.map(namesCompleting) }
        end = j
      case nil, .joins?, .opens?, .notGenitive?: return end.map(namesCompleting)
      }
      if end == j { afterAdjective = false; afterJoiner = false }
      j += 1
    }
    return end.map(namesCompleting)
  }

  /// The last token of what a literal translation from Russian writes in lower case after the
  /// head `k` of an institution's name, as the original's genitive: 'of' or 'on', words in lower
  /// case joined by 'of', 'and' and commas in a list that 'and' closes, and the name of a place or
  /// an organization or acronyms after 'of' or 'of the' that end it (Archive of foreign policy of
  /// the Russian empire, Agency on fishery of Japan, Institute of marine geology and geophysics
  /// of the FEB RAS); nil when no such name ends it. After a lower-case head, the name may follow
  /// 'of the' at once (Central house of the Red army), but not after a demonym, which makes names
  /// of common nouns (Japanese press of the day).
  private func lowerCaseTailOf(after k: Int, demonymFirst: Bool) -> Int? {
    guard k + 2 < tokens.count, tokens[k + 1].key == lexicon.ofKey || tokens[k + 1].key == lexicon.onKey,
      tokens[k + 1].joinsPrevious, !covered[k + 1], !tokens[k].isCyrillic
    else { return nil }
    var j = k + 2
    var words = 0
    var afterOf = true, afterJoiner = true
    while j < tokens.count, j - k <= 16 {
      let token = tokens[j]
      if !token.joinsPrevious {
        guard !afterJoiner, isCommaBefore(j), lowerCaseListCloses(from: j) else { break }
        afterJoiner = true
        afterOf = false
      }
      if token.isCapitalized || covered[j] {
        // The name that ends it, after 'of' or 'of the'.
        guard words > 0 || (!tokens[k].isCapitalized && !demonymFirst), afterOf, !token.isCyrillic else { return nil }
        if let name = placeOrOrganization(at: j) { return name.upperBound }
        // Acronyms the scan has not reached yet (FEB RAS).
        guard token.isAllCaps, !covered[j] else { return nil }
        var end = j
        while end + 1 < tokens.count, tokens[end + 1].joinsPrevious, tokens[end + 1].isAllCaps {
          if let name = placeOrOrganization(at: end + 1) { return name.upperBound }
          end += 1
        }
        return end
      }
      let isJoiner = token.key == lexicon.ofKey || token.key == lexicon.andKey || token.key == lexicon.articleKey
      guard !token.isCyrillic, !token.isNumber, isJoiner || !neverInNames.contains(token.key) else { break }
      if token.key == lexicon.ofKey || token.key == lexicon.andKey {
        guard !afterJoiner else { return nil }
        afterOf = token.key == lexicon.ofKey
        afterJoiner = true
      } else if token.key == lexicon.articleKey {
        // 'of the' before a name only; right after a head in lower case too (Central house of
        // the Red army), where a capitalized head's 'of the' would start a name of its own.
        guard afterOf, afterJoiner, words > 0 || (!tokens[k].isCapitalized && !demonymFirst) else { return nil }
      } else {
        words += 1
        afterOf = false
        afterJoiner = false
      }
      j += 1
    }
    // Words in lower case alone may end in a verb (Ministry of defence said.): no name.
    return nil
  }

  /// The number of tokens of a phrase that joins words of a genitive (и, по делам) at token `j`,
  /// and whether it may open the genitive too (по делам).
  private func genitiveJoiner(at j: Int) -> (length: Int, opens: Bool)? {
    lexicon.genitiveJoiners.first { joiner in
      joiner.keys.indices.allSatisfy { i in
        j + i < tokens.count && (i == 0 || tokens[j + i].joinsPrevious) && tokens[j + i].key == joiner.keys[i]
      }
    }.map { ($0.keys.count, $0.opens) }
  }

  /// Whether the list of words in lower case that continues at token `j` after a comma is closed
  /// before anything else interrupts it: by 'and' in Latin text (history, archeology and
  /// ethnography), by a genitive's joiner in Cyrillic (труда и социального обеспечения).
  private func lowerCaseListCloses(from j: Int) -> Bool {
    let cyrillic = tokens[j].isCyrillic
    func closes(_ k: Int) -> Bool { cyrillic ? genitiveJoiner(at: k) != nil : tokens[k].key == lexicon.andKey }
    guard !closes(j), tokens[j].key != lexicon.ofKey else { return false }
    var k = j + 1
    while k < tokens.count, k - j < 12, tokens[k].isCyrillic == cyrillic, !tokens[k].isCapitalized {
      if !tokens[k].joinsPrevious, !isCommaBefore(k) { return false }
      if closes(k) { return true }
      k += 1
    }
    return false
  }

  /// Whether a comma and a space, and nothing else, stand between token `j` and the one before.
  private func isCommaBefore(_ j: Int) -> Bool {
    document.scalars[tokens[j - 1].end..<tokens[j].start].elementsEqual([",", " "])
  }

  /// Where a name built on a noun starts when glossary or known names of places and
  /// organizations stand right before it and name its owner (Sakhalin State University, Russian
  /// Federation Fishery Agency, Japan-Russia Fisheries Committee, Wakkanai City): at the first
  /// of up to two such names.
  private func namesBefore(_ k: Int) -> Int {
    var start = k
    for _ in 0..<2 {
      // A place ending in its head is no owner of a place: Hyogo Prefecture | Kobe City is an
      // address (but Sakhalin Oblast Duma is one name).
      guard start > 0, tokens[start].joinsPrevious, !tokens[start].afterPossessive,
        !(isPlaceHead(k) && isPlaceHead(start - 1)),
        let name = placeOrOrganization(at: start - 1)
      else { break }
      start = name.lowerBound
    }
    return start
  }

  /// The last token of the name of a place or an organization after 'of' or 'of the' after
  /// token `k` (Bank of Japan, Consulate General of the Russian Federation), if there is one.
  private func nameAfterOf(_ k: Int) -> Int? {
    guard k + 2 < tokens.count, tokens[k + 1].key == lexicon.ofKey, tokens[k + 1].joinsPrevious,
      !covered[k + 1]
    else { return nil }
    // After 'the', only a place: Division of the Imperial Japanese Army is two names.
    let article = isArticle(k + 2) && !covered[k + 2]
    let first = article ? k + 3 : k + 2
    guard first < tokens.count, tokens[first].joinsPrevious,
      let name = placeOrOrganizationWithType(at: first), !article || name.type == "place"
    else { return nil }
    return name.tokens.upperBound
  }

  /// The token after `k` when it is a noun written in lower case after names (prefecture,
  /// volcano, embankment, period), not after a possessive.
  private func wordAfterName(after k: Int) -> Int? {
    let j = k + 1
    guard j < tokens.count, tokens[j].joinsPrevious, !tokens[j].afterPossessive, !covered[j], !tokens[j].isCapitalized,
      wordsAfter[tokens[j].key] != nil
    else { return nil }
    return j
  }

  /// Where a name starts when a lower-case noun written before names stands before it
  /// (острова Танфильева, island Tanfilyev), or such a noun capitalized as a sentence's first
  /// word (Маяк Анива).
  private func startWithWordBefore(_ k: Int) -> Int {
    guard k > 0, tokens[k].joinsPrevious, !covered[k - 1], !tokens[k - 1].isCapitalized || weakCapital[k - 1],
      wordsBefore[tokens[k - 1].key] != nil
    else { return k }
    return k - 1
  }

  /// Whether one space and nothing else stands between token `k` and the next.
  private func isSpaceAfter(_ k: Int) -> Bool {
    k + 1 < tokens.count && document.scalars[tokens[k].end..<tokens[k + 1].start].elementsEqual([" "])
  }

  /// The indices of the word tokens inside `span` (none for kana and kanji).
  private func tokenIndices(of span: TextSpan) -> Range<Int> {
    var low = 0
    var high = tokens.count
    while low < high {
      let middle = (low + high) / 2
      if tokens[middle].start < span.start { low = middle + 1 } else { high = middle }
    }
    var end = low
    while end < tokens.count, tokens[end].end <= span.end { end += 1 }
    return low..<end
  }

  // MARK: Linking

  /// Resolves the text of `span` and records the mention: linked, or unresolved when
  /// `keepUnresolved`. Returns the mention recorded.
  @discardableResult
  private mutating func addResolved(
    span: TextSpan, source: Mention.Source, unresolvedType: String?, keepUnresolved: Bool
  ) -> Mention? {
    let surface = document.text(of: span)
    let resolution = finder.resolve(surface)
    let mention: Mention
    if let resolution, let entity = resolution.entity {
      mention = Mention(
        span: span, surface: surface, entity: entity, matchedName: resolution.matchedName, type: entity.type,
        score: resolution.score, method: resolution.method, source: source)
    } else if keepUnresolved {
      mention = Mention(
        span: span, surface: surface, entity: nil, matchedName: nil, type: unresolvedType,
        score: 0, method: nil, source: source)
    } else {
      return nil
    }
    mentions.append(mention)
    return mention
  }
}

extension Unicode.Scalar {
  /// A kanji: CJK unified ideographs and their extension A, and the repeat mark 々.
  fileprivate var isKanji: Bool {
    (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || self == "々"
  }

  /// A hiragana letter.
  fileprivate var isHiragana: Bool { (0x3041...0x3096).contains(value) }

  /// A katakana letter or the long-vowel mark ー (not the middle dot ・).
  fileprivate var isKatakanaLetter: Bool { (0x30A1...0x30FA).contains(value) || self == "ー" }
}
