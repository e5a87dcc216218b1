// Pins LineIndex: line starts after LF, CR LF (one line end, two scalars) and a lone CR; columns
// in Unicode scalars (a combining mark is a column, a character outside the BMP is one); the
// empty text; a final line end opening an empty last line; offset → (line, column) → offset for
// every offset; out-of-range offsets (clamped), lines and columns (nil); `span(ofLine:in:)`.
import Testing

@testable import CrosswalkCore

@Suite("LineIndex")
struct LineIndexTests {
  /// The (line, column) of `offset`, as a pair that `#expect` can compare.
  private static func at(_ index: LineIndex, _ offset: Int) -> [Int] {
    let (line, column) = index.location(of: offset)
    return [line, column]
  }

  @Test("LF ends a line")
  func lineFeed() {
    let index = LineIndex("ab\ncd\ne")
    #expect(index.lineStarts == [0, 3, 6])
    #expect(index.lineCount == 3)
    #expect(index.scalarCount == 7)
    #expect(Self.at(index, 0) == [1, 1])
    #expect(Self.at(index, 2) == [1, 3])  // the LF itself is the last column of its line
    #expect(Self.at(index, 3) == [2, 1])
    #expect(Self.at(index, 6) == [3, 1])
  }

  @Test("CR LF is one line end of two scalars")
  func carriageReturnLineFeed() {
    let index = LineIndex("ab\r\ncd\r\n\r\ne")
    #expect(index.lineStarts == [0, 4, 8, 10])
    #expect(index.lineCount == 4)
    #expect(Self.at(index, 2) == [1, 3])  // CR
    #expect(Self.at(index, 3) == [1, 4])  // LF: still line 1
    #expect(Self.at(index, 4) == [2, 1])  // the character after CR LF
    #expect(Self.at(index, 5) == [2, 2])
    #expect(Self.at(index, 8) == [3, 1])  // the empty line between two CR LFs
    #expect(Self.at(index, 10) == [4, 1])
  }

  @Test("a CR on its own ends a line, and LF CR is two line ends")
  func loneCarriageReturn() {
    #expect(LineIndex("ab\rcd\re").lineStarts == [0, 3, 6])
    #expect(LineIndex("a\n\rb").lineStarts == [0, 2, 3])
    #expect(LineIndex("a\r\rb").lineStarts == [0, 2, 3])
    #expect(LineIndex("a\r\r\nb").lineStarts == [0, 2, 4])
  }

  @Test("a combining mark is a column of its own")
  func combiningMarks() {
    let text = "Ке\u{301}ша\nx"  // Ке́ша: five scalars, four characters
    #expect(text.count == 6)
    let index = LineIndex(text)
    #expect(index.scalarCount == 7)
    #expect(index.lineStarts == [0, 6])
    #expect(Self.at(index, 2) == [1, 3])  // the combining acute accent
    #expect(Self.at(index, 3) == [1, 4])  // ш
    #expect(Self.at(index, 6) == [2, 1])
    let accent = LineIndex("e\u{301}x")
    #expect(Self.at(accent, 1) == [1, 2])
    #expect(Self.at(accent, 2) == [1, 3])
  }

  @Test("a character outside the BMP is one column")
  func outsideTheBMP() {
    let index = LineIndex("😀𠮷a\n𠮷b")
    #expect(index.scalarCount == 6)
    #expect(index.lineStarts == [0, 4])
    #expect(Self.at(index, 1) == [1, 2])  // 𠮷 right after 😀
    #expect(Self.at(index, 2) == [1, 3])  // a
    #expect(Self.at(index, 5) == [2, 2])  // b
    #expect(index.offset(line: 2, column: 2) == 5)
  }

  @Test("the empty text has one empty line")
  func emptyText() {
    let index = LineIndex("")
    #expect(index.lineStarts == [0])
    #expect(index.lineCount == 1)
    #expect(index.scalarCount == 0)
    #expect(Self.at(index, 0) == [1, 1])
    #expect(index.offset(line: 1, column: 1) == 0)
    #expect(index.offset(line: 1, column: 2) == nil)
    #expect(index.offset(line: 2, column: 1) == nil)
    #expect(index.span(ofLine: 1, in: []) == TextSpan(start: 0, end: 0))
  }

