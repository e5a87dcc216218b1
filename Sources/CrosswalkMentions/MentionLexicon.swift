import CrosswalkCore
import CrosswalkGlossaryData
import CrosswalkICU
import CrosswalkNames
import Foundation

/// The word lists of glossaries/mentions/: Russian endings, name particles, and capitalized
/// words that are not names. Keys are `WordTokenizer` keys, so they compare folded.
public struct MentionLexicon: Sendable {
  public static let endingsFile = "mentions/russian-endings.txt"
  public static let particlesFile = "mentions/name-particles.txt"
  public static let notNamesFile = "mentions/not-names.tsv"
  public static let japaneseTitlesFile = "mentions/japanese-titles.txt"
  public static let adjectiveEndingsFile = "mentions/russian-adjective-endings.txt"
  public static let organizationSuffixesFile = "mentions/japanese-organization-suffixes.txt"
  public static let nameHeadsFile = "mentions/name-heads.tsv"
  public static let adjectiveCaseEndingsFile = "mentions/russian-adjective-case-endings.txt"
  public static let genitiveEndingsFile = "mentions/russian-genitive-endings.tsv"
  public static let japaneseNameSuffixesFile = "mentions/japanese-name-suffixes.tsv"
  public static let japaneseCommonStemsFile = "mentions/japanese-common-stems.txt"
  public static let japaneseGivenNameEndingsFile = "mentions/japanese-given-name-endings.txt"
  public static let knownNamesFile = "mentions/known-names.tsv"
  public static let namesakePhrasesFile = "mentions/namesake-phrases.tsv"
  public static let statesFile = "mentions/states.txt"
  public static let patronymicEndingsFile = "mentions/patronymic-endings.txt"
  public static let japanesePersonCuesFile = "mentions/japanese-person-cues.tsv"

  /// What a word's ending makes it in the genitive (russian-genitive-endings.tsv).
  enum GenitiveKind: String {
    case adjective, noun, joins, opens
    case notGenitive = "none"
    case afterAdjective = "after-adjective"
  }

  /// A place or organization the glossary has no entity for but that is surely a name.
  public struct KnownName: Sendable {
    public let type: String
    public let name: String
    /// The place or organization the name is one of: names under one comment of the file share it.
    public let group: Int
    /// The name is a Russian one in Latin letters, made here (Mitsubisi for Мицубиси): found in
    /// text, but a rendering through Russian, not a spelling English uses.
    public let isTransliteration: Bool
  }

