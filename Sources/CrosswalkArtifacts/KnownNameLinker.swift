import CrosswalkCore
import CrosswalkLinking
import CrosswalkMentions
import CrosswalkNames

/// Links Latin names the glossary lacks to the places and organizations of known-names.tsv
/// (Habarovsk to Khabarovsk, Kusiro to Kushiro through Кусиро), so that to the name rules a
/// misspelt known place is a variant as a misspelt glossary place is. The finder's mentions stay
/// unresolved for the report: a known name is no entity of the user's glossary.
///
/// Known names are many and were listed to be found, not to be linked fuzzily: a link here must
/// also be plausible as a spelling, which the glossary's links need not show. Holds a linker: one
/// per thread.
public final class KnownNameLinker {
  /// Built when a name is first to be linked: a run over Japanese or Russian text, or one with no
  /// name the glossary lacks, never builds the index of known names.
  private var linker: Linker?
  /// What each surface read so far linked to: most are looked up again and again.
  private var memo = ResolutionMemo()

  /// A link is kept only when the surface is this close to one of the entity's Latin names: edits
  /// per letter of the longer. Nahodoka for Nakhodka is 0.25, MeToo for Mito 0.4, Chery for Chile
  /// (linked through チリ) 0.6, Shell for Royal Dutch Shell (through Шелл) 0.7. A surface that is
  /// the romanization of a name in another script is kept however far (`isRomanized`).
  static let closeness = 0.35
  /// A single word this short links to too many places by chance (Dogo to Togo, Yes to ЕС). A
  /// hyphenated name is one word (Yujino-Sakhalinsk).
  static let shortestWord = 5

  /// The words of the known Latin names, lower-case (built with the linker).
  private var vocabulary: Set<Substring> = []

  /// The finder whose mentions this links: its linker's reading of names is shared.
  public let finder: MentionFinder

  public init(finder: MentionFinder) {
    self.finder = finder
  }

  /// The linker, built on first use.
  private func knownLinker() throws(NameError) -> Linker {
    if let linker { return linker }
    let index = try finder.resources.knownNameIndex()
    let made = finder.linker(on: index)
    for entity in index.glossary.entities {
      for name in entity.names where isLatin(name.text) { vocabulary.formUnion(name.text.lowercased().split(separator: " ")) }
    }
    linker = made
    return made
  }

  /// `mentions`, found by the finder, with the unresolved Latin names linked where a known name
  /// is close enough. The finder links words inside them to the glossary.
  public func linking(_ mentions: [Mention]) throws(NameError) -> [Mention] {
    if memo.count > 50_000 { memo = ResolutionMemo() }
    var linked = mentions
    // Built when a name first links: the words of the document's longer unresolved names.
    var wordsOfOtherNames: Set<Substring>?
    for (position, mention) in mentions.enumerated() {
      // Known names are places and organizations: a person is none of them.
      guard mention.entity == nil, mention.type != "person", isLatin(mention.surface) else { continue }
      // A name with a lower-case word after it (Habarovsk region) is tried without it as well.
      var surface = mention.surface
      var resolution = try link(surface)
      if resolution == nil, let start = capitalizedStart(of: surface) {
        surface = start
        resolution = try link(surface)
      }
      guard let resolution, let entity = resolution.entity,
        mention.type == nil || surface != mention.surface || mention.type == entity.type
      else {
        // A name built on a head noun may hold a misspelt name of the glossary or a known one
        // (Saharin Oblast, Nemuro Promotion Bureau of Hokkaidou): the word stands for it.
        if mention.type == "place" || mention.type == "organization", hasSpace(mention.surface),
          let (offset, word, inner) = try variantWord(
            in: mention.surface, firstWord: mention.type == "place"),
          let entity = inner.entity
        {
          let start = mention.span.start + offset
          linked[position] = Mention(
            span: TextSpan(start: start, end: start + word.unicodeScalars.count), surface: word, entity: entity,
            matchedName: inner.matchedName, type: entity.type, score: inner.score, method: inner.method,
            source: mention.source)
        }
        continue
      }
      // A word the document uses inside a longer unresolved name of a person (or of no known
      // type) belongs to that name: Golovnin in Vasily Golovnin is no village Golovnino.
      if !hasSpace(surface) {
        let words = wordsOfOtherNames ?? Self.wordsOfLongerNames(in: mentions)
        wordsOfOtherNames = words
        if words.contains(Substring(surface)) { continue }
      }
      let span = TextSpan(start: mention.span.start, end: mention.span.start + surface.unicodeScalars.count)
      linked[position] = Mention(
        span: span, surface: surface, entity: entity, matchedName: resolution.matchedName, type: entity.type,
        score: resolution.score, method: resolution.method, source: mention.source)
    }
    return linked
  }

