// Pins TextDecoder: byte order marks, valid UTF-8, UTF-16 without a mark (checked before UTF-8,
// since ASCII and basic Cyrillic in UTF-16 are valid UTF-8 too), detected legacy charsets, a
// declared encoding, empty input, and detector guesses that no converter opens.
import Testing

@testable import CrosswalkICU

@Suite struct TextDecoderTests {
  static func encode(_ text: String, _ charset: String) throws -> [UInt8] {
    let converter = try CharsetConverter(charset: charset)
    return try converter.encode(text).bytes
  }

  @Test func utf8WithAndWithoutByteOrderMark() throws {
    let text: String = "Кишида 岸田 キシダ Pérouse"
    let plain: [UInt8] = Array(text.utf8)
    let marked: [UInt8] = [0xEF, 0xBB, 0xBF] + plain
    let withMark: DecodedText = try TextDecoder().decode(marked)
    #expect(withMark.text == text)
    #expect(withMark.hadByteOrderMark)
    #expect(withMark.evidence == .byteOrderMark)
    let withoutMark: DecodedText = try TextDecoder().decode(plain)
    #expect(withoutMark.text == text)
    #expect(withoutMark.evidence == .validUTF8)
    #expect(withoutMark.encoding == "UTF-8")
  }

  @Test func utf16WithByteOrderMark() throws {
    let text: String = "Кишида 岸田 😀"
    let little: [UInt8] = [0xFF, 0xFE] + (try Self.encode(text, "UTF-16LE"))
    let big: [UInt8] = [0xFE, 0xFF] + (try Self.encode(text, "UTF-16BE"))
    let decodedLittle: DecodedText = try TextDecoder().decode(little)
    let decodedBig: DecodedText = try TextDecoder().decode(big)
    #expect(decodedLittle.text == text)
    #expect(decodedLittle.encoding == "UTF-16LE")
    #expect(decodedBig.text == text)
    #expect(decodedBig.encoding == "UTF-16BE")
  }

  @Test func utf16WithoutByteOrderMarkIsNotTakenForUTF8() throws {
    let samples: [String] = ["Kishida visited Kunashir in the spring.", "Кишида посетил Кунашир весной."]
    for text in samples {
      for charset in ["UTF-16LE", "UTF-16BE"] {
        let bytes: [UInt8] = try Self.encode(text, charset)
        let decoded: DecodedText = try TextDecoder().decode(bytes)
        #expect(decoded.text == text, "\(charset)")
        #expect(decoded.encoding == charset)
        #expect(decoded.evidence == .utf16Pattern)
      }
    }
  }

  @Test func legacyCharsetsAreDetectedAndDecoded() throws {
    let samples: [(String, String)] = [
      ("windows-1251", russianText), ("KOI8-R", russianText),
      ("Shift_JIS", japaneseText), ("EUC-JP", japaneseText),
    ]
    for (charset, text) in samples {
      let bytes: [UInt8] = try Self.encode(text, charset)
      let decoded: DecodedText = try TextDecoder().decode(bytes)
      #expect(decoded.encoding == charset)
      #expect(decoded.evidence == .detected)
      #expect(decoded.text == text, "\(charset)")
      #expect(decoded.replacedSequences == 0)
    }
  }

  @Test func declaredEncodingIsUsedAsIs() throws {
    let bytes: [UInt8] = try Self.encode("Мэр Кунашира", "windows-1251")
    let decoded: DecodedText = try TextDecoder().decode(bytes, declaredEncoding: "windows-1251")
    #expect(decoded.text == "Мэр Кунашира")
    #expect(decoded.evidence == .declared)
    let unknown: Bool
    do {
      _ = try TextDecoder().decode(bytes, declaredEncoding: "x-no-such-charset")
      unknown = false
    } catch {
      unknown = error == .unknownCharset("x-no-such-charset")
    }
    #expect(unknown)
  }

  @Test func emptyInputIsEmptyText() throws {
    let decoded: DecodedText = try TextDecoder().decode([])
    #expect(decoded.text.isEmpty)
    #expect(decoded.replacedSequences == 0)
  }

  @Test func randomBytesAlwaysDecode() throws {
    // Some detector guesses (EBCDIC Arabic: "IBM420_ltr") open no converter; the decoder takes
    // the next guess, so no input makes it throw.
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    let decoder = try TextDecoder()
    for n in 0..<300 {
      var bytes: [UInt8] = []
      for _ in 0..<(64 + 7 * n) {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        bytes.append(UInt8(truncatingIfNeeded: state >> 24))
      }
      let decoded: DecodedText = try decoder.decode(bytes)
      #expect(!decoded.encoding.isEmpty)
    }
  }

  @Test func emptyInputWithDeclaredUTF8IsEmptyText() throws {
    let decoded: DecodedText = try TextDecoder().decode([], declaredEncoding: "UTF-8")
    #expect(decoded.text.isEmpty)
    #expect(decoded.evidence == .declared)
  }

  @Test func kanaInUTF16WithoutByteOrderMark() throws {
    let text: String = "キシダ フミオ は クナシリ に いきました。"
    for charset in ["UTF-16LE", "UTF-16BE"] {
      let bytes: [UInt8] = try Self.encode(text, charset)
      let decoded: DecodedText = try TextDecoder().decode(bytes)
      #expect(decoded.text == text, "\(charset)")
      #expect(decoded.evidence == .utf16Pattern)
    }
  }

  @Test func declaredUTF16WithLittleEndianMarkKeepsTheByteOrder() throws {
    // The mark decides the byte order of a declared "UTF-16"; stripping it and then letting
    // ICU's "UTF-16" converter assume big-endian gave byte-swapped text ("ᨄ㠄䠄㠄㐄〄").
    let bytes: [UInt8] = [0xFF, 0xFE] + (try Self.encode("Кишида", "UTF-16LE"))
    let decoded: DecodedText = try TextDecoder().decode(bytes, declaredEncoding: "UTF-16")
    #expect(decoded.text == "Кишида")
    #expect(decoded.hadByteOrderMark)
  }

  @Test func declaredAliasOfUTF8ReportsItsByteOrderMark() throws {
    // "utf8" is an alias ICU accepts: the family is decided by ICU's canonical name.
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF, 0x61]
    let decoded: DecodedText = try TextDecoder().decode(bytes, declaredEncoding: "utf8")
    #expect(decoded.text == "a")
    #expect(decoded.hadByteOrderMark)
  }
}
