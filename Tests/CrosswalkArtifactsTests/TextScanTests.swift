import CrosswalkCore
import Testing

@testable import CrosswalkArtifacts

/// The word scan every rule reads: its fast paths agree with Unicode's own properties.
@Suite struct TextScanTests {
  /// Lower case by Unicode's properties, scalar by scalar: what `folded` must equal.
  static func reference(_ word: String) -> String {
    var result = String.UnicodeScalarView()
    for scalar in word.unicodeScalars { result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars) }
    return String(result)
  }

  @Test func foldingAgreesWithUnicodeOnRandomWords() {
    let alphabet = Array("AZaz09ЁёАЯаяЖжКуНаШиРЙЦ'-ÉéÖİŁÆ日本カナー々".unicodeScalars)
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<2_000 {
      let length = Int.random(in: 1...12, using: &generator)
      let word = String(String.UnicodeScalarView((0..<length).map { _ in alphabet.randomElement(using: &generator) ?? "a" }))
      let folded = TextScan.folded(ArraySlice(Array(word.unicodeScalars)))
      #expect(folded.unicodeScalars.elementsEqual(Self.reference(word).unicodeScalars), "\(word)")
    }
  }

  @Test func caselessScalarsAreTheirOwnLowerCase() {
    for value in UInt32(0)...0x10FFFF where TextScan.isCaseless(value) {
      guard let scalar = Unicode.Scalar(value) else { continue }
      #expect(Self.reference(String(scalar)) == String(scalar), "U+\(String(value, radix: 16))")
    }
    let word = "外務省のザハロワ報道官ー〇"
    #expect(TextScan.folded(ArraySlice(Array(word.unicodeScalars))) == word)
  }

  @Test func wordScalarsAgreeWithUnicodeProperties() {
    let ranges: [ClosedRange<UInt32>] = [0x400...0x4FF, 0x3040...0x30FF, 0x4E00...0x9FFF]
    for value in ranges.joined() {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let properties = scalar.properties
      let expected =
        properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
        || properties.generalCategory == .spacingMark
      #expect(TextScan.isWordScalar(scalar) == expected, "U+\(String(value, radix: 16))")
    }
  }

  /// Every scalar, so that a value range decided without a lookup cannot take in one scalar
  /// whose properties say otherwise.
  @Test func letterCaseAndMarksAgreeWithUnicodePropertiesForEveryScalar() {
    var disagreements: [String] = []
    for value in UInt32(0)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let properties = scalar.properties
      if TextScan.isLetter(scalar) != properties.isAlphabetic || TextScan.isUppercase(scalar) != properties.isUppercase
        || TextScan.isLowercase(scalar) != properties.isLowercase
        || TextScan.isCombiningMark(scalar) != (properties.canonicalCombiningClass != .notReordered)
      {
        disagreements.append("U+\(String(value, radix: 16, uppercase: true))")
      }
    }
    #expect(disagreements.isEmpty, "\(disagreements.prefix(20))")
  }

  @Test func wordsAreFoundWithInnerApostrophesAndHyphens() {
    let scalars = Array("Южно-Сахалинск, O’Brien's — 2024 год.".unicodeScalars)
    let words = TextScan.words(scalars, in: TextSpan(start: 0, end: scalars.count)).map(\.folded)
    #expect(words == ["южно-сахалинск", "o’brien's", "2024", "год"])
  }
}
