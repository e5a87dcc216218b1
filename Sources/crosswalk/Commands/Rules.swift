import ArgumentParser
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
    if let id, RuleRegistry.description(of: id) == nil {
      let known = Set(RuleRegistry.descriptions.map(\.id))
      throw ValidationError("Unknown rule '\(id)'\(didYouMean(id, among: known)). 'crosswalk rules' lists them.")
    }
  }

  func run() {
    guard let id, let rule = RuleRegistry.description(of: id) else {
      let width = RuleRegistry.descriptions.map(\.id.count).max() ?? 0
      for rule in RuleRegistry.descriptions {
        let padded = rule.id + String(repeating: " ", count: width - rule.id.count)
        print("\(padded)  \(rule.severity.rawValue.padding(7))  \(rule.family.rawValue.padding(10))  \(rule.summary)")
      }
      return
    }
    print("\(rule.id) (\(rule.family.rawValue), \(rule.severity.rawValue)): \(rule.summary)\n")
    print(rule.description + "\n")
    print("Flags (the finding between ⟦ ⟧):")
    for example in rule.triggering { print("  " + example.replacingOccurrences(of: "\n", with: "⏎")) }
    print("Leaves alone:")
    for example in rule.nonTriggering { print("  " + example.replacingOccurrences(of: "\n", with: "⏎")) }
  }
}

extension String {
  fileprivate func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
