// Pins `NormalForm`: NFC against NFD on accented Latin, Cyrillic й and kana グ; NFKC on
// full-width Latin and half-width katakana; NFKC_Casefold on Latin, Cyrillic and full-width
// text; kanji and the empty string unchanged; the ASCII fast path agreeing with ICU; output that
// outgrows the first buffer guess; and U+FFFD and control characters passing through untouched.
import Testing

@testable import CrosswalkICU

@Suite struct NormalFormTests {
  /// Each scalar as U+XXXX. Swift's `==` on strings is canonical equivalence (é == e + U+0301),
  /// which would let every NFC/NFD comparison pass; scalars compare exactly and show invisible
  /// differences in a failure.
  private static func scalars(_ text: String) -> [String] {
    text.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }
  }

  @Test(arguments: [
    ("\u{00E9}", "\u{0065}\u{0301}"),  // é
    ("\u{0439}", "\u{0438}\u{0306}"),  // й = и + breve
    ("\u{30B0}", "\u{30AF}\u{3099}"),  // グ = ク + voiced sound mark
    ("La P\u{00E9}rouse", "La Pe\u{0301}rouse"),
    ("\u{30B0}\u{30CA}\u{30B7}\u{30EA}", "\u{30AF}\u{3099}\u{30CA}\u{30B7}\u{30EA}"),  // グナシリ
  ])
  func composedAndDecomposedFormsConvert(composed: String, decomposed: String) throws {
    #expect(Self.scalars(try NormalForm.nfc.apply(decomposed)) == Self.scalars(composed))
    #expect(Self.scalars(try NormalForm.nfd.apply(composed)) == Self.scalars(decomposed))
    #expect(Self.scalars(try NormalForm.nfc.apply(composed)) == Self.scalars(composed))
    #expect(Self.scalars(try NormalForm.nfd.apply(decomposed)) == Self.scalars(decomposed))
  }

  @Test(arguments: [
    ("ＡＢＣ", "ABC"),
    ("ｸﾅｼﾘ", "クナシリ"),
    ("ｸﾞﾅｼﾘ", "グナシリ"),  // half-width voiced mark composes
    ("①", "1"),
  ])
  func nfkcFoldsCompatibilityForms(input: String, expected: String) throws {
    #expect(Self.scalars(try NormalForm.nfkc.apply(input)) == Self.scalars(expected))
  }

  @Test func nfcLeavesCompatibilityFormsAlone() throws {
    #expect(Self.scalars(try NormalForm.nfc.apply("ＡＢＣ ｸﾅｼﾘ")) == Self.scalars("ＡＢＣ ｸﾅｼﾘ"))
  }

  @Test func nfkdDecomposesAfterFolding() throws {
    #expect(Self.scalars(try NormalForm.nfkd.apply("ｸﾞ")) == ["U+30AF", "U+3099"])
  }

  @Test(arguments: [
    ("ÉCOLE", "école"),
    ("Осечкин", "осечкин"),
    ("ＫＵＮＡＳＨＩＲ", "kunashir"),
    ("Straße", "strasse"),
    ("グナシリ", "グナシリ"),
    ("Kuna\u{00AD}shir", "kunashir"),  // soft hyphen is default-ignorable: removed
  ])
  func nfkcCasefoldFoldsCaseAndWidth(input: String, expected: String) throws {
    #expect(Self.scalars(try NormalForm.nfkcCasefold.apply(input)) == Self.scalars(expected))
  }

  @Test(arguments: NormalForm.allCases)
  func kanjiIsUnchanged(form: NormalForm) throws {
    #expect(Self.scalars(try form.apply("国後島 北海道")) == Self.scalars("国後島 北海道"))
  }

  @Test(arguments: NormalForm.allCases)
  func emptyStringIsUnchanged(form: NormalForm) throws {
    #expect(try form.apply("") == "")
  }

  @Test(arguments: NormalForm.allCases)
  func replacementCharacterAndControlsSurvive(form: NormalForm) throws {
    // Unpaired surrogates cannot exist in a Swift string; decoded documents carry U+FFFD and
    // stray controls instead, and no form may drop or change them.
    let text = "\u{FFFD}\u{0}\u{1}\u{7F}\u{85}\u{9F}国\u{FFFD}"
    #expect(Self.scalars(try form.apply(text)) == Self.scalars(text))
  }

  @Test func asciiCasefoldLowercases() throws {
    #expect(Self.scalars(try NormalForm.nfkcCasefold.apply("Kunashir")) == Self.scalars("kunashir"))
    #expect(
      Self.scalars(try NormalForm.nfkcCasefold.apply("KISHIDA Fumio 1941!"))
        == Self.scalars("kishida fumio 1941!"))
  }

  @Test(arguments: NormalForm.allCases)
  func asciiFastPathAgreesWithICU(form: NormalForm) throws {
    // Appending 'é' forces the call into ICU; the ASCII part must come out as the fast path
    // gives it, for every ASCII scalar.
    let ascii = String(String.UnicodeScalarView((0..<128).compactMap(Unicode.Scalar.init)))
    let fast = try form.apply(ascii)
    let throughICU = try form.apply(ascii + "é")
    #expect(Self.scalars(throughICU) == Self.scalars(fast) + Self.scalars(try form.apply("é")))
  }

  @Test func alreadyNormalizedNonASCIITextComesBackEqual() throws {
    let text = "Кунашир グナシリ P\u{00E9}rouse"
    #expect(Self.scalars(try NormalForm.nfc.apply(text)) == Self.scalars(text))
  }

  @Test func outputLargerThanFirstGuessIsComplete() throws {
    // U+FDFA (3 UTF-8 bytes) becomes 18 scalars (33 bytes) under NFKC: fifty of them outgrow
    // both the shim's UTF-16 scratch and the wrapper's UTF-8 guess.
    let output = try NormalForm.nfkc.apply(String(repeating: "\u{FDFA}", count: 50))
    let one =
      "\u{0635}\u{0644}\u{0649} \u{0627}\u{0644}\u{0644}\u{0647} "
      + "\u{0639}\u{0644}\u{064A}\u{0647} \u{0648}\u{0633}\u{0644}\u{0645}"
    #expect(output.unicodeScalars.count == 900)
    #expect(Self.scalars(output) == Self.scalars(String(repeating: one, count: 50)))
  }

  @Test func longCyrillicTextNormalizes() throws {
    let text = String(repeating: "Ёлкино и Йошкар-Ола. ", count: 5000)
    let decomposed = try NormalForm.nfd.apply(text)
    #expect(decomposed.unicodeScalars.count == text.unicodeScalars.count + 2 * 5000)
    #expect(Self.scalars(try NormalForm.nfc.apply(decomposed)) == Self.scalars(text))
  }
}
