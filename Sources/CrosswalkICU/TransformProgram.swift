internal import CICUShim
import CrosswalkCore

/// Transform rules run without ICU's engine, for the subset of ICU's rule syntax that
/// Crosswalk's own rule files use: literals, quoted and escaped characters, sets, '+', before
/// and after contexts ('{', '}'), forward rules ('>'), and the passes ':: Null ;' and
/// ':: [set] NFD ;'. ICU still compiles every rule text (it reports syntax errors); rules outside
/// the subset are run by ICU.
///
/// Why: ICU's rule-based transliterator costs some 12,400 instructions per short name, much of
/// it in its `Replaceable` text, UTF-16 and virtual calls. Names are short and these rules are
/// few: matching them over an array of scalars costs about half (6,300, measured by callgrind).
///
/// The semantics are ICU's: within a pass, at each position the first rule (in rule order) whose
/// before-context, key and after-context match is applied, and matching goes on after its
/// output; the before-context is matched against what the pass has written, the key and the
/// after-context against what it has not read yet; '+' is greedy and never gives back. A
/// character no rule matches is copied. Tests hold the program to ICU's output.
struct TransformProgram: Sendable {
  private enum Pass: Sendable {
    case rules(RulePass)
    /// Canonical decomposition of the runs of characters in the set (`:: [set] NFD ;`).
    case decompose(ScalarSet)
  }

  private let passes: [Pass]

  /// The program for `rules`, or nil when they use syntax outside the subset.
  init?(rules: String) {
    guard let statements = RuleLexer.statements(of: rules) else { return nil }
    var passes: [Pass] = []
    var pending = RulePass.Builder()
    var sets: [String: ScalarSet] = [:]
    func endPass() {
      if !pending.isEmpty { passes.append(.rules(RulePass(pending))) }
      pending = RulePass.Builder()
    }
    for statement in statements {
      switch statement {
      case .null:
        endPass()
      case .decompose(let pattern):
        endPass()
        guard let set = Self.set(pattern, &sets) else { return nil }
        passes.append(.decompose(set))
      case .rule(let before, let key, let after, let output):
        func patterns(_ tokens: [RuleLexer.Token], repeatable: Bool) -> [RulePass.Element]? {
          var result: [RulePass.Element] = []
          for token in tokens {
            switch token {
            case .literal(let scalar): result.append(RulePass.Element(unit: .scalar(scalar)))
            case .set(let pattern):
              guard let set = Self.set(pattern, &sets) else { return nil }
              result.append(RulePass.Element(unit: .set(set)))
            case .plus:
              guard repeatable, let last = result.last, !last.repeats else { return nil }
              result[result.count - 1].repeats = true
            }
          }
          return result
        }
        guard let before = patterns(before, repeatable: false), let key = patterns(key, repeatable: true),
          let after = patterns(after, repeatable: true), !key.isEmpty
        else { return nil }
        pending.add(before: before, key: key, after: after, output: output)
      }
    }
    endPass()
    self.passes = passes
  }

  /// `text` through every pass.
  func apply(_ text: String) throws(ICUError) -> String {
    var scalars: [Unicode.Scalar] = []
    scalars.reserveCapacity(text.utf8.count + 8)
    for scalar in text.unicodeScalars { scalars.append(scalar) }
    var scratch: [Unicode.Scalar] = []
    scratch.reserveCapacity(scalars.capacity)
    for pass in passes {
      switch pass {
      case .rules(let rules): rules.apply(scalars, into: &scratch)
      case .decompose(let set): try Self.decompose(scalars, in: set, into: &scratch)
      }
      swap(&scalars, &scratch)
    }
    return makeString(scalars[...])
  }

  private static func decompose(
    _ input: [Unicode.Scalar], in set: ScalarSet, into output: inout [Unicode.Scalar]
  ) throws(ICUError) {
    output.removeAll(keepingCapacity: true)
    var start = 0
    while start < input.count {
      guard set.contains(input[start]) else {
        output.append(input[start])
        start += 1
        continue
      }
      var end = start + 1
      while end < input.count, set.contains(input[end]) { end += 1 }
      output.append(contentsOf: try NormalForm.nfd.apply(makeString(input[start..<end])).unicodeScalars)
      start = end
    }
  }