  /// Russian endings as folded scalars, longest first.
  let russianEndings: [[Unicode.Scalar]]
  /// Keys of particles that may stand inside a name.
  let particles: HashedKeySet
  /// Keys of words that are not names, by language, those listed for all ("*") included.
  private let notNamesByLanguage: [String: HashedKeySet]
  private let notNamesInAnyLanguage: HashedKeySet
  /// Of those, the words that never stand inside a name (articles, pronouns, months), unlike
  /// demonyms, directions, titles and common nouns (Russian Interior Ministry, Eastern Military
  /// District, Foreign Ministry, Federal Penitentiary Service).
  private let neverInNamesByLanguage: [String: HashedKeySet]
  /// Of those, by the reason not-names.tsv gives and by language: the titles, the nouns of
  /// events, the demonyms and the ordinals the finder reads apart.
  private let notNamesByReason: [String: [String: HashedKeySet]]
  private let accreditedHeadsByLanguage: [String: HashedKeySet]
  private let placePrepositionsByLanguage: [String: [UInt64: UInt64]]
  /// The phrases of namesake-phrases.tsv by language, as word keys.
  private let namesakePhrasesByLanguage: [String: [[UInt64]]]
  /// The nouns of name-heads.tsv, by language and place: the type of name each makes.
  private let headsByLanguage: [String: [UInt64: String]]
  private let beforeByLanguage: [String: [UInt64: String]]
  private let quotedByLanguage: [String: [UInt64: String]]
  private let governingByLanguage: [String: [UInt64: String]]
  private let numberedByLanguage: [String: [UInt64: String]]
  private let afterByLanguage: [String: [UInt64: String]]
  /// Of those, the nouns that make a name after a demonym too (Japanese army, Korean strait).
  private let afterDemonymsByLanguage: [String: HashedKeySet]
  /// Suffixes that mark a Japanese name of a place or an institution, folded, longest first,
  /// with the type of name each makes.
  let japaneseNameSuffixes: [(suffix: [Unicode.Scalar], type: String)]
  /// Words that take those suffixes without making a name (無人島), folded.
  let japaneseCommonStems: Set<[Unicode.Scalar]>
  /// Of those, the prefixes and words of time that lead a group of kanji without being part of
  /// the name after them (同大学, 昨年ロシア国立公文書館).
  let japaneseLeadingWords: Set<[Unicode.Scalar]>
  /// Words written in one word with a suffix of japanese-name-suffixes.tsv that are not the
  /// name's (内 in 稚内市内, within the city).
  let japaneseBoundWords: [[Unicode.Scalar]]
  /// Common words that end in such a suffix and name nothing (都市, city, in 姉妹都市).
  let japaneseCommonSuffixedWords: [[Unicode.Scalar]]
  /// Words that make a demonym or a language of the place before them (ロシア人, ロシア語): the place
  /// is no mention.
  let japaneseDemonymSuffixes: [[Unicode.Scalar]]
  /// Kanji that end a given name otherwise in katakana (フミ子).
  let japaneseGivenNameEndings: Set<Unicode.Scalar>
  /// What vouches for a kanji name whose given name the readings table lacks
  /// (japanese-person-cues.tsv), folded: words for what a person is, written before the name
  /// (船頭, 将軍), endings of given names of the past (兵衛), and the kanji that ends a merchant
  /// house's name standing as a surname (屋).
  let japaneseRoles: [[Unicode.Scalar]]
  let japaneseOldGivenNameEndings: [[Unicode.Scalar]]
  let japaneseHouseEndings: Set<Unicode.Scalar>
  /// Names the mention finder reports unresolved, with their type (known-names.tsv).
  let knownNames: [KnownName]
  /// The English names of states (states.txt), lower-cased.
  let states: Set<String>
  /// Endings of Russian patronymics, Cyrillic and Latin, folded (patronymic-endings.txt).
  private let patronymicEndings: [[Unicode.Scalar]]
  /// Case endings of Russian adjectives, folded (see `looksLikeAdjective`).
  private let adjectiveCaseEndings: [[Unicode.Scalar]]
  /// Endings of Russian words in the genitive, folded, longest first (see `genitiveKind`).
  private let genitiveEndings: [(ending: [Unicode.Scalar], kind: GenitiveKind)]
  /// The phrases that join nouns of one genitive (и) or open it (по делам), as word keys.
  let genitiveJoiners: [(keys: [UInt64], opens: Bool)]
  /// The key of 'of', which joins a head to the name after it (Sea of Okhotsk).
  let ofKey: UInt64
  /// Keys of 'for' (Institute for Resource Studies) and 'and' (Ministry of Economy, Trade and
  /// Industry), which stand inside names only in these shapes.
  let forKey: UInt64
  /// The key of 'on', which a literal translation writes for по (Agency on fishery of Japan).
  let onKey: UInt64
  let andKey: UInt64
  /// The key of 'by', which starts a byline.
  let byKey: UInt64
  /// Endings of Russian adjectives (Симодский, Курильской), folded: a capitalized word with one
  /// is a name only when a glossary knows it.
  let russianAdjectiveEndings: [[Unicode.Scalar]]
  /// Words that make an organization of a place before them in Japanese (軍, 政府), folded.
  let japaneseOrganizationSuffixes: [[Unicode.Scalar]]
  /// The key of 'the', trimmed from the front of glossary matches.
  let articleKey: UInt64
  /// Words after a Japanese surname that make it a name (氏, 首相), folded.
  let japaneseTitles: [[Unicode.Scalar]]
  /// Of those, the ones only a person takes (氏, さん).
  let japaneseHonorifics: [[Unicode.Scalar]]

