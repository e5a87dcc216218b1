// Pins NameAnalysis: the hashes of exact keys ignore token order (but not repeats) at the folded
// levels and keep it at the literal level; words are cached and shared without changing keys.
import CrosswalkCore
import Testing

@testable import CrosswalkNames

@Suite("Name analysis")
struct NameAnalysisTests {
  let normalizer: NameNormalizer

  init() throws { normalizer = try NameNormalizer() }

  @Test("token order is ignored at the folded, latin and romanization levels, not literal")
  func tokenOrder() throws {
    let a = try normalizer.analyze("Kishida Fumio"), b = try normalizer.analyze("Fumio Kishida")
    for level in [NameLevel.folded, .latin, .romanization] { #expect(a.exactHash(level) == b.exactHash(level)) }
    #expect(a.exactHash(.literal) != b.exactHash(.literal))
  }

  @Test("a repeated token is not the same name")
  func repeats() throws {
    let once = try normalizer.analyze("Ivan"), twice = try normalizer.analyze("Ivan Ivan")
    #expect(once.exactHash(.folded) != twice.exactHash(.folded))
  }

  @Test("case and white space do not change the folded key; spelling does")
  func folding() throws {
    let a = try normalizer.analyze("  Fumio\u{00A0}KISHIDA "), b = try normalizer.analyze("fumio kishida")
    #expect(a.exactHash(.folded) == b.exactHash(.folded))
    #expect(a.keys.literal == "Fumio KISHIDA")
    #expect(try normalizer.analyze("Fumio Kisida").exactHash(.folded) != b.exactHash(.folded))
  }

  @Test("tokens carry the levels the linker compares")
  func tokens() throws {
    let tokens = try normalizer.analyze("F. Кисида").tokens
    #expect(tokens.map(\.latin) == ["f", "kisida"])
    #expect(tokens.map(\.isInitial) == [true, false])
    #expect(tokens[1].romanization == "kishida")
    #expect(tokens[1].romanHash == keyHash("kishida"))
  }

  @Test("a blank name has no words; punctuation alone has no tokens")
  func empty() throws {
    #expect(try normalizer.analyze(" \t ").isBlank)
    let dash = try normalizer.analyze("—")
    #expect(!dash.isBlank && dash.isEmpty)
  }

  @Test("the French form writes Cyrillic words in French transliteration, and only those")
  func frenchForm() throws {
    let french = try #require(try normalizer.frenchForm(of: normalizer.analyze("Щукин Ivan")))
    #expect(french.keys.latin == "chtchoukin ivan")
    #expect(try normalizer.frenchForm(of: normalizer.analyze("Ivan Shchukin")) == nil)
  }

  @Test("a normalizer sharing another's words gives the same keys as one reading afresh")
  func sharedWords() throws {
    let names = ["Кисида Фумио", "キシダ", "Ōno Yūki", "La Pérouse"]
    let first = try NameNormalizer()
    for name in names { _ = try first.analyze(name) }
    let sharing = try NameNormalizer(knownWords: first.wordsRead)
    let fresh = try NameNormalizer()
    for name in names { #expect(try sharing.keys(for: name) == fresh.keys(for: name), "\(name)") }
  }
}
