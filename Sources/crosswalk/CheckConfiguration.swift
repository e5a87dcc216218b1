import CrosswalkArtifacts
import CrosswalkCore
import CrosswalkGlossary
import Foundation
import Yams

/// The `.crosswalk.yaml` file of `crosswalk check` (docs/check.md): which rules run, their
/// severities, the exit threshold, a baseline, glossaries and paths to leave out. Paths in it are
/// relative to the file's folder. Read in two steps: a walk over the YAML nodes reports every
/// unknown key, rule id and bad value with its line, then the checked tree is decoded.
struct CheckConfiguration: Codable, Equatable, Sendable {
  /// The name looked for in a document's folder and the folders above it.
  static let fileName = ".crosswalk.yaml"
  /// The version this build reads and writes.
  static let currentVersion = 1
  /// The values of keys a file leaves out.
  static let `default` = CheckConfiguration()

  /// Which rules run, as `rules:` and the command line say it.
  struct Rules: Codable, Equatable, Sendable {
    /// When not empty, only these run (unless enabled).
    var only: [String] = []
    /// These do not run (unless enabled).
    var disable: [String] = []
    /// These run whatever `only` and `disable` say.
    var enable: [String] = []

    /// Whether this layer says the rule runs (true), does not (false), or leaves it to the
    /// layer below (nil): enable wins, then disable, then only.
    func decision(for id: String) -> Bool? {
      if enable.contains(id) { return true }
      if disable.contains(id) { return false }
      return only.isEmpty ? nil : only.contains(id)
    }

    /// A selection as the command line's options or the file's `rules:` give it.
    init(only: [String] = [], disable: [String] = [], enable: [String] = []) {
      self.only = only
      self.disable = disable
      self.enable = enable
    }

