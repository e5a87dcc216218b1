import ArgumentParser
import CrosswalkAlignment
import CrosswalkArtifacts
import CrosswalkCore

/// `crosswalk rules [ID]`: the rule catalogue, or one rule with its examples.
struct Rules: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List the artifact rules, or explain one with its examples.",
    discussion: """
      EXAMPLES
        crosswalk rules
        crosswalk rules calque
      """)

  @Argument(help: "A rule id.")
  var id: String?

  func validate() throws {
    if let id, RuleRegistry.description(of: id) == nil, !PairCheck.rules.contains(where: { $0.id == id }) {
      let known = Set(RuleRegistry.descriptions.map(\.id) + PairCheck.rules.map(\.id))
      throw ValidationError("Unknown rule '\(id)'\(didYouMean(id, among: known)). 'crosswalk rules' lists them.")
    }
  }

  func run() {
    if let id, let pair = PairCheck.rules.first(where: { $0.id == id }) {
      print("\(pair.id) (pairs, warning): \(pair.summary)\n")
      print(wrapped(pair.description) + "\n")
      print("Flags:")
      for (source, translation) in pair.triggering { print("  \(source)  ⇄  \(translation)") }
      print("Leaves alone:")
      for (source, translation) in pair.nonTriggering { print("  \(source)  ⇄  \(translation)") }
      return
    }
    guard let id, let rule = RuleRegistry.description(of: id) else {
      let rows =
        RuleRegistry.descriptions.map { ($0.id, $0.severity.rawValue, $0.family.rawValue, $0.summary) }
        + PairCheck.rules.map { ($0.id, "warning", "pairs", $0.summary + " (align, report)") }
      let width = rows.map(\.0.count).max() ?? 0
      for (id, severity, family, summary) in rows.sorted(by: { $0.0 < $1.0 }) {
        print("\(id.padding(width))  \(severity.padding(7))  \(family.padding(10))  \(summary)")
      }
      return
    }
    print("\(rule.id) (\(rule.family.rawValue), \(rule.severity.rawValue)): \(rule.summary)\n")
    print(wrapped(rule.description) + "\n")
    print("Flags (the finding between ⟦ ⟧):")
    for example in rule.triggering { print("  " + example.replacingOccurrences(of: "\n", with: "⏎")) }
    print("Leaves alone:")
    for example in rule.nonTriggering { print("  " + example.replacingOccurrences(of: "\n", with: "⏎")) }
  }
}

extension String {
  fileprivate func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}

/// `text` broken into lines of at most `width` characters at spaces, paragraph by paragraph, as
/// help text is (a rule's description is one paragraph; printed as one line, a terminal breaks it
/// inside words).
func wrapped(_ text: String, width: Int = 80) -> String {
  text.split(separator: "\n", omittingEmptySubsequences: false).map { paragraph in
    var lines: [String] = []
    var line = ""
    for word in paragraph.split(separator: " ") {
      if !line.isEmpty, line.count + 1 + word.count > width {
        lines.append(line)
        line = ""
      }
      line += (line.isEmpty ? "" : " ") + word
    }
    lines.append(line)
    return lines.joined(separator: "\n")
  }.joined(separator: "\n")
}
