// Pins `unicodeScalars(of:)`, the hand-written UTF-8 decoder behind `Document.scalars`: it must
// give exactly what the standard library's scalar view gives, for every length of UTF-8
// sequence, at the start, middle and end of a text, and for random mixes of them.
import Testing

@testable import CrosswalkCore

@Suite("unicodeScalars(of:)")
struct UnicodeScalarsTests {
  @Test(
    "decodes as the standard library does",
    arguments: [
      "", "a", "plain ASCII, with\ttabs\r\nand CR LF", "Кунашир и Итуруп", "国後島・択捉島", "é", "e\u{301}",
      "𝕂ana 😀 at the end 😀", "😀", "\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}", "\u{0}nul\u{0}",
      "\u{FEFF}BOM kept", "Łódź, Ørsted, Ōtsuka",
    ])
  func fixed(text: String) {
    #expect(unicodeScalars(of: text) == Array(text.unicodeScalars))
  }

  @Test("decodes random mixes of one- to four-byte scalars")
  func random() {
    var generator = SystemRandomNumberGenerator()
    // One sample scalar range per UTF-8 length, and the edges of each.
    let ranges: [ClosedRange<UInt32>] = [0...0x7F, 0x80...0x7FF, 0x800...0xD7FF, 0xE000...0xFFFF, 0x10000...0x10FFFF]
    for _ in 0..<200 {
      var text = String.UnicodeScalarView()
      for _ in 0..<Int.random(in: 0...64, using: &generator) {
        let range = ranges.randomElement(using: &generator) ?? ranges[0]
        if let scalar = Unicode.Scalar(UInt32.random(in: range, using: &generator)) { text.append(scalar) }
      }
      let string = String(text)
      #expect(unicodeScalars(of: string) == Array(string.unicodeScalars), "\(Array(string.unicodeScalars))")
    }
  }
}