  /// The known names as a glossary, one entity per place or organization: its first Latin name
  /// is the canonical one, the others (kanji aside) aliases. A place with no Latin name is left out (there is
  /// nothing to suggest for it in English text). Ids are `known-` and the canonical name's
  /// letters and digits (`known-khabarovsk`), numbered when two names share them.
  public func knownNameGlossary() -> Glossary {
    // The Latin forms of Russian names come last in `knownNames`: gather each group's names.
    var groups: [[KnownName]] = []
    var position: [Int: Int] = [:]
    for known in knownNames {
      if let at = position[known.group] {
        groups[at].append(known)
      } else {
        position[known.group] = groups.count
        groups.append([known])
      }
    }
    var entities: [Entity] = []
    var ids: Set<String> = []
    // People are left out: a surname is too short a name to tell its misspelling from another
    // person's (Pushkov is not Pushkin).
    for names in groups where names.first?.type != "person" {
      guard let canonical = names.first(where: { isLatin($0.name) }) else { continue }
      let slug = makeID(from: canonical.name)
      // Names in kanji are left out: no Latin spelling is read through them (the linker reads
      // kanji only for personal names), and they would make the index larger and slower to build.
      var seen: Set<String> = [canonical.name]
      // Russian names in Latin letters are left out too: the linker reads them through the
      // Russian ones, as spellings through Russian (Mitsubisi for Мицубиси).
      let aliases = names.compactMap { known in
        !hasKanji(known.name) && !known.isTransliteration && seen.insert(known.name).inserted
          ? EntityName(known.name, kind: .alias) : nil
      }
      // Names that differ only in signs share letters (OPEC, OPEC+): the later one is numbered.
      var id = "known-" + slug
      var number = 1
      while !ids.insert(id).inserted {
        number += 1
        id = "known-\(slug)-\(number)"
      }
      entities.append(Entity(id: id, type: canonical.type, name: canonical.name, aliases: aliases))
    }
    return Glossary(entities: entities)
  }

  private func hasKanji(_ name: String) -> Bool {
    name.unicodeScalars.contains { (0x3400...0x9FFF).contains($0.value) || (0xF900...0xFAFF).contains($0.value) }
  }

  /// The lists built into the binary.
  public static func builtIn() throws(NameError) -> MentionLexicon {
    func file(_ name: String) throws(NameError) -> String {
      guard let text = EmbeddedGlossaries.file(name) else { throw .missingRules(file: name) }
      return text
    }
    return try MentionLexicon(
      endings: file(endingsFile), particles: file(particlesFile), notNames: file(notNamesFile),
      japaneseTitles: file(japaneseTitlesFile), adjectiveEndings: file(adjectiveEndingsFile),
      organizationSuffixes: file(organizationSuffixesFile), nameHeads: file(nameHeadsFile),
      adjectiveCaseEndings: file(adjectiveCaseEndingsFile), genitiveEndings: file(genitiveEndingsFile),
      japaneseNameSuffixes: file(japaneseNameSuffixesFile), japaneseCommonStems: file(japaneseCommonStemsFile),
      knownNames: file(knownNamesFile),
      japaneseGivenNameEndings: file(japaneseGivenNameEndingsFile), namesakePhrases: file(namesakePhrasesFile),
      states: file(statesFile), patronymicEndings: file(patronymicEndingsFile),
      japanesePersonCues: file(japanesePersonCuesFile))
  }

