import CrosswalkArtifacts
import CrosswalkCore

/// `check --format sarif`: one SARIF 2.1.0 log (OASIS standard, errata 01) with one run, for
/// code-scanning services and editors. Built as documents are checked and written whole at the
/// end, with every object's keys in a fixed order so that the same input gives the same bytes.
///
/// Columns count Unicode scalars (`columnKind` says so) and lines end at CR LF, LF or a lone CR
/// (`newlineSequences`), as in all of Crosswalk's output. Regions are given by line and column
/// only: SARIF does not say in which unit `charOffset` counts, so the scalar offsets go in the
/// result's properties (`start`, `end`) instead. A whole-document finding has no region.
struct SARIFLog {
  /// The schema the log declares, the one `.ci/validate-sarif.py` checks it against.
  static let schema =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

  /// Rules whose suggestion is the literal replacement of the finding's span, given as a SARIF
  /// fix; the others suggest an action or several wordings, which go in the message. Kept here
  /// rather than on the rule until rules declare it themselves; a rule not listed is the safe case.
  static let replacingRules: Set<String> = ["doubled-word", "glued-words", "mojibake", "name-inconsistent"]

  private let rules: [RuleDescription]
  private let ruleIndex: [String: Int]
  private let severity: [String: Severity]
  private var artifacts: [JSON] = []
  private var results: [JSON] = []

