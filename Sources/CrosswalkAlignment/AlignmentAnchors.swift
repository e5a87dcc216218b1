import CrosswalkCore
import Foundation

/// What two sentences in different languages can share for sure: numbers (with their scale
/// words: 600 млн = 600 million = 6億), years (昭和16年 = 1941), the entities named, Latin
/// words and, between two Latin-script texts, cognates (the first four letters of a long word);
/// and the marks of questions, exclamations and quotations. The words that scale numbers and
/// name months are data (`NumberWords`).
public struct AlignmentAnchors: Sendable {
  public let words: NumberWords

  public init(words: NumberWords) { self.words = words }

  /// The anchors with the built-in number words.
  public static func builtIn() throws(NumberWords.Problem) -> AlignmentAnchors {
    AlignmentAnchors(words: try NumberWords.builtIn())
  }

  /// The anchors of one sentence: `entities` are the glossary ids of its mentions; `cognates`
  /// adds word prefixes (both texts in Latin script).
  public func anchors(of text: String, entities: [String] = [], cognates: Bool) -> Set<String> {
    var found = Set<String>()
    for number in numbers(in: text) { found.insert("n:" + Self.format(number.value)) }
    for id in entities { found.insert("e:" + id) }
    var word = ""
    func closeWord() {
      defer { word = "" }
      guard word.unicodeScalars.count >= 2 else { return }
      let letters = word.unicodeScalars
      let isLatin = letters.allSatisfy { $0.value < 0x250 }
      guard isLatin else { return }
      let hasCapital = letters.contains { $0.properties.isUppercase }
      // Most words are ASCII: lower-casing is all their folding needs.
      let folded =
        letters.allSatisfy { $0.isASCII }
        ? word.lowercased() : word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
      // A capitalized Latin word in a Russian or Japanese text is a name or an acronym (NATO).
      if hasCapital && letters.count >= 3 { found.insert("w:" + folded) }
      if cognates && letters.count >= 4 { found.insert("c:" + String(folded.prefix(4))) }
    }
    for scalar in text.unicodeScalars {
      let isLetter =
        scalar.isASCII
        ? (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value)
        : scalar.properties.isAlphabetic && !(0x3040...0x9FFF).contains(scalar.value)
      if isLetter {
        word.unicodeScalars.append(scalar)
        continue
      }
      closeWord()
      switch scalar {
      case "?", "？": found.insert("p:?")
      case "!", "！": found.insert("p:!")
      case "“", "«", "„", "「", "『", "\"": found.insert("p:quote")
      case "(", "（": found.insert("p:paren")
      default: break
      }
    }
    closeWord()
    return found
  }

  /// "1941", "600000000", "7.6".
  public static func format(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(format: "%.4g", value)
  }

  /// The numbers of `text` with their scale: "600 млн" is 6e8, "1万7000" 17,000, "1,490" 1490,
  /// "7,6" (a Russian decimal) 7.6, "昭和16年" 1941.
  public func numbers(in text: String) -> [(value: Double, surface: String)] {
    let scalars = Array(text.unicodeScalars)
    let found = numbers(in: scalars[...]).map { number in
      (number.value, makeString(scalars[number.start..<number.end]))
    }
    return found + months(in: text)
  }

  /// A number as read in a run of scalars, with where it is: the facts of a report need the
  /// offsets, the anchors only the value.
  struct Number {
    let value: Double
    /// The digits and what was read with them (a scale word: "600 млн"; 万 and the digits
    /// after it: "1万7000"), as offsets of the scalars read, end exclusive.
    let start: Int
    let end: Int
    /// Where an era name before the digits starts (昭和16年), or nil.
    let eraStart: Int?
    /// Digits only: no separator, decimal mark, scale word or unit (what a year looks like).
    let isPlain: Bool
  }

  /// Lower case for the scripts that have it and that number and unit words are written in,
  /// Latin and Cyrillic; other scalars as they are. Cheap: it runs at every number.
  static func lower(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    switch scalar.value {
    case 0x41...0x5A, 0x410...0x42F: Unicode.Scalar(scalar.value + 0x20) ?? scalar
    case 0x400...0x40F: Unicode.Scalar(scalar.value + 0x50) ?? scalar
    case 0xC0...0xDE where scalar.value != 0xD7: Unicode.Scalar(scalar.value + 0x20) ?? scalar
    default: scalar
    }
  }

  /// Whether `word` is written at `position` (any case, as `lower` folds it).
  static func starts(
    _ word: [Unicode.Scalar], at position: Int, in scalars: ArraySlice<Unicode.Scalar>
  ) -> Bool {
    guard position >= scalars.startIndex, position + word.count <= scalars.endIndex else { return false }
    for (offset, scalar) in word.enumerated() where lower(scalars[position + offset]) != scalar {
      return false
    }
    return true
  }

