import CrosswalkCore

/// A word of running text for the rules: letters and digits, with inner apostrophes and hyphens.
struct ScannedWord {
  let span: TextSpan
  /// Lower-cased.
  let folded: String
}

/// Small scans of a document's scalars that several rules share.
enum TextScan {
  static func isLetter(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isAlphabetic }

  /// Letters, digits and combining marks (a decomposed й is two scalars of one word).
  static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII {
      let value = scalar.value
      return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
    }
    let properties = scalar.properties
    return properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
      || properties.generalCategory == .spacingMark
  }

  /// The words of `span`, in order.
  static func words(_ scalars: [Unicode.Scalar], in span: TextSpan) -> [ScannedWord] {
    var words: [ScannedWord] = []
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
      var folded = String.UnicodeScalarView()
      for scalar in scalars[start..<position] {
        if scalar.isASCII {
          let value = scalar.value
          folded.append(value >= 65 && value <= 90 ? Unicode.Scalar(UInt8(value + 32)) : scalar)
        } else {
          folded.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
        }
      }
      words.append(ScannedWord(span: TextSpan(start: start, end: position), folded: String(folded)))
    }
    return words
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
