import CrosswalkArtifacts
import CrosswalkCore
import CrosswalkDocuments

/// What `crosswalk check` does once the configuration file and the command line are merged, the
/// command line winning: the rules that run and their severities, the exit threshold, the
/// baseline, the glossaries and the documents left out. The file's paths are resolved against
/// its folder here, so everything downstream opens paths as they are.
struct CheckSettings {
  /// The configuration file read, as shown to the user; nil when none was.
  let configFile: String?
  /// The rules that run, in registry order.
  let rules: [RuleDescription]
  /// Severities that replace rules' defaults.
  let severity: [String: Severity]
  /// Exit 1 for findings this severe or more.
  let failOn: Check.FailOn
  /// The baseline to apply, if any.
  let baseline: String?
  /// Glossary paths; empty for the built-in glossaries.
  let glossaries: [String]
  /// Patterns of documents to leave out, and the folder (absolute) they are relative to.
  let exclude: [PathPattern]
  private let excludeFolder: String

  /// Merges `file` (read from `configFile`) under the command line's choices: the command
  /// line's rule selection decides first, the file's where it says nothing; its --fail-on,
  /// --baseline and --glossary replace the file's values.
  init(
    file: CheckConfiguration?, configFile: String?, rules commandLineRules: CheckConfiguration.Rules,
    failOn: Check.FailOn?, baseline: String?, glossaries: [String]
  ) {
    let file = file ?? .default
    let folder = configFile.map(FilePaths.folder(of:)) ?? "."
    self.configFile = configFile
    rules = RuleRegistry.descriptions.filter { rule in
      commandLineRules.decision(for: rule.id) ?? file.rules.decision(for: rule.id) ?? true
    }
    severity = file.severity
    self.failOn = failOn ?? file.failOn ?? .error
    self.baseline = baseline ?? file.baseline.map { FilePaths.resolve($0, against: folder) }
    self.glossaries =
      glossaries.isEmpty ? file.glossaries.map { FilePaths.resolve($0, against: folder) } : glossaries
    exclude = file.exclude.map(PathPattern.init)
    excludeFolder = FilePaths.absolute(folder)
  }

  /// The finding at the severity the configuration gives its rule.
  func applySeverity(_ finding: Finding) -> Finding {
    severity[finding.rule].map(finding.with(severity:)) ?? finding
  }

  /// The documents not excluded. Files named on the command line are always kept, as are
  /// documents outside the configuration file's folder (patterns cannot name them).
  func keeping(_ sources: [DocumentSource], named arguments: [String]) -> [DocumentSource] {
    guard !exclude.isEmpty else { return sources }
    let named = Set(arguments)
    return sources.filter { source in
      if named.contains(source.path) { return true }
      let relative = FilePaths.relative(FilePaths.absolute(source.path), to: excludeFolder)
      if relative.hasPrefix("../") { return true }
      return !exclude.contains { $0.matches(relative) }
    }
  }

  /// The merged configuration as a `.crosswalk.yaml` would say it (`--print-config`), with the
  /// rules that run listed in a comment. Paths are as the command opens them.
  func yaml() -> String {
    let all = RuleRegistry.descriptions.map(\.id)
    let running = rules.map(\.id)
    // The shortest selection that runs exactly these rules.
    var only: [String] = []
    var disable: [String] = []
    if running.count * 2 >= all.count {
      disable = all.filter { !running.contains($0) }
    } else {
      only = running
    }
    func list(_ items: [String], quoted: Bool) -> String {
      "[" + items.map { quoted ? Self.quoted($0) : $0 }.joined(separator: ", ") + "]"
    }
    var out = "# crosswalk check: the effective configuration\n"
    out += "# from: \(configFile ?? "no configuration file"), then the command line\n"
    out += "version: \(CheckConfiguration.currentVersion)\n"
    out += "rules:\n"
    out += "  only: \(list(only, quoted: false))\n"
    out += "  disable: \(list(disable, quoted: false))\n"
    out += "  enable: []\n"
    if severity.isEmpty {
      out += "severity: {}\n"
    } else {
      out += "severity:\n"
      for (id, level) in severity.sorted(by: { $0.key < $1.key }) { out += "  \(id): \(level.rawValue)\n" }
    }
    out += "fail-on: \(failOn.rawValue)\n"
    out += "baseline: \(baseline.map(Self.quoted) ?? "null")\n"
    out +=
      "glossaries: \(list(glossaries, quoted: true))\(glossaries.isEmpty ? "  # the built-in glossaries" : "")\n"
    if !exclude.isEmpty {
      out += "# exclude patterns match paths relative to \(Self.quoted(FilePaths.display(excludeFolder)))\n"
    }
    out += "exclude: \(list(exclude.map(\.text), quoted: true))\n"
    out += "# rules that run (\(running.count) of \(all.count)): \(running.joined(separator: ", "))\n"
    return out
  }

  /// A double-quoted scalar, which YAML and JSON read back as the same text.
  private static func quoted(_ text: String) -> String {
    var out = ""
    appendDoubleQuoted(text, to: &out)
    return out
  }
}
