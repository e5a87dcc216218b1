import CrosswalkCore
import Foundation

/// The language a document most likely came through on its way into its own language, inferred
/// from the findings that betray one: Gunashiri (a Russian name through Japanese katakana) says
/// `ja`, exchange rate for курс says `ru`.
public struct TranslationRoute: Sendable, Equatable {
  /// The language (BCP 47), or nil when the evidence is too weak or there is none.
  public let language: String?
  /// How sure the inference is, from 0 to 1; `language` is set from `threshold` on.
  public let score: Double
  /// The findings it rests on, strongest first: "name-variant 'Gunashiri' (ja)".
  public let evidence: [String]
  /// Each language's weight of evidence, for a reviewer weighing a mixed route.
  public let weights: [String: Double]

  /// The score from which a route is named: about two independent pieces of evidence (a name
  /// variant and a calque). One alone is not enough: an English writer may still write Kiev.
  public static let threshold = 0.6

  /// How much one distinct piece of evidence weighs, by rule: a name spelled through another
  /// language's script is hard to produce any other way; an untranslated word or acronym is
  /// nearly as telling; a calque can be a writer's habit.
  static func weight(of rule: String) -> Double {
    switch rule {
    case "name-variant": 3
    case "untranslated-acronym", "untranslated-text": 2
    default: 1
    }
  }

  /// The route of `document` from its findings (of every rule; those without a route are
  /// ignored). The same text counts once, however often and under however many rules, and a
  /// route into the document's own language is no route.
  public init(findings: [Finding], in document: Document) {
    let ownLanguage = document.language.split(separator: "-").first.map(String.init)
    var seen = Set<String>()
    var weights: [String: Double] = [:]
    var pieces: [(language: String, weight: Double, text: String)] = []
    // Strongest first, so that text two rules flag (MID as a name variant and an acronym)
    // counts once, at its higher weight.
    let weighed = findings.filter { $0.route != nil }.enumerated()
      .sorted { (Self.weight(of: $1.element.rule), $0.offset) < (Self.weight(of: $0.element.rule), $1.offset) }
    for (_, finding) in weighed {
      guard let route = finding.route, route != ownLanguage else { continue }
      let text = document.text(of: finding.span)
      guard seen.insert("\(route)\u{0}\(text.lowercased())").inserted else { continue }
      let weight = Self.weight(of: finding.rule)
      weights[route, default: 0] += weight
      pieces.append((route, weight, "\(finding.rule) '\(text)' (\(route))"))
    }
    let ranked = weights.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
    guard let best = ranked.first else {
      self.init(language: nil, score: 0, evidence: [], weights: [:])
      return
    }
    // Evidence for a second language counts half against the first: a Russian text that came
    // into English through Japanese keeps Russian calques and gains katakana names.
    let margin = best.value - (ranked.dropFirst().first?.value ?? 0) / 2
    let score = ((1 - exp(-margin / 4)) * 100).rounded() / 100
    let ordered = pieces.enumerated().sorted { a, b in
      let aBest = a.element.language == best.key
      let bBest = b.element.language == best.key
      if aBest != bBest { return aBest }
      if a.element.weight != b.element.weight { return a.element.weight > b.element.weight }
      return a.offset < b.offset
    }
    self.init(
      language: score >= Self.threshold ? best.key : nil, score: score, evidence: ordered.map(\.element.text),
      weights: weights)
  }

  init(language: String?, score: Double, evidence: [String], weights: [String: Double]) {
    self.language = language
    self.score = score
    self.evidence = evidence
    self.weights = weights
  }

  /// "Japanese (ja)" for the codes routes carry, else the code.
  public static func name(of language: String) -> String {
    let names = [
      "ja": "Japanese", "ru": "Russian", "zh": "Chinese", "uk": "Ukrainian", "ko": "Korean", "de": "German",
      "fr": "French", "es": "Spanish", "el": "Greek", "ar": "Arabic", "he": "Hebrew", "en": "English",
    ]
    return names[language].map { "\($0) (\(language))" } ?? language
  }
}
