import CrosswalkCore

/// Literal strings, one of which is in every match of a regular expression: a cheap test that
/// spares running the expression on text that has none of them (a line of prose tried against
/// every pattern of the boilerplate rules cost a tenth of a millisecond).
///
/// Read from the pattern's syntax (ICU regular expressions), conservatively: a literal counts
/// only where the pattern cannot match without it, so an optional part, a quantifier that allows
/// none, a class or an escape that stands for more than one character breaks a literal; anything
/// the reader does not understand gives no literals, and the pattern is always run.
enum RequiredLiterals {
  /// The literals folded by `LiteralFolding`, or nil when some match may contain none of them.
  static func of(_ pattern: String) -> [[UInt8]]? {
    var reader = Reader(Array(pattern.unicodeScalars))
    guard let found = reader.alternation(), reader.isAtEnd else { return nil }
    return found.map { Array($0.utf8) }
  }

  private struct Reader {
    let scalars: [Unicode.Scalar]
    var position = 0

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    var isAtEnd: Bool { position >= scalars.count }
    private var next: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    /// Alternatives up to a ')' or the end: every one must require a literal.
    mutating func alternation() -> [String]? {
      var all: [String] = []
      var complete = true
      while true {
        if let found = sequence() { all += found } else { complete = false }
        guard next == "|" else { break }
        position += 1
      }
      return complete && !all.isEmpty ? all : nil
    }

    /// A class of more characters than this stands for no literal: each would be tried.
    static let longestListedClass = 4

    /// Atoms up to '|', ')' or the end: the best of the literals it requires (the set whose
    /// shortest member is longest, then the smallest set), or nil.
    private mutating func sequence() -> [String]? {
      var best: [String]?
      var run = ""
      func consider(_ candidate: [String]) {
        guard !candidate.isEmpty, !candidate.contains(where: \.isEmpty) else { return }
        func shortest(_ set: [String]) -> Int { set.map(\.utf8.count).min() ?? 0 }
        guard let known = best else {
          best = candidate
          return
        }
        if shortest(candidate) > shortest(known) || (shortest(candidate) == shortest(known) && candidate.count < known.count) {
          best = candidate
        }
      }
      func endRun() {
        consider([run])
        run = ""
      }
      while let scalar = next, scalar != "|", scalar != ")" {
        position += 1
        var literal: Unicode.Scalar?
        var group: [String]?
        switch scalar {
        case "\\":
          guard let escaped = next else { return nil }
          position += 1
          if escaped.properties.isAlphabetic || escaped.properties.numericType != nil {
            // \s, \d, \b, \p{…}, \x{…}, \uFFFF, \1: a class, an assertion or a code, not a literal.
            guard skipEscapeArgument(escaped) else { return nil }
          } else {
            literal = escaped
          }
        case "[":
          guard let members = characterClass() else { return nil }
          if members.count == 1 {
            literal = members[0]
          } else {
            // [»›]: each member is a literal of its own, when each has a folded form.
            let folded = members.compactMap { LiteralFolding.fold($0).map(String.init) }
            if !folded.isEmpty, folded.count == members.count { group = Array(Set(folded)).sorted() }
          }
        case "(":
          guard let inner = parenthesized() else { return nil }
          group = inner
        case ".", "^", "$":
          break
        case "*", "+", "?", "{":
          return nil  // A quantifier with nothing before it.
        default:
          literal = scalar
        }
        guard let quantifier = quantifier() else { return nil }
        if let literal, let folded = LiteralFolding.fold(literal) {
          if quantifier.allowsNone {
            endRun()
          } else {
            run.unicodeScalars.append(folded)
            // 'ab+c' matches 'abbc': the run may not go past a repeated character.
            if quantifier.repeats { endRun() }
          }
        } else {
          endRun()
          if let group, !quantifier.allowsNone { consider(group) }
        }
      }
      endRun()
      return best
    }

    /// A group after its '(': its literals (nil for a lookaround or a group without them), or
    /// nil when it is not read.
    private mutating func parenthesized() -> [String]?? {
      var isLookaround = false
      if next == "?" {
        position += 1
        guard let kind = next else { return nil }
        switch kind {
        case ":", ">":
          position += 1
        case "=", "!":
          position += 1
          isLookaround = true
        case "<":
          position += 1
          guard next == "=" || next == "!" else { return nil }  // Named groups are not used.
          position += 1
          isLookaround = true
        default:
          // Flags: (?i) (?-i:…) (?m). Case matters not: literals are compared folded.
          while let flag = next, flag.properties.isAlphabetic || flag == "-" { position += 1 }
          if next == ")" {
            position += 1
            return .some(nil)
          }
          guard next == ":" else { return nil }
          position += 1
        }
      }
      let inner = alternation()
      guard next == ")" else { return nil }
      position += 1
      return .some(isLookaround ? nil : inner)
    }

