import CrosswalkCore
import CrosswalkMentions
import CrosswalkNames

/// A known entity written in a non-standard rendering (Gunashiri for Kunashir): the link's
/// matched name is a declared variant, or the link needed fuzzy confusions. The route the
/// rendering betrays goes with the finding.
struct NameVariantRule: ArtifactRule {
  static let description = RuleDescription(
    id: "name-variant", family: .names, severity: .warning,
    summary: "a non-standard rendering of a known entity, with its route",
    description: """
      A mention that links to a glossary entity through a variant (a rendering the glossary marks \
      as non-standard, often with the language it came through), through a fuzzy match, or \
      through a spelling no Latin name of the entity has (Saharin: the katakana name サハリン \
      written in Latin letters; Etorohu: another romanization scheme) is flagged with the \
      entity's canonical name as suggestion. Variants that betray a route (Gunashiri: Russian \
      through Japanese katakana) carry it, as does the script of the name a spelling came \
      through; route inference reads it. Names the glossary lacks are read by their spelling \
      (glossaries/artifacts/route-spellings.tsv): a Russian name through Japanese katakana by \
      its ending (Korusakofu: -ofu for -ov), a Japanese name through Russian Cyrillic by its \
      syllables, when every word of the name reads as Japanese (Sigeru Isiba: si for shi), and \
      such a word alone after it.
      """,
    triggering: [
      "Japan claims ⟦Gunashiri⟧ and ⟦Etorobu⟧.", "Talks with ⟦Kisida⟧ ended.", "Ferries to ⟦Saharin⟧ resumed in May.",
      "Prime Minister ⟦Sigeru Isiba⟧ spoke. ⟦Isiba⟧ left.", "The ship reached ⟦Korusakofu⟧ in May.",
    ],
    nonTriggering: [
      "Japan claims Kunashir and Iturup.", "Talks with Kishida ended.", "Визит Кисиды в Москву.",
      "Ferries to Sakhalin resumed in May.", "Talks in the SShA ended.",
      "The Japan Foundation and Eurasia Wire reported it.", "Nikita Mikhalkov met Shigeru Ishiba.",
    ])

  static let readsMentions = true

  private let spellings: RouteSpellings

  init(data: ArtifactData) {
    spellings = RouteSpellings(data.routeSpellings, japanese: data.japanese)
  }

  func findings(in input: RuleInput) -> [Finding] {
    var found: [Finding] = []
    var japaneseWords: Set<Substring> = []
    for mention in input.mentions {
      if mention.entity == nil, let spelled = spellings.read(mention.surface, japaneseWords: &japaneseWords) {
        let language = TranslationRoute.name(of: spelled.route)
        found.append(
          finding(
            mention.span, "'\(mention.surface)' is spelled the way names come through \(language): \(spelled.hint)",
            suggestion: spelled.suggestion, evidence: [spelled.hint, "route \(spelled.route)"], route: spelled.route))
        continue
      }
      guard let entity = mention.entity, let matched = mention.matchedName, let how = Self.respelling(of: mention)
      else { continue }
      // A variant in another script than the canonical name's is a translation, not a variant.
      guard Self.isLatin(mention.surface) == Self.isLatin(entity.name) else { continue }
      // A spelling through another script's name tells the route by that script (Saharin for サハリン).
      let route = matched.route ?? (how == .spelledThrough ? Self.route(ofScriptOf: matched.text) : nil)
      found.append(
        finding(
          mention.span,
          "'\(mention.surface)' is \(how.rawValue) '\(entity.name)'" + (route.map { " (route \($0))" } ?? ""),
          suggestion: entity.name,
          evidence: ["'\(mention.surface)' → \(entity.id) by \(mention.method ?? "link")"] + (route.map { ["route \($0)"] } ?? []),
          route: route))
    }
    return found
  }

  /// How a linked mention is spelled other than its entity's names are.
  enum Respelling: String {
    /// A name the glossary marks as non-standard.
    case variant = "a variant of"
    /// Linked through known confusions only.
    case close = "close to"
    /// A spelling no Latin name of the glossary has, though one of its names has it when
    /// romanized (Saharin for サハリン, Tokio for Токио) or when romanization schemes are
    /// folded (Etorohu).
    case spelledThrough = "a non-standard spelling of"
  }

  /// nil for a mention spelled as a name of its entity is (or one unlinked).
  static func respelling(of mention: Mention) -> Respelling? {
    guard let matched = mention.matchedName else { return nil }
    if matched.kind == .variant { return .variant }
    if mention.method == "fuzzy" { return .close }
    if isLatin(mention.surface), !isAcronym(mention.surface),
      !isLatin(matched.text) || ["latin", "romanization"].contains(mention.method ?? "")
    {
      return .spelledThrough
    }
    return nil
  }

  private static func isLatin(_ text: String) -> Bool { text.unicodeScalars.allSatisfy { $0.value < 0x250 } }

  /// An acronym (SShA) is the acronym rule's.
  private static func isAcronym(_ text: String) -> Bool {
    text.unicodeScalars.filter { $0.properties.isUppercase }.count >= 2 && !text.contains(" ")
  }