  /// A log of a run of `rules`, with `severity` replacing some rules' defaults.
  init(rules: [RuleDescription], severity: [String: Severity]) {
    self.rules = rules
    self.severity = severity
    ruleIndex = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// Adds a checked document and its findings (at their final severities).
  mutating func add(_ document: Document, findings: [Finding]) {
    let index = artifacts.count
    let uri = Self.uri(for: document.path)
    artifacts.append(
      .object([
        ("location", .object([("uri", .string(uri))])),
        ("length", .int(document.encoding.byteCount)),
        ("roles", .array([.string("analysisTarget")])),
        ("encoding", .string(document.encoding.name)),
        ("properties", .object([("id", .string(document.id)), ("language", .string(document.language))])),
      ]))
    let artifactLocation = JSON.object([("uri", .string(uri)), ("index", .int(index))])
    for finding in findings { results.append(result(finding, in: document, at: artifactLocation)) }
  }

  private func result(_ finding: Finding, in document: Document, at artifactLocation: JSON) -> JSON {
    let replaces =
      finding.suggestion != nil && !finding.span.isEmpty && Self.replacingRules.contains(finding.rule)
    var message = finding.message
    if let suggestion = finding.suggestion, !replaces { message += "; suggestion: \(suggestion)" }
    var physical: [(String, JSON)] = [("artifactLocation", artifactLocation)]
    if !finding.span.isEmpty {
      physical.append(("region", region(finding.span, in: document, snippet: true)))
    }
    var fields: [(String, JSON)] = [("ruleId", .string(finding.rule))]
    if let index = ruleIndex[finding.rule] { fields.append(("ruleIndex", .int(index))) }
    fields += [
      ("level", .string(Self.level(finding.severity))),
      ("message", .object([("text", .string(message))])),
      ("locations", .array([.object([("physicalLocation", .object(physical))])])),
    ]
    if replaces, let suggestion = finding.suggestion {
      let replacement = JSON.object([
        ("deletedRegion", region(finding.span, in: document, snippet: false)),
        ("insertedContent", .object([("text", .string(suggestion))])),
      ])
      let change = JSON.object([
        ("artifactLocation", artifactLocation), ("replacements", .array([replacement])),
      ])
      let fix = JSON.object([
        ("description", .object([("text", .string("replace with '\(suggestion)'"))])),
        ("artifactChanges", .array([change])),
      ])
      fields.append(("fixes", .array([fix])))
    }
    var properties: [(String, JSON)] = [("start", .int(finding.span.start)), ("end", .int(finding.span.end))]
    if let suggestion = finding.suggestion { properties.append(("suggestion", .string(suggestion))) }
    if !finding.evidence.isEmpty {
      properties.append(("evidence", .array(finding.evidence.map(JSON.string))))
    }
    if let route = finding.route { properties.append(("route", .string(route))) }
    fields.append(("properties", .object(properties)))
    return .object(fields)
  }

  /// A text region by line and column, the end exclusive as in SARIF.
  private func region(_ span: TextSpan, in document: Document, snippet: Bool) -> JSON {
    let (startLine, startColumn) = document.lines.location(of: span.start)
    let (endLine, endColumn) = document.lines.location(of: span.end)
    var fields: [(String, JSON)] = [
      ("startLine", .int(startLine)), ("startColumn", .int(startColumn)), ("endLine", .int(endLine)),
      ("endColumn", .int(endColumn)),
    ]
    if snippet { fields.append(("snippet", .object([("text", .string(document.text(of: span)))]))) }
    return .object(fields)
  }

  /// The whole log. `executionSuccessful` is false when a document could not be read or checked;
  /// `baselineHidden`, when a baseline was applied, is how many findings it hid.
  func render(executionSuccessful: Bool, baselineHidden: Int?) -> String {
    let descriptors: [JSON] = rules.map { rule in
      .object([
        ("id", .string(rule.id)),
        ("shortDescription", .object([("text", .string(rule.summary))])),
        ("fullDescription", .object([("text", .string(rule.description))])),
        ("defaultConfiguration", .object([("level", .string(Self.level(rule.severity)))])),
        ("properties", .object([("tags", .array([.string(rule.family.rawValue)]))])),
      ])
    }
    var invocation: [(String, JSON)] = [("executionSuccessful", .bool(executionSuccessful))]
    let overrides: [JSON] = rules.enumerated().compactMap { index, rule in
      guard let level = severity[rule.id], level != rule.severity else { return nil }
      return .object([
        ("descriptor", .object([("id", .string(rule.id)), ("index", .int(index))])),
        ("configuration", .object([("level", .string(Self.level(level)))])),
      ])
    }
    if !overrides.isEmpty { invocation.append(("ruleConfigurationOverrides", .array(overrides))) }
    var run: [(String, JSON)] = [
      (
        "tool",
        .object([
          (
            "driver",
            .object([
              ("name", .string("crosswalk")), ("version", .string(CrosswalkVersion.string)),
              ("semanticVersion", .string(CrosswalkVersion.string)), ("rules", .array(descriptors)),
            ])
          )
        ])
      ),
      ("invocations", .array([.object(invocation)])),
      ("columnKind", .string("unicodeCodePoints")),
      ("newlineSequences", .array([.string("\r\n"), .string("\n"), .string("\r")])),
      ("artifacts", .array(artifacts)),
      ("results", .array(results)),
    ]
    if let baselineHidden { run.append(("properties", .object([("baselineHidden", .int(baselineHidden))]))) }
    let log = JSON.object([
      ("$schema", .string(Self.schema)), ("version", .string("2.1.0")), ("runs", .array([.object(run)])),
    ])
    return log.pretty + "\n"
  }

  /// SARIF's word for a severity.
  static func level(_ severity: Severity) -> String {
    switch severity {
    case .error: "error"
    case .warning: "warning"
    case .info: "note"
    }
  }

  /// A path as a URI reference: a relative path stays relative (consumers resolve it against
  /// where the command ran), an absolute one becomes a `file` URI. Every byte but unreserved
  /// characters and '/' is percent-encoded, ':' included, so that no first segment reads as a
  /// scheme.
  static func uri(for path: String) -> String {
    var out = path.hasPrefix("/") ? "file://" : ""
    for byte in path.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
        UInt8(ascii: "~"), UInt8(ascii: "/"):
        out.append(Character(Unicode.Scalar(byte)))
      default:
        let hex = String(byte, radix: 16, uppercase: true)
        out += "%" + (hex.count == 1 ? "0" : "") + hex
      }
    }
    return out
  }
}
