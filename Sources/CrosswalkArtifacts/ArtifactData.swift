import Foundation
import CrosswalkCore
import CrosswalkGlossaryData
import CrosswalkNames

/// A calque or false friend of glossaries/artifacts/calques.tsv.
public struct Calque: Sendable {
  /// Lower-case words as machine translation writes them.
  public let words: [String]
  /// The language it betrays.
  public let source: String
  public let meaning: String
  public let suggestion: String?
  /// Words or phrases of which one must be in the sentence (none: the phrase is always a calque).
  public let requires: [[String]]
  /// Words or phrases that, in the sentence, show the phrase is meant literally.
  public let cancels: [[String]]
}

/// A transliterated acronym of glossaries/artifacts/acronyms.tsv.
public struct ForeignAcronym: Sendable {
  /// Its tokens as written (`VS RF` is two).
  public let tokens: [String]
  public let source: String
  public let expansion: String
  public let suggestion: String?
  public let cancels: [[String]]
}

/// A spelling of glossaries/artifacts/route-spellings.tsv: how a name the glossary lacks shows
/// the writing system it came through.
public struct RouteSpelling: Sendable {
  public enum Place: String, Sendable { case ending, syllable, unjapanese }
  public let place: Place
  /// Lower case, as written.
  public let spelling: String
  public let route: String
  /// What English writes instead, when the spelling tells.
  public let standard: String?
}

/// A pattern of glossaries/artifacts/boilerplate.tsv.
public struct BoilerplatePattern: Sendable {
  public enum Scope: String, Sendable { case line, heading, start, inline }
  public let id: String
  /// `boilerplate` or `translator-marker`.
  public let rule: String
  public let scope: Scope
  /// An ICU regular expression, matched case-insensitively.
  public let pattern: String
  public let suggestion: String?
  /// The line of boilerplate.tsv it was read from, for error messages.
  public let line: Int
}

/// Letter case that looks wrong but is right, of glossaries/artifacts/letter-case.tsv: the
/// exceptions of the case-anomaly rule.
public struct LetterCaseExceptions: Sendable {
  /// Words with a capital right after a lower-case first letter, exactly as written (jQuery).
  public let mixed: Set<String>
  /// Lower-case name particles that may open a sentence before a capitalized name (de Gaulle).
  public let particles: Set<String>
  /// Names written in lower case that may open a sentence (adidas).
  public let lowercase: Set<String>
  /// Lower-cased words of five or more letters that take a full stop inside a sentence (approx).
  public let abbreviations: Set<String>

  public init(
    mixed: Set<String> = [], particles: Set<String> = [], lowercase: Set<String> = [],
    abbreviations: Set<String> = []
  ) {
    self.mixed = mixed
    self.particles = particles
    self.lowercase = lowercase
    self.abbreviations = abbreviations
  }
}

/// The lists the rules read, loaded once from glossaries/artifacts and shared by all threads.
public struct ArtifactData: Sendable {
  public let calques: [Calque]
  public let acronyms: [ForeignAcronym]
  public let boilerplate: [BoilerplatePattern]
  /// Words whose doubling is English ('that that', 'had had') or that pair with themselves
  /// around 'and' ('more and more').
  public let allowedDoubles: Set<String>
  /// Capitalized words that start a sentence glued to the word before it (UkraineOn).
  public let sentenceOpeners: Set<String>
  /// Exceptions to the case-anomaly rule.
  public let letterCase: LetterCaseExceptions
  public let routeSpellings: [RouteSpelling]
  /// Which Latin words read as Japanese (glossaries/transforms/japanese-syllables.txt), for
  /// the syllables of `routeSpellings`; nil: none does.
  public let japanese: JapaneseSyllables?

  public static let folder = "artifacts/"

  public init(
    calques: [Calque], acronyms: [ForeignAcronym], boilerplate: [BoilerplatePattern], allowedDoubles: Set<String>,
    sentenceOpeners: Set<String>, letterCase: LetterCaseExceptions = LetterCaseExceptions(),
    routeSpellings: [RouteSpelling] = [], japanese: JapaneseSyllables? = nil
  ) {
    self.calques = calques
    self.acronyms = acronyms
    self.boilerplate = boilerplate
    self.allowedDoubles = allowedDoubles
    self.sentenceOpeners = sentenceOpeners
    self.letterCase = letterCase
    self.routeSpellings = routeSpellings
    self.japanese = japanese
  }

