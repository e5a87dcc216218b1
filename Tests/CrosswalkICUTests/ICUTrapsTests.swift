// Pins ICU's own behaviour that Crosswalk's design depends on (DESIGN.md, Names, "ICU, as it
// behaves"), through the wrappers on whole strings, so that an ICU upgrade that changes any of it
// fails here first: BGN's middle dots and primes and its Kiyev, Ukrainian BGN's Kyyiv,
// Katakana-Latin's tildes, macrons and middle dots, voicing marks folded by NFD, and Han-Latin's
// Mandarin readings (the reason Crosswalk never transliterates kanji). Also the version string and
// two more traps seen while writing these tests.
import Testing

@testable import CrosswalkICU

@Suite struct ICUTrapsTests {
  @Test func icuVersionLooksLikeAVersion() {
    let parts = icuVersion.split(separator: ".")
    #expect(parts.count >= 2, "icuVersion = '\(icuVersion)'")
    #expect(parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) })
  }

  @Test func bgnWritesAMiddleDotForMer() throws {
    let latin = try Transliterator(id: "Russian-Latin/BGN").transliterate("Мэр")
    #expect(latin.unicodeScalars.contains("\u{00B7}"))
    #expect(latin == "M\u{00B7}er")
  }

  @Test func bgnWritesAPrimeForTheSoftSign() throws {
    let latin = try Transliterator(id: "Russian-Latin/BGN").transliterate("Ельцин")
    #expect(latin.unicodeScalars.contains("\u{02B9}"))
    #expect(latin == "Yel\u{02B9}tsin")
  }

  @Test func latinASCIIKeepsBGNsMarks() throws {
    // DESIGN: the marks survive Latin-ASCII, so Crosswalk strips them itself.
    let bgn = try Transliterator(id: "Russian-Latin/BGN")
    let ascii = try Transliterator(id: "Latin-ASCII")
    let folded = try ascii.transliterate(bgn.transliterate("Мэр Ельцин"))
    #expect(!folded.unicodeScalars.allSatisfy { $0.isASCII }, "\(folded)")
  }

  @Test func bgnGivesKiyevForKiev() throws {
    #expect(try Transliterator(id: "Russian-Latin/BGN").transliterate("Киев") == "Kiyev")
  }

  @Test func ukrainianBGNGivesKyyivForKyiv() throws {
    #expect(try Transliterator(id: "Ukrainian-Latin/BGN").transliterate("Київ") == "Kyyiv")
  }

  @Test func katakanaLatinLeavesATildeForSmallVowels() throws {
    let latin = try Transliterator(id: "Katakana-Latin").transliterate("ヴァ")
    #expect(latin.contains("~"))
    #expect(latin == "vu~a")
  }

  @Test func katakanaLatinWritesAMacronForTheLongVowelMark() throws {
    let latin = try Transliterator(id: "Katakana-Latin").transliterate("オーノ")
    #expect(latin.unicodeScalars.contains("\u{014D}"))  // ō, composed
    #expect(latin == "\u{014D}no")
  }

  @Test func katakanaLatinKeepsTheMiddleDot() throws {
    let latin = try Transliterator(id: "Katakana-Latin").transliterate("キシダ・フミオ")
    #expect(latin == "kishida\u{30FB}fumio")
  }

  @Test func voicingMarksFoldByDecomposingAndDropping() throws {
    let decomposed = try NormalForm.nfd.apply("グナシリ")
    #expect(decomposed.unicodeScalars.contains("\u{3099}"))
    let dropped = String(
      String.UnicodeScalarView(
        decomposed.unicodeScalars.filter { $0 != "\u{3099}" && $0 != "\u{309A}" }))
    let folded = try NormalForm.nfc.apply(dropped)
    #expect(Array(folded.unicodeScalars) == Array("クナシリ".unicodeScalars))
  }

  @Test func semiVoicedMarkFoldsTheSameWay() throws {
    let decomposed = try NormalForm.nfd.apply("パ")
    #expect(Array(decomposed.unicodeScalars) == ["\u{30CF}", "\u{309A}"])
  }

  @Test func hanLatinGivesMandarinReadings() throws {
    // 国後島 is Kunashiri in Japanese; Han-Latin reads it guó hòu dǎo.
    let latin = try Transliterator(id: "Han-Latin").transliterate("国後島")
    let plain = try Transliterator(id: "Latin-ASCII").transliterate(latin)
    #expect(plain.contains("guo"))
    #expect(!plain.lowercased().contains("kuna"))
  }

  @Test func hiraganaLatinHalfTransliteratesKatakana() throws {
    // Hiragana-Latin is not a no-op on katakana: in キシダ only ダ is romanized.
    #expect(try Transliterator(id: "Hiragana-Latin").transliterate("キシダ") == "キシda")
  }

  @Test func englishSentenceBreaksAfterAnAbbreviation() throws {
    // ICU's sentence rules (without the 'ss=standard' suppressions) end a sentence at 'Mr.'.
    let text = "Mr. Kishida went to Kunashir."
    let segments = try TextBreaker(.sentence, locale: "en").segments(of: text)
    #expect(segments.map { text.scalars(in: $0.span) } == ["Mr. ", "Kishida went to Kunashir."])
  }
}
