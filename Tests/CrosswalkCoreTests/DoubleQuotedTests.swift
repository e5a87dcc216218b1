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

  /// The jsonl writer sizes its buffer at six bytes for each byte of a string, and two quotes.
  @Test(
    "through UnsafeByteWriter, the same bytes as into an array, six at most for each",
    arguments: samples + [String(repeating: "\u{1}", count: 50), String(repeating: "\u{2028}", count: 20)])
  func pointerWriter(text: String) {
    var array: [UInt8] = []
    appendDoubleQuoted(text, to: &array)
    let bound = 6 * text.utf8.count + 2
    let written = [UInt8](unsafeUninitializedCapacity: bound) { buffer, count in
      count = 0
      guard var writer = UnsafeByteWriter(buffer) else { return }
      appendDoubleQuoted(text, to: &writer)
      #expect(!writer.overflowed)
      count = writer.count
    }
    #expect(written == array)
    #expect(array.count <= bound)
  }

  @Test("UnsafeByteWriter stops at its end and says so, writing nothing past it")
  func pointerWriterOverflow() {
    var overflowed = false
    let written = [UInt8](unsafeUninitializedCapacity: 4) { buffer, count in
      count = 0
      guard var writer = UnsafeByteWriter(buffer) else { return }
      appendDoubleQuoted("Kishida", to: &writer)
      overflowed = writer.overflowed
      count = writer.count
    }
    #expect(overflowed)
    #expect(written.count <= 4)
    #expect(UnsafeByteWriter(UnsafeMutableBufferPointer(start: nil, count: 0)) == nil)
  }

  @Test("controls, separators and the byte order mark are escaped")
  func escapes() {
    var quoted = ""
    appendDoubleQuoted("\u{1}\u{7F}\u{2028}\u{FEFF}", to: &quoted)
    #expect(quoted == "\"\\u0001\\u007f\\u2028\\ufeff\"")
  }
}

@Suite("Double-quoted strings, against a scalar-by-scalar reference")
struct DoubleQuotedReferenceTests {
  /// The escape written one scalar at a time: what the byte scan must equal.
  static func reference(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        switch scalar.value {
        case 0..<0x20, 0x7F, 0x2028, 0x2029, 0xFEFF:
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default: out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  @Test("random mixes of plain and escaped characters quote as the reference does")
  func randomMixes() {
    // Neighbours of the escaped multi-byte characters (U+2027, U+202A, U+FEFE, U+FFFD) share
    // their leading bytes and must pass through unescaped.
    let alphabet: [Unicode.Scalar] = [
      "a", "Z", " ", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1B}", "\u{7F}", "é", "К", "岸", "😀",
      "\u{2027}", "\u{2028}", "\u{2029}", "\u{202A}", "\u{FEFE}", "\u{FEFF}", "\u{FFFD}",
    ]
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<2_000 {
      let length = Int.random(in: 0...12, using: &generator)
      var scalars = String.UnicodeScalarView()
      for _ in 0..<length { scalars.append(alphabet.randomElement(using: &generator) ?? "a") }
      let text = String(scalars)
      var quoted = "prefix "
      appendDoubleQuoted(text, to: &quoted)
      #expect(quoted == "prefix " + Self.reference(text), "\(text.unicodeScalars.map(\.value))")
    }
  }
}