  /// Lists from their texts (the formats of glossaries/mentions/).
  public init(endings: String, particles: String, notNames: String, japaneseTitles: String, adjectiveEndings: String,
    organizationSuffixes: String, nameHeads: String, adjectiveCaseEndings: String, genitiveEndings: String,
    japaneseNameSuffixes: String, japaneseCommonStems: String, knownNames: String, japaneseGivenNameEndings: String, namesakePhrases: String,
    states: String, patronymicEndings: String, japanesePersonCues: String
  ) throws(NameError) {
    self.states = Set(Self.lines(states).map { $0.line.lowercased() })
    self.patronymicEndings = Self.lines(patronymicEndings).map { Self.folded($0.line.unicodeScalars) }
    var known: [KnownName] = []
    var group = 0
    for (number, line) in Self.lines(knownNames, keepingComments: true) {
      if line.hasPrefix("#") {
        if known.last?.group == group { group += 1 }
        continue
      }
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard fields.count == 2, ["place", "organization", "person"].contains(fields[0]), !fields[1].isEmpty else {
        throw .invalidTable(
          file: Self.knownNamesFile, line: number, message: "expected place, organization or person, a tab and a name")
      }
      known.append(KnownName(type: fields[0], name: fields[1], group: group, isTransliteration: false))
    }
    self.knownNames = try known + Self.latinForms(of: known)
    var suffixes: [(suffix: [Unicode.Scalar], type: String)] = []
    var bound: [[Unicode.Scalar]] = []
    var common: [[Unicode.Scalar]] = []
    var demonym: [[Unicode.Scalar]] = []
    for (number, line) in Self.lines(japaneseNameSuffixes) {
      let fields = line.split(separator: "\t").map(String.init)
      guard fields.count == 2, !fields[0].isEmpty, ["place", "organization", "common", "bound", "demonym"].contains(fields[1])
      else {
        throw .invalidTable(
          file: Self.japaneseNameSuffixesFile, line: number,
          message: "expected a suffix and place, organization, common, bound or demonym, tab-separated")
      }
      let suffix = Self.folded(fields[0].unicodeScalars)
      switch fields[1] {
      case "bound": bound.append(suffix)
      case "common": common.append(suffix)
      case "demonym": demonym.append(suffix)
      default: suffixes.append((suffix, fields[1]))
      }
    }
    self.japaneseNameSuffixes = suffixes.sorted { $0.suffix.count > $1.suffix.count }
    japaneseBoundWords = bound
    japaneseCommonSuffixedWords = common
    japaneseDemonymSuffixes = demonym
    let stems = try Self.markedWords(japaneseCommonStems, marker: "leads", file: Self.japaneseCommonStemsFile)
    self.japaneseCommonStems = Set(stems.map(\.word))
    japaneseLeadingWords = Set(stems.filter(\.marked).map(\.word))
    var givenNameEndings: Set<Unicode.Scalar> = []
    for (number, line) in Self.lines(japaneseGivenNameEndings) {
      guard line.unicodeScalars.count == 1, let kanji = line.unicodeScalars.first else {
        throw .invalidTable(file: Self.japaneseGivenNameEndingsFile, line: number, message: "expected one kanji")
      }
      givenNameEndings.insert(kanji)
    }
    self.japaneseGivenNameEndings = givenNameEndings
    var roles: [[Unicode.Scalar]] = []
    var oldEndings: [[Unicode.Scalar]] = []
    var houses: Set<Unicode.Scalar> = []
    for (number, line) in Self.lines(japanesePersonCues) {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      let word = Self.folded(fields[0].unicodeScalars)
      switch fields.count == 2 && !word.isEmpty ? fields[1] : "" {
      case "role": roles.append(word)
      case "ending": oldEndings.append(word)
      case "house" where word.count == 1: houses.insert(word[0])
      default:
        throw .invalidTable(
          file: Self.japanesePersonCuesFile, line: number,
          message: "expected a word, a tab and role, ending or house (one kanji)")
      }
    }
    japaneseRoles = roles
    japaneseOldGivenNameEndings = oldEndings
    japaneseHouseEndings = houses
    self.adjectiveCaseEndings = Self.lines(adjectiveCaseEndings).map { Self.folded($0.line.unicodeScalars) }
    japaneseOrganizationSuffixes = Self.lines(organizationSuffixes).map { Self.folded($0.line.unicodeScalars) }
      .sorted { $0.count > $1.count }
    russianAdjectiveEndings = Self.lines(adjectiveEndings).map { Array($0.line.unicodeScalars) }
    let titleWords = try Self.markedWords(japaneseTitles, marker: "honorific", file: Self.japaneseTitlesFile)
    self.japaneseTitles = titleWords.map(\.word)
    japaneseHonorifics = titleWords.filter(\.marked).map(\.word)
    russianEndings = Self.lines(endings).map { Array($0.line.unicodeScalars) }.sorted { $0.count > $1.count }
    let tokenizer = WordTokenizer(endings: russianEndings)
    articleKey = tokenizer.key(of: "the")
    ofKey = tokenizer.key(of: "of")
    forKey = tokenizer.key(of: "for")
    onKey = tokenizer.key(of: "on")
    andKey = tokenizer.key(of: "and")
    byKey = tokenizer.key(of: "by")
    var genitive: [(ending: [Unicode.Scalar], kind: GenitiveKind)] = []
    var joiners: [(keys: [UInt64], opens: Bool)] = []
    for (number, line) in Self.lines(genitiveEndings) {
      let fields = line.split(separator: "\t").map(String.init)
      guard fields.count == 2, !fields[0].isEmpty, let kind = GenitiveKind(rawValue: fields[1]) else {
        throw .invalidTable(
          file: Self.genitiveEndingsFile, line: number,
          message: "expected an ending or a phrase, a tab and adjective, noun, after-adjective, joins, opens or none")
      }
      if kind == .joins || kind == .opens {
        joiners.append((fields[0].split(separator: " ").map { tokenizer.key(of: String($0)) }, kind == .opens))
      } else {
        genitive.append((Self.folded(fields[0].unicodeScalars), kind))
      }
    }
    self.genitiveEndings = genitive.sorted { $0.ending.count > $1.ending.count }
    genitiveJoiners = joiners
    self.particles = HashedKeySet(Self.lines(particles).map { tokenizer.key(of: $0.line) })
    var table: [String: HashedKeySet] = [:]
    var never: [String: HashedKeySet] = [:]
    var byReason: [String: [String: HashedKeySet]] = [:]
    for (number, line) in Self.lines(notNames) {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard fields.count >= 2, !fields[0].isEmpty, !fields[1].isEmpty else {
        throw .invalidTable(file: Self.notNamesFile, line: number, message: "expected language, word and why, tab-separated")
      }
      let key = tokenizer.key(of: String(fields[1]))
      let why = fields.count > 2 ? fields[2] : ""
      byReason[String(why), default: [:]][String(fields[0]), default: HashedKeySet()].insert(key)
      // An acronym that names nothing (GDP, СМИ) is no mention alone, but is no word to trim
      // from a name either (Arctic LNG 2).
      if why == "acronym" { continue }
      table[String(fields[0]), default: HashedKeySet()].insert(key)
      if !Self.nameParts.contains(String(why)) { never[String(fields[0]), default: HashedKeySet()].insert(key) }
    }
    let everywhere = table["*"] ?? HashedKeySet()
    notNamesInAnyLanguage = everywhere
    notNamesByLanguage = table.mapValues { $0.union(everywhere) }
    let neverEverywhere = never["*"] ?? HashedKeySet()
    neverInNamesByLanguage = never.mapValues { $0.union(neverEverywhere) }
    notNamesByReason = byReason
    var positioned: [String: [String: [UInt64: String]]] = [
      "head": [:], "before": [:], "after": [:], "quoted": [:], "governs": [:], "numbered": [:],
    ]
    var prepositions: [String: [UInt64: UInt64]] = [:]
    var afterDemonyms: [String: HashedKeySet] = [:]
    var accredited: [String: HashedKeySet] = [:]
    for (number, line) in Self.lines(nameHeads) {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      let extra = fields.count >= 5 ? fields[4] : nil
      let toStates = fields.count == 6 && fields[3] == "head" && fields[5] == "state"
      guard fields.count == 4 || (fields.count == 5 || toStates) && (fields[3] == "head" && extra?.isEmpty == false)
        || fields.count == 5 && fields[3] == "after" && extra == "demonym",
        !fields[0].isEmpty, !fields[1].isEmpty, !fields[2].isEmpty, positioned[fields[3]] != nil
      else {
        throw .invalidTable(
          file: Self.nameHeadsFile, line: number,
          message:
            "expected language, word, type, head, before, after, quoted, governs or numbered, and for a head an optional preposition and 'state', for after an optional 'demonym', tab-separated")
      }
      for key in tokenizer.keys(of: fields[1]) {
        positioned[fields[3], default: [:]][fields[0], default: [:]][key] = fields[2]
        if let extra, fields[3] == "head" { prepositions[fields[0], default: [:]][key] = tokenizer.key(of: extra) }
        if extra == "demonym" { afterDemonyms[fields[0], default: HashedKeySet()].insert(key) }
        if toStates { accredited[fields[0], default: HashedKeySet()].insert(key) }
      }
    }
    headsByLanguage = positioned["head"] ?? [:]
    beforeByLanguage = positioned["before"] ?? [:]
    quotedByLanguage = positioned["quoted"] ?? [:]
    governingByLanguage = positioned["governs"] ?? [:]
    numberedByLanguage = positioned["numbered"] ?? [:]
    afterByLanguage = positioned["after"] ?? [:]
    afterDemonymsByLanguage = afterDemonyms
    placePrepositionsByLanguage = prepositions
    accreditedHeadsByLanguage = accredited
    var namesake: [String: [[UInt64]]] = [:]
    for (number, line) in Self.lines(namesakePhrases) {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      let words = fields.count == 2 ? fields[1].split(separator: " ").map { tokenizer.key(of: String($0)) } : []
      guard fields.count == 2, !fields[0].isEmpty, !words.isEmpty else {
        throw .invalidTable(file: Self.namesakePhrasesFile, line: number, message: "expected language and words, tab-separated")
      }
      namesake[fields[0], default: []].append(words)
    }
    namesakePhrasesByLanguage = namesake
  }