    /// Decodes `rules:`, each list empty when left out.
    init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      only = try container.decodeIfPresent([String].self, forKey: .only) ?? []
      disable = try container.decodeIfPresent([String].self, forKey: .disable) ?? []
      enable = try container.decodeIfPresent([String].self, forKey: .enable) ?? []
    }
  }

  /// Always `currentVersion` once read: other versions are refused.
  var version = currentVersion
  /// `rules:`: which rules run.
  var rules = Rules()
  /// Severities that replace a rule's default.
  var severity: [String: Severity] = [:]
  /// Exit 1 for findings this severe or more; nil leaves the command's default.
  var failOn: Check.FailOn?
  /// A baseline file, relative to the configuration file.
  var baseline: String?
  /// Glossary files or folders, relative to the configuration file; empty for the built-in ones.
  var glossaries: [String] = []
  /// Globs of documents to leave out (`PathPattern`), relative to the configuration file.
  var exclude: [String] = []

  /// The keys of the file, `fail-on` spelled as in the file.
  enum CodingKeys: String, CodingKey, CaseIterable {
    case version, rules, severity, failOn = "fail-on", baseline, glossaries, exclude
  }

  /// The defaults: every rule at its own severity, nothing else.
  init() {}

  /// Decodes a checked tree, a key left out taking the default instance's value.
  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let base = Self.default
    version = try container.decodeIfPresent(Int.self, forKey: .version) ?? base.version
    rules = try container.decodeIfPresent(Rules.self, forKey: .rules) ?? base.rules
    severity = try container.decodeIfPresent([String: Severity].self, forKey: .severity) ?? base.severity
    failOn = try container.decodeIfPresent(Check.FailOn.self, forKey: .failOn) ?? base.failOn
    baseline = try container.decodeIfPresent(String.self, forKey: .baseline) ?? base.baseline
    glossaries = try container.decodeIfPresent([String].self, forKey: .glossaries) ?? base.glossaries
    exclude = try container.decodeIfPresent([String].self, forKey: .exclude) ?? base.exclude
  }

  // MARK: Finding and reading

  /// The configuration file that applies to `path` (a document or a folder): the first
  /// `.crosswalk.yaml` in its folder (the folder itself for a folder) or any folder above, up to
  /// the file system's root; a relative path is taken from the current folder. The path returned
  /// is relative to the current folder when the file lies under it, else absolute.
  static func find(for path: String) -> String? {
    var isFolder: ObjCBool = false
    let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
    var folder = FilePaths.absolute(exists && isFolder.boolValue ? path : FilePaths.folder(of: path))
    while true {
      let candidate = folder == "/" ? "/" + fileName : folder + "/" + fileName
      var candidateIsFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate, isDirectory: &candidateIsFolder),
        !candidateIsFolder.boolValue
      {
        return FilePaths.display(candidate)
      }
      if folder == "/" { return nil }
      folder = FilePaths.folder(of: folder)
    }
  }

  /// Reads and checks the configuration file at `path`.
  static func read(_ path: String) throws(ConfigurationError) -> CheckConfiguration {
    let text: String
    do {
      text = try TextFile.read(path, limit: 1 << 20)
    } catch {
      throw ConfigurationError(error, what: "configuration")
    }
    return try parse(text, file: path)
  }

  /// Checks and decodes configuration text; `file` names it in diagnostics.
  static func parse(_ text: String, file: String) throws(ConfigurationError) -> CheckConfiguration {
    let parsed: Node?
    do {
      parsed = try Yams.compose(yaml: text)
    } catch {
      throw ConfigurationError(diagnostics: [YAMLSyntax.diagnostic(for: error, in: text, file: file)])
    }
    guard let root = parsed, case .mapping = root else {
      let line = parsed?.mark?.line ?? 1
      throw ConfigurationError(
        file: file, line: line,
        parsed.map(YAMLNodeReader.isNull) ?? true
          ? "empty configuration; start it with 'version: \(currentVersion)'"
          : "a configuration is a mapping of keys, starting with 'version: \(currentVersion)'")
    }
    var reader = YAMLNodeReader(file: file)
    check(root, with: &reader)
    guard reader.diagnostics.isEmpty else { throw ConfigurationError(diagnostics: reader.diagnostics) }
    do {
      return try YAMLDecoder().decode(CheckConfiguration.self, from: root)
    } catch {
      // The walk above accepts only what decodes; this is a safety net, not a message users see.
      throw ConfigurationError(file: file, "cannot read the configuration: \(error)")
    }
  }

  /// Reports every problem of the tree: unknown keys and rule ids (with the closest known
  /// one), values of the wrong shape, a missing or unsupported version.
  private static func check(_ root: Node, with reader: inout YAMLNodeReader) {
    let ruleIDs = RuleRegistry.descriptions.map(\.id)
    func checkRule(_ id: String, at node: Node, reader: inout YAMLNodeReader) {
      guard !ruleIDs.contains(id) else { return }
      reader.error(
        at: node,
        "unknown rule '\(id)'\(didYouMean(id, among: ruleIDs, otherwise: "'crosswalk rules' lists them"))")
    }
    var hasVersion = false
    for (key, _, value) in reader.pairs(of: root, known: CodingKeys.allCases.map(\.rawValue)) {
      switch key {
      case "version":
        hasVersion = true
        if value.int != currentVersion, let text = reader.string(value, for: key) {
          reader.error(
            at: value, "unsupported version '\(text)'; this crosswalk reads version \(currentVersion)")
        }
      case "rules":
        if YAMLNodeReader.isNull(value) { continue }
        guard case .mapping = value else {
          reader.error(at: value, "'rules' must be a mapping with 'disable', 'enable' or 'only'")
          continue
        }
        for (listKey, _, list) in reader.pairs(of: value, known: ["only", "disable", "enable"]) {
          for (id, node) in reader.strings(list, for: listKey, example: "[doubled-word, calque]") {
            checkRule(id, at: node, reader: &reader)
          }
        }
      case "severity":
        if YAMLNodeReader.isNull(value) { continue }
        guard case .mapping(let mapping) = value else {
          reader.error(at: value, "'severity' must be a mapping of rule ids to error, warning or info")
          continue
        }
        for (idNode, levelNode) in mapping {
          guard let id = reader.string(idNode, for: "severity") else { continue }
          checkRule(id, at: idNode, reader: &reader)
          guard let level = reader.string(levelNode, for: id) else { continue }
          if Severity(rawValue: level) == nil {
            let levels = Severity.allCases.map(\.rawValue).reversed()
            reader.error(
              at: levelNode,
              "unknown severity '\(level)' for '\(id)'\(didYouMean(level, among: levels, otherwise: "use \(levels.joined(separator: ", "))"))"
            )
          }
        }
      case "fail-on":
        guard let level = reader.string(value, for: key) else { continue }
        if Check.FailOn(rawValue: level) == nil {
          let levels = Check.FailOn.allCases.map(\.rawValue)
          reader.error(
            at: value,
            "unknown fail-on level '\(level)'\(didYouMean(level, among: levels, otherwise: "use \(levels.joined(separator: ", "))"))"
          )
        }
      case "baseline":
        if YAMLNodeReader.isNull(value) { continue }
        if let path = reader.string(value, for: key), path.isEmpty {
          reader.error(at: value, "empty 'baseline' path")
        }
      default:  // glossaries, exclude: lists of paths or patterns.
        for (item, node) in reader.strings(value, for: key, example: "[\"glossaries/\"]") where item.isEmpty {
          reader.error(at: node, "empty item in '\(key)'")
        }
      }
    }
    if !hasVersion {
      reader.error(at: root, "missing 'version: \(currentVersion)'")
    }
  }
}
