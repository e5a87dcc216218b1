/// Something a rule found in a document: where, how serious, what it is and what to do.
public struct Finding: Hashable, Sendable {
  /// The rule's id (`calque`, `glued-words`, …).
  public let rule: String
  public let severity: Severity
  /// Where, in Unicode-scalar offsets into the decoded text (empty for a whole-document finding).
  public let span: TextSpan
  /// One phrase, no trailing period, the thing named in quotes.
  public let message: String
  /// The replacement text or the action, when one is known.
  public let suggestion: String?
  /// What the finding rests on, for a reviewer (the route's evidence, the context word).
  public let evidence: [String]
  /// The language a translation came through, when the finding betrays one (`ja`, `ru`).
  public let route: String?

  public init(
    rule: String, severity: Severity, span: TextSpan, message: String, suggestion: String? = nil,
    evidence: [String] = [], route: String? = nil
  ) {
    self.rule = rule
    self.severity = severity
    self.span = span
    self.message = message
    self.suggestion = suggestion
    self.evidence = evidence
    self.route = route
  }

  /// The same finding at another severity (a configuration's override).
  public func with(severity: Severity) -> Finding {
    Finding(
      rule: rule, severity: severity, span: span, message: message, suggestion: suggestion, evidence: evidence,
      route: route)
  }
}
