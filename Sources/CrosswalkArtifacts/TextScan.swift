import CrosswalkCore

/// A word of running text for the rules: letters and digits, with inner apostrophes and hyphens.
struct ScannedWord {
  let span: TextSpan
  /// Lower-cased.
  let folded: String
  /// `keyHash(folded)`: what list rules look words up by.
  let key: UInt64

  init(span: TextSpan, folded: String) {
    self.span = span
    self.folded = folded
    key = keyHash(folded)
  }
}

/// Small scans of a document's scalars that several rules share.
enum TextScan {
  // The rules ask these of most scalars of a text, where a property lookup costs as much as
  // the rest of the rule: ASCII, Russian and the kana and CJK blocks are decided by value, and
  // only other scalars are looked up. A test holds them equal to the properties for every scalar.

  /// `scalar.properties.isAlphabetic`.
  @inline(__always)
  static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x80 { return value | 0x20 >= 0x61 && value | 0x20 <= 0x7A }
    if isRussian(value) || isKanaOrCJK(value) { return true }
    return scalar.properties.isAlphabetic
  }

  /// `scalar.properties.isUppercase`.
  @inline(__always)
  static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x80 { return value >= 0x41 && value <= 0x5A }
    if isRussian(value) { return value <= 0x42F || value == 0x401 }
    if isKanaOrCJK(value) { return false }
    return scalar.properties.isUppercase
  }

  /// `scalar.properties.isLowercase`.
  @inline(__always)
  static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x80 { return value >= 0x61 && value <= 0x7A }
    if isRussian(value) { return value >= 0x430 && value != 0x401 }
    if isKanaOrCJK(value) { return false }
    return scalar.properties.isLowercase
  }

  /// `scalar.properties.canonicalCombiningClass != .notReordered`: a mark that normalization
  /// composes or reorders.
  @inline(__always)
  static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x300 || isRussian(value) || isKanaOrCJK(value) { return false }
    return scalar.properties.canonicalCombiningClass != .notReordered
  }

  /// А–я, Ё and ё.
  @inline(__always)
  private static func isRussian(_ value: UInt32) -> Bool {
    (value >= 0x410 && value <= 0x44F) || value == 0x401 || value == 0x451
  }

  /// CJK punctuation, kana and ideographs up to U+9FFF: nothing there has a lower-case form
  /// other than itself (tested), so Japanese words fold by copying.
  @inline(__always)
  static func isCaseless(_ value: UInt32) -> Bool { value >= 0x3000 && value <= 0x9FFF }

  /// Hiragana, katakana and the unified ideographs: letters without case.
  @inline(__always)
  private static func isKanaOrCJK(_ value: UInt32) -> Bool {
    (value >= 0x3041 && value <= 0x3096) || (value >= 0x30A1 && value <= 0x30FA) || (value >= 0x4E00 && value <= 0x9FFF)
  }

  /// Letters, digits and combining marks (a decomposed й is two scalars of one word).
  @inline(__always)
  static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x80 { return (value >= 0x30 && value <= 0x39) || (value | 0x20 >= 0x61 && value | 0x20 <= 0x7A) }
    if isRussian(value) || isKanaOrCJK(value) { return true }
    return isWordScalarByProperties(scalar)
  }

  private static func isWordScalarByProperties(_ scalar: Unicode.Scalar) -> Bool {
    let properties = scalar.properties
    return properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
      || properties.generalCategory == .spacingMark
  }

  /// The words of `span`, in order.
  static func words(_ scalars: [Unicode.Scalar], in span: TextSpan) -> [ScannedWord] {
    var words: [ScannedWord] = []
    // Running text has a word every six or seven scalars.
    words.reserveCapacity((span.end - span.start) / 6 + 4)
    var position = span.start
    while position < span.end {
      guard isWordScalar(scalars[position]) else {
        position += 1
        continue
      }
      let start = position
      while position < span.end,
        isWordScalar(scalars[position])
          || ((scalars[position] == "'" || scalars[position] == "’" || scalars[position] == "-")
            && position + 1 < span.end && isWordScalar(scalars[position + 1]))
      {
        position += 1
      }
      words.append(ScannedWord(span: TextSpan(start: start, end: position), folded: folded(scalars[start..<position])))
    }
    return words
  }

  /// `word` in lower case. Words are made by the hundred thousand: ASCII and Russian letters
  /// are lowered by value and kana and kanji copied, straight into the string's bytes; other
  /// scripts go by their properties.
  static func folded(_ word: ArraySlice<Unicode.Scalar>) -> String {
    var byteCount = 0
    for scalar in word {
      let value = scalar.value
      if value < 0x80 {
        byteCount += 1
      } else if isRussian(value) {
        byteCount += 2
      } else if isCaseless(value) {
        byteCount += 3
      } else {
        return foldedByProperties(word)
      }
    }
    return String(unsafeUninitializedCapacity: byteCount) { buffer in
      var position = 0
      for scalar in word {
        var value = scalar.value
        if value < 0x80 {
          buffer[position] = UInt8(value >= 0x41 && value <= 0x5A ? value + 0x20 : value)
          position += 1
          continue
        }
        if value >= 0x3000 {
          // Three-byte UTF-8, unchanged (`isCaseless`).
          buffer[position] = UInt8(0xE0 | (value >> 12))
          buffer[position + 1] = UInt8(0x80 | ((value >> 6) & 0x3F))
          buffer[position + 2] = UInt8(0x80 | (value & 0x3F))
          position += 3
          continue
        }
        if value <= 0x42F && value >= 0x410 { value += 0x20 } else if value == 0x401 { value = 0x451 }
        // Two-byte UTF-8 of U+0430...U+0451.
        buffer[position] = UInt8(0xC0 | (value >> 6))
        buffer[position + 1] = UInt8(0x80 | (value & 0x3F))
        position += 2
      }
      return position
    }
  }

  private static func foldedByProperties(_ word: ArraySlice<Unicode.Scalar>) -> String {
    var folded = String.UnicodeScalarView()
    for scalar in word {
      if scalar.isASCII {
        let value = scalar.value
        folded.append(value >= 65 && value <= 90 ? Unicode.Scalar(UInt8(value + 32)) : scalar)
      } else {
        folded.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
      }
    }
    return String(folded)
  }

  /// Whether `words` contain `phrase` (lower-case words) in a row.
  static func contains(_ words: ArraySlice<ScannedWord>, phrase: [String]) -> Bool {
    guard !phrase.isEmpty, words.count >= phrase.count else { return false }
    for start in words.startIndex...(words.endIndex - phrase.count) where words[start].folded == phrase[0] {
      if (1..<phrase.count).allSatisfy({ words[start + $0].folded == phrase[$0] }) { return true }
    }
    return false
  }

  /// The text of `span` for a message: whole when short, else its start and an ellipsis (the
  /// line itself is shown under the message).
  static func excerpt(_ document: Document, _ span: TextSpan, limit: Int = 40) -> String {
    span.count <= limit
      ? document.text(of: span) : document.text(of: TextSpan(start: span.start, end: span.start + limit - 1)) + "…"
  }

  /// The lines of the text: spans without their line ends.
  static func lines(_ scalars: [Unicode.Scalar]) -> [TextSpan] {
    var lines: [TextSpan] = []
    var start = 0
    for (offset, scalar) in scalars.enumerated() where scalar == "\n" {
      let end = offset > start && scalars[offset - 1] == "\r" ? offset - 1 : offset
      lines.append(TextSpan(start: start, end: end))
      start = offset + 1
    }
    lines.append(TextSpan(start: start, end: scalars.count))
    return lines
  }
}