  /// The first word of a name of several words that links, not literally, to a place or an
  /// organization of the glossary or of the known names, and is spelt close to one of its
  /// names: with its offset in scalars and its link. Only a word after 'of' and, in a place's
  /// name, its first word (the places names are built on) are tried: elsewhere a word is the
  /// name's own (Bussan, 'goods', in Maruhoku Bussan is no Busan; Tokio Marine is an insurer's
  /// name, not a misspelt Tokyo).
  private func variantWord(in surface: String, firstWord: Bool) throws(NameError)
    -> (Int, String, Resolution)?
  {
    var offset = 0
    var before: [Substring] = []
    for word in surface.split(separator: " ", omittingEmptySubsequences: false) {
      defer {
        offset += word.unicodeScalars.count + 1
        before.append(word)
      }
      let text = String(word)
      let afterOf = before.last == "of" || (before.last == "the" && before.dropLast().last == "of")
      guard (before.isEmpty && firstWord) || afterOf,
        word.first.map({ TextScan.isUppercase($0.unicodeScalars.first ?? " ") }) == true
      else { continue }
      let glossaryLink = finder.resolve(text)
      // A variant the glossary declares is one however short (RF in government of RF).
      if let declared = glossaryLink, declared.matchedName?.kind == .variant, let entity = declared.entity,
        entity.type != "person"
      {
        return (offset, text, declared)
      }
      guard hasLetters(text, atLeast: Self.shortestWord), isWrittenAsName(text) else { continue }
      let inGlossary = glossaryLink.flatMap { resolution in
        resolution.entity.map { isClose(text, to: $0) } == true ? resolution : nil
      }
      for resolution in [inGlossary, try link(text)] {
        if let resolution, let entity = resolution.entity, entity.type != "person", resolution.method != "literal" {
          return (offset, text, resolution)
        }
      }
    }
    return nil
  }

  private static func wordsOfLongerNames(in mentions: [Mention]) -> Set<Substring> {
    var words: Set<Substring> = []
    for mention in mentions
    where mention.entity == nil && (mention.type == nil || mention.type == "person") && hasSpace(mention.surface) {
      words.formUnion(mention.surface.split(separator: " "))
    }
    return words
  }

  /// The words of `surface` before its first lower-case one, when there are such words after
  /// them: Habarovsk in 'Habarovsk region'.
  private func capitalizedStart(of surface: String) -> String? {
    guard hasSpace(surface) else { return nil }
    let words = surface.split(separator: " ")
    guard let lower = words.firstIndex(where: { $0.first?.isLowercase == true }), lower > 0 else { return nil }
    return words[..<lower].joined(separator: " ")
  }

  private func link(_ surface: String) throws(NameError) -> Resolution? {
    let hash = keyHash(surface)
    if let known = memo.link(hash) { return known }
    let linker = try knownLinker()
    var result: Resolution?
    // A name of several words has one a known name has (Khokkaido University, Ohotsk Sea): most
    // names of several words the glossary lacks are people's, and linking them is dear.
    let plausible =
      hasSpace(surface)
      ? surface.lowercased().split(separator: " ").contains { vocabulary.contains($0) }
      : hasLetters(surface, atLeast: Self.shortestWord)
    // A name too long or odd to link is no link: the mention stays unresolved.
    if plausible, isWrittenAsName(surface), let resolution = try? linker.link(surface), let entity = resolution.entity,
      isClose(surface, to: entity) || (isRomanized(resolution) && !isWordOfLatinName(surface, of: entity))
    {
      result = resolution
    }
    memo.insert(result, for: hash)
    return result
  }

