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

    /// `patterns` are checked ones (`Checked`): a subset is joined without compiling each
    /// pattern again.
    init?(_ patterns: [Checked], anchor open: String, _ close: String) throws(ArtifactError) {
      guard let first = patterns.first?.pattern else { return nil }
      var numbered: [(BoilerplatePattern, Int)] = []
      var group = 1
      for checked in patterns {
        numbered.append((checked.pattern, group))
        group += 1 + checked.groups
      }
      let alternatives = patterns.map { "(\($0.pattern.pattern))" }.joined(separator: "|")
      do {
        expression = try NSRegularExpression(
          pattern: open + alternatives + close, options: [.caseInsensitive])
      } catch {
        throw ArtifactError.invalidData(
          file: ArtifactData.folder + "boilerplate.tsv", line: first.line,
          message: "the \(first.scope) patterns do not join into one expression")
      }
      self.patterns = numbered
    }

    /// The pattern whose group took part in `match`.
    func pattern(of match: NSTextCheckingResult) -> BoilerplatePattern? {
      patterns.first { match.range(at: $0.group).location != NSNotFound }?.pattern
    }
  }

  /// A pattern compiled alone once, so that a bad one is named and its own capture groups are
  /// counted for joining.
  struct Checked {
    let pattern: BoilerplatePattern
    let groups: Int

    init(_ pattern: BoilerplatePattern) throws(ArtifactError) {
      let alone: NSRegularExpression
      do { alone = try NSRegularExpression(pattern: pattern.pattern, options: [.caseInsensitive]) } catch {
        throw Self.invalid(pattern, "is not a valid regular expression")
      }
      if pattern.pattern.range(of: #"\\[1-9]"#, options: .regularExpression) != nil {
        throw Self.invalid(pattern, "uses a back-reference, which joined patterns cannot keep")
      }
      self.pattern = pattern
      groups = alone.numberOfCaptureGroups
    }

    private static func invalid(_ pattern: BoilerplatePattern, _ problem: String) -> ArtifactError {
      .invalidData(file: ArtifactData.folder + "boilerplate.tsv", line: pattern.line, message: "pattern '\(pattern.id)' \(problem)")
    }
  }

  /// The patterns of one scope, with the literals that pick the ones a text may match: a text
  /// is searched with the patterns that may match it, joined in their order (compiled once for
  /// each such choice), so that what is found does not change, only what is tried.
  final class Scope {
    let patterns: [Checked]
    /// For each pattern, the numbers of the literals one of which its every match holds
    /// (`RequiredLiterals`), or nil when it must always be tried.
    private let literals: [[Int32]?]
    private let anchor: (open: String, close: String)
    /// All the patterns: what a text with an unfoldable scalar is searched with.
    private let all: Joined
    /// The patterns tried on text that holds none of the literals.
    private var withoutLiterals: Joined?
    private var joined: [[Int]: Joined?] = [:]

    /// `literals` are the patterns' literal numbers, in the order of `patterns`.
    init?(_ patterns: [BoilerplatePattern], literals: [[Int32]?], anchor open: String, _ close: String)
      throws(ArtifactError)
    {
      var checked: [Checked] = []
      for pattern in patterns { try checked.append(Checked(pattern)) }
      guard let all = try Joined(checked, anchor: open, close) else { return nil }
      self.all = all
      self.patterns = checked
      self.literals = literals
      anchor = (open, close)
      withoutLiterals = choose { _ in false }
    }

    /// The joined expression of the patterns that may match text holding the literals `found`
    /// (nil: none of them; all the patterns when the text has an unfoldable scalar), or nil
    /// when no pattern may.
    func expression(for found: LiteralSet?, unfoldable: Bool) -> Joined? {
      if unfoldable { return all }
      guard let found else { return withoutLiterals }
      return choose { found.contains($0) }
    }

    private func choose(_ holds: (Int32) -> Bool) -> Joined? {
      let chosen = patterns.indices.filter { literals[$0]?.contains(where: holds) ?? true }
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
  /// The required literals of every pattern of the rule, found in a document in one pass.
  private let automaton: LiteralAutomaton
  /// Lines longer than this are prose, not furniture: `line` patterns skip them, and `start`
  /// patterns read only this much of a line.
  static let longestLine = 300
  /// The longest line taken for a link under a heading pattern (a headline, not a paragraph).
  static let longestListItem = 160

  init(data: ArtifactData, rule: String) throws(ArtifactError) {
    let patterns = data.boilerplate.filter { $0.rule == rule }
    var literals: [[UInt8]] = []
    let numbers: [[Int32]?] = patterns.map { pattern in
      guard let required = RequiredLiterals.of(pattern.pattern), !required.contains(where: \.isEmpty) else { return nil }
      return required.map { literal in
        if let known = literals.firstIndex(of: literal) { return Int32(known) }
        literals.append(literal)
        return Int32(literals.count - 1)
      }
    }
    automaton = LiteralAutomaton(literals)
    func scope(_ scopes: Set<BoilerplatePattern.Scope>, _ open: String, _ close: String) throws(ArtifactError) -> Scope? {
      let chosen = patterns.indices.filter { scopes.contains(patterns[$0].scope) }
      return try Scope(chosen.map { patterns[$0] }, literals: chosen.map { numbers[$0] }, anchor: open, close)
    }
    line = try scope([.line, .heading], "^(?:", ")$")
    // Searched over the whole text at once: ICU tries a pattern that starts with a multi-line
    // ^ at line starts only, which costs less than a string and a search per line.
    start = try scope([.start], "(?m)^(?:", ")")
    inline = try scope([.inline], "", "")
  }

  /// The literals found in a document: in the whole text, and in each line that holds any
  /// (lines as `TextScan.lines` numbers them; a literal counts for the line it ends on).
  private struct LiteralHits {
    var inText: LiteralSet
    var textIsUnfoldable = false
    var byLine: [Int: LiteralSet] = [:]
    var unfoldableLines: Set<Int> = []
    /// Lines with a combining mark: decomposed text (NFD), whose letters no literal matches.
    var decomposedLines: Set<Int> = []

    mutating func add(_ literals: ArraySlice<Int32>, line: Int) {
      var inLine = byLine[line] ?? inText.emptied
      for literal in literals {
        inText.insert(literal)
        inLine.insert(literal)
      }
      byLine[line] = inLine
    }
  }

  /// One pass over the document's scalars, folded (`LiteralFolding`) and fed to the automaton
  /// as UTF-8. A scalar without a folded form matches no literal and marks its line.
  private func literalHits(in scalars: [Unicode.Scalar]) -> LiteralHits {
    var hits = LiteralHits(inText: LiteralSet(capacity: automaton.literalCount))
    var state = LiteralAutomaton.start
    var line = 0
    for scalar in scalars {
      if scalar == "\n" { line += 1 }
      if TextScan.isCombiningMark(scalar) {
        hits.textIsUnfoldable = true
        hits.unfoldableLines.insert(line)
        hits.decomposedLines.insert(line)
      }
      guard let folded = LiteralFolding.fold(scalar) else {
        hits.textIsUnfoldable = true
        hits.unfoldableLines.insert(line)
        state = LiteralAutomaton.start
        continue
      }
      state = automaton.step(state, folded)
      if automaton.reports(state) { hits.add(automaton.literals(endingAt: state), line: line) }
    }
    return hits
  }

  /// Each match: the pattern and its span in the document. Inline matches of different patterns
  /// do not overlap: where two would, the earlier (then the first listed) is reported.
  func matches(in input: RuleInput) -> [(BoilerplatePattern, TextSpan)] {
    var found: [(BoilerplatePattern, TextSpan)] = []
    let scalars = input.scalars
    let text = input.document.text
    var utf16: [UInt16]?
    let hits = literalHits(in: scalars)
    /// Each match of the scope's patterns over the whole text with its pattern and scalar span,
    /// in order.
    func search(_ scope: Scope) -> [(BoilerplatePattern, TextSpan)] {
      guard let joined = scope.expression(for: hits.inText, unfoldable: hits.textIsUnfoldable) else {
        return []
      }
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
      // The heading pattern of a list of links being read (Related articles), if any.
      var list: BoilerplatePattern?
      for (number, span) in TextScan.lines(scalars).enumerated() {
        // Trimmed of spaces; short lines only.
        var from = span.start, to = span.end
        while from < to, scalars[from].properties.isWhitespace { from += 1 }
        while to > from, scalars[to - 1].properties.isWhitespace { to -= 1 }
        guard to > from, to - from <= Self.longestLine else {
          list = nil
          continue
        }
        let trimmed = TextSpan(start: from, end: to)
        if let joined = line.expression(for: hits.byLine[number], unfoldable: hits.unfoldableLines.contains(number)) {
          // A line is reported whole, so it can be read composed: patterns are written in NFC
          // (ページ), and a decomposed line has letters no literal folds (the marks of ぺ).
          let written = input.document.text(of: trimmed)
          let text = hits.decomposedLines.contains(number) ? written.precomposedStringWithCanonicalMapping : written
          let range = NSRange(location: 0, length: text.utf16.count)
          if let match = joined.expression.firstMatch(in: text, options: .anchored, range: range),
            let pattern = joined.pattern(of: match)
          {
            found.append((pattern, trimmed))
            list = pattern.scope == .heading ? pattern : nil
            continue
          }
        }
        if let heading = list, to - from <= Self.longestListItem, !".。!?！？".unicodeScalars.contains(scalars[to - 1]) {
          found.append((heading, trimmed))
        } else {
          list = nil
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
