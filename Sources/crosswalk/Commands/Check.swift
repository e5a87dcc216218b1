import ArgumentParser
import CrosswalkArtifacts
import CrosswalkCore
import CrosswalkDocuments
import CrosswalkLinking
import CrosswalkMentions
import Foundation

/// `crosswalk check`: lint documents for the marks of machine translation and scraping.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Lint documents for translation and scraping artifacts, like a compiler lints code.",
    discussion: """
      Each finding is printed as path:line:column: severity: message [rule-id], with the line and
      a caret under the span; 'crosswalk rules' lists the rules and 'crosswalk rules ID' explains
      one with its examples. The exit code is 1 when a finding is at or above --fail-on (error by
      default), 2 for unreadable input, 0 otherwise.

      Output (jsonl, one object per finding): path, line, column, endLine, endColumn, start, end
      (0-based Unicode-scalar offsets, end exclusive), rule, severity, message, suggestion,
      evidence, route.

      EXAMPLES
        crosswalk check corpus
        crosswalk check article.txt --only calque --only untranslated-acronym
        crosswalk check corpus --disable doubled-word --fail-on warning
        crosswalk check corpus --format jsonl -o findings.jsonl
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, jsonl }
  enum FailOn: String, ExpressibleByArgument, CaseIterable { case error, warning, info, never }

  @OptionGroup var documents: DocumentOptions

  @Option(name: .long, help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
  var format: Format = .text

  @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding is this severe or more: error, warning, info, never.")
  var failOn: FailOn = .error

  @Option(name: .customLong("only"), help: ArgumentHelp("Run only this rule (repeatable).", valueName: "id"))
  var only: [String] = []

  @Option(name: .customLong("disable"), help: ArgumentHelp("Do not run this rule (repeatable).", valueName: "id"))
  var disabled: [String] = []

  @Option(name: .customLong("enable"), help: ArgumentHelp("Run this rule even if disabled (repeatable).", valueName: "id"))
  var enabled: [String] = []

  @OptionGroup var link: LinkOptions

  @OptionGroup var glossary: GlossaryOptions

  @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
  var output: String?

  func validate() throws {
    let known = Set(RuleRegistry.descriptions.map(\.id))
    for id in only + disabled + enabled where !known.contains(id) {
      throw ValidationError("Unknown rule '\(id)'\(didYouMean(id, among: known)). 'crosswalk rules' lists them.")
    }
  }

  /// Whether a rule runs: --only names the set, --disable removes, --enable puts back.
  func runs(_ id: String) -> Bool {
    if enabled.contains(id) { return true }
    if !only.isEmpty && !only.contains(id) { return false }
    return !disabled.contains(id)
  }

  func run() throws {
    let listing = try documents.listing()
    let load = try glossary.load()
    let resources: MentionResources
    let data: ArtifactData
    do {
      data = try ArtifactData.builtIn()
      resources = MentionResources(
        index: try LinkIndex(glossary: load.glossary), lexicon: try MentionLexicon.builtIn(), threshold: link.threshold)
    } catch {
      throw fail(String(describing: error))
    }
    let out = try Output(path: output)
    let colour = output == nil && isatty(1) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    var counts: [Severity: Int] = [:]
    var documentCount = 0
    var failing = false
    if format == .json { out.write("{\n  \"findings\": [") }
    var firstJSON = true
    let failed = try documents.process(
      listing,
      makeWorker: { try ArtifactChecker(data: data, mentions: resources, enabled: runs) },
      work: { checker, document in Result { try checker.check(document) } },
      deliver: { document, result in
        switch result {
        case .failure(let error):
          printDiagnostic("error: \(document.path): \(error)")
        case .success(let findings):
          documentCount += 1
          for finding in findings {
            counts[finding.severity, default: 0] += 1
            if let threshold = failOn.severity, finding.severity >= threshold { failing = true }
            switch format {
            case .text: out.write(FindingText.render(finding, in: document, colour: colour))
            case .jsonl: out.write(FindingText.json(finding, in: document).compact + "\n")
            case .json:
              out.write((firstJSON ? "\n" : ",\n") + "    " + FindingText.json(finding, in: document).compact)
              firstJSON = false
            }
          }
        }
      })
    switch format {
    case .text: out.write(FindingText.summary(counts, documents: documentCount))
    case .json: out.write((firstJSON ? "" : "\n  ") + "]\n}\n")
    case .jsonl: break
    }
    try out.finish()
    if failed { throw ExitCode(2) }
    if failing { throw ExitCode(1) }
  }
}

extension Check.FailOn {
  var severity: Severity? {
    switch self {
    case .error: .error
    case .warning: .warning
    case .info: .info
    case .never: nil
    }
  }
}

/// How findings are written for people and for programs.
enum FindingText {
  /// `path:line:column: severity: message [rule-id]`, the line, and a caret under the span.
  static func render(_ finding: Finding, in document: Document, colour: Bool) -> String {
    let (line, column) = document.lines.location(of: finding.span.start)
    let severity = finding.severity.rawValue
    let painted =
      colour ? "\u{1B}[1;\(finding.severity == .error ? 31 : finding.severity == .warning ? 33 : 36)m\(severity)\u{1B}[0m" : severity
    var text = "\(document.path):\(line):\(column): \(painted): \(finding.message) [\(finding.rule)]\n"
    if let suggestion = finding.suggestion { text += "  suggestion: \(suggestion)\n" }
    if let lineSpan = document.lines.span(ofLine: line, in: document.scalars), !lineSpan.isEmpty {
      // Long lines (a paragraph) are cut around the span so that the caret stays on screen.
      let from = max(lineSpan.start, finding.span.start - 60)
      let to = min(lineSpan.end, max(finding.span.end, finding.span.start + 1) + 60)
      let shown = document.text(of: TextSpan(start: from, end: to)).map { $0 == "\t" ? " " : $0 }
      let lead = from > lineSpan.start ? "…" : ""
      text += "  " + lead + String(shown) + (to < lineSpan.end ? "…" : "") + "\n"
      let width = max(1, min(finding.span.end, to) - finding.span.start)
      text += "  " + String(repeating: " ", count: lead.count + finding.span.start - from) + "^"
        + String(repeating: "~", count: width - 1) + "\n"
    }
    return text
  }

  /// '12 warnings, 3 errors in 5 documents'.
  static func summary(_ counts: [Severity: Int], documents: Int) -> String {
    func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
    let parts = [(Severity.error, "error"), (.warning, "warning"), (.info, "info")].compactMap { severity, word in
      counts[severity].map { count($0, word) }
    }
    return (parts.isEmpty ? "no findings" : parts.joined(separator: ", ")) + " in " + count(documents, "document") + "\n"
  }

  /// The jsonl contract of DESIGN.md, with start and end, then the route.
  static func json(_ finding: Finding, in document: Document) -> JSON {
    let (line, column) = document.lines.location(of: finding.span.start)
    let (endLine, endColumn) = document.lines.location(of: finding.span.end)
    return .object([
      ("path", .string(document.path)), ("line", .int(line)), ("column", .int(column)), ("endLine", .int(endLine)),
      ("endColumn", .int(endColumn)), ("start", .int(finding.span.start)), ("end", .int(finding.span.end)),
      ("rule", .string(finding.rule)), ("severity", .string(finding.severity.rawValue)),
      ("message", .string(finding.message)), ("suggestion", .optional(finding.suggestion)),
      ("evidence", .array(finding.evidence.map(JSON.string))), ("route", .optional(finding.route)),
    ])
  }
}
