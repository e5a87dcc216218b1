// Pins `Script` and `ScriptRun`: the script ICU assigns to Latin (with diacritics), Cyrillic,
// katakana, hiragana, kanji, digits, spaces and combining marks; ISO 15924 short and long names;
// Script_Extensions of ー; how `runs(in:)` splits mixed text, in Unicode scalars, with Common and
// Inherited joining the run before them (or the first real script); and `set(in:)`.
import CrosswalkCore
import Testing

@testable import CrosswalkICU

@Suite struct ScriptTests {
  @Test(
    arguments: [
      ("a", Script.latin),
      ("é", Script.latin),
      ("Ō", Script.latin),
      ("Ж", Script.cyrillic),
      ("й", Script.cyrillic),
      ("ア", Script.katakana),
      ("ｱ", Script.katakana),  // half-width
      ("あ", Script.hiragana),
      ("国", Script.han),
      ("1", Script.common),
      (" ", Script.common),
      ("ー", Script.common),
      ("・", Script.common),
      ("😀", Script.common),
      ("\u{FFFD}", Script.common),
      ("\u{0301}", Script.inherited),
      ("\u{3099}", Script.inherited),
    ] as [(Unicode.Scalar, Script)])
  func scriptOfScalar(scalar: Unicode.Scalar, expected: Script) {
    #expect(Script(of: scalar) == expected)
  }

  @Test(arguments: [
    (Script.cyrillic, "Cyrl", "Cyrillic"),
    (Script.latin, "Latn", "Latin"),
    (Script.katakana, "Kana", "Katakana"),
    (Script.hiragana, "Hira", "Hiragana"),
    (Script.han, "Hani", "Han"),
    (Script.common, "Zyyy", "Common"),
    (Script.inherited, "Zinh", "Inherited"),
  ])
  func namesOfScript(script: Script, shortName: String, name: String) {
    #expect(script.shortName == shortName)
    #expect(script.name == name)
    #expect(script.description == shortName)
  }

  @Test func codeICUDoesNotKnowHasEmptyNames() {
    #expect(Script(code: 9999).shortName == "")
    #expect(Script(code: 9999).name == "")
  }

  @Test func onlyCommonAndInheritedAreShared() {
    #expect(Script.common.isShared)
    #expect(Script.inherited.isShared)
    #expect(!Script.latin.isShared)
    #expect(!Script.han.isShared)
  }

  @Test func prolongedSoundMarkExtendsToBothKana() {
    let extensions = Script.extensions(of: "\u{30FC}")
    #expect(Set(extensions) == [.hiragana, .katakana])
  }

  @Test func katakanaMiddleDotExtendsToHanAndKana() {
    let extensions = Set(Script.extensions(of: "\u{30FB}"))
    #expect(extensions.isSuperset(of: [.han, .hiragana, .katakana]))
  }

  @Test func scalarWithoutExtensionsGivesItsOwnScript() {
    #expect(Script.extensions(of: "Ж") == [.cyrillic])
    #expect(Script.extensions(of: "a") == [.latin])
  }

  // MARK: Runs

  private static func summary(_ runs: [ScriptRun]) -> [String] {
    runs.map { "\($0.script.shortName) \($0.span) '\($0.text)'" }
  }

  @Test func runsOfMixedNameSplitByScript() {
    let runs = Script.runs(in: "Kishida 岸田 キシダ Кисида")
    #expect(
      Self.summary(runs) == [
        "Latn 0..<8 'Kishida '",
        "Hani 8..<11 '岸田 '",
        "Kana 11..<15 'キシダ '",
        "Cyrl 15..<21 'Кисида'",
      ])
  }

  @Test func runTextMatchesItsSpan() {
    let text = "Kishida 岸田 キシダ Кисида"
    for run in Script.runs(in: text) {
      #expect(text.scalars(in: run.span) == run.text)
    }
  }

  @Test func runSpansCountScalarsNotUTF16() {
    // 😀 is one scalar but two UTF-16 units.
    let runs = Script.runs(in: "Кисида 😀 Kishida")
    #expect(Self.summary(runs) == ["Cyrl 0..<9 'Кисида 😀 '", "Latn 9..<16 'Kishida'"])
  }

  @Test func emptyTextHasNoRuns() {
    #expect(Script.runs(in: "").isEmpty)
  }

  @Test func leadingDigitsJoinTheFirstRealScript() {
    let runs = Script.runs(in: " 1941 Kunashir ")
    #expect(Self.summary(runs) == ["Latn 0..<15 ' 1941 Kunashir '"])
  }

  @Test func leadingCombiningMarkJoinsTheFirstRealScript() {
    #expect(Self.summary(Script.runs(in: "\u{0301}a")) == ["Latn 0..<2 '\u{0301}a'"])
  }

  @Test func textWithNoRealScriptIsOneCommonRun() {
    #expect(Self.summary(Script.runs(in: "123 !")) == ["Zyyy 0..<5 '123 !'"])
  }

  @Test func hiraganaAndKatakanaAreSeparateRuns() {
    #expect(
      Self.summary(Script.runs(in: "ひらがなカタカナ"))
        == ["Hira 0..<4 'ひらがな'", "Kana 4..<8 'カタカナ'"])
  }

  @Test func prolongedSoundMarkStaysInTheKatakanaRun() {
    #expect(Self.summary(Script.runs(in: "キシダー")) == ["Kana 0..<4 'キシダー'"])
  }

  @Test func decomposedAccentsStayInTheirRun() {
    // NFD 'Pérouse' and 'й': the combining marks are Inherited.
    let runs = Script.runs(in: "Pe\u{0301}rouse и\u{0306}")
    #expect(runs.map(\.script) == [.latin, .cyrillic])
    #expect(runs.map(\.span) == [TextSpan(start: 0, end: 9), TextSpan(start: 9, end: 11)])
  }

  @Test func replacementCharacterJoinsTheRunBeforeIt() {
    let runs = Script.runs(in: "\u{FFFD}\u{0}国\u{FFFD}Ж")
    #expect(runs.map(\.script) == [.han, .cyrillic])
    #expect(runs.map(\.span) == [TextSpan(start: 0, end: 4), TextSpan(start: 4, end: 5)])
  }

  // MARK: Set

  @Test func setOfMixedNameHasEachRealScript() {
    #expect(
      Script.set(in: "Kishida 岸田 キシダ Кисида 1941") == [.latin, .han, .katakana, .cyrillic])
  }

  @Test func setLeavesOutCommonAndInherited() {
    #expect(Script.set(in: "1941 ー \u{0301} !").isEmpty)
    #expect(Script.set(in: "").isEmpty)
    #expect(Script.set(in: "Pe\u{0301}rouse") == [.latin])
  }
}