  /// The set a pattern denotes, as ICU reads it; nil when it holds strings or does not parse.
  private static func set(_ pattern: String, _ known: inout [String: ScalarSet]) -> ScalarSet? {
    if let set = known[pattern] { return set }
    let units = Array(pattern.utf16)
    let set = ScalarSet { ranges, capacity, status in
      cicu_set_pattern_ranges(units, Int32(units.count), ranges, capacity, &status)
    }
    known[pattern] = set
    return set
  }
}

/// One pass of rules, held in flat arrays of plain values (rules are tried by the million: no
/// reference counting in the loop), with each ASCII character's candidate rules listed.
private final class RulePass: Sendable {
  /// A rule's element as read: a scalar or a set, '+' after it or not.
  struct Element {
    enum Unit {
      case scalar(Unicode.Scalar)
      case set(ScalarSet)
    }
    let unit: Unit
    var repeats = false
  }

  /// A pattern: a scalar or a set, with the set's ASCII members as a bit mask so that most
  /// scalars are tested without touching the set.
  struct Pattern {
    /// The scalar's value, or the set's index in `sets`.
    let value: UInt32
    let isSet: Bool
    let repeats: Bool
    let asciiLow: UInt64
    let asciiHigh: UInt64
  }

  struct Rule {
    let before: Range<Int32>
    let key: Range<Int32>
    let after: Range<Int32>
    let output: Range<Int32>
  }

  /// The rules of a pass as they are read.
  struct Builder {
    fileprivate var patterns: [Pattern] = []
    fileprivate var outputs: [Unicode.Scalar] = []
    fileprivate var rules: [Rule] = []
    fileprivate var sets: [ScalarSet] = []

    var isEmpty: Bool { rules.isEmpty }

    mutating func add(before: [Element], key: [Element], after: [Element], output: [Unicode.Scalar]) {
      func append(_ elements: [Element]) -> Range<Int32> {
        let start = Int32(patterns.count)
        for element in elements { patterns.append(pattern(element)) }
        return start..<Int32(patterns.count)
      }
      let rule = Rule(
        before: append(before), key: append(key), after: append(after),
        output: Int32(outputs.count)..<Int32(outputs.count + output.count))
      outputs += output
      rules.append(rule)
    }

    private mutating func pattern(_ element: Element) -> Pattern {
      switch element.unit {
      case .scalar(let scalar):
        return Pattern(value: scalar.value, isSet: false, repeats: element.repeats, asciiLow: 0, asciiHigh: 0)
      case .set(let set):
        var low: UInt64 = 0, high: UInt64 = 0
        for value in 0..<128 where set.contains(Unicode.Scalar(UInt8(value))) {
          if value < 64 { low |= 1 << UInt64(value) } else { high |= 1 << UInt64(value - 64) }
        }
        sets.append(set)
        return Pattern(
          value: UInt32(sets.count - 1), isSet: true, repeats: element.repeats, asciiLow: low, asciiHigh: high)
      }
    }
  }

  private let patterns: [Pattern]
  private let outputs: [Unicode.Scalar]
  private let rules: [Rule]
  private let sets: [ScalarSet]
  /// The rules whose key can start with each character: an ASCII character `c`'s are
  /// `candidates[firstCandidate[c]..<firstCandidate[c + 1]]`, in rule order, and those of any
  /// other character follow from `firstCandidate[128]`.
  private let candidates: [Int32]
  private let firstCandidate: [Int32]

  init(_ built: Builder) {
    patterns = built.patterns
    outputs = built.outputs
    rules = built.rules
    sets = built.sets
    var candidates: [Int32] = []
    var firstCandidate: [Int32] = []
    for value in 0...128 {
      firstCandidate.append(Int32(candidates.count))
      for (index, rule) in built.rules.enumerated() {
        let first = built.patterns[Int(rule.key.lowerBound)]
        let starts =
          value < 128
          ? Self.matches(first, Unicode.Scalar(UInt8(value)), built.sets) : first.isSet || first.value >= 0x80
        if starts { candidates.append(Int32(index)) }
      }
    }
    firstCandidate.append(Int32(candidates.count))
    self.candidates = candidates
    self.firstCandidate = firstCandidate
  }