  /// Russian acronyms of three letters or more (РГО, ТОФ, МО РФ) and organizations named in one
  /// word (Минфин, Роснефть, Мицубиси) in Latin letters, as translations from Russian leave them
  /// (RGO, TOF, MO RF, Minfin, Rosneft, Mitsubisi): known names too. BGN's marks are dropped, as
  /// such translations drop them.
  private static func latinForms(of names: [KnownName]) throws(NameError) -> [KnownName] {
    func isCyrillic(_ scalar: Unicode.Scalar) -> Bool { (0x400...0x4FF).contains(scalar.value) }
    func isAcronym(_ name: String) -> Bool {
      let letters = name.unicodeScalars.filter { $0 != " " }
      return letters.count >= 3 && letters.allSatisfy { ("А"..."Я").contains($0) || $0 == "Ё" }
    }
    func isOneWordOrganization(_ known: KnownName) -> Bool {
      known.type == "organization" && known.name.unicodeScalars.count >= 4
        && known.name.unicodeScalars.allSatisfy { isCyrillic($0) || $0 == "-" }
    }
    let chosen = names.filter { isAcronym($0.name) || isOneWordOrganization($0) }
    guard !chosen.isEmpty else { return [] }
    do {
      let latin = try Transliterator(id: "Russian-Latin/BGN")
      return try chosen.map { name throws(ICUError) in
        let form = try latin.transliterate(name.name).unicodeScalars.filter { !Self.bgnMarks.contains($0) }
        // An acronym in Latin letters is what English writes too (RGO): only the untranslated-
        // acronym rule questions it.
        return KnownName(
          type: name.type, name: String(String.UnicodeScalarView(form)), group: name.group,
          isTransliteration: !isAcronym(name.name))
      }
    } catch {
      throw .icu(error)
    }
  }

