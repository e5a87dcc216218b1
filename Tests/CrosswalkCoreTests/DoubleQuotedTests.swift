// Pins appendDoubleQuoted: whatever the text, a JSON reader gets the same text back, and the
// characters a reader could not see or that break lines are escaped.
import Foundation
import Testing

@testable import CrosswalkCore

@Suite("Double-quoted strings")
struct DoubleQuotedTests {
  static let samples = [
    "", "Kishida", "say \"hi\"\\", "line\nbreak\r\ttab", "\u{0}\u{1F}\u{7F}", "a\u{2028}b\u{2029}c",
    "\u{FEFF}bom", "Кисида 岸田 😀",
  ]

  @Test("JSON reads back the same text", arguments: samples)
  func roundTrip(text: String) throws {
    var quoted = ""
    appendDoubleQuoted(text, to: &quoted)
    let decoded = try JSONDecoder().decode(String.self, from: Data(quoted.utf8))
    #expect(decoded == text)
  }

  @Test("controls, separators and the byte order mark are escaped")
  func escapes() {
    var quoted = ""
    appendDoubleQuoted("\u{1}\u{7F}\u{2028}\u{FEFF}", to: &quoted)
    #expect(quoted == "\"\\u0001\\u007f\\u2028\\ufeff\"")
  }
}