  /// The language a name in a non-Latin script points to: kana Japanese, Cyrillic Russian.
  static func route(ofScriptOf name: String) -> String? {
    for scalar in name.unicodeScalars {
      switch scalar.value {
      case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: return "ja"
      case 0x0400...0x04FF: return "ru"
      default: continue
      }
    }
    return nil
  }
}

/// Names the glossary does not have whose spelling shows the writing system they came through
/// (glossaries/artifacts/route-spellings.tsv): Russian names through Japanese katakana by their
/// endings (Korusakofu), Japanese names through Russian Cyrillic or wāpuro by their syllables
/// (Sigeru Isiba, Youko).
struct RouteSpellings {
  /// Longest first, so that -sukaya is read before -suki and dzu before dz.
  private let endings: [RouteSpelling]
  private let syllables: [RouteSpelling]
  private let unjapanese: [String]
  private let japanese: JapaneseSyllables?

  init(_ spellings: [RouteSpelling], japanese: JapaneseSyllables?) {
    func longestFirst(_ place: RouteSpelling.Place) -> [RouteSpelling] {
      spellings.filter { $0.place == place }.sorted { $0.spelling.count > $1.spelling.count }
    }
    endings = longestFirst(.ending)
    syllables = longestFirst(.syllable)
    unjapanese = spellings.filter { $0.place == .unjapanese }.map(\.spelling)
    self.japanese = japanese
  }

  struct Reading {
    let route: String
    /// 'si for shi', '-ofu for -ov'.
    let hint: String
    let suggestion: String?
    /// The words respelled, lower case: as written and as English writes them.
    var words: [(written: Substring, standard: String)] = []
  }

  /// How `surface` shows its route, if it does. `japaneseWords` gathers, document by document,
  /// the words of names that read as Japanese in every word: such a word alone later is read too.
  func read(_ surface: String, japaneseWords: inout Set<Substring>) -> Reading? {
    guard surface.unicodeScalars.allSatisfy({ $0.value < 0x250 }) else { return nil }
    let words = Self.words(of: surface)
    guard !words.isEmpty else { return nil }
    for word in words {
      if let ending = endings.first(where: { word.count >= $0.spelling.count + 3 && word.hasSuffix($0.spelling) }) {
        return Reading(route: ending.route, hint: "-\(ending.spelling) for \(ending.standard ?? "?")", suggestion: nil)
      }
    }
    guard let japanese else { return nil }
    func looksJapanese(_ word: Substring) -> Bool {
      japanese.matches(word) && !unjapanese.contains { word.contains($0) }
    }
    let readsJapanese = words.count >= 2 && words.allSatisfy(looksJapanese)
    if readsJapanese { japaneseWords.formUnion(words) }
    var hints: [String] = []
    var route: String?
    var respelled = surface
    var respelledWords: [(Substring, String)] = []
    for word in words where readsJapanese || japaneseWords.contains(word) {
      let (changed, used) = respell(word)
      guard !used.isEmpty else { continue }
      for spelling in used where !hints.contains("\(spelling.spelling) for \(spelling.standard ?? "?")") {
        hints.append("\(spelling.spelling) for \(spelling.standard ?? "?")")
        route = route ?? spelling.route
      }
      respelled = respelled.replacingOccurrences(of: word, with: changed, options: .caseInsensitive)
      respelledWords.append((word, changed))
    }
    guard let route else { return nil }
    return Reading(
      route: route, hint: hints.joined(separator: ", "), suggestion: capitalizedLike(surface, respelled),
      words: respelledWords)
  }

  /// `word` with each syllable spelling in standard form, and the spellings it had. A vowel
  /// pair (ou, uu) counts only before a consonant or at the end: Inoue is i-no-u-e.
  private func respell(_ word: Substring) -> (String, [RouteSpelling]) {
    let letters = Array(word)
    var result = "", used: [RouteSpelling] = [], i = 0
    next: while i < letters.count {
      for spelling in syllables {
        let pattern = Array(spelling.spelling)
        guard i + pattern.count <= letters.count, Array(letters[i..<i + pattern.count]) == pattern,
          let standard = spelling.standard
        else { continue }
        let after = i + pattern.count
        if pattern.allSatisfy(\.isVowel), after < letters.count, letters[after].isVowel { continue }
        result += standard
        used.append(spelling)
        i = after
        continue next
      }
      result.append(letters[i])
      i += 1
    }
    return (result, used)
  }

  /// The lower-case words of a name, initials left out.
  static func words(of surface: String) -> [Substring] {
    surface.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" }).filter { $0.count > 1 && !$0.contains(".") }
  }

  /// `respelled` (lower case where changed) with the capitals of `surface`'s words.
  func capitalizedLike(_ surface: String, _ respelled: String) -> String {
    var result = "", startOfWord = true
    for character in respelled {
      result += startOfWord ? character.uppercased() : String(character)
      startOfWord = character == " " || character == "-"
    }
    return result
  }
}

extension Character {
  fileprivate var isVowel: Bool { "aeiou".contains(self) }
}