    /// A class after its '[': its characters when it lists a few plain ones ([/], [»›]), none
    /// otherwise (a range, a negation, an escape, a set operation); nil when it does not close.
    private mutating func characterClass() -> [Unicode.Scalar]? {
      let start = position
      guard next != "]" else { return nil }  // A ']' first would be a member: not read.
      var depth = 1
      while let scalar = next {
        position += 1
        if scalar == "\\" {
          position += 1
        } else if scalar == "[" {
          depth += 1
        } else if scalar == "]" {
          depth -= 1
          if depth == 0 {
            let inside = scalars[start..<(position - 1)]
            let plain = inside.count <= Self.longestListedClass && !inside.contains { "^\\-&[:".unicodeScalars.contains($0) }
            return plain ? Array(inside) : []
          }
        }
      }
      return nil
    }

    /// The argument of an escape that has one: \p{L}, \x{41}, \N{…}, \xFF, \uFFFF.
    private mutating func skipEscapeArgument(_ escape: Unicode.Scalar) -> Bool {
      let braced: Set<Unicode.Scalar> = ["p", "P", "N", "x"]
      if braced.contains(escape), next == "{" {
        while let scalar = next, scalar != "}" { position += 1 }
        guard next == "}" else { return false }
        position += 1
        return true
      }
      switch escape {
      case "p", "P", "N": return false
      case "x": position += 2
      case "u": position += 4
      case "U": position += 8
      case "Q", "E", "c", "0": return false  // Quoted text and control codes: not read.
      default: break
      }
      return position <= scalars.count
    }

    /// What follows an atom: ? * + {n} {n,} {n,m}, with a lazy or possessive mark.
    private mutating func quantifier() -> (allowsNone: Bool, repeats: Bool)? {
      var result = (allowsNone: false, repeats: false)
      switch next {
      case "?": result = (true, false)
      case "*": result = (true, true)
      case "+": result = (false, true)
      case "{":
        position += 1
        var least = ""
        while let scalar = next, scalar.properties.numericType != nil, scalar.isASCII {
          least.unicodeScalars.append(scalar)
          position += 1
        }
        while let scalar = next, scalar != "}" {
          guard scalar == "," || (scalar.isASCII && scalar.properties.numericType != nil) else { return nil }
          position += 1
        }
        guard next == "}", let count = Int(least) else { return nil }
        result = (count == 0, true)
      default: return result
      }
      position += 1
      if next == "?" || next == "+" { position += 1 }
      return result
    }
  }
}

/// The lower case under which literals and text are compared, one scalar for one scalar. It
/// must agree with ICU's case-insensitive matching (full case folding): a scalar whose folding
/// is not its single lower-case form (ß to ss, ſ to s, ligatures, final sigma) has no folded
/// form here, and text that holds one is not filtered.
enum LiteralFolding {
  /// The scalar compared for `scalar`, or nil when folding is not one scalar's lower case.
  @inline(__always)
  static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
    let value = scalar.value
    if value < 0x80 { return value >= 0x41 && value <= 0x5A ? Unicode.Scalar(UInt8(value + 0x20)) : scalar }
    if value >= 0x410 && value <= 0x42F { return Unicode.Scalar(value + 0x20) }
    if value == 0x401 { return "ё" }
    // Quotes and dashes (General Punctuation) have no case either.
    if (value >= 0x430 && value <= 0x44F) || value == 0x451 || (value >= 0x2000 && value <= 0x206F)
      || TextScan.isCaseless(value)
    {
      return scalar
    }
    // Sure only where folding and lower case agree on one scalar (not Cherokee, which folds
    // to upper case), and for scalars older than the Unicode data of the regular expression
    // engine (Swift's own tables are newer than Foundation's ICU).
    let properties = scalar.properties
    guard let age = properties.age, age.major < 15 || (age.major == 15 && age.minor == 0) else { return nil }
    let lower = properties.lowercaseMapping.unicodeScalars
    guard lower.count == 1, let single = lower.first, !single.properties.changesWhenCaseFolded else { return nil }
    return single
  }
}
