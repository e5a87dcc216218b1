import CrosswalkCore
import CrosswalkMentions

/// How a linked mention is spelled other than its entity's names are: what the name rules flag,
/// and what a report calls a rendering that is not the glossary's.
public enum Respelling: String, Sendable {
  /// A name the glossary marks as non-standard.
  case variant = "a variant of"
  /// Linked through known confusions only.
  case close = "close to"
  /// A spelling no Latin name of the glossary has, though one of its names has it when
  /// romanized (Saharin for サハリン, Tokio for Токио) or when romanization schemes are folded
  /// (Etorohu).
  case spelledThrough = "a non-standard spelling of"
}

extension Mention {
  /// nil for a mention spelled as a name of its entity is (or one unlinked).
  public var respelling: Respelling? {
    guard let matched = matchedName, let method else { return nil }
    if matched.kind == .variant { return .variant }
    // A fuzzy link whose words are all the matched name's is a short form of it (Ministry of
    // Foreign Affairs for the Ministry of Foreign Affairs of Russia), not another spelling.
    if method == "fuzzy" { return isShortForm(surface, of: matched.text) ? nil : .close }
    // A name as the glossary writes it is spelled as the glossary does.
    if method == "literal" { return nil }
    guard method == "latin" || method == "romanization" || !isLatin(matched.text) else { return nil }
    return isLatin(surface) && !isAcronym(surface) ? .spelledThrough : nil
  }
}

/// An acronym (SShA) is the acronym rule's, not a spelling.
private func isAcronym(_ text: String) -> Bool {
  var capitals = 0
  for scalar in text.unicodeScalars {
    if scalar == " " { return false }
    if scalar.properties.isUppercase { capitals += 1 }
  }
  return capitals >= 2
}

/// Whether every word of `surface` is a word of `name`, case aside.
private func isShortForm(_ surface: String, of name: String) -> Bool {
  let words = { (text: String) in text.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" }) }
  let nameWords = Set(words(name))
  return words(surface).allSatisfy { nameWords.contains($0) }
}

extension Mention {
  /// Whether the text gives the name in another script in brackets right after it (the Rossiya
  /// (Россия)): a transliteration the writer chose and explained, not a slip.
  func isGlossed(in scalars: [Unicode.Scalar]) -> Bool {
    var next = span.end
    while next < scalars.count, scalars[next] == " " { next += 1 }
    guard next + 1 < scalars.count, scalars[next] == "(" || scalars[next] == "（" else { return false }
    return scalars[next + 1].value >= 0x250 && scalars[next + 1].properties.isAlphabetic
  }
}