  private func hasLetters(_ word: String, atLeast count: Int) -> Bool {
    var letters = 0
    for scalar in word.unicodeScalars where TextScan.isLetter(scalar) {
      letters += 1
      if letters >= count { return true }
    }
    return false
  }

  /// Close to a Latin name of `entity`, and not that name with a word as a Russian adjective or
  /// the other way round (Severo-Kurilsky, as the district is called, is no misspelt
  /// Severo-Kurilsk; Severo-Kurilsk district no misspelt Severo-Kurilsky District).
  private func isClose(_ surface: String, to entity: Entity) -> Bool {
    let spelled = Array(surface.lowercased().unicodeScalars)
    return entity.names.contains { name in
      guard isLatin(name.text) else { return false }
      let other = Array(name.text.lowercased().unicodeScalars)
      if differsByAdjectiveEndings(spelled, other) { return false }
      return Double(editDistance(spelled, other)) <= Self.closeness * Double(max(spelled.count, other.count))
    }
  }

  /// Whether two names have the same words but for an adjective's ending on some of them.
  private func differsByAdjectiveEndings(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Bool {
    let aWords = a.split(separator: " "), bWords = b.split(separator: " ")
    guard aWords.count == bWords.count else { return false }
    var differs = false
    for (x, y) in zip(aWords, bWords) where !x.elementsEqual(y) {
      let (long, short) = x.count > y.count ? (x, y) : (y, x)
      guard long.starts(with: short),
        Self.adjectiveEndings.contains(String(String.UnicodeScalarView(long.dropFirst(short.count))))
      else { return false }
      differs = true
    }
    return differs
  }

  /// Whether the link is the romanization of one of the entity's names in another script, as a
  /// translation through that script writes it (Nahotoka for ナホトカ, Khakodate for Хакодате):
  /// a spelling as plausible as can be, however far from the English name.
  private func isRomanized(_ resolution: Resolution) -> Bool {
    guard resolution.method == "latin" || resolution.method == "romanization", let matched = resolution.matchedName
    else { return false }
    return !isLatin(matched.text)
  }

  /// Whether `surface` is a word or words of a Latin name of `entity` (Shell of Royal Dutch Shell,
  /// Chugoku of Chugoku region): a short form, not another spelling.
  private func isWordOfLatinName(_ surface: String, of entity: Entity) -> Bool {
    let words = surface.lowercased().split(separator: " ")
    return entity.names.contains { name in
      guard isLatin(name.text) else { return false }
      let nameWords = name.text.lowercased().split(separator: " ")
      return nameWords.count > words.count
        && (0...(nameWords.count - words.count)).contains { Array(nameWords[$0..<($0 + words.count)]) == words }
    }
  }

  /// What a Russian place name takes as an adjective, romanized.
  private static let adjectiveEndings: Set<String> = ["y", "iy", "ij", "ii", "i", "aya", "oye", "oe", "ye"]

  /// Capitalized as a name is, not in capitals throughout (X  LINE, a share button) nor with a
  /// capital inside a word (MeToo, iPhone): such words are brands and shouting, not spellings
  /// of a place.
  private func isWrittenAsName(_ surface: String) -> Bool {
    var lowerCase = false
    var previousLower = false
    for scalar in surface.unicodeScalars {
      let isUpper = TextScan.isUppercase(scalar)
      if isUpper && previousLower { return false }
      previousLower = TextScan.isLowercase(scalar)
      lowerCase = lowerCase || previousLower
    }
    return lowerCase
  }
}

/// Whether `text` holds a space (String.contains(" ") goes through Foundation's string search).
private func hasSpace(_ text: String) -> Bool { text.utf8.contains(0x20) }