  /// What BGN writes for the soft and hard signs (primes) and between letters it would
  /// otherwise join (a middle dot: Min·energo).
  private static let bgnMarks: Set<Unicode.Scalar> = ["\u{2B9}", "\u{2BA}", "\u{B7}"]

  /// The reasons in not-names.tsv of words that may still stand inside a longer name.
  private static let nameParts: Set<String> = [
    "demonym", "common noun", "adjective", "direction", "title", "event", "possessive",
  ]

  /// The keys of words that are not names in `language` (a primary tag: "en", "ru").
  func notNames(in language: String) -> HashedKeySet { notNamesByLanguage[language] ?? notNamesInAnyLanguage }

  /// The keys of words that never stand inside a name in `language` (see `neverInNamesByLanguage`).
  func neverInNames(in language: String) -> HashedKeySet { neverInNamesByLanguage[language] ?? HashedKeySet() }

  /// The keys of the words of not-names.tsv in `language` listed for `reason`: "title"
  /// (President, профессор), "event" (Declaration, Treaty), "demonym" (Japanese), "ordinal"
  /// (Second), "acronym" (GDP, СМИ: acronyms in capitals that name no one), "adjective"
  /// (International, Cultural), "possessive" (People's, Workers': a name goes on after them).
  func notNames(in language: String, because reason: String) -> HashedKeySet {
    guard let byLanguage = notNamesByReason[reason] else { return HashedKeySet() }
    let everywhere = byLanguage["*"] ?? HashedKeySet()
    return byLanguage[language]?.union(everywhere) ?? everywhere
  }

  /// The head nouns of names in `language`, with the type of name each makes.
  func nameHeads(in language: String) -> [UInt64: String] { headsByLanguage[language] ?? [:] }

  /// The heads whose names take in the place they are in, by the key of the preposition before
  /// it (Russian Embassy in Japan, Посольство России в Японии).
  func placePrepositions(in language: String) -> [UInt64: UInt64] { placePrepositionsByLanguage[language] ?? [:] }

  /// The heads of missions (Embassy, посольство): the place they take in after their preposition
  /// is the state they are accredited to, never a city.
  func accreditedHeads(in language: String) -> HashedKeySet { accreditedHeadsByLanguage[language] ?? HashedKeySet() }