  @inline(__always)
  private static func matches(_ pattern: Pattern, _ scalar: Unicode.Scalar, _ sets: [ScalarSet]) -> Bool {
    let value = scalar.value
    guard pattern.isSet else { return pattern.value == value }
    if value < 64 { return pattern.asciiLow & (1 << UInt64(value)) != 0 }
    if value < 128 { return pattern.asciiHigh & (1 << UInt64(value - 64)) != 0 }
    return sets[Int(pattern.value)].contains(scalar)
  }

  func apply(_ input: [Unicode.Scalar], into output: inout [Unicode.Scalar]) {
    output.removeAll(keepingCapacity: true)
    var position = 0
    next: while position < input.count {
      let scalar = input[position]
      let list = Int(min(scalar.value, 128))
      for candidate in Int(firstCandidate[list])..<Int(firstCandidate[list + 1]) {
        let rule = rules[Int(candidates[candidate])]
        guard let end = match(rule.key, input, from: position), match(rule.after, input, from: end) != nil,
          matchBackward(rule.before, output)
        else { continue }
        for index in Int(rule.output.lowerBound)..<Int(rule.output.upperBound) { output.append(outputs[index]) }
        position = end
        continue next
      }
      output.append(scalar)
      position += 1
    }
  }

  /// The end of the patterns matched from `start`, or nil.
  @inline(__always)
  private func match(_ range: Range<Int32>, _ text: [Unicode.Scalar], from start: Int) -> Int? {
    var position = start
    for index in Int(range.lowerBound)..<Int(range.upperBound) {
      let pattern = patterns[index]
      guard position < text.count, Self.matches(pattern, text[position], sets) else { return nil }
      position += 1
      if pattern.repeats {
        while position < text.count, Self.matches(pattern, text[position], sets) { position += 1 }
      }
    }
    return position
  }

  /// True when the patterns (none repeating) match the end of `text`.
  @inline(__always)
  private func matchBackward(_ range: Range<Int32>, _ text: [Unicode.Scalar]) -> Bool {
    guard range.count <= text.count else { return false }
    var position = text.count
    for index in (Int(range.lowerBound)..<Int(range.upperBound)).reversed() {
      position -= 1
      if !Self.matches(patterns[index], text[position], sets) { return false }
    }
    return true
  }
}

/// Reads transform rules into statements, or nil at the first construct outside the subset
/// `TransformProgram` runs (ICU has already accepted the rules: this reader need not explain).
private enum RuleLexer {
  enum Token {
    case literal(Unicode.Scalar)
    case set(String)
    case plus
  }

  enum Statement {
    case null
    case decompose(String)
    case rule(before: [Token], key: [Token], after: [Token], output: [Unicode.Scalar])
  }

  static func statements(of rules: String) -> [Statement]? {
    let text = Array(rules.unicodeScalars)
    var statements: [Statement] = []
    var position = 0
    while true {
      skipBlanks(text, &position)
      guard position < text.count else { return statements }
      if text[position] == ":" {
        guard position + 1 < text.count, text[position + 1] == ":",
          let end = text[position...].firstIndex(of: ";")
        else { return nil }
        let body = makeString(text[(position + 2)..<end]).trimmingSpaces()
        position = end + 1
        if body == "Null" {
          statements.append(.null)
        } else if body.hasPrefix("["), body.hasSuffix("NFD") {
          let pattern = body.dropLast(3).trimmingSpaces()
          let scalars = Array(pattern.unicodeScalars)
          var end = 0
          guard setEnd(scalars, from: 0, &end), end == scalars.count else { return nil }
          statements.append(.decompose(pattern))
        } else {
          return nil
        }
        continue
      }
      guard let statement = rule(text, &position) else { return nil }
      statements.append(statement)
    }
  }