  /// A letter of a script that writes spaces between words (Latin, Cyrillic, Greek…), unlike
  /// kana and kanji. ASCII first: Unicode properties are a table lookup, run at every number.
  static func isWordLetter(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.value < 0x80 {
      return (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value)
    }
    return scalar.value < 0x3000 && scalar.properties.isAlphabetic
  }

  /// The value of a decimal digit, ASCII or full-width.
  static func digit(_ scalar: Unicode.Scalar) -> Int? {
    switch scalar.value {
    case 0x30...0x39: Int(scalar.value - 0x30)
    case 0xFF10...0xFF19: Int(scalar.value - 0xFF10)
    default: nil
    }
  }

  /// The numbers of `scalars` (month names aside), with offsets in the slice's own indices: a
  /// sentence cut from a document's scalars gives offsets into the document.
  func numbers(in scalars: ArraySlice<Unicode.Scalar>) -> [Number] {
    let first = scalars.startIndex, limit = scalars.endIndex
    let digit = Self.digit
    var values: [Number] = []
    var index = first
    while index < limit {
      guard digit(scalars[index]) != nil else {
        index += 1
        continue
      }
      // A number inside a word (A320, G7) is a name, not a quantity.
      if index > first, Self.isWordLetter(scalars[index - 1]) {
        while index < limit, digit(scalars[index]) != nil { index += 1 }
        continue
      }
      let start = index
      var integer = 0.0
      var fraction = ""
      var isPlain = true
      while index < limit {
        if let d = digit(scalars[index]) {
          integer = integer * 10 + Double(d)
          index += 1
          continue
        }
        // A separator followed by exactly three digits groups thousands (1,490 / 1 000);
        // a comma or point followed by other digits is a decimal mark.
        let separator = scalars[index]
        let isSeparator =
          switch separator {
          case ",", ".", " ", "\u{A0}", "\u{202F}": true
          default: false
          }
        guard isSeparator, index + 1 < limit, digit(scalars[index + 1]) != nil else { break }
        var run = 0
        while index + 1 + run < limit, digit(scalars[index + 1 + run]) != nil { run += 1 }
        if run == 3 {
          isPlain = false
          index += 1
          continue
        }
        guard separator == "," || separator == "." else { break }
        isPlain = false
        for offset in 1...run { fraction.append(Character(scalars[index + offset])) }
        index += 1 + run
        break
      }
      var value = integer + (fraction.isEmpty ? 0 : (Double("0." + fraction) ?? 0))
      // Japanese era years: 昭和16年.
      let era = words.eras.first { Self.starts($0.name, at: start - $0.name.count, in: scalars) }
      if let era { value += era.offset }
      // Scale words, after optional spaces.
      var next = index
      while next < limit, scalars[next] == " " || scalars[next] == "\u{A0}" { next += 1 }
      let scale = words.scales.first { Self.starts($0.prefix, at: next, in: scalars) }
      if let scale {
        value *= scale.factor
        isPlain = false
      } else if next < limit, let factor = words.units[scalars[next]] {
        value *= factor
        isPlain = false
        index = next + 1
        // 1万7000: the part after the unit adds.
        var rest = 0.0
        var hasRest = false
        while index < limit, let d = digit(scalars[index]) {
          rest = rest * 10 + Double(d)
          hasRest = true
          index += 1
        }
        if hasRest { value += rest }
      }
      // The surface: the digits, and the scale word when there is one (万 and 億 are in already).
      var end = index
      if let scale {
        end = next + scale.prefix.count
        while end < limit, scalars[end].properties.isAlphabetic { end += 1 }
      }
      let eraStart = era.map { start - $0.name.count }
      values.append(Number(value: value, start: start, end: end, eraStart: eraStart, isPlain: isPlain))
    }
    return values
  }

  /// Month names as their numbers, so that 4月, April and апреля agree.
  func months(in text: String) -> [(value: Double, surface: String)] {
    // Scalar by scalar, and a word becomes a string only when its length is a month name's:
    // splitting every sentence into Characters was a fifth of `align`'s time.
    var found: [(value: Double, surface: String)] = []
    var word = String.UnicodeScalarView()
    var length = 0
    func closeWord() {
      defer {
        word = String.UnicodeScalarView()
        length = 0
      }
      guard words.monthLengths.contains(length) else { return }
      let text = String(word)
      if let month = words.month(text[...]) { found.append((month, text)) }
    }
    for scalar in text.unicodeScalars {
      if Self.isWordScalar(scalar) {
        word.append(scalar)
        length += 1
      } else if length > 0 {
        closeWord()
      }
    }
    if length > 0 { closeWord() }
    return found
  }

  /// A letter of a word, or a combining mark inside one (NFD май).
  static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    isWordLetter(scalar) || (0x300...0x36F).contains(scalar.value)
  }
}
