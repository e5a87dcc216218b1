import CrosswalkCore
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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

  /// The patterns of one scope, with the literals that pick the ones a text may match: a text
  /// is searched with the patterns that may match it, joined in their order (compiled once for
  /// each such choice), so that what is found does not change, only what is tried.
  final class Scope {
    let patterns: [BoilerplatePattern]
    /// For each pattern, literals one of which its every match holds (`RequiredLiterals`).
    private let literals: [[[UInt8]]?]
    private let anchor: (open: String, close: String)
    /// All the patterns: what a text with an unfoldable scalar is searched with.
    private let all: Joined
    private var joined: [[Int]: Joined?] = [:]

    init?(_ patterns: [BoilerplatePattern], anchor open: String, _ close: String) throws(ArtifactError) {
      guard let all = try Joined(patterns, anchor: open, close) else { return nil }
      self.all = all
      self.patterns = patterns
      literals = patterns.map { RequiredLiterals.of($0.pattern) }
      anchor = (open, close)
    }

    /// The joined expression of the patterns that may match `folded` (`LiteralFolding.bytes`),
    /// or nil when none may.
    func expression(for folded: ArraySlice<UInt8>) -> Joined? {
      if folded.contains(LiteralFolding.unfoldable) { return all }
      let chosen = folded.withUnsafeBytes { text in
        patterns.indices.filter { index in
          guard let required = literals[index] else { return true }
          return required.contains { contains(text, $0) }
        }
      }
      if chosen.isEmpty { return nil }
      if chosen.count == patterns.count { return all }
      if let known = joined[chosen] { return known }
      // Patterns that compiled together compile as a subset; should one not, all are tried.
      let made = (try? Joined(chosen.map { patterns[$0] }, anchor: anchor.open, anchor.close)) ?? all
      joined[chosen] = made
      return made
    }
  }

  private let line: Scope?
  private let start: Scope?
  private let inline: Scope?
  /// Lines longer than this are prose, not furniture: `line` patterns skip them, and `start`
  /// patterns read only this much of a line.
  static let longestLine = 300

  init(data: ArtifactData, rule: String) throws(ArtifactError) {
    let patterns = data.boilerplate.filter { $0.rule == rule }
    line = try Scope(patterns.filter { $0.scope == .line }, anchor: "^(?:", ")$")
    // Searched over the whole text at once: ICU tries a pattern that starts with a multi-line
    // ^ at line starts only, which costs less than a string and a search per line.
    start = try Scope(patterns.filter { $0.scope == .start }, anchor: "(?m)^(?:", ")")
    inline = try Scope(patterns.filter { $0.scope == .inline }, anchor: "", "")
  }

  /// Each match: the pattern and its span in the document. Inline matches of different patterns
  /// do not overlap: where two would, the earlier (then the first listed) is reported.
  func matches(in input: RuleInput) -> [(BoilerplatePattern, TextSpan)] {
    var found: [(BoilerplatePattern, TextSpan)] = []
    let scalars = input.scalars
    let text = input.document.text
    var utf16: [UInt16]?
    let folded = start == nil && inline == nil ? [] : LiteralFolding.bytes(scalars[...])
    /// Each match of the scope's patterns over the whole text with its pattern and scalar span,
    /// in order.
    func search(_ scope: Scope) -> [(BoilerplatePattern, TextSpan)] {
      guard let joined = scope.expression(for: folded[...]) else { return [] }
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
        guard to > from, to - from <= Self.longestLine,
          let joined = line.expression(for: LiteralFolding.bytes(scalars[from..<to])[...])
        else { continue }
        let trimmed = TextSpan(start: from, end: to)
        let text = input.document.text(of: trimmed)
        let range = NSRange(location: 0, length: text.utf16.count)
        if let match = joined.expression.firstMatch(in: text, options: .anchored, range: range),
          let pattern = joined.pattern(of: match)
        {
          found.append((pattern, trimmed))
        }
      }
    }
    if let inline { found += search(inline) }
    return found.sorted { $0.1 < $1.1 }
  }
}

/// Whether `needle` (not empty) occurs in `text`: memchr to each of its first byte, then memcmp.
private func contains(_ text: UnsafeRawBufferPointer, _ needle: [UInt8]) -> Bool {
  return needle.withUnsafeBytes { needleBytes in
    guard let base = text.baseAddress, let needleBase = needleBytes.baseAddress, let first = needle.first,
      needle.count <= text.count
    else { return false }
    var offset = 0
    let lastStart = text.count - needle.count
    while offset <= lastStart {
      guard let hit = memchr(base + offset, Int32(first), lastStart - offset + 1) else { return false }
      let position = base.distance(to: UnsafeRawPointer(hit))
      if memcmp(base + position, needleBase, needle.count) == 0 { return true }
      offset = position + 1
    }
    return false
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
