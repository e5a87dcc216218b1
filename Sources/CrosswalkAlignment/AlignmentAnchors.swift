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
      let folded = word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
      // A capitalized Latin word in a Russian or Japanese text is a name or an acronym (NATO).
      if hasCapital && letters.count >= 3 { found.insert("w:" + folded) }
      if cognates && letters.count >= 4 { found.insert("c:" + String(folded.prefix(4))) }
    }
    for scalar in text.unicodeScalars {
      if scalar.properties.isAlphabetic && !(0x3040...0x9FFF).contains(scalar.value) {
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
    var values: [(value: Double, surface: String)] = []
    var index = 0
    func digit(_ scalar: Unicode.Scalar) -> Int? {
      switch scalar.value {
      case 0x30...0x39: Int(scalar.value - 0x30)
      case 0xFF10...0xFF19: Int(scalar.value - 0xFF10)
      default: nil
      }
    }
    while index < scalars.count {
      guard digit(scalars[index]) != nil else {
        index += 1
        continue
      }
      // A number inside a word (A320, G7) is a name, not a quantity.
      if index > 0, scalars[index - 1].properties.isAlphabetic, scalars[index - 1].value < 0x3000 {
        while index < scalars.count, digit(scalars[index]) != nil { index += 1 }
        continue
      }
      let start = index
      var integer = 0.0
      var fraction = ""
      while index < scalars.count {
        if let d = digit(scalars[index]) {
          integer = integer * 10 + Double(d)
          index += 1
          continue
        }
        // A separator followed by exactly three digits groups thousands (1,490 / 1 000);
        // a comma or point followed by other digits is a decimal mark.
        let separator = scalars[index]
        guard [",", ".", " ", "\u{A0}", "\u{202F}"].contains(separator), index + 1 < scalars.count,
          digit(scalars[index + 1]) != nil
        else { break }
        var run = 0
        while index + 1 + run < scalars.count, digit(scalars[index + 1 + run]) != nil { run += 1 }
        if run == 3 {
          index += 1
          continue
        }
        guard separator == "," || separator == "." else { break }
        for offset in 1...run { fraction.append(Character(scalars[index + offset])) }
        index += 1 + run
        break
      }
      var value = integer + (fraction.isEmpty ? 0 : (Double("0." + fraction) ?? 0))
      // Japanese era years: 昭和16年.
      let before = String(String.UnicodeScalarView(scalars[max(0, start - 4)..<start]))
      if let era = words.eras.first(where: { before.hasSuffix($0.name) }) { value += era.offset }
      // Scale words, after optional spaces.
      var next = index
      while next < scalars.count, scalars[next] == " " || scalars[next] == "\u{A0}" { next += 1 }
      let tail = String(String.UnicodeScalarView(scalars[next..<min(scalars.count, next + 10)])).lowercased()
      let scale = words.scales.first { tail.hasPrefix($0.prefix) }
      if let scale {
        value *= scale.factor
      } else if next < scalars.count, let factor = words.units[Character(scalars[next])] {
        value *= factor
        index = next + 1
        // 1万7000: the part after the unit adds.
        var rest = 0.0
        var hasRest = false
        while index < scalars.count, let d = digit(scalars[index]) {
          rest = rest * 10 + Double(d)
          hasRest = true
          index += 1
        }
        if hasRest { value += rest }
      }
      // The surface: the digits, and the scale word when there is one (万 and 億 are in already).
      var end = index
      if let scale {
        end = next + scale.prefix.unicodeScalars.count
        while end < scalars.count, scalars[end].properties.isAlphabetic { end += 1 }
      }
      values.append((value, String(String.UnicodeScalarView(scalars[start..<end]))))
    }
    return values + months(in: text)
  }

  /// Month names as their numbers, so that 4月, April and апреля agree.
  func months(in text: String) -> [(value: Double, surface: String)] {
    text.split(whereSeparator: { !$0.isLetter }).compactMap { word in words.month(word).map { ($0, String(word)) } }
  }
}
