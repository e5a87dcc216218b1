import Testing

@testable import CrosswalkArtifacts

/// Names the glossary lacks, read by their spelling (glossaries/artifacts/route-spellings.tsv).
/// The names are made up or are real people in none of the fixtures.
@Suite struct RouteSpellingsTests {
  static func spellings() throws -> RouteSpellings {
    let data = try #require(RuleTestResources.data)
    return RouteSpellings(data.routeSpellings, japanese: data.japanese)
  }

  @Test func aJapaneseNameThroughRussianIsRespelledWordByWord() throws {
    let spellings = try Self.spellings()
    var seen: Set<[UInt8]> = []
    let reading = try #require(spellings.read("Kadzuo Simizu", japaneseWords: &seen))
    #expect(reading.route == "ru")
    #expect(reading.suggestion == "Kazuo Shimizu")
    #expect(reading.hint == "dzu for zu, si for shi")
    #expect(reading.words.map { String(decoding: $0.standard, as: UTF8.self) } == ["kazuo", "shimizu"])
    // The surname alone is read once the full name has been: not before.
    var fresh: Set<[UInt8]> = []
    #expect(spellings.read("Simizu", japaneseWords: &fresh) == nil)
    #expect(spellings.read("Simizu", japaneseWords: &seen)?.suggestion == "Shimizu")
  }

  @Test func theNameIsTheJapaneseWordsAtTheEndOfAMention() throws {
    var seen: Set<[UInt8]> = []
    let spellings = try Self.spellings()
    let reading = try #require(spellings.read("Minister of Trade Sindziro Ken'iti", japaneseWords: &seen))
    #expect(reading.suggestion == "Minister of Trade Shinjiro Kenichi")
    #expect(reading.words.count == 2)
    #expect(spellings.read("Minister of Trade Sindziro", japaneseWords: &seen)?.words.count == 1, "seen before")
  }

  @Test func aRussianNameThroughKatakanaIsReadByItsEnding() throws {
    var seen: Set<[UInt8]> = []
    let reading = try #require(try Self.spellings().read("Sergei Rebedefu", japaneseWords: &seen))
    #expect(reading.route == "ja")
    #expect(reading.hint == "-efu for -ev")
    #expect(reading.suggestion == nil, "the katakana route loses l and v: the name cannot be restored")
  }

  @Test func standardAndEuropeanNamesAreNotRead() throws {
    let spellings = try Self.spellings()
    var seen: Set<[UInt8]> = []
    for name in ["Akio Toyoda", "Shinjiro Koizumi", "Santiago Sierra", "Tina Costa", "Eurasia Foundation", "Dmitri Ivanov"] {
      #expect(spellings.read(name, japaneseWords: &seen) == nil, "\(name)")
    }
  }

  @Test func wapuroLongVowelsOnlyBeforeAConsonantOrAtTheEnd() throws {
    var seen: Set<[UInt8]> = []
    let reading = try #require(try Self.spellings().read("Inoue Satou", japaneseWords: &seen))
    #expect(reading.suggestion == "Inoue Sato", "Inoue is i-no-u-e")
    #expect(reading.route == "ja")
  }

  static let malformed: [(text: String, line: Int)] = [
    ("ending\tofu\tja", 1),  // three fields
    ("# comment\nprefix\tofu\tja\t-ov", 2),  // no such place
    ("ending\tOFU\tja\t-ov", 1),  // not lower case
    ("syllable\tsi\tru\tshi\nsyllable\t\tru\tshi", 2),  // empty field
  ]

  @Test("each malformed line of route-spellings.tsv is an error naming the file and the line", arguments: malformed)
  func malformedLine(entry: (text: String, line: Int)) {
    let error = #expect(throws: ArtifactError.self) {
      _ = try ArtifactData.routeSpellings(entry.text, file: "artifacts/route-spellings.tsv")
    }
    #expect(error?.description.hasPrefix("artifacts/route-spellings.tsv:\(entry.line): error: ") == true)
  }
}
