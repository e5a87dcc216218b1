import Testing

@testable import CrosswalkAlignment

/// Anchors that cross scripts: numbers with their scale words, era years, names and marks.
@Suite struct AlignmentAnchorsTests {
  /// The anchors with the built-in number words (glossaries/alignment/number-words.tsv).
  static let anchors = try! AlignmentAnchors.builtIn()

  static func numbers(_ text: String) -> [Double] { anchors.numbers(in: text).map(\.value) }

  @Test(arguments: [
    ("600 млн руб.", 6e8), ("600 million roubles", 6e8), ("6億ルーブル", 6e8), ("1万7000人", 17_000), ("7,000 people", 7_000),
    ("1,490 km²", 1_490), ("7,6 млрд", 7.6e9), ("$7.6 billion", 7.6e9), ("昭和16年4月13日", 1941), ("1 000 тыс.", 1e6),
    ("１２３件", 123),
  ])
  func numberWithItsScale(text: String, value: Double) {
    #expect(Self.numbers(text).first == value, "\(Self.numbers(text))")
  }

  @Test func aChangedAmountIsAnotherAnchor() {
    let source = Self.anchors.anchors(of: "Выделено 600 млн руб.", cognates: false)
    #expect(source == Self.anchors.anchors(of: "600 million roubles were allocated", cognates: false))
    #expect(source != Self.anchors.anchors(of: "60 million roubles were allocated", cognates: false))
  }

  @Test func numbersInsideNamesAreNotQuantities() {
    #expect(Self.numbers("the G7 and an A320").isEmpty)
  }

  @Test func namesMarksAndCognates() {
    let found = Self.anchors.anchors(of: "Was sagte NATO über Napoléon?", entities: ["nato"], cognates: true)
    #expect(found.contains("e:nato"))
    #expect(found.contains("w:nato"))
    #expect(found.contains("p:?"))
    #expect(found.contains("c:napo"))
    #expect(!Self.anchors.anchors(of: "Napoléon", cognates: false).contains("c:napo"))
  }

  @Test func monthsAreNumbersInEveryLanguage() {
    #expect(Self.numbers("13 апреля") == [13, 4])
    #expect(Self.numbers("April 13") == [13, 4])
    #expect(Self.numbers("4月13日") == [4, 13])
    // 'may' and 'march' are also English words: only capitalized they are months.
    #expect(Self.numbers("they may march") == [])
    #expect(Self.numbers("в мае, и мало") == [5])
  }

  @Test func malformedNumberWordsNameTheLine() {
    #expect(throws: NumberWords.Problem.self) { try NumberWords(text: "scale\tmillion\t1e6\n", file: "n.tsv") }
    do throws(NumberWords.Problem) {
      _ = try NumberWords(text: "# words\nscale\tmillion\t1e6\ten\nsize\tbig\t2\ten\n", file: "n.tsv")
      Issue.record("an unknown kind was accepted")
    } catch {
      #expect(error.line == 3)
    }
    #expect(throws: NumberWords.Problem.self) { try NumberWords(text: "unit\t万万\t1e4\tja\n", file: "n.tsv") }
  }
}