  @Test("a final line end opens an empty last line")
  func finalLineEnd() {
    for text in ["ab\n", "ab\r\n", "ab\r"] {
      let index = LineIndex(text)
      #expect(index.lineCount == 2, "\(text.debugDescription)")
      #expect(index.lineStarts.last == index.scalarCount)
      #expect(Self.at(index, index.scalarCount) == [2, 1])
      #expect(index.offset(line: 2, column: 1) == index.scalarCount)
      #expect(index.offset(line: 2, column: 2) == nil)
      let scalars = Array(text.unicodeScalars)
      #expect(
        index.span(ofLine: 2, in: scalars) == TextSpan(start: index.scalarCount, end: index.scalarCount))
      #expect(index.span(ofLine: 1, in: scalars) == TextSpan(start: 0, end: 2))
    }
  }

  @Test("offset → line and column → offset round-trips for every offset of a mixed text")
  func roundTrip() throws {
    let text = "Kishida 岸田\r\nКе\u{301}ша 😀\rline three\n\n𠮷e\u{301}\r\n\n末"
    let scalars = Array(text.unicodeScalars)
    let index = LineIndex(text)
    #expect(index.scalarCount == scalars.count)
    #expect(index.lineCount == 7)
    var previous = (line: 1, column: 0)
    for offset in 0...scalars.count {
      let (line, column) = index.location(of: offset)
      #expect(line >= 1 && line <= index.lineCount)
      #expect(column >= 1)
      // Locations only grow, and a new line starts at column 1.
      if line == previous.line {
        #expect(column == previous.column + 1, "offset \(offset)")
      } else {
        #expect(line == previous.line + 1 && column == 1, "offset \(offset)")
      }
      previous = (line, column)
      #expect(index.offset(line: line, column: column) == offset, "offset \(offset)")
    }
    // Independent count: the scalar after each line end starts a line.
    var expectedStarts = [0]
    var i = 0
    while i < scalars.count {
      if scalars[i] == "\r", i + 1 < scalars.count, scalars[i + 1] == "\n" {
        i += 2
        expectedStarts.append(i)
      } else if scalars[i] == "\r" || scalars[i] == "\n" {
        i += 1
        expectedStarts.append(i)
      } else {
        i += 1
      }
    }
    #expect(index.lineStarts == expectedStarts)
    // Every position of the Swift string, translated to a scalar offset, is on the line whose
    // text holds it.
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    #expect(lines.count == index.lineCount)
    for (number, lineText) in lines.enumerated() {
      let span = try #require(index.span(ofLine: number + 1, in: scalars))
      #expect(text.scalars(in: span) == String(lineText))
    }
  }

  @Test("an offset outside the text is clamped to it")
  func clampedOffsets() {
    let index = LineIndex("ab\ncd")
    #expect(Self.at(index, -5) == [1, 1])
    #expect(Self.at(index, 5) == [2, 3])  // the end of the text
    #expect(Self.at(index, 99) == [2, 3])
    #expect(Self.at(index, .max) == [2, 3])
  }

  @Test("a line or column the text does not have is nil")
  func missingLinesAndColumns() {
    let index = LineIndex("ab\ncd")
    #expect(index.offset(line: 0, column: 1) == nil)
    #expect(index.offset(line: -1, column: 1) == nil)
    #expect(index.offset(line: 3, column: 1) == nil)
    #expect(index.offset(line: 1, column: 0) == nil)
    #expect(index.offset(line: 1, column: -2) == nil)
    #expect(index.offset(line: 1, column: 3) == 2)  // the LF belongs to line 1
    #expect(index.offset(line: 1, column: 4) == nil)  // would be on line 2
    #expect(index.offset(line: 2, column: 3) == 5)  // the end of the text
    #expect(index.offset(line: 2, column: 4) == nil)
    #expect(index.offset(line: 2, column: .max) == nil)
    let crlf = LineIndex("ab\r\ncd")
    #expect(crlf.offset(line: 1, column: 4) == 3)  // the LF of CR LF
    #expect(crlf.offset(line: 1, column: 5) == nil)
  }

  @Test("span(ofLine:in:) covers the line without its line end")
  func lineSpans() {
    let text = "first\r\nКе\u{301}ша 😀\rthird\n\nlast"
    let scalars = Array(text.unicodeScalars)
    let index = LineIndex(text)
    let spans = (1...index.lineCount).map { index.span(ofLine: $0, in: scalars) }
    #expect(
      spans == [
        TextSpan(start: 0, end: 5), TextSpan(start: 7, end: 14), TextSpan(start: 15, end: 20),
        TextSpan(start: 21, end: 21), TextSpan(start: 22, end: 26),
      ])
    #expect(
      spans.compactMap { $0 }.map { text.scalars(in: $0) } == ["first", "Ке\u{301}ша 😀", "third", "", "last"])
    #expect(index.span(ofLine: 0, in: scalars) == nil)
    #expect(index.span(ofLine: 6, in: scalars) == nil)
  }

  @Test("a scalar sequence gives the same index as its string")
  func fromScalars() {
    let text = "a\r\nб\rв\n😀"
    #expect(LineIndex(scalars: Array(text.unicodeScalars)) == LineIndex(text))
  }
}
