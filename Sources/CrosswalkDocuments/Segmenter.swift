import CrosswalkCore
import CrosswalkICU

/// A document's sentences and words, found by ICU break iteration under its language's rules.
public struct Segmentation: Sendable {
  /// Sentences, in order, covering the text.
  public let sentences: [TextSpan]
  /// Word segments (words, numbers, and the spaces and punctuation between them), in order;
  /// Japanese and Chinese segmented by ICU's dictionary.
  public let words: [TextSegment]

  /// False when only sentences were asked for: `words` is then empty.
  public let hasWords: Bool

  public init(sentences: [TextSpan], words: [TextSegment], hasWords: Bool = true) {
    self.sentences = sentences
    self.words = words
    self.hasWords = hasWords
  }

  /// The index of the sentence holding `offset`, or nil past the end.
  public func sentenceIndex(containing offset: Int) -> Int? {
    var low = 0
    var high = sentences.count
    while low < high {
      let middle = (low + high) / 2
      if sentences[middle].end <= offset { low = middle + 1 } else { high = middle }
    }
    return low < sentences.count && sentences[low].start <= offset ? low : nil
  }
}

/// Segments documents; keeps one pair of ICU break iterators per language it has seen. Not
/// `Sendable`: give each thread its own.
public final class Segmenter {
  private var breakers: [String: (sentence: TextBreaker, word: TextBreaker)] = [:]

  public init() {}

  /// The sentences and (unless `words` is false) words of `document`, under the rules of its
  /// language. Word breaks cost as much as sentences; some uses need them only for some texts.
  public func segment(_ document: Document, words: Bool = true) throws(ICUError) -> Segmentation {
    try segment(document.scalars[...], language: document.language, words: words)
  }

  /// The sentences and words of `text` under the rules of `language` (BCP 47; "und" for root).
  public func segment(_ text: String, language: String, words: Bool = true) throws(ICUError) -> Segmentation {
    try segment(Array(text.unicodeScalars)[...], language: language, words: words)
  }

  /// `segmentation` with the words of `document` added, when it has none yet.
  public func addingWords(to segmentation: Segmentation, of document: Document) throws(ICUError) -> Segmentation {
    if segmentation.hasWords { return segmentation }
    return Segmentation(
      sentences: segmentation.sentences,
      words: try breakers(for: document.language).word.segments(of: document.scalars[...]))
  }

  private func segment(
    _ scalars: ArraySlice<Unicode.Scalar>, language: String, words: Bool
  ) throws(ICUError) -> Segmentation {
    let pair = try breakers(for: language)
    let sentences = try pair.sentence.segments(of: scalars).map(\.span)
    guard words else { return Segmentation(sentences: sentences, words: [], hasWords: false) }
    return Segmentation(sentences: sentences, words: try pair.word.segments(of: scalars))
  }

  private func breakers(for language: String) throws(ICUError) -> (sentence: TextBreaker, word: TextBreaker) {
    let locale = language == "und" ? "" : language
    if let cached = breakers[locale] { return cached }
    let pair = (sentence: try TextBreaker(.sentence, locale: locale), word: try TextBreaker(.word, locale: locale))
    breakers[locale] = pair
    return pair
  }
}
