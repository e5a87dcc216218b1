import CrosswalkCore
import CrosswalkGlossary
import Foundation
import Yams

/// Findings accepted as they are, so that `check` reports only new ones (docs/check.md).
///
/// A finding is known by its document's path (relative to the baseline file's folder, so the
/// command may run from anywhere), its rule, its text and a little context: never by line or
/// column, which any edit above it would change. Findings of one rule with the same text in one
/// document are matched first by context, then by count, so a new occurrence of an accepted
/// text is still reported and an edit beside an accepted finding does not bring it back.
struct Baseline {
  /// The version of the file format.
  static let version = 1
  /// How many scalars of the finding's line are kept on either side of it as context.
  static let contextLength = 16
  /// Texts longer than this are kept as their first and last halves around '…'.
  static let textLimit = 120

  /// One accepted finding, as a line of the file.
  struct Entry: Hashable, Comparable, Sendable {
    /// The document, relative to the baseline's folder, with '/' between components.
    let path: String
    /// The rule id.
    let rule: String
    /// The text of the finding's span (shortened past `textLimit`); empty for a finding about a
    /// whole document.
    let text: String
    /// The text around the span on its line, the span marked ⟦…⟧; for a whole-document finding,
    /// its message.
    let context: String

    /// By path, rule, text and context, in byte order.
    static func < (lhs: Entry, rhs: Entry) -> Bool {
      for (left, right) in [
        (lhs.path, rhs.path), (lhs.rule, rhs.rule), (lhs.text, rhs.text), (lhs.context, rhs.context),
      ]
      where left != right {
        return left.utf8.lexicographicallyPrecedes(right.utf8)
      }
      return false
    }

    /// The entry as written in the file.
    var json: JSON {
      .object([
        ("path", .string(path)), ("rule", .string(rule)), ("text", .string(text)),
        ("context", .string(context)),
      ])
    }
  }

  /// The folder (absolute) the entries' paths are relative to.
  let folder: String
  private let entriesByPath: [String: [Entry]]

  /// A baseline of `entries` whose paths are relative to `folder` (absolute).
  init(entries: [Entry], folder: String) {
    self.folder = folder
    entriesByPath = Dictionary(grouping: entries, by: \.path)
  }

  /// The key path of a document for a baseline in `folder` (absolute).
  static func path(of documentPath: String, relativeTo folder: String) -> String {
    FilePaths.relative(FilePaths.absolute(documentPath), to: folder)
  }

  /// The entry that accepts `finding` of `document`, whose path is `path` (a baseline key).
  static func entry(for finding: Finding, in document: Document, path: String) -> Entry {
    guard !finding.span.isEmpty else {
      return Entry(path: path, rule: finding.rule, text: "", context: finding.message)
    }
    let scalars = document.scalars
    let span = TextSpan(start: max(0, finding.span.start), end: min(scalars.count, finding.span.end))
    var text = document.text(of: span)
    if span.count > textLimit {
      let half = textLimit / 2
      text =
        document.text(of: TextSpan(start: span.start, end: span.start + half)) + "…"
        + document.text(of: TextSpan(start: span.end - half, end: span.end))
    }
    func isLineEnd(_ scalar: Unicode.Scalar) -> Bool { scalar == "\n" || scalar == "\r" }
    var before = span.start
    while before > 0, span.start - before < contextLength, !isLineEnd(scalars[before - 1]) { before -= 1 }
    var after = span.end
    while after < scalars.count, after - span.end < contextLength, !isLineEnd(scalars[after]) { after += 1 }
    let context =
      document.text(of: TextSpan(start: before, end: span.start)) + "⟦" + text + "⟧"
      + document.text(of: TextSpan(start: span.end, end: after))
    return Entry(path: path, rule: finding.rule, text: text, context: context)
  }

