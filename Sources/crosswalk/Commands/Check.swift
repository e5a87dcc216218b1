import ArgumentParser
import CrosswalkAlignment
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
      Each finding is printed as path:line:column: severity: message [rule-id], with \
      the line and a caret under the span; 'crosswalk rules' lists the rules and \
      'crosswalk rules ID' explains one with its examples. The exit code is 1 when a \
      finding is at or above --fail-on (error by default), 2 for unreadable input or \
      a bad configuration or baseline, 0 otherwise.

      Output: text; json and jsonl (one object per finding: path, line, column, \
      endLine, endColumn, start, end (0-based Unicode-scalar offsets, end \
      exclusive), rule, severity, message, suggestion, evidence, route); sarif \
      (SARIF 2.1.0, columns in Unicode code points).

      Configuration: the first .crosswalk.yaml in the first path's folder or a \
      folder above it (or --config FILE; --no-config for none) sets version: 1, \
      rules (disable, enable, only), severity (rule: error|warning|info), fail-on, \
      baseline, glossaries and exclude, with paths relative to the file. Options on \
      the command line win. --print-config shows the result.

      Baseline: --write-baseline FILE records the current findings (and exits 0); \
      --baseline FILE (or 'baseline:' in the configuration) hides the findings it \
      records, matched by document, rule, text and context rather than by line, so \
      that edits elsewhere keep them hidden. docs/check.md describes the formats.

      EXAMPLES
        crosswalk check corpus
        crosswalk check article.txt --only calque --only untranslated-acronym
        crosswalk check corpus --disable doubled-word --fail-on warning
        crosswalk check corpus --format jsonl -o findings.jsonl
        crosswalk check corpus --format sarif -o crosswalk.sarif
        crosswalk check corpus --print-config
        crosswalk check corpus --config ci/crosswalk.yaml --fail-on warning
        crosswalk check corpus --write-baseline corpus/.crosswalk-baseline.json
        crosswalk check corpus --baseline corpus/.crosswalk-baseline.json
      """
  )

  /// The output formats of `--format`.
  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, jsonl, sarif }
  /// The levels of `--fail-on` and the configuration's `fail-on`.
  enum FailOn: String, ExpressibleByArgument, CaseIterable, Codable, Sendable {
    case error, warning, info, never
  }

  @OptionGroup var documents: DocumentOptions

  @Option(name: .long, help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
  var format: Format = .text

  @Option(
    name: .customLong("fail-on"),
    help: ArgumentHelp(
      "Exit 1 when a finding is this severe or more: error (the default), warning, info, never.",
      valueName: "level"))
  var failOn: FailOn?

  @Option(name: .customLong("only"), help: ArgumentHelp("Run only this rule (repeatable).", valueName: "id"))
  var only: [String] = []

  @Option(
    name: .customLong("disable"), help: ArgumentHelp("Do not run this rule (repeatable).", valueName: "id"))
  var disabled: [String] = []

  @Option(
    name: .customLong("enable"),
    help: ArgumentHelp("Run this rule even if disabled (repeatable).", valueName: "id"))
  var enabled: [String] = []

  @Option(
    name: .customLong("config"),
    help: ArgumentHelp(
      "Read this configuration file instead of looking for .crosswalk.yaml.", valueName: "file"))
  var configFile: String?

  @Flag(name: .customLong("no-config"), help: "Read no configuration file.")
  var noConfig = false

  @Flag(
    name: .customLong("print-config"),
    help: "Print the configuration in effect (file and options merged) and stop.")
  var printConfig = false

  @Option(
    name: .customLong("baseline"),
    help: ArgumentHelp("Hide the findings recorded in this baseline file.", valueName: "file"))
  var baseline: String?

  @Option(
    name: .customLong("write-baseline"),
    help: ArgumentHelp(
      "Record every current finding in this baseline file (atomically); exit 0.", valueName: "file"))
  var writeBaseline: String?

  @OptionGroup var link: LinkOptions

  @OptionGroup var glossary: GlossaryOptions

  @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
  var output: String?

  func validate() throws {
    let known = Set(RuleRegistry.descriptions.map(\.id))
    for id in only + disabled + enabled where !known.contains(id) {
      if PairCheck.rules.contains(where: { $0.id == id }) {
        throw ValidationError("'\(id)' compares a translation with its source: 'crosswalk align' and 'crosswalk report' run it.")
      }
      throw ValidationError(
        "Unknown rule '\(id)'\(didYouMean(id, among: known)). 'crosswalk rules' lists them.")
    }
    if noConfig && configFile != nil {
      throw ValidationError("--config and --no-config cannot be used together.")
    }
  }

  /// The configuration file's settings under the command line's, or exit 2 with every problem
  /// of the file.
  func settings() throws -> CheckSettings {
    var file: CheckConfiguration?
    var path: String?
    if !noConfig {
      path = configFile ?? documents.paths.first.flatMap(CheckConfiguration.find(for:))
      if configFile == nil {
        // One configuration serves the whole run: say so when another path lies under another.
        let used =
          path.map { "this run uses '\($0)', found from the first path" } ?? "the first path has none"
        for other in documents.paths.dropFirst() {
          if let nearer = CheckConfiguration.find(for: other), nearer != path {
            printDiagnostic("warning: '\(other)' is under '\(nearer)', which is not read; \(used)")
          }
        }
      }
      if let path {
        do {
          file = try CheckConfiguration.read(path)
        } catch {
          for diagnostic in error.diagnostics { printDiagnostic("\(diagnostic)") }
          throw ExitCode(2)
        }
      }
    }
    return CheckSettings(
      file: file, configFile: path,
      rules: CheckConfiguration.Rules(only: only, disable: disabled, enable: enabled),
      failOn: failOn, baseline: baseline, glossaries: glossary.paths)
  }

  func run() throws {
    let settings = try settings()
    if printConfig {
      let out = try Output(path: output)
      out.write(settings.yaml())
      try out.finish()
      return
    }
    var listing = try documents.listing()
    listing.sources = settings.keeping(listing.sources, named: documents.paths)
    // A baseline being written records every finding: the one in use, if any, is not applied.
    var applied: Baseline?
    if writeBaseline == nil, let path = settings.baseline {
      do {
        applied = try Baseline.read(path)
      } catch {
        for diagnostic in error.diagnostics { printDiagnostic("\(diagnostic)") }
        throw ExitCode(2)
      }
    }
    let recordFolder = writeBaseline.map { FilePaths.absolute(FilePaths.folder(of: $0)) }
    // Opened before the work, so that an unwritable baseline stops the command at once.
    let baselineFile: AtomicFileWriter?
    do {
      baselineFile = try writeBaseline.map { (path) throws(OutputError) in try AtomicFileWriter(path: path) }
    } catch {
      throw fail(error)
    }
    let load = try loadGlossaries(settings.glossaries, failOnError: true)
    let resources: MentionResources
    let data: ArtifactData
    do {
      data = try ArtifactData.builtIn()
      resources = try MentionResources(glossary: load.glossary, threshold: link.threshold)
    } catch {
      throw fail(String(describing: error))
    }
    let out = try Output(path: output)
    let colour = output == nil && isatty(1) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    let running = Set(settings.rules.map(\.id))
    var counts: [Severity: Int] = [:]
    var documentCount = 0
    var hidden = 0
    var recorded: [Baseline.Entry] = []
    var sarif = SARIFLog(rules: settings.rules, severity: settings.severity)
    var failing = false
    var checkFailed = false
    if format == .json { out.write("{\n  \"findings\": [") }
    var firstJSON = true
    let failed = try documents.process(
      listing,
      makeWorker: { try ArtifactChecker(data: data, mentions: resources, enabled: { running.contains($0) }) },
      work: { checker, document in Result { try checker.check(document) } },
      deliver: { document, result in
        switch result {
        case .failure(let error):
          printDiagnostic("error: \(document.path): \(error)")
          checkFailed = true
        case .success(let found):
          documentCount += 1
          var findings = found.map(settings.applySeverity)
          if let recordFolder {
            let path = Baseline.path(of: document.path, relativeTo: recordFolder)
            recorded += findings.map { Baseline.entry(for: $0, in: document, path: path) }
          } else if let applied {
            let filtered = applied.filter(findings, in: document)
            findings = filtered.kept
            hidden += filtered.hidden
          }
          var bytes: [UInt8] = []
          for finding in findings {
            counts[finding.severity, default: 0] += 1
            if let threshold = settings.failOn.severity, finding.severity >= threshold { failing = true }
            switch format {
            case .text: out.write(FindingText.render(finding, in: document, colour: colour))
            case .jsonl:
              FindingText.appendJSON(finding, in: document, to: &bytes)
              bytes.write(UInt8(ascii: "\n"))
            case .json:
              bytes.write(firstJSON ? "\n    " : ",\n    ")
              FindingText.appendJSON(finding, in: document, to: &bytes)
              firstJSON = false
            case .sarif: break
            }
          }
          if !bytes.isEmpty { out.write(bytes: bytes) }
          if format == .sarif { sarif.add(document, findings: findings) }
        }
      })
    switch format {
    case .text:
      out.write(FindingText.summary(counts, documents: documentCount, hidden: applied == nil ? nil : hidden))
    case .json: out.write((firstJSON ? "" : "\n  ") + "]\n}\n")
    case .jsonl: break
    case .sarif:
      out.write(
        sarif.render(
          executionSuccessful: !failed && !checkFailed, baselineHidden: applied == nil ? nil : hidden))
    }
    if let baselineFile {
      // A baseline without the findings of a document that failed would report them all as
      // new once it reads again: the old baseline, if any, is left as it was.
      guard !failed && !checkFailed else {
        try out.finish()
        throw fail("baseline '\(baselineFile.path)' not written: not every document could be checked")
      }
      do {
        try baselineFile.write(Baseline.render(recorded))
        try baselineFile.commit()
      } catch {
        throw fail(error)
      }
      if !documents.quiet {
        printDiagnostic(
          "wrote \(recorded.count) finding\(recorded.count == 1 ? "" : "s") to the baseline '\(baselineFile.path)'"
        )
      }
    }
    try out.finish()
    if failed || checkFailed { throw ExitCode(2) }
    if failing && writeBaseline == nil { throw ExitCode(1) }
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
  /// Evidence lines printed under a whole-document finding.
  static let evidenceShown = 5

  /// `path:line:column: severity: message [rule-id]`, the line, and a caret under the span.
  static func render(_ finding: Finding, in document: Document, colour: Bool) -> String {
    let (line, column) = document.lines.location(of: finding.span.start)
    let severity = finding.severity.rawValue
    let painted =
      colour ? "\u{1B}[1;\(finding.severity == .error ? 31 : finding.severity == .warning ? 33 : 36)m\(severity)\u{1B}[0m" : severity
    var text = "\(document.path):\(line):\(column): \(painted): \(finding.message) [\(finding.rule)]\n"
    if let suggestion = finding.suggestion { text += "  suggestion: \(suggestion)\n" }
    if finding.span.isEmpty {
      // A finding about the whole document (translation-route) points at no text: what it
      // rests on is shown instead, the strongest first.
      for item in finding.evidence.prefix(Self.evidenceShown) { text += "  evidence: \(item)\n" }
      if finding.evidence.count > Self.evidenceShown {
        text += "  evidence: … and \(finding.evidence.count - Self.evidenceShown) more (--format json lists all)\n"
      }
      return text
    }
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

  /// '3 errors, 12 warnings in 5 documents', and '(4 baseline findings hidden)' when a baseline
  /// was applied (`hidden` not nil).
  static func summary(_ counts: [Severity: Int], documents: Int, hidden: Int? = nil) -> String {
    // 'info' is a mass noun: 3 info, not 3 infos.
    func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 || word == "info" ? "" : "s")" }
    let parts = [(Severity.error, "error"), (.warning, "warning"), (.info, "info")].compactMap { severity, word in
      counts[severity].map { count($0, word) }
    }
    let baseline = hidden.map { hidden in
      " (\(hidden == 0 ? "no" : String(hidden)) baseline finding\(hidden == 1 ? "" : "s") hidden)"
    }
    return (parts.isEmpty ? "no findings" : parts.joined(separator: ", ")) + " in " + count(documents, "document")
      + (baseline ?? "") + "\n"
  }

  /// The jsonl contract of DESIGN.md, with start and end, then the route: one object on one
  /// line, written field by field (a `JSON` value per finding cost a tenth of the command).
  static func appendJSON(_ finding: Finding, in document: Document, to out: inout [UInt8]) {
    let (line, column) = document.lines.location(of: finding.span.start)
    let (endLine, endColumn) = document.lines.location(of: finding.span.end)
    out.write(#"{"path":"#)
    appendDoubleQuoted(document.path, to: &out)
    for (key, value) in [
      (#","line":"# as StaticString, line), (#","column":"#, column), (#","endLine":"#, endLine),
      (#","endColumn":"#, endColumn), (#","start":"#, finding.span.start), (#","end":"#, finding.span.end),
    ] {
      out.write(key)
      JSON.append(value, to: &out)
    }
    out.write(#","rule":"#)
    appendDoubleQuoted(finding.rule, to: &out)
    out.write(#","severity":"#)
    appendDoubleQuoted(finding.severity.rawValue, to: &out)
    out.write(#","message":"#)
    appendDoubleQuoted(finding.message, to: &out)
    out.write(#","suggestion":"#)
    JSON.append(finding.suggestion, to: &out)
    out.write(#","evidence":["#)
    for (index, item) in finding.evidence.enumerated() {
      if index > 0 { out.write(UInt8(ascii: ",")) }
      appendDoubleQuoted(item, to: &out)
    }
    out.write(#"],"route":"#)
    JSON.append(finding.route, to: &out)
    out.write(UInt8(ascii: "}"))
  }
}
