// Pins the charset wrappers. `CharsetConverter`: round trips of Russian (windows-1251, KOI8-R),
// Japanese kanji and kana (Shift_JIS, EUC-JP, ISO-2022-JP), accented Latin and UTF-16; unknown
// charsets; invalid bytes becoming counted U+FFFD with nothing dropped; unmappable characters
// counted; output larger than the first buffer guess in both directions. `CharsetDetector`:
// empty input, Shift_JIS, EUC-JP, windows-1251 and KOI8-R texts. `TextDecoder`: byte order
// marks, valid UTF-8, UTF-16 without a mark, detected legacy charsets, a declared encoding, empty
// input, and random bytes.
import Testing

@testable import CrosswalkICU

// MARK: - CharsetConverter

@Suite struct CharsetConverterTests {
  static let roundTrips: [(String, String)] = [
    ("windows-1251", "Кишида прибыл на Кунашир. Мэр встретил его у причала, ёлки шумели."),
    ("KOI8-R", "Кишида прибыл на Кунашир. Мэр встретил его у причала, ёлки шумели."),
    ("ISO-8859-5", "Итуруп, Шикотан и Хабомаи."),
    ("Shift_JIS", "岸田首相は国後島を訪れた。キシダ・フミオ、ぐなしり、ｸﾅｼﾘ。"),
    ("EUC-JP", "岸田首相は国後島を訪れた。キシダ・フミオ、ぐなしり。"),
    ("ISO-2022-JP", "岸田首相は国後島を訪れた。Kishida visited Kunashir."),
    ("windows-1252", "La Pérouse, Müller, Ærøskøbing."),
    ("ISO-8859-1", "La Pérouse, Müller."),
    ("UTF-16LE", "Kishida 岸田 キシダ Кисида Pérouse 😀"),
    ("UTF-16BE", "Kishida 岸田 キシダ Кисида Pérouse 😀"),
    ("UTF-8", "Kishida 岸田 キシダ Кисида Pérouse 😀"),
  ]

  @Test(arguments: roundTrips)
  func textRoundTripsThroughCharset(charset: String, text: String) throws {
    let converter = try CharsetConverter(charset: charset)
    #expect(converter.charset == charset)
    let (bytes, replacedEncoding) = try converter.encode(text)
    #expect(replacedEncoding == 0)
    #expect(!bytes.isEmpty)
    let (decoded, replacedDecoding) = try converter.decode(bytes)
    #expect(replacedDecoding == 0)
    #expect(decoded.unicodeScalars.elementsEqual(text.unicodeScalars))
  }

  @Test(arguments: [
    ("windows-1251", russianText), ("KOI8-R", russianText),
    ("Shift_JIS", japaneseText), ("EUC-JP", japaneseText),
  ])
  func longTextRoundTrips(charset: String, text: String) throws {
    let converter = try CharsetConverter(charset: charset)
    let (bytes, replaced) = try converter.encode(text)
    #expect(replaced == 0)
    #expect(bytes.count > 1500)
    #expect(try converter.decode(bytes) == (text, 0))
  }

  @Test func cyrillicIsOneBytePerLetterInWindows1251() throws {
    let (bytes, _) = try CharsetConverter(charset: "windows-1251").encode("Мэр")
    #expect(bytes == [0xCC, 0xFD, 0xF0])
  }

  @Test func utf16ByteOrderIsAsNamed() throws {
    #expect(try CharsetConverter(charset: "UTF-16LE").encode("Ж").bytes == [0x16, 0x04])
    #expect(try CharsetConverter(charset: "UTF-16BE").encode("Ж").bytes == [0x04, 0x16])
  }

  @Test func canonicalNameComesFromICU() throws {
    #expect(try CharsetConverter(charset: "windows-1251").canonicalName == "ibm-5347_P100-1998")
    #expect(try CharsetConverter(charset: "Shift_JIS").canonicalName == "ibm-943_P15A-2003")
  }