  /// The findings of `document` the baseline does not accept, and how many it accepted.
  func filter(_ findings: [Finding], in document: Document) -> (kept: [Finding], hidden: Int) {
    let path = Self.path(of: document.path, relativeTo: folder)
    guard let accepted = entriesByPath[path], !accepted.isEmpty else { return (findings, 0) }
    struct Key: Hashable {
      let rule: String
      let text: String
    }
    var byContext: [Key: [String: Int]] = [:]
    var remaining: [Key: Int] = [:]
    for entry in accepted {
      let key = Key(rule: entry.rule, text: entry.text)
      byContext[key, default: [:]][entry.context, default: 0] += 1
      remaining[key, default: 0] += 1
    }
    let entries = findings.map { Self.entry(for: $0, in: document, path: path) }
    var hidden = [Bool](repeating: false, count: findings.count)
    // Same context first: of two findings with one text, the new one is the one reported.
    for (index, entry) in entries.enumerated() {
      let key = Key(rule: entry.rule, text: entry.text)
      if byContext[key]?[entry.context, default: 0] ?? 0 > 0 {
        byContext[key]?[entry.context, default: 0] -= 1
        remaining[key, default: 0] -= 1
        hidden[index] = true
      }
    }
    // Then by count alone: the context was edited, the finding is the same.
    for (index, entry) in entries.enumerated() where !hidden[index] {
      let key = Key(rule: entry.rule, text: entry.text)
      if remaining[key, default: 0] > 0 {
        remaining[key, default: 0] -= 1
        hidden[index] = true
      }
    }
    let kept = zip(findings, hidden).filter { !$0.1 }.map(\.0)
    return (kept, findings.count - kept.count)
  }

  // MARK: The file

  /// The file's text: a version, then one finding per line in sorted order, so that a baseline
  /// under version control changes by whole lines.
  static func render(_ entries: [Entry]) -> String {
    var out = "{\n  \"version\": \(version),\n  \"findings\": ["
    for (index, entry) in entries.sorted().enumerated() {
      out += (index == 0 ? "\n    " : ",\n    ") + entry.json.compact
    }
    out += entries.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
    return out
  }

  /// Reads the baseline at `path`; paths in it are relative to its folder.
  static func read(_ path: String) throws(ConfigurationError) -> Baseline {
    let text: String
    do {
      text = try TextFile.read(path)
    } catch {
      throw ConfigurationError(error, what: "baseline")
    }
    return try parse(text, file: path, folder: FilePaths.absolute(FilePaths.folder(of: path)))
  }

  /// Parses baseline text. JSON is read with the YAML parser (JSON is YAML) for the line and
  /// column of every node, so a hand-edited entry that is wrong is named by its line.
  static func parse(_ text: String, file: String, folder: String) throws(ConfigurationError) -> Baseline {
    let parsed: Node?
    do {
      parsed = try Yams.compose(yaml: text)
    } catch {
      let syntax = YAMLSyntax.diagnostic(for: error, in: text, file: file)
      let message = syntax.message.replacingOccurrences(of: "malformed YAML", with: "malformed JSON")
      throw ConfigurationError(diagnostics: [Diagnostic(.error, at: syntax.location, message)])
    }
    guard let root = parsed, case .mapping = root else {
      throw ConfigurationError(
        file: file, line: parsed?.mark?.line ?? 1,
        "a baseline is a JSON object with 'version' and 'findings' (write one with --write-baseline)")
    }
    var reader = YAMLNodeReader(file: file)
    var entries: [Entry] = []
    var hasVersion = false
    var hasFindings = false
    for (key, _, value) in reader.pairs(of: root, known: ["version", "findings"]) {
      switch key {
      case "version":
        hasVersion = true
        if value.int != version, let text = reader.string(value, for: key) {
          reader.error(
            at: value, "unsupported baseline version '\(text)'; this crosswalk reads version \(version)")
        }
      default:
        hasFindings = true
        guard case .sequence(let items) = value else {
          reader.error(at: value, "'findings' must be a list")
          continue
        }
        for item in items {
          guard case .mapping = item else {
            reader.error(at: item, "a finding must be an object with 'path', 'rule', 'text' and 'context'")
            continue
          }
          var fields: [String: String] = [:]
          var written: Set<String> = []
          for (field, _, fieldValue) in reader.pairs(of: item, known: ["path", "rule", "text", "context"]) {
            written.insert(field)
            fields[field] = reader.string(fieldValue, for: field)
          }
          let missing = ["path", "rule", "text"].filter { !written.contains($0) }
          if !missing.isEmpty {
            let names = missing.map { "'\($0)'" }
            let list =
              names.count > 1
              ? names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "") : names.joined()
            reader.error(at: item, "a finding without \(list)")
          }
          guard let path = fields["path"], let rule = fields["rule"], let text = fields["text"] else {
            continue
          }
          entries.append(Entry(path: path, rule: rule, text: text, context: fields["context"] ?? ""))
        }
      }
    }
    if !hasVersion { reader.error(at: root, "missing 'version'") }
    if !hasFindings { reader.error(at: root, "missing 'findings'") }
    guard reader.diagnostics.isEmpty else { throw ConfigurationError(diagnostics: reader.diagnostics) }
    return Baseline(entries: entries, folder: folder)
  }
}
