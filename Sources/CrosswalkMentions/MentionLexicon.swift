import CrosswalkCore
import CrosswalkGlossaryData
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

  /// Russian endings as folded scalars, longest first.
  let russianEndings: [[Unicode.Scalar]]
  /// Keys of particles that may stand inside a name.
  let particles: HashedKeySet
  /// Keys of words that are not names, by language, those listed for all ("*") included.
  private let notNamesByLanguage: [String: HashedKeySet]
  private let notNamesInAnyLanguage: HashedKeySet
  /// Endings of Russian adjectives (Симодский, Курильской), folded: a capitalized word with one
  /// is a name only when a glossary knows it.
  let russianAdjectiveEndings: [[Unicode.Scalar]]
  /// Words that make an organization of a place before them in Japanese (軍, 政府), folded.
  let japaneseOrganizationSuffixes: [[Unicode.Scalar]]
  /// The key of 'the', trimmed from the front of glossary matches.
  let articleKey: UInt64
  /// Words after a Japanese surname that make it a name (氏, 首相), folded.
  let japaneseTitles: [[Unicode.Scalar]]

  /// The lists built into the binary.
  public static func builtIn() throws(NameError) -> MentionLexicon {
    func file(_ name: String) throws(NameError) -> String {
      guard let text = EmbeddedGlossaries.file(name) else { throw .missingRules(file: name) }
      return text
    }
    return try MentionLexicon(
      endings: file(endingsFile), particles: file(particlesFile), notNames: file(notNamesFile),
      japaneseTitles: file(japaneseTitlesFile), adjectiveEndings: file(adjectiveEndingsFile),
      organizationSuffixes: file(organizationSuffixesFile))
  }

  /// Lists from their texts (the formats of glossaries/mentions/).
  public init(endings: String, particles: String, notNames: String, japaneseTitles: String, adjectiveEndings: String,
    organizationSuffixes: String
  ) throws(NameError) {
    japaneseOrganizationSuffixes = Self.lines(organizationSuffixes).map {
      $0.line.unicodeScalars.compactMap { ScalarClass($0).folded }
    }.sorted { $0.count > $1.count }
    russianAdjectiveEndings = Self.lines(adjectiveEndings).map { Array($0.line.unicodeScalars) }
    self.japaneseTitles = Self.lines(japaneseTitles).map { $0.line.unicodeScalars.compactMap { ScalarClass($0).folded } }
    russianEndings = Self.lines(endings).map { Array($0.line.unicodeScalars) }.sorted { $0.count > $1.count }
    let tokenizer = WordTokenizer(endings: russianEndings)
    articleKey = tokenizer.key(of: "the")
    self.particles = HashedKeySet(Self.lines(particles).map { tokenizer.key(of: $0.line) })
    var table: [String: HashedKeySet] = [:]
    for (number, line) in Self.lines(notNames) {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard fields.count >= 2, !fields[0].isEmpty, !fields[1].isEmpty else {
        throw .invalidTable(file: Self.notNamesFile, line: number, message: "expected language, word and why, tab-separated")
      }
      table[String(fields[0]), default: HashedKeySet()].insert(tokenizer.key(of: String(fields[1])))
    }
    let everywhere = table["*"] ?? HashedKeySet()
    notNamesInAnyLanguage = everywhere
    notNamesByLanguage = table.mapValues { $0.union(everywhere) }
  }

  /// The keys of words that are not names in `language` (a primary tag: "en", "ru").
  func notNames(in language: String) -> HashedKeySet { notNamesByLanguage[language] ?? notNamesInAnyLanguage }

  /// Whether a Cyrillic word ends like an adjective.
  func isAdjective(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
    let folded = word.compactMap { ScalarClass($0).folded }
    return russianAdjectiveEndings.contains { ending in
      folded.count > ending.count + 2 && folded.suffix(ending.count).elementsEqual(ending)
    }
  }

  private static func lines(_ text: String) -> [(number: Int, line: String)] {
    text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, raw in
      let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      return trimmed.isEmpty || trimmed.hasPrefix("#") ? nil : (index + 1, String(line))
    }
  }
}
