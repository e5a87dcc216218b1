import Testing

@testable import CrosswalkAlignment

/// Anchors that cross scripts: numbers with their scale words, era years, names and marks.
@Suite struct AlignmentAnchorsTests {
  static func numbers(_ text: String) -> [Double] { AlignmentAnchors.numbers(in: text).map(\.value) }

  @Test(arguments: [
    ("600 млн руб.", 6e8), ("600 million roubles", 6e8), ("6億ルーブル", 6e8), ("1万7000人", 17_000), ("7,000 people", 7_000),
    ("1,490 km²", 1_490), ("7,6 млрд", 7.6e9), ("$7.6 billion", 7.6e9), ("昭和16年4月13日", 1941), ("1 000 тыс.", 1e6),
    ("１２３件", 123),
  ])
  func numberWithItsScale(text: String, value: Double) {
    #expect(Self.numbers(text).first == value, "\(Self.numbers(text))")
  }

  @Test func aChangedAmountIsAnotherAnchor() {
    let source = AlignmentAnchors.anchors(of: "Выделено 600 млн руб.", cognates: false)
    #expect(source == AlignmentAnchors.anchors(of: "600 million roubles were allocated", cognates: false))
    #expect(source != AlignmentAnchors.anchors(of: "60 million roubles were allocated", cognates: false))
  }

  @Test func numbersInsideNamesAreNotQuantities() {
    #expect(Self.numbers("the G7 and an A320").isEmpty)
  }

  @Test func namesMarksAndCognates() {
    let anchors = AlignmentAnchors.anchors(of: "Was sagte NATO über Napoléon?", entities: ["nato"], cognates: true)
    #expect(anchors.contains("e:nato"))
    #expect(anchors.contains("w:nato"))
    #expect(anchors.contains("p:?"))
    #expect(anchors.contains("c:napo"))
    #expect(!AlignmentAnchors.anchors(of: "Napoléon", cognates: false).contains("c:napo"))
  }
}
