import CrosswalkCore
import CrosswalkICU
import Foundation

/// Which ICU transform writes each script in Latin letters: the table in
/// glossaries/transforms/script-transliteration.tsv.
public struct ScriptTransforms: Sendable {
  struct Entry: Sendable {
    /// ISO 15924 code, or "*" for any script.
    let script: String
    /// ICU transform id, or nil to leave the run as it is.
    let transform: String?
    /// The entry applies only when the run contains one of these scalars (empty: always).
    let when: Set<Unicode.Scalar>
  }

  let entries: [Entry]

  /// Reads the tab-separated table: script, transform ('-' for none), optional letters.
  public init(text: String, file: String) throws(NameError) {
    var entries: [Entry] = []
    for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      if line.trimmingSpaces().isEmpty || line.hasPrefix("#") { continue }
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
      guard fields.count >= 2, !fields[0].isEmpty, !fields[1].isEmpty else {
        throw .invalidTable(
          file: file, line: number + 1,
          message: "expected 'script<TAB>transform[<TAB>letters]', got '\(line)'")
      }
      entries.append(
        Entry(
          script: fields[0], transform: fields[1] == "-" ? nil : fields[1],
          when: Set(fields.count > 2 ? fields[2].unicodeScalars : "".unicodeScalars)))
    }
    self.entries = entries
  }

  /// The transform for a run of `script`, or nil when the run stays as it is.
  func transform(for run: ScriptRun) -> String? {
    let name = run.script.shortName
    for entry in entries where entry.script == name || entry.script == "*" {
      if entry.when.isEmpty || run.text.unicodeScalars.contains(where: entry.when.contains) {
        return entry.transform
      }
    }
    return nil
  }
}
