import CrosswalkCore
import Foundation
import Testing

@testable import CrosswalkArtifacts

/// Edge cases of case-anomaly beyond its examples: words that are right in mixed case, words
/// that are not, sentences after full stops over lines and paragraphs, and its data file.
@Suite struct CaseAnomalyRuleTests {
  static let rule = "case-anomaly"

  /// The findings' texts.
  static func flagged(_ text: String) throws -> [String] {
    let scalars = Array(text.unicodeScalars)
    return try RuleTestResources.findings(of: rule, in: text).map {
      String(String.UnicodeScalarView(scalars[$0.span.start..<$0.span.end]))
    }
  }

  static let rightMixedCase = [
    "iPhone", "eBay", "iOS", "McDonald", "MacArthur", "YouTube", "LinkedIn", "JavaScript", "PhD", "kWh",
    "mRNA",
    "COVID-19", "jQuery", "2019-nCoV", "hPa", "mAh", "kHz", "dBm", "mRNAs", "macOS", "iPadOS", "eSIMs",
    "hÉireann",
    "bPáras", "кВт", "кВт·ч", "кГц", "гПа", "мЗв", "O’Brien", "al-Assad", "#MeToo", "@jAponians_bot",
    "jAp.txt", "https://x.org/jAponians",
  ]

  @Test("words that some language or brand writes in mixed case", arguments: rightMixedCase)
  func rightWord(word: String) throws {
    #expect(try Self.flagged("They talked about \(word) in Tokyo yesterday.").isEmpty)
  }

  static let wrongMixedCase = ["jAponians", "tHe", "wHen", "яПонцы", "рОссия", "sOviet's"]

  @Test("a capital right after a lower-case first letter", arguments: wrongMixedCase)
  func wrongWord(word: String) throws {
    let letters = word.prefix { $0 != "'" }
    let found = try RuleTestResources.findings(
      of: Self.rule, in: "They talked about \(word) in Tokyo yesterday.")
    #expect(try Self.flagged("They talked about \(word) in Tokyo yesterday.") == [String(letters)])
    // The shift key pressed one letter late: the suggestion swaps the first two letters' case.
    let first = letters.prefix(1).uppercased(), second = letters.dropFirst().prefix(1).lowercased()
    #expect(found.first?.suggestion == first + second + letters.dropFirst(2))
  }

  @Test("decomposed letters keep their marks and their case")
  func decomposed() throws {
    let text = "Об этом сообщили яПонские власти и na hÉireann.".decomposedStringWithCanonicalMapping
    #expect(try Self.flagged(text) == ["яПонские"])
  }

  static let rightStarts = [
    "Prices rose by approx. three percent.", "He left at 5 p.m. local time.",
    "She works for the U.S. government.",
    "The list follows.\n1. flour\n2. sugar", "The rule: lower case after a colon.",
    "“Why?” she asked. Wow! that was fast.",
    "He sold it on eBay. eBay then banned him.", "The talks ended. de Gaulle left. van der Berg stayed.",
    "See the report. www.example.com has it.", "Read the file. report.pdf is attached.",
    "Read more e.g. here, etc. and so on.",
    "около 5 тыс. кв. км, т. е. немного.", "今日は晴れ。明日は雨。", "Footwear sold well. adidas led.",
    "Steps: 1. open the box 2. remove the tray.", "Options: a) leave now. b) stay. iv) wait.",
  ]

  @Test("lower case after a full stop that does not end a sentence, or is allowed", arguments: rightStarts)
  func rightStart(text: String) throws {
    #expect(try Self.flagged(text).isEmpty)
  }

  @Test("a sentence cut after a full stop, in a line, over lines and over paragraphs")
  func cutSentences() throws {
    #expect(try Self.flagged("The sanctions were announced on May 26. the ministry said.") == ["the"])
    #expect(try Self.flagged("The delegation left the islands.\nthe talks resumed in May.") == ["the"])
    let paragraphs = "The delegation left the islands.\r\n\r\nofficials said the talks would resume.\r\n"
    #expect(try Self.flagged(paragraphs) == ["officials"])
    // A wrapped line that ends without a full stop goes on with the same sentence.
    #expect(try Self.flagged("The delegation left the islands and\nthe talks resumed in May.").isEmpty)
    #expect(try Self.flagged("Переговоры закончились ничем. министр уехал.") == ["министр"])
  }

  @Test("a long document: one cut sentence and one glitched word among hundreds of clean ones")
  func longDocument() throws {
    let clean = "Officials from eBay, YouTube and the U.S. met approx. three times; “Why?” she asked. "
    let text =
      String(repeating: clean, count: 300) + "The talks ended badly. the envoys left.\n\n"
      + String(repeating: clean, count: 300) + "\nThe jAponians arrived."
    #expect(try Self.flagged(text) == ["the", "jAponians"])
  }

  static let wrongBeyondASCII = ["ｊＡｐｏｎ", "ⓐⒷⓒ", "𐐨𐐀𐐨", "j\u{301}Aponians", "я\u{301}Понцы"]

  @Test(
    "a capital after a lower-case letter in full width, circled, outside the BMP, past a mark",
    arguments: wrongBeyondASCII)
  func wrongWordBeyondASCII(word: String) throws {
    #expect(try Self.flagged("They talked about \(word) in Tokyo yesterday.") == [word])
  }

  @Test("code lines keep their identifiers")
  func code() throws {
    #expect(try Self.flagged("Set xPos = 1 and call getElementById() in the script.").isEmpty)
    #expect(try Self.flagged("The function `nCount` returns a value.").isEmpty)
  }

  @Test("the built-in letter-case list loads")
  func builtIn() throws {
    let data = try #require(RuleTestResources.data)
    #expect(data.letterCase.mixed.contains("jQuery"))
    #expect(data.letterCase.particles.contains("van"))
    #expect(data.letterCase.abbreviations.contains("approx"))
  }

  static let malformed: [(text: String, line: Int)] = [
    ("# comment\nmixed\tjQuery\nmixed\tJquery", 3),
    ("mixed\tjQuery\nparticle\tVan", 2),
    ("abbreviation\tтыс", 1),
    ("mixed\tjQuery\nmixed\tjQuery", 2),
    ("\nunknown\tword", 2),
    ("mixed\tj Query", 1),
    ("particle", 1),
  ]

  @Test(
    "each malformed line of letter-case.tsv is an error naming the file and the line", arguments: malformed)
  func malformedLine(entry: (text: String, line: Int)) {
    let error = #expect(throws: ArtifactError.self) {
      _ = try ArtifactData.letterCase(entry.text, file: "artifacts/letter-case.tsv")
    }
    guard case .invalidData(let file, let line, _) = error else {
      Issue.record("expected invalidData, got \(String(describing: error))")
      return
    }
    #expect(file == "artifacts/letter-case.tsv" && line == entry.line)
    #expect(error?.description.hasPrefix("artifacts/letter-case.tsv:\(entry.line): error: ") == true)
  }
}