  /// The built-in lists.
  public static func builtIn() throws(ArtifactError) -> ArtifactData {
    func file(_ name: String) throws(ArtifactError) -> String {
      guard let text = EmbeddedGlossaries.file(folder + name) else { throw .missingData(file: folder + name) }
      return text
    }
    return try ArtifactData(
      calques: calques(try file("calques.tsv"), file: folder + "calques.tsv"),
      acronyms: acronyms(try file("acronyms.tsv"), file: folder + "acronyms.tsv"),
      boilerplate: boilerplate(try file("boilerplate.tsv"), file: folder + "boilerplate.tsv"),
      allowedDoubles: Set(words(try file("allowed-doubles.txt"))),
      sentenceOpeners: Set(words(try file("sentence-openers.txt"))),
      letterCase: letterCase(try file("letter-case.tsv"), file: folder + "letter-case.tsv"),
      routeSpellings: routeSpellings(try file("route-spellings.tsv"), file: folder + "route-spellings.tsv"),
      japanese: try japaneseSyllables())
  }

  /// The syllables of glossaries/transforms, read as the name normalizer reads them.
  private static func japaneseSyllables() throws(ArtifactError) -> JapaneseSyllables {
    let name = NameRules.files.japanese
    guard let text = EmbeddedGlossaries.file(name) else { throw .missingData(file: name) }
    do { return try JapaneseSyllables(text: text, file: name) } catch { throw .invalidData(file: name, line: 0, message: "\(error)") }
  }

  static func routeSpellings(_ text: String, file: String) throws(ArtifactError) -> [RouteSpelling] {
    var spellings: [RouteSpelling] = []
    for (line, f) in try rows(text, file: file, fields: 4) {
      guard let place = RouteSpelling.Place(rawValue: f[0]) else {
        throw .invalidData(file: file, line: line, message: "'\(f[0])' is not 'ending', 'syllable' or 'unjapanese'")
      }
      guard f[1] == f[1].lowercased() else {
        throw .invalidData(file: file, line: line, message: "spelling '\(f[1])' is not in lower case")
      }
      spellings.append(RouteSpelling(place: place, spelling: f[1], route: f[2], standard: optional(f[3])))
    }
    return spellings
  }

