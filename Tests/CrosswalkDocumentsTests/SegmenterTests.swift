// Pins Segmenter: sentences of English, Russian and Japanese text with exact scalar spans; Japanese
// words from ICU's dictionary; segments covering the text without gaps; `sentenceIndex(containing:)`;
// spans in Unicode scalars after characters outside the BMP; one segmenter reused across languages.
import CrosswalkCore
import CrosswalkICU
import Testing

@testable import CrosswalkDocuments

@Suite("Segmenter")
struct SegmenterTests {
  static func pieces(_ text: String, _ spans: [TextSpan]) -> [String] {
    spans.map { text.scalars(in: $0) }
  }

  /// Checks that `spans` cover `text` from start to end without gaps or overlaps.
  static func expectCoverage(
    _ spans: [TextSpan], of text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    #expect(spans.first?.start == 0, sourceLocation: sourceLocation)
    #expect(spans.last?.end == text.unicodeScalars.count, sourceLocation: sourceLocation)
    #expect(spans.allSatisfy { !$0.isEmpty }, sourceLocation: sourceLocation)
    for (before, after) in zip(spans, spans.dropFirst()) {
      #expect(
        before.end == after.start, "gap or overlap at \(before) \(after)", sourceLocation: sourceLocation)
    }
  }

  @Test("three English sentences, with exact spans")
  func english() throws {
    let text = "Kishida met Osechkin in Tokyo. They talked about the islands! Did anything change?"
    let segmentation = try Segmenter().segment(text, language: "en")
    #expect(
      segmentation.sentences == [
        TextSpan(start: 0, end: 31), TextSpan(start: 31, end: 62), TextSpan(start: 62, end: 82),
      ])
    #expect(
      Self.pieces(text, segmentation.sentences) == [
        "Kishida met Osechkin in Tokyo. ", "They talked about the islands! ", "Did anything change?",
      ])
    Self.expectCoverage(segmentation.sentences, of: text)
    Self.expectCoverage(segmentation.words.map(\.span), of: text)
    let words = segmentation.words.filter(\.wordKind.isWord).map { text.scalars(in: $0.span) }
    #expect(words.prefix(5) == ["Kishida", "met", "Osechkin", "in", "Tokyo"])
    #expect(words.count == 13)
  }

  @Test("Russian sentences, and a number among the words")
  func russian() throws {
    let text = "Кисида прилетел в Токио. Осечкин ждал его с 1941 года? Нет, с утра."
    let segmentation = try Segmenter().segment(text, language: "ru")
    #expect(
      Self.pieces(text, segmentation.sentences) == [
        "Кисида прилетел в Токио. ", "Осечкин ждал его с 1941 года? ", "Нет, с утра.",
      ])
    #expect(segmentation.sentences.first == TextSpan(start: 0, end: 25))
    Self.expectCoverage(segmentation.words.map(\.span), of: text)
    let numbers = segmentation.words.filter { $0.wordKind == .number }.map { text.scalars(in: $0.span) }
    #expect(numbers == ["1941"])
    #expect(segmentation.words.contains { $0.wordKind == .letter && text.scalars(in: $0.span) == "Осечкин" })
  }

  @Test("Japanese sentences end at 。 and words come from the dictionary")
  func japanese() throws {
    let text = "岸田文雄首相は国後島を訪れた。地元の人々が迎えた。記者は待っていた。"
    let segmentation = try Segmenter().segment(text, language: "ja")
    #expect(
      Self.pieces(text, segmentation.sentences) == [
        "岸田文雄首相は国後島を訪れた。", "地元の人々が迎えた。", "記者は待っていた。",
      ])
    #expect(segmentation.sentences.map(\.count) == [15, 10, 9])
    Self.expectCoverage(segmentation.sentences, of: text)
    Self.expectCoverage(segmentation.words.map(\.span), of: text)
    let words = Self.pieces(text, segmentation.words.map(\.span))
    #expect(words.contains("国後島"))
    #expect(words.contains("岸田"))
    #expect(!words.contains(text), "the dictionary splits the run of ideographs")
    #expect(segmentation.words.contains { $0.wordKind == .ideographic })
    // Only 。 is punctuation; everything else is a word.
    let punctuation = segmentation.words.filter { !$0.wordKind.isWord }.map { text.scalars(in: $0.span) }
    #expect(punctuation == ["。", "。", "。"])
  }

  @Test("the dictionary's segmentation of a headline sentence, as ICU gives it")
  func japaneseWordBoundaries() throws {
    // Family and given name apart, the island whole; the verb's stem and its past-tense ending
    // are two segments (訪れ|た).
    let text = "岸田文雄首相は国後島を訪れた。"
    let words = try Segmenter().segment(text, language: "ja").words
    #expect(Self.pieces(text, words.map(\.span)) == ["岸田", "文雄", "首相", "は", "国後島", "を", "訪れ", "た", "。"])
    #expect(words.map(\.span.start) == [0, 2, 4, 6, 7, 10, 11, 13, 14])
    #expect(words.dropLast().allSatisfy { $0.wordKind == .ideographic })
    #expect(words.last?.wordKind == WordKind.none)
  }

  @Test("sentenceIndex(containing:) finds the sentence of every offset, and nil past the end")
  func sentenceIndex() throws {
    let text = "One sentence. Two sentences. Three."
    let segmentation = try Segmenter().segment(text, language: "en")
    #expect(segmentation.sentences.count == 3)
    for (index, sentence) in segmentation.sentences.enumerated() {
      for offset in sentence.start..<sentence.end {
        #expect(segmentation.sentenceIndex(containing: offset) == index, "offset \(offset)")
      }
    }
    #expect(segmentation.sentenceIndex(containing: 14) == 1)  // the T of "Two"
    #expect(segmentation.sentenceIndex(containing: 13) == 0)  // the space after "One sentence."
    #expect(segmentation.sentenceIndex(containing: text.unicodeScalars.count) == nil)
    #expect(segmentation.sentenceIndex(containing: 1000) == nil)
    #expect(segmentation.sentenceIndex(containing: -1) == nil)
    #expect(Segmentation(sentences: [], words: []).sentenceIndex(containing: 0) == nil)
    // Sentences with a gap between them (built by hand): an offset in the gap is in none.
    let gappy = Segmentation(sentences: [TextSpan(start: 0, end: 3), TextSpan(start: 5, end: 8)], words: [])
    #expect(gappy.sentenceIndex(containing: 2) == 0)
    #expect(gappy.sentenceIndex(containing: 3) == nil)
    #expect(gappy.sentenceIndex(containing: 5) == 1)
  }

  @Test("spans count Unicode scalars, so characters outside the BMP before a sentence count once")
  func scalarSpans() throws {
    let text = "😀𠮷 Hello there. Kishida met 😀 Osechkin. 𠮷 is a kanji."
    let segmentation = try Segmenter().segment(text, language: "en")
    #expect(
      Self.pieces(text, segmentation.sentences) == [
        "😀𠮷 Hello there. ", "Kishida met 😀 Osechkin. ", "𠮷 is a kanji.",
      ])
    #expect(segmentation.sentences.map(\.start) == [0, 16, 40])
    #expect(segmentation.sentences.last?.end == text.unicodeScalars.count)
    let osechkin = try #require(segmentation.words.first { text.scalars(in: $0.span) == "Osechkin" })
    #expect(osechkin.span == TextSpan(start: 30, end: 38))
    #expect(segmentation.sentenceIndex(containing: osechkin.span.start) == 1)
    Self.expectCoverage(segmentation.words.map(\.span), of: text)
  }

  @Test("a document is segmented under its own language; one segmenter serves several languages")
  func documents() throws {
    let segmenter = Segmenter()
    let english = Document(
      id: "en", path: "en.txt", language: "en", languageSource: .manifest,
      encoding: EncodingReport(name: "UTF-8", evidence: "valid-utf8", confidence: 100, byteCount: 0),
      text: "Kishida met Osechkin. They talked.")
    let japanese = Document(
      id: "ja", path: "ja.txt", language: "ja", languageSource: .manifest,
      encoding: EncodingReport(name: "UTF-8", evidence: "valid-utf8", confidence: 100, byteCount: 0),
      text: "岸田首相は国後島を訪れた。記者は待っていた。")
    let unknown = Document(
      id: "und", path: "und.txt", language: "und", languageSource: .detected,
      encoding: EncodingReport(name: "UTF-8", evidence: "valid-utf8", confidence: 100, byteCount: 0),
      text: "Кисида прилетел. Осечкин ждал.")
    for _ in 0..<2 {
      #expect(try segmenter.segment(english).sentences.count == 2)
      #expect(try segmenter.segment(japanese).sentences.count == 2)
      #expect(try segmenter.segment(unknown).sentences.count == 2)
    }
  }

  @Test("empty text has no sentences and no words")
  func empty() throws {
    let segmentation = try Segmenter().segment("", language: "en")
    #expect(segmentation.sentences.isEmpty)
    #expect(segmentation.words.isEmpty)
    #expect(segmentation.sentenceIndex(containing: 0) == nil)
  }

  @Test("the sample corpus's Japanese article: sentences and words cover it without gaps")
  func corpusArticle() throws {
    let loader = try DocumentLoader()
    let listing = try CorpusWalker.list([corpusFolder])
    let source = try #require(listing.sources.first { $0.id == "kurils-ja" })
    let document = try loader.load(source)
    let segmentation = try Segmenter().segment(document)
    Self.expectCoverage(segmentation.sentences, of: document.text)
    Self.expectCoverage(segmentation.words.map(\.span), of: document.text)
    #expect(segmentation.sentences.count > 10)
    #expect(segmentation.words.filter { $0.wordKind == .ideographic }.count > 100)
  }
}