  /// The nouns that stand right before a name's own word in `language` (Cape, острова).
  func wordsBeforeNames(in language: String) -> [UInt64: String] { beforeByLanguage[language] ?? [:] }

  /// The nouns written in lower case before a name in quotes in `language`, with the type of
  /// name they make it (компания «Гидрострой»).
  func wordsBeforeQuotedNames(in language: String) -> [UInt64: String] { quotedByLanguage[language] ?? [:] }

  /// The nouns of bodies that govern a place, written before its name in `language`
  /// (правительство, administration), with the type of the name they make with it.
  func governingNouns(in language: String) -> [UInt64: String] { governingByLanguage[language] ?? [:] }

  /// The nouns that a number sign and a number make a name of in `language` (школа № 12).
  func numberedNouns(in language: String) -> [UInt64: String] { numberedByLanguage[language] ?? [:] }

  /// The nouns written in lower case right after a name in `language` (Sidzuoka prefecture).
  func wordsAfterNames(in language: String) -> [UInt64: String] { afterByLanguage[language] ?? [:] }

  /// Of those, the ones that make a name after a demonym too (Japanese army).
  func wordsAfterDemonyms(in language: String) -> HashedKeySet { afterDemonymsByLanguage[language] ?? HashedKeySet() }

  /// The phrases that join a name to its namesake in `language` (имени, named after), as word keys.
  func namesakePhrases(in language: String) -> [[UInt64]] { namesakePhrasesByLanguage[language] ?? [] }

  /// Whether a Cyrillic word of four letters or more ends in an adjective's case ending.
  func looksLikeAdjective(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
    let folded = Self.folded(word)
    return folded.count >= 4 && adjectiveCaseEndings.contains { folded.suffix($0.count).elementsEqual($0) }
  }

  /// What a Russian word of four letters or more is in the genitive, by its longest ending in
  /// russian-genitive-endings.tsv; nil when it ends in none.
  func genitiveKind(_ word: ArraySlice<Unicode.Scalar>) -> GenitiveKind? {
    let folded = Self.folded(word)
    guard folded.count >= 4 else { return nil }
    return genitiveEndings.lazy.first { folded.suffix($0.ending.count).elementsEqual($0.ending) }?.kind
  }

  /// Whether a Cyrillic word ends like an adjective.
  func isAdjective(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
    let folded = Self.folded(word)
    return russianAdjectiveEndings.contains { ending in
      folded.count > ending.count + 2 && folded.suffix(ending.count).elementsEqual(ending)
    }
  }

  /// Whether a word ends in a patronymic's ending after three letters or more (Petrovna,
  /// Ивановичем).
  func isPatronymic(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
    let folded = Self.folded(word)
    return patronymicEndings.contains { ending in
      folded.count >= ending.count + 3 && folded.suffix(ending.count).elementsEqual(ending)
    }
  }

  /// The words of a list of one word per line, folded, each optionally followed by a tab and
  /// `marker` (japanese-common-stems.txt, japanese-titles.txt).
  private static func markedWords(_ text: String, marker: String, file: String) throws(NameError)
    -> [(word: [Unicode.Scalar], marked: Bool)]
  {
    var words: [(word: [Unicode.Scalar], marked: Bool)] = []
    for (number, line) in lines(text) {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard fields.count <= 2, !fields[0].isEmpty, fields.count == 1 || fields[1] == marker else {
        throw .invalidTable(file: file, line: number, message: "expected a word, and `\(marker)` or nothing")
      }
      words.append((folded(fields[0].unicodeScalars), fields.count == 2))
    }
    return words
  }

  /// Scalars as the mention finder compares them (`ScalarClass.folded`).
  private static func folded(_ scalars: some Sequence<Unicode.Scalar>) -> [Unicode.Scalar] {
    scalars.compactMap { ScalarClass($0).folded }
  }

  private static func lines(_ text: String, keepingComments: Bool = false) -> [(number: Int, line: String)] {
    text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, raw in
      let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
      let trimmed = line.trimmingSpaces()
      if trimmed.isEmpty || (trimmed.hasPrefix("#") && !keepingComments) { return nil }
      return (index + 1, trimmed.hasPrefix("#") ? trimmed : String(line))
    }
  }
}
