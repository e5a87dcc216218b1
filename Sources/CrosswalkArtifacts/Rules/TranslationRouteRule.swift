import CrosswalkCore

/// One `info` finding per document: the language it was most likely translated through, with
/// the score and the findings it rests on (`TranslationRoute`).
struct TranslationRouteRule: SummaryRule {
  static let description = RuleDescription(
    id: "translation-route", family: .provenance, severity: .info,
    summary: "the language a document was most likely translated through, with the evidence",
    description: """
      Findings of other rules that betray a language carry it as their route: a name spelled \
      through Japanese katakana (Gunashiri, Etorobu) says ja, a Russian calque (exchange rate for \
      курс) or acronym (SVO) says ru, untranslated Cyrillic says ru. Each distinct piece counts \
      once, name variants most; evidence for a second language counts half against the first, \
      since a text can keep the calques of its original and gain the names of a middle language. \
      A route is named from a score of 0.6, about two independent pieces of evidence; below that \
      the finding says none. The finding is placed at the start of the document.
      """,
    triggering: [
      "Japan claims Gunashiri and Etorobu.", "The exchange rate of Moscow is unchanged, said the MID.",
      "The island of Kunashir is disputed.",
    ],
    nonTriggering: [])

  init(data: ArtifactData) {}

  func findings(in input: RuleInput) -> [Finding] { [] }

  func findings(in input: RuleInput, after others: [Finding]) -> [Finding] {
    let route = TranslationRoute(findings: others, in: input.document)
    let message: String
    if let language = route.language {
      message = "likely translated through \(TranslationRoute.name(of: language)), score \(route.score)"
    } else if route.evidence.isEmpty {
      message = "no sign of a translation route"
    } else {
      message = "no clear translation route (score \(route.score))"
    }
    return [
      finding(
        TextSpan(start: 0, end: 0), message, evidence: route.evidence + Self.weights(route), route: route.language)
    ]
  }

  /// "weights: ja 15, ru 7" when more than one language has evidence.
  private static func weights(_ route: TranslationRoute) -> [String] {
    guard route.weights.count > 1 else { return [] }
    let listed = route.weights.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
      .map { "\($0.key) \($0.value.formatted)" }
    return ["weights: " + listed.joined(separator: ", ")]
  }
}

extension Double {
  /// 15 rather than 15.0; 2.5 as it is.
  fileprivate var formatted: String { self == rounded() ? String(Int(self)) : String(self) }
}
