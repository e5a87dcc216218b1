// Pins which Latin tokens read as Japanese: the decision that steers 'ou', circumflexes and j.
import Testing

@testable import CrosswalkNames

@Suite("Japanese syllables")
struct JapaneseSyllablesTests {
  static let syllables: JapaneseSyllables? = try? JapaneseSyllables(
    text: "vowels: a i u e o\nonsets: k g s z t d n h b p m y r w f j ch sh ts dz kh ky ny ry sy ty",
    file: "test")

  @Test(
    "Japanese spellings read as Japanese",
    arguments: [
      "kishida", "kisida", "tsugaru", "hattori", "matcha", "ohno", "shinbashi", "kenichi",
      "satou", "sindzo", "khayasi", "n", "ai",
    ])
  func japanese(_ token: String) throws {
    #expect(try #require(Self.syllables).matches(token))
  }

  @Test(
    "other spellings do not",
    arguments: [
      "osechkin", "kunashir", "ivanov", "gourov", "zhdanov", "strait", "", "kishida1", "kíshida",
      "Kishida",
    ])
  func notJapanese(_ token: String) throws {
    #expect(!(try #require(Self.syllables).matches(token)))
  }

  @Test("a malformed syllables file is refused with its line")
  func malformed() {
    #expect(
      throws: NameError.invalidTable(
        file: "f", line: 2, message: "expected 'vowels:', 'onsets:' or 'foreign:', got 'consonants: k'")
    ) {
      try JapaneseSyllables(text: "vowels: a\nconsonants: k", file: "f")
    }
    #expect(throws: NameError.self) { try JapaneseSyllables(text: "onsets: k", file: "f") }
    #expect(throws: NameError.self) { try JapaneseSyllables(text: "vowels: а", file: "f") }
  }
}