  /// The rows of a tab-separated file: comments (#) and blank lines skipped, each with its line
  /// number, exactly `fields` fields or an error naming the line.
  static func rows(_ text: String, file: String, fields: Int) throws(ArtifactError) -> [(line: Int, fields: [String])] {
    var rows: [(Int, [String])] = []
    for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
      if line.allSatisfy({ $0 == " " }) || line.hasPrefix("#") { continue }
      let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
      guard parts.count == fields else {
        throw .invalidData(file: file, line: index + 1, message: "expected \(fields) tab-separated fields, found \(parts.count)")
      }
      if let empty = parts.firstIndex(where: \.isEmpty) {
        throw .invalidData(file: file, line: index + 1, message: "field \(empty + 1) is empty (write '-' for none)")
      }
      rows.append((index + 1, parts))
    }
    return rows
  }

  /// Lower-case words of a phrase.
  static func phraseWords(_ phrase: String) -> [String] {
    phrase.lowercased().split(whereSeparator: { $0 == " " }).map(String.init)
  }

  /// A comma-separated list of phrases, or none for '-'.
  static func phrases(_ field: String) -> [[String]] {
    field == "-" ? [] : field.split(separator: ",").map { phraseWords(String($0)) }.filter { !$0.isEmpty }
  }

  static func optional(_ field: String) -> String? { field == "-" ? nil : field }

  static func calques(_ text: String, file: String) throws(ArtifactError) -> [Calque] {
    try rows(text, file: file, fields: 6).map { (row) throws(ArtifactError) in
      let f = row.fields
      let words = phraseWords(f[0])
      guard !words.isEmpty else { throw .invalidData(file: file, line: row.line, message: "empty phrase") }
      return Calque(
        words: words, source: f[1], meaning: f[2], suggestion: optional(f[3]), requires: phrases(f[4]),
        cancels: phrases(f[5]))
    }
  }

  static func acronyms(_ text: String, file: String) throws(ArtifactError) -> [ForeignAcronym] {
    try rows(text, file: file, fields: 5).map { (row) throws(ArtifactError) in
      let f = row.fields
      let tokens = f[0].split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
      // The rule looks up only words that start with a Latin capital and have two letters or more.
      guard !tokens.isEmpty,
        tokens.allSatisfy({ $0.unicodeScalars.count >= 2 && ("A"..."Z").contains($0.unicodeScalars.first ?? " ") })
      else {
        throw .invalidData(
          file: file, line: row.line, message: "acronym '\(f[0])' must be words of two or more letters starting with A-Z")
      }
      return ForeignAcronym(
        tokens: tokens, source: f[1],
        expansion: f[2], suggestion: optional(f[3]), cancels: phrases(f[4]))
    }
  }

  static func boilerplate(_ text: String, file: String) throws(ArtifactError) -> [BoilerplatePattern] {
    var seen: Set<String> = []
    return try rows(text, file: file, fields: 5).map { (row) throws(ArtifactError) in
      let f = row.fields
      guard let scope = BoilerplatePattern.Scope(rawValue: f[2]) else {
        throw .invalidData(file: file, line: row.line, message: "scope '\(f[2])' is not 'line', 'heading', 'start' or 'inline'")
      }
      guard f[1] == "boilerplate" || f[1] == "translator-marker" else {
        throw .invalidData(file: file, line: row.line, message: "rule '\(f[1])' is not 'boilerplate' or 'translator-marker'")
      }
      guard seen.insert(f[0]).inserted else {
        throw .invalidData(file: file, line: row.line, message: "id '\(f[0])' is used twice")
      }
      return BoilerplatePattern(
        id: f[0], rule: f[1], scope: scope, pattern: f[3], suggestion: optional(f[4]), line: row.line)
    }
  }

  /// The exceptions of letter-case.tsv; a line of an unknown kind, a word the rule would never
  /// flag or a word listed twice is an error naming its line.
  static func letterCase(_ text: String, file: String) throws(ArtifactError) -> LetterCaseExceptions {
    var mixed: Set<String> = [], particles: Set<String> = [], lowercase: Set<String> = []
    var abbreviations: Set<String> = []
    for row in try rows(text, file: file, fields: 2) {
      let kind = row.fields[0], word = row.fields[1]
      guard word.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic }) else {
        throw .invalidData(file: file, line: row.line, message: "'\(word)' is not one word of letters")
      }
      let inserted: Bool
      switch kind {
      case "mixed":
        // A line the shape test would never flag is a mistake in the file, not an exception.
        let letters = Array(word.unicodeScalars)
        guard letters.count >= 3, letters[0].properties.isLowercase, letters[1].properties.isUppercase else {
          throw .invalidData(
            file: file, line: row.line,
            message: "'\(word)' does not start with a lower-case letter and a capital")
        }
        inserted = mixed.insert(word).inserted
      case "particle", "lowercase":
        guard word == word.lowercased() else {
          throw .invalidData(file: file, line: row.line, message: "'\(word)' is not in lower case")
        }
        inserted = kind == "particle" ? particles.insert(word).inserted : lowercase.insert(word).inserted
      case "abbreviation":
        guard word.unicodeScalars.count >= 5 || isLatin(word) else {
          throw .invalidData(
            file: file, line: row.line,
            message: "'\(word)' has fewer than five letters and is not Latin; such words need no line")
        }
        inserted = abbreviations.insert(word.lowercased()).inserted
      default:
        throw .invalidData(
          file: file, line: row.line,
          message: "kind '\(kind)' is not 'mixed', 'particle', 'lowercase' or 'abbreviation'")
      }
      guard inserted else {
        throw .invalidData(file: file, line: row.line, message: "'\(word)' is listed twice")
      }
    }
    return LetterCaseExceptions(
      mixed: mixed, particles: particles, lowercase: lowercase, abbreviations: abbreviations)
  }

  /// One word per line, lower case; comments (#) skipped.
  static func words(_ text: String) -> [String] {
    text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() }
      .filter { !$0.isEmpty && !$0.hasPrefix("#") }
  }
}
