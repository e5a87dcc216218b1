// Pins `SpoofChecker` at the highly restrictive level: clean Latin (with diacritics), Cyrillic,
// kanji and kana words; a Latin word with a Cyrillic letter (mixed script); mixed digits;
// repeated combining marks; confusable skeletons and `areConfusable`; a skeleton longer than the
// first buffer guess; the empty string and U+FFFD. Also pins what ICU 72's single-string check
// does not report (whole-script confusables, zero-width spaces).
import Testing

@testable import CrosswalkICU

@Suite struct SpoofCheckerTests {
  @Test(arguments: [
    "Kunashir", "Pérouse", "Ōno", "Осечкин", "Кунашир", "国後島", "キシダ", "くなしり",
    "国後島キシダ", "Kishida 岸田", "1941",
  ])
  func singleScriptAndJapaneseWordsAreClean(word: String) throws {
    #expect(try SpoofChecker().check(word) == [])
  }

  @Test func latinWordWithCyrillicLetterIsMixedScript() throws {
    // 'Kunаshir' with U+0430 CYRILLIC SMALL LETTER A.
    let issues = try SpoofChecker().check("Kun\u{0430}shir")
    #expect(issues.contains(.mixedScript))
  }

  @Test func latinWordWithCyrillicLetterHasTheLatinSkeleton() throws {
    let checker = try SpoofChecker()
    #expect(try checker.skeleton("Kun\u{0430}shir") == checker.skeleton("Kunashir"))
    #expect(try checker.areConfusable("Kun\u{0430}shir", "Kunashir"))
  }

  @Test func differentSpellingsAreNotConfusable() throws {
    let checker = try SpoofChecker()
    #expect(try !checker.areConfusable("Kishida", "Kisida"))
    #expect(try !checker.areConfusable("Кунашир", "Kunashir"))
  }

  @Test func cyrillicLookalikeWordSharesTheLatinSkeleton() throws {
    // 'сор' is all Cyrillic (с, о, р) and looks like Latin 'cop'.
    let checker = try SpoofChecker()
    #expect(try checker.skeleton("\u{0441}\u{043E}\u{0440}") == "cop")
    #expect(try checker.areConfusable("\u{0441}\u{043E}\u{0440}", "cop"))
  }

  @Test func singleStringCheckNeverReportsWholeScriptConfusables() throws {
    // ICU 58+ computes the confusable flags only in uspoof_areConfusable; uspoof_check2 leaves
    // them unset, so .wholeScriptConfusable and .mixedScriptConfusable never come from check().
    let checker = try SpoofChecker()
    for word in ["\u{0441}\u{043E}\u{0440}", "\u{0440}\u{0430}\u{0443}\u{0440}\u{0430}", "Kun\u{0430}shir"] {
      let issues = try checker.check(word)
      #expect(!issues.contains(.wholeScriptConfusable), "\(word)")
      #expect(!issues.contains(.mixedScriptConfusable), "\(word)")
    }
    #expect(try checker.check("\u{0441}\u{043E}\u{0440}") == [])
  }

  @Test func mixedNumberingSystemsAreReported() throws {
    // ASCII 1 and ARABIC-INDIC DIGIT ONE.
    #expect(try SpoofChecker().check("1\u{0661}").contains(.mixedNumbers))
  }

  @Test func repeatedCombiningMarkIsInvisible() throws {
    #expect(try SpoofChecker().check("a\u{0301}\u{0301}").contains(.invisible))
  }

  @Test func zeroWidthSpaceIsNotReported() throws {
    // ICU 72's INVISIBLE check looks only for repeated combining marks: a word with U+200B in it
    // passes clean, whatever the flag's documentation suggests.
    let checker = try SpoofChecker()
    #expect(try checker.check("Kuna\u{200B}shir") == [])
    #expect(try checker.skeleton("Kuna\u{200B}shir") != checker.skeleton("Kunashir"))
  }

  @Test func emptyStringIsCleanWithEmptySkeleton() throws {
    let checker = try SpoofChecker()
    #expect(try checker.check("") == [])
    #expect(try checker.skeleton("") == "")
    #expect(try checker.areConfusable("", ""))
  }

  @Test func replacementCharacterAndControlsAreAccepted() throws {
    let checker = try SpoofChecker()
    let text = "Ос\u{FFFD}\u{0}\u{1}ечкин"
    #expect(try checker.check(text) == [])
    #expect(try checker.skeleton(text).unicodeScalars.contains("\u{FFFD}"))
  }

  @Test func kanaSkeletonSplitsTheVoicingMark() throws {
    // UTS #39 maps ダ to 夕 (a kanji) plus U+3099: kana and kanji can share skeletons.
    #expect(try SpoofChecker().skeleton("キシダ") == "キシ\u{5915}\u{3099}")
  }

  @Test func skeletonLongerThanFirstGuessIsComplete() throws {
    // 'm' has the skeleton 'rn': twice the input, beyond the first guess of 1.5 n + 16.
    let skeleton = try SpoofChecker().skeleton(String(repeating: "m", count: 1000))
    #expect(skeleton == String(repeating: "rn", count: 1000))
  }

  @Test func oneCheckerStaysCorrectAcrossManyStrings() throws {
    let checker = try SpoofChecker()
    for round in 0..<50 {
      #expect(try checker.check("Kunashir") == [], "\(round)")
      #expect(try checker.check("Kun\u{0430}shir").contains(.mixedScript), "\(round)")
      #expect(try checker.check("") == [], "\(round)")
    }
  }

  @Test func issueFlagsAreDistinct() {
    let all: [SpoofChecker.Issues] = [
      .mixedScript, .mixedScriptConfusable, .wholeScriptConfusable, .mixedNumbers, .invisible,
    ]
    #expect(Set(all.map(\.rawValue)).count == all.count)
    #expect(all.allSatisfy { $0.rawValue.nonzeroBitCount == 1 })
  }
}
