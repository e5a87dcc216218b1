// Pins TextSpan: scalar offsets, ordering, and slicing text by scalars (not UTF-16, not bytes).
import Testing

@testable import CrosswalkCore

@Suite("TextSpan")
struct TextSpanTests {
  @Test("a reversed pair is put in order")
  func ordered() {
    let span = TextSpan(start: 9, end: 2)
    #expect(span.start == 2 && span.end == 9 && span.count == 7)
    #expect(!span.isEmpty)
    #expect(TextSpan(start: 3, end: 3).isEmpty)
  }

  @Test("spans sort by start, then end")
  func sorting() {
    let spans = [TextSpan(start: 5, end: 9), TextSpan(start: 1, end: 4), TextSpan(start: 1, end: 2)]
    #expect(spans.sorted().map(\.description) == ["1..<2", "1..<4", "5..<9"])
  }

  @Test("slicing counts Unicode scalars, so emoji and combining marks are one or more scalars")
  func slicing() {
    let text = "😀 Ке\u{301}ша 岸田"
    #expect(text.scalars(in: TextSpan(start: 2, end: 7)) == "Ке\u{301}ша")
    #expect(text.scalars(in: TextSpan(start: 8, end: 10)) == "岸田")
    #expect(text.scalars(in: TextSpan(start: 0, end: 1)) == "😀")
  }

  @Test("a span outside the text gives an empty string, never a trap")
  func outside() {
    #expect("abc".scalars(in: TextSpan(start: 2, end: 10)).isEmpty)
    #expect("".scalars(in: TextSpan(start: 0, end: 1)).isEmpty)
    #expect("abc".scalars(in: TextSpan(start: -1, end: 1)).isEmpty)
  }
}
