import CrosswalkCore
import Foundation

/// The patterns of glossaries/artifacts/boilerplate.tsv for one rule, compiled once per thread:
/// `line` patterns against whole short lines (web furniture stands on a line of its own),
/// `start` ones at the start of each line, `inline` ones anywhere. An inline pattern is tried at
/// every position of the text, so what can only stand at a line's start belongs in `start`.
struct BoilerplateMatcher {
  /// The patterns of one scope joined into one expression, `(p1)|(p2)|…`, so that a line or
  /// a text is searched once rather than once per pattern; the group that took part in a match
  /// tells the pattern.
  struct Joined {
    let expression: NSRegularExpression
    /// The patterns, with the capture group that stands for each.
    let patterns: [(pattern: BoilerplatePattern, group: Int)]

    init?(_ patterns: [BoilerplatePattern], anchor open: String, _ close: String) throws(ArtifactError) {
      guard !patterns.isEmpty else { return nil }
      var numbered: [(BoilerplatePattern, Int)] = []
      var group = 1
      for pattern in patterns {
        // Compiled alone first: a bad pattern is named, and its own groups are counted.
        let alone: NSRegularExpression
        do { alone = try NSRegularExpression(pattern: pattern.pattern, options: [.caseInsensitive]) } catch {
          throw Self.invalid(pattern, "is not a valid regular expression")
        }
        if pattern.pattern.range(of: #"\\[1-9]"#, options: .regularExpression) != nil {
          throw Self.invalid(pattern, "uses a back-reference, which joined patterns cannot keep")
        }
        numbered.append((pattern, group))
        group += 1 + alone.numberOfCaptureGroups
      }
      let alternatives = patterns.map { "(\($0.pattern))" }.joined(separator: "|")
      do {
        expression = try NSRegularExpression(
          pattern: open + alternatives + close, options: [.caseInsensitive])
      } catch {
        throw ArtifactError.invalidData(
          file: ArtifactData.folder + "boilerplate.tsv", line: patterns[0].line,
          message: "the \(patterns[0].scope) patterns do not join into one expression")
      }
      self.patterns = numbered
    }

    /// The pattern whose group took part in `match`.
    func pattern(of match: NSTextCheckingResult) -> BoilerplatePattern? {
      patterns.first { match.range(at: $0.group).location != NSNotFound }?.pattern
    }

    private static func invalid(_ pattern: BoilerplatePattern, _ problem: String) -> ArtifactError {
      .invalidData(file: ArtifactData.folder + "boilerplate.tsv", line: pattern.line, message: "pattern '\(pattern.id)' \(problem)")
    }
  }

  private let line: Joined?
  private let start: Joined?
  private let inline: Joined?
  /// Lines longer than this are prose, not furniture: `line` patterns skip them, and `start`
  /// patterns read only this much of a line.
  static let longestLine = 300

  init(data: ArtifactData, rule: String) throws(ArtifactError) {
    let patterns = data.boilerplate.filter { $0.rule == rule }
    line = try Joined(patterns.filter { $0.scope == .line }, anchor: "^(?:", ")$")
    // Searched over the whole text at once: ICU tries a pattern that starts with a multi-line
    // ^ at line starts only, which costs less than a string and a search per line.
    start = try Joined(patterns.filter { $0.scope == .start }, anchor: "(?m)^(?:", ")")
    inline = try Joined(patterns.filter { $0.scope == .inline }, anchor: "", "")
  }

  /// Each match: the pattern and its span in the document. Inline matches of different patterns
  /// do not overlap: where two would, the earlier (then the first listed) is reported.
  func matches(in input: RuleInput) -> [(BoilerplatePattern, TextSpan)] {
    var found: [(BoilerplatePattern, TextSpan)] = []
    let scalars = input.scalars
    let text = input.document.text
    var utf16: [UInt16]?
    /// Each match of `joined` over the whole text with its pattern and scalar span, in order.
    func search(_ joined: Joined) -> [(BoilerplatePattern, TextSpan)] {
      let units = utf16 ?? Array(text.utf16)
      utf16 = units
      // Matches come in text order: one walk converts all their offsets.
      var counter = ScalarCounter(units)
      return joined.expression.matches(in: text, range: NSRange(location: 0, length: units.count)).compactMap { match in
        guard let pattern = joined.pattern(of: match) else { return nil }
        let start = counter.scalars(before: match.range.location)
        return (pattern, TextSpan(start: start, end: counter.scalars(before: NSMaxRange(match.range))))
      }
    }
    if let start {
      // Only the first `longestLine` characters of a line are read.
      found += search(start).filter { !$0.1.isEmpty && $0.1.end - $0.1.start <= Self.longestLine }
    }
    if let line {
      for span in TextScan.lines(scalars) where !span.isEmpty {
        // Trimmed of spaces; short lines only.
        var from = span.start, to = span.end
        while from < to, scalars[from].properties.isWhitespace { from += 1 }
        while to > from, scalars[to - 1].properties.isWhitespace { to -= 1 }
        guard to > from, to - from <= Self.longestLine else { continue }
        let trimmed = TextSpan(start: from, end: to)
        let text = input.document.text(of: trimmed)
        let range = NSRange(location: 0, length: text.utf16.count)
        if let match = line.expression.firstMatch(in: text, options: .anchored, range: range), let pattern = line.pattern(of: match) {
          found.append((pattern, trimmed))
        }
      }
    }
    if let inline { found += search(inline) }
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