  @Test func unknownCharsetThrows() {
    #expect(throws: ICUError.unknownCharset("x-no-such-charset")) {
      try CharsetConverter(charset: "x-no-such-charset")
    }
  }

  @Test(arguments: ["UTF-8", "windows-1251", "Shift_JIS"])
  func emptyInputGivesEmptyOutput(charset: String) throws {
    let converter = try CharsetConverter(charset: charset)
    #expect(try converter.decode([]) == ("", 0))
    let (bytes, replaced) = try converter.encode("")
    #expect(bytes.isEmpty)
    #expect(replaced == 0)
  }

  @Test func invalidUTF8BytesBecomeOneReplacementEach() throws {
    let (text, replaced) = try CharsetConverter(charset: "UTF-8").decode([0xFF, 0xFE, 0xFD])
    #expect(Array(text.unicodeScalars) == ["\u{FFFD}", "\u{FFFD}", "\u{FFFD}"])
    #expect(replaced == 3)
  }

  @Test func truncatedUTF8SequenceAtTheEndIsReplaced() throws {
    // 'a' then the first two bytes of 'あ' (E3 81 82).
    let (text, replaced) = try CharsetConverter(charset: "UTF-8").decode([0x61, 0xE3, 0x81])
    #expect(Array(text.unicodeScalars) == ["a", "\u{FFFD}"])
    #expect(replaced == 1)
  }

  @Test func truncatedShiftJISLeadByteAtTheEndIsReplaced() throws {
    let converter = try CharsetConverter(charset: "Shift_JIS")
    let (bytes, _) = try converter.encode("日本")
    let (text, replaced) = try converter.decode(bytes + [0x93])  // 0x93 starts a two-byte kanji
    #expect(Array(text.unicodeScalars) == ["日", "本", "\u{FFFD}"])
    #expect(replaced == 1)
  }

  @Test func invalidShiftJISTrailByteKeepsTheBytesAfterIt() throws {
    // 0x82 needs a trail byte of 0x40…0xFC; the space after it is not one and must survive.
    let (text, replaced) = try CharsetConverter(charset: "Shift_JIS").decode([0x82, 0x20, 0x41])
    #expect(Array(text.unicodeScalars) == ["\u{FFFD}", " ", "A"])
    #expect(replaced == 1)
  }

  @Test func everyReplacementIsCounted() throws {
    var bytes: [UInt8] = []
    for _ in 0..<100 { bytes += Array("Кунашир".utf8) + [0xFF] }
    let (text, replaced) = try CharsetConverter(charset: "UTF-8").decode(bytes)
    #expect(replaced == 100)
    #expect(text.unicodeScalars.filter { $0 == "\u{FFFD}" }.count == 100)
    #expect(text.unicodeScalars.count == 100 * 8)
  }

  @Test func kanjiNotInWindows1251IsReplacedAndCounted() throws {
    let (bytes, replaced) = try CharsetConverter(charset: "windows-1251").encode("Мэр 国")
    #expect(replaced == 1)
    // ICU's substitute for this table is 0x1A (SUB), not '?'.
    #expect(bytes == [0xCC, 0xFD, 0xF0, 0x20, 0x1A])
  }

  @Test(arguments: ["Pérouse", "😀", "キ"])
  func oneUnmappableCharacterCountsOnce(text: String) throws {
    let (_, replaced) = try CharsetConverter(charset: "windows-1251").encode(text)
    #expect(replaced == 1)
  }

  @Test func largeCyrillicInputDecodes() throws {
    let text = String(repeating: "Кишида прибыл на Кунашир. ", count: 8000)
    let converter = try CharsetConverter(charset: "windows-1251")
    let (bytes, _) = try converter.encode(text)
    #expect(bytes.count == 208_000)
    #expect(try converter.decode(bytes) == (text, 0))
  }

  @Test func decodedTextLargerThanFirstGuessIsComplete() throws {
    // SCSU writes an emoji as about one byte in a supplementary window; decoded it is two UTF-16
    // units, past the first guess of bytes + 16.
    let converter = try CharsetConverter(charset: "SCSU")
    let text = String(repeating: "😀", count: 100)
    let (bytes, _) = try converter.encode(text)
    #expect(bytes.count < 150)
    #expect(try converter.decode(bytes) == (text, 0))
  }

  @Test func encodedTextLargerThanFirstGuessIsComplete() throws {
    // ISO-2022-JP switches character sets with escape sequences: 'a国' takes 9 bytes, past the
    // first guess of 2 bytes per UTF-16 unit + 16.
    let converter = try CharsetConverter(charset: "ISO-2022-JP")
    let text = String(repeating: "a国", count: 100)
    let (bytes, replaced) = try converter.encode(text)
    #expect(replaced == 0)
    #expect(bytes.count == 900)
    #expect(try converter.decode(bytes) == (text, 0))
  }

  @Test func oneConverterStaysCorrectAcrossCalls() throws {
    let converter = try CharsetConverter(charset: "ISO-2022-JP")
    for round in 0..<20 {
      let (bytes, _) = try converter.encode("国後島 Kunashir")
      #expect(try converter.decode(bytes) == ("国後島 Kunashir", 0), "\(round)")
      #expect(try converter.decode([0x1B]).replaced == 1, "\(round)")  // a lone ESC
    }
  }
}