  /// One rule, up to and including its ';'.
  private static func rule(_ text: [Unicode.Scalar], _ position: inout Int) -> Statement? {
    var sides: [[Token]] = [[]]
    var output: [Unicode.Scalar] = []
    var arrow = false
    var opened = -1, closed = -1
    while true {
      skipBlanks(text, &position)
      guard position < text.count else { return nil }
      let scalar = text[position]
      if scalar == ";" {
        position += 1
        break
      }
      if scalar == ">" {
        guard !arrow else { return nil }
        arrow = true
        position += 1
        continue
      }
      switch scalar {
      case "{" where !arrow:
        guard opened < 0, closed < 0 else { return nil }
        opened = sides.count
        sides.append([])
        position += 1
      case "}" where !arrow:
        guard closed < 0 else { return nil }
        closed = sides.count
        sides.append([])
        position += 1
      default:
        guard let tokens = tokens(text, &position) else { return nil }
        if arrow {
          for token in tokens {
            guard case .literal(let literal) = token else { return nil }
            output.append(literal)
          }
        } else {
          sides[sides.count - 1] += tokens
        }
      }
    }
    guard arrow else { return nil }
    let before = opened > 0 ? sides[0] : []
    let key = sides[opened > 0 ? 1 : 0]
    let after = closed > 0 ? sides[sides.count - 1] : []
    return .rule(before: before, key: key, after: after, output: output)
  }

  /// The tokens at `position`: one literal, escape, set or '+', or a quoted run's literals; nil
  /// for anything else.
  private static func tokens(_ text: [Unicode.Scalar], _ position: inout Int) -> [Token]? {
    guard text[position] == "'", position + 1 < text.count, text[position + 1] != "'" else {
      return token(text, &position).map { [$0] }
    }
    // A quoted run (a quote mark inside one, written '', is not in the subset).
    guard let end = text[(position + 1)...].firstIndex(of: "'"), end + 1 >= text.count || text[end + 1] != "'"
    else { return nil }
    defer { position = end + 1 }
    return text[(position + 1)..<end].map { .literal($0) }
  }

  /// A literal, escape, set or '+' at `position`; nil for anything else.
  private static func token(_ text: [Unicode.Scalar], _ position: inout Int) -> Token? {
    let scalar = text[position]
    switch scalar {
    case "+":
      position += 1
      return .plus
    case "[":
      var end = position
      guard setEnd(text, from: position, &end) else { return nil }
      defer { position = end }
      return .set(makeString(text[position..<end]))
    case "\\":
      guard position + 1 < text.count else { return nil }
      let escaped = text[position + 1]
      if escaped == "u" || escaped == "U" {
        let digits = escaped == "u" ? 4 : 8
        guard position + 2 + digits <= text.count,
          let value = UInt32(makeString(text[(position + 2)..<(position + 2 + digits)]), radix: 16),
          let decoded = Unicode.Scalar(value)
        else { return nil }
        position += 2 + digits
        return .literal(decoded)
      }
      // Other escapes with a meaning of their own (\x, \N, \p) are not in the subset.
      guard escaped.value >= 0x80 || !(escaped.properties.isAlphabetic || ("0"..."9").contains(escaped)) else {
        return nil
      }
      position += 2
      return .literal(escaped)
    case "'":
      // '' is a quote mark.
      guard position + 1 < text.count, text[position + 1] == "'" else { return nil }
      position += 2
      return .literal("'")
    default:
      // Letters, marks and digits stand for themselves; other characters may be syntax.
      switch scalar.properties.generalCategory {
      case .lowercaseLetter, .uppercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
        .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber:
        position += 1
        return .literal(scalar)
      default:
        return nil
      }
    }
  }

  /// Sets `end` past the set that opens at `start` (nested sets and escapes included).
  private static func setEnd(_ text: [Unicode.Scalar], from start: Int, _ end: inout Int) -> Bool {
    guard start < text.count, text[start] == "[" else { return false }
    var depth = 0
    var position = start
    while position < text.count {
      switch text[position] {
      case "\\": position += 1
      case "'": return false
      case "[": depth += 1
      case "]":
        depth -= 1
        if depth == 0 {
          end = position + 1
          return true
        }
      default: break
      }
      position += 1
    }
    return false
  }

  /// Skips white space and comments.
  private static func skipBlanks(_ text: [Unicode.Scalar], _ position: inout Int) {
    while position < text.count {
      if text[position] == "#" {
        while position < text.count, text[position] != "\n" { position += 1 }
      } else if text[position].properties.isWhitespace {
        position += 1
      } else {
        return
      }
    }
  }
}
