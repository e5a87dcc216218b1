// Pins `TextBreaker`, `TextSegment` and `WordKind`: sentence segmentation of English, Russian and
// Japanese; dictionary word segmentation of Japanese (and the rule status ICU 72 gives kana in
// it); spans in Unicode scalars rather than UTF-16 units; segments covering the text without
// gaps; numbers; the empty string; locales 'ru', 'ja', '' and an unknown one.
import CrosswalkCore
import Testing

@testable import CrosswalkICU

@Suite struct TextBreakerTests {
  /// The text of each segment, in order.
  private static func pieces(_ text: String, _ segments: [TextSegment]) -> [String] {
    segments.map { text.scalars(in: $0.span) }
  }

  // MARK: Sentences

  @Test func englishTextHasThreeSentences() throws {
    let text = "Kishida went to Kunashir. He met the mayor! Was it cold?"
    let segments = try TextBreaker(.sentence, locale: "en").segments(of: text)
    #expect(
      Self.pieces(text, segments) == [
        "Kishida went to Kunashir. ", "He met the mayor! ", "Was it cold?",
      ])
  }

  @Test(arguments: ["ru", ""])
  func russianTextHasThreeSentences(locale: String) throws {
    let text = "Кишида прибыл на Кунашир. Мэр встретил его! Было холодно?"
    let segments = try TextBreaker(.sentence, locale: locale).segments(of: text)
    #expect(
      Self.pieces(text, segments) == [
        "Кишида прибыл на Кунашир. ", "Мэр встретил его! ", "Было холодно?",
      ])
  }

  @Test(arguments: ["ja", ""])
  func japaneseTextSplitsAtIdeographicFullStop(locale: String) throws {
    let text = "岸田は国後島に行った。市長に会った。寒かったか？"
    let segments = try TextBreaker(.sentence, locale: locale).segments(of: text)
    #expect(Self.pieces(text, segments) == ["岸田は国後島に行った。", "市長に会った。", "寒かったか？"])
  }

  // MARK: Words

  @Test(arguments: ["ja", ""])
  func japaneseWordsComeFromTheDictionary(locale: String) throws {
    let text = "国後島は北海道の東にある"
    let segments = try TextBreaker(.word, locale: locale).segments(of: text)
    let words = Self.pieces(text, segments)
    #expect(words.contains("国後島"))
    #expect(words.contains("北海道"))
    #expect(segments.filter { $0.wordKind == .ideographic }.count > 1)
    #expect(segments.allSatisfy { $0.wordKind.isWord })
  }

  @Test func kanaWordsInJapaneseTextAreReportedAsIdeographic() throws {
    // ICU 72 segments Han, hiragana and katakana with one dictionary and gives every such
    // segment UBRK_WORD_IDEO (400), so WordKind.kana (300…399) never comes back for Japanese:
    // は, ある, キシダ and even a lone katakana word are all .ideographic.
    let text = "キシダは国後島にある"
    let segments = try TextBreaker(.word, locale: "ja").segments(of: text)
    #expect(Self.pieces(text, segments) == ["キシダ", "は", "国後島", "に", "ある"])
    #expect(segments.map(\.wordKind) == Array(repeating: .ideographic, count: 5))
    #expect(try TextBreaker(.word).segments(of: "カタカナ").map(\.wordKind) == [.ideographic])
  }

  @Test func latinWordAfterAnEmojiHasAScalarSpan() throws {
    // 😀 is two UTF-16 units; spans count it once.
    let text = "😀 Kishida"
    let segments = try TextBreaker(.word).segments(of: text)
    let word = try #require(segments.first { $0.wordKind == .letter })
    #expect(word.span == TextSpan(start: 2, end: 9))
    #expect(text.scalars(in: word.span) == "Kishida")
  }

  @Test(arguments: ["ru", ""])
  func russianWordsNumbersAndPunctuation(locale: String) throws {
    let text = "Кишида прибыл в 1941 году."
    let segments = try TextBreaker(.word, locale: locale).segments(of: text)
    let words = segments.filter(\.wordKind.isWord).map { text.scalars(in: $0.span) }
    #expect(words == ["Кишида", "прибыл", "в", "1941", "году"])
    #expect(segments.map(\.wordKind).filter { $0 == .number }.count == 1)
  }

  @Test(arguments: ["1941", "１９４１", "3.14"])
  func numberIsOneNumberSegment(text: String) throws {
    let segments = try TextBreaker(.word).segments(of: text)
    #expect(segments.count == 1)
    #expect(segments.first?.wordKind == .number)
  }

  @Test func accentedLatinWordIsOneLetterSegment() throws {
    for text in ["Pérouse", "Pe\u{0301}rouse"] {
      let segments = try TextBreaker(.word).segments(of: text)
      #expect(segments.map(\.wordKind) == [.letter])
      #expect(segments.first?.span == TextSpan(start: 0, end: text.unicodeScalars.count))
    }
  }

  @Test func spacesAndPunctuationAreNotWords() throws {
    let segments = try TextBreaker(.word).segments(of: " , . ")
    #expect(!segments.isEmpty)
    #expect(segments.allSatisfy { $0.wordKind == .none && !$0.wordKind.isWord })
  }

  @Test(arguments: [
    (Int32(0), WordKind.none), (99, .none), (100, .number), (199, .number), (200, .letter),
    (299, .letter), (300, .kana), (399, .kana), (400, .ideographic), (499, .ideographic),
    (500, .none), (-1, .none),
  ])
  func wordKindFromRuleStatus(status: Int32, expected: WordKind) {
    #expect(WordKind(ruleStatus: status) == expected)
    #expect(TextSegment(span: TextSpan(start: 0, end: 1), ruleStatus: status).wordKind == expected)
  }

  // MARK: Every unit

  @Test(arguments: [TextBreaker.Unit.character, .word, .line, .sentence])
  func emptyTextHasNoSegments(unit: TextBreaker.Unit) throws {
    #expect(try TextBreaker(unit).segments(of: "").isEmpty)
  }

  static let coverageTexts = [
    "Kishida 岸田 キシダ Кисида",
    "😀 Kishida, La Pérouse and Ōno. 🇯🇵🇷🇺!",
    "国後島は北海道の東にある。択捉島はその北東にある。",
    "Кунашир — остров. Итуруп, Шикотан и Хабомаи.",
    "e\u{0301}\u{FFFD}\u{0}\u{1}ク\u{3099}",
    " ",
  ]

  @Test(arguments: [TextBreaker.Unit.character, .word, .line, .sentence], coverageTexts)
  func segmentsCoverTheTextWithoutGaps(unit: TextBreaker.Unit, text: String) throws {
    let segments = try TextBreaker(unit).segments(of: text)
    #expect(segments.first?.span.start == 0)
    #expect(segments.last?.span.end == text.unicodeScalars.count)
    for (before, after) in zip(segments, segments.dropFirst()) {
      #expect(before.span.end == after.span.start)
    }
    #expect(segments.allSatisfy { !$0.span.isEmpty })
    #expect(Self.pieces(text, segments).joined().unicodeScalars.elementsEqual(text.unicodeScalars))
  }

  @Test func charactersAreGraphemeClustersInScalars() throws {
    let text = "e\u{0301}😀ク\u{3099}Ж"
    let segments = try TextBreaker(.character).segments(of: text)
    #expect(
      segments.map(\.span) == [
        TextSpan(start: 0, end: 2), TextSpan(start: 2, end: 3), TextSpan(start: 3, end: 5),
        TextSpan(start: 5, end: 6),
      ])
  }

  @Test func linesBreakAfterSpaces() throws {
    let text = "Kishida went home."
    let segments = try TextBreaker(.line).segments(of: text)
    #expect(Self.pieces(text, segments) == ["Kishida ", "went ", "home."])
  }

  // MARK: Locales and reuse

  @Test(arguments: ["", "ru", "ja", "en", "xx-unknown"])
  func localesOpen(locale: String) throws {
    let breaker = try TextBreaker(.word, locale: locale)
    #expect(breaker.locale == locale)
    #expect(breaker.unit == .word)
    let text = "Kishida went"
    #expect(Self.pieces(text, try breaker.segments(of: text)) == ["Kishida", " ", "went"])
  }

  @Test func oneBreakerStaysCorrectAcrossManyTexts() throws {
    let breaker = try TextBreaker(.word, locale: "ja")
    for round in 0..<30 {
      #expect(try breaker.segments(of: "国後島").map(\.span) == [TextSpan(start: 0, end: 3)], "\(round)")
      #expect(try breaker.segments(of: "").isEmpty)
      #expect(try breaker.segments(of: "Кунашир 1941").count == 3, "\(round)")
    }
  }

  @Test func longTextIsSegmented() throws {
    let sentence = "Кишида прибыл на Кунашир. "
    let text = String(repeating: sentence, count: 2000)
    let segments = try TextBreaker(.sentence, locale: "ru").segments(of: text)
    #expect(segments.count == 2000)
    #expect(segments.last?.span.end == text.unicodeScalars.count)
  }
}
