import CrosswalkCore
import Foundation

/// The patterns of glossaries/artifacts/boilerplate.tsv for one rule, compiled once per thread:
/// `line` patterns against whole short lines (web furniture stands on a line of its own),
/// `inline` ones anywhere.
struct BoilerplateMatcher {
  struct Compiled {
    let pattern: BoilerplatePattern
    let expression: NSRegularExpression
  }

  private let line: [Compiled]
  private let inline: [Compiled]
  /// Lines longer than this are prose, not furniture: `line` patterns skip them.
  static let longestLine = 300

  init(data: ArtifactData, rule: String) throws(ArtifactError) {
    var line: [Compiled] = [], inline: [Compiled] = []
    for pattern in data.boilerplate where pattern.rule == rule {
      let source = pattern.scope == .line ? "^(?:\(pattern.pattern))$" : pattern.pattern
      do {
        let expression = try NSRegularExpression(pattern: source, options: [.caseInsensitive])
        if pattern.scope == .line {
          line.append(Compiled(pattern: pattern, expression: expression))
        } else {
          inline.append(Compiled(pattern: pattern, expression: expression))
        }
      } catch {
        throw .invalidData(
          file: ArtifactData.folder + "boilerplate.tsv", line: 0, message: "pattern '\(pattern.id)' is not a valid regular expression")
      }
    }
    self.line = line
    self.inline = inline
  }

  /// Each match: the pattern and its span in the document.
  func matches(in input: RuleInput) -> [(BoilerplatePattern, TextSpan)] {
    var found: [(BoilerplatePattern, TextSpan)] = []
    let scalars = input.scalars
    if !line.isEmpty {
      for span in TextScan.lines(scalars) {
        // Trimmed of spaces; short lines only.
        var start = span.start, end = span.end
        while start < end, scalars[start].properties.isWhitespace { start += 1 }
        while end > start, scalars[end - 1].properties.isWhitespace { end -= 1 }
        guard end > start, end - start <= Self.longestLine else { continue }
        let trimmed = TextSpan(start: start, end: end)
        let text = input.document.text(of: trimmed)
        let range = NSRange(location: 0, length: text.utf16.count)
        if let hit = line.first(where: { $0.expression.firstMatch(in: text, range: range) != nil }) {
          found.append((hit.pattern, trimmed))
        }
      }
    }
    if !inline.isEmpty {
      let text = input.document.text
      let utf16 = Array(text.utf16)
      let range = NSRange(location: 0, length: utf16.count)
      for compiled in inline {
        // Matches come in text order: one walk converts all their offsets.
        var counter = ScalarCounter(utf16)
        for match in compiled.expression.matches(in: text, range: range) {
          let start = counter.scalars(before: match.range.location)
          found.append((compiled.pattern, TextSpan(start: start, end: counter.scalars(before: NSMaxRange(match.range)))))
        }
      }
    }
    return found.sorted { $0.1 < $1.1 }
  }
}

/// Scalar offsets of ascending UTF-16 offsets, in one walk (a surrogate pair is one scalar).
private struct ScalarCounter {
  private let utf16: [UInt16]
  private var position = 0
  private var count = 0

  init(_ utf16: [UInt16]) { self.utf16 = utf16 }

  mutating func scalars(before offset: Int) -> Int {
    while position < offset && position < utf16.count {
      position += UTF16.isLeadSurrogate(utf16[position]) ? 2 : 1
      count += 1
    }
    return count
  }
}
