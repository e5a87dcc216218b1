// Pins the charset wrappers. `CharsetConverter`: round trips of Russian (windows-1251, KOI8-R),
// Japanese kanji and kana (Shift_JIS, EUC-JP, ISO-2022-JP), accented Latin and UTF-16; unknown
// charsets; invalid bytes becoming counted U+FFFD with nothing dropped; unmappable characters
// counted; output larger than the first buffer guess in both directions. `CharsetDetector`:
// empty input, Shift_JIS, EUC-JP, windows-1251 and KOI8-R texts. `TextDecoder`: byte order
// marks, valid UTF-8, UTF-16 without a mark, detected legacy charsets, a declared encoding, empty
// input, and random bytes.
import Testing

@testable import CrosswalkICU

// MARK: - CharsetDetector

@Suite struct CharsetDetectorTests {
  @Test func emptyInputHasNoMatches() throws {
    #expect(try CharsetDetector().detect([]).isEmpty)
  }

  @Test(arguments: [
    ("windows-1251", russianText, "ru"), ("KOI8-R", russianText, "ru"),
    ("ISO-8859-5", russianText, "ru"), ("Shift_JIS", japaneseText, "ja"),
    ("EUC-JP", japaneseText, "ja"),
  ])
  func longTextIsDetectedFirst(charset: String, text: String, language: String) throws {
    let (bytes, _) = try CharsetConverter(charset: charset).encode(text)
    let matches = try CharsetDetector().detect(bytes[...])
    let best = try #require(matches.first)
    #expect(best.charset == charset, "matches: \(matches.prefix(5))")
    #expect(best.language == language)
    #expect((1...100).contains(best.confidence))
    #expect(matches.map(\.confidence) == matches.map(\.confidence).sorted(by: >))
  }

  @Test func detectsASliceNotStartingAtZero() throws {
    let (bytes, _) = try CharsetConverter(charset: "Shift_JIS").encode(japaneseText)
    let slice = bytes[100...]
    #expect(slice.startIndex == 100)
    #expect(try CharsetDetector().detect(slice).first?.charset == "Shift_JIS")
  }

  @Test func oneDetectorStaysCorrectAcrossCalls() throws {
    let detector = try CharsetDetector()
    let sjis = try CharsetConverter(charset: "Shift_JIS").encode(japaneseText).bytes
    let cp1251 = try CharsetConverter(charset: "windows-1251").encode(russianText).bytes
    for round in 0..<5 {
      #expect(try detector.detect(sjis[...]).first?.charset == "Shift_JIS", "\(round)")
      #expect(try detector.detect(cp1251[...]).first?.charset == "windows-1251", "\(round)")
      #expect(try detector.detect([]).isEmpty)
    }
  }

  @Test func dosCyrillicIsNotRecognized() throws {
    // ICU 72 has no recognizer for IBM866 (DOS Cyrillic): such text comes back as a Western
    // charset, so decoding it by detection gives mojibake.
    let (bytes, _) = try CharsetConverter(charset: "IBM866").encode(russianText)
    let matches = try CharsetDetector().detect(bytes[...])
    #expect(!matches.contains { $0.charset.uppercased().contains("866") })
    #expect(matches.first?.language != "ru")
  }
}
