import CrosswalkCore
import Foundation
import Testing

@testable import CrosswalkArtifacts

/// The literals that pick which boilerplate patterns run on a text: a pattern skipped where it
/// would have matched is a finding lost, so the literals must be in every match.
@Suite struct RequiredLiteralsTests {
  /// No UTF-8 byte is 0xFF: it stands for a scalar without a folded form, which makes the
  /// matcher try every pattern.
  static let unfoldable: UInt8 = 0xFF

  /// `text` folded as the matcher folds it, in UTF-8.
  static func foldedBytes(_ text: Substring) -> [UInt8] {
    var bytes: [UInt8] = []
    for scalar in text.unicodeScalars {
      if let folded = LiteralFolding.fold(scalar) { bytes += Array(String(folded).utf8) } else { bytes.append(unfoldable) }
    }
    return bytes
  }

  static func literals(_ pattern: String) -> [String]? {
    RequiredLiterals.of(pattern)?.map { String(decoding: $0, as: UTF8.self) }
  }

  static let cases: [(pattern: String, literals: [String]?)] = [
    (#"see also\b.{0,290}"#, ["see also"]),
    ("colou?r", ["colo"]),  // An optional letter ends a literal.
    ("ab+c", ["ab"]),  // 'abbc': a repeated letter ends one too.
    ("a{0,3}bc", ["bc"]),
    ("a{2}bc", ["bc"]),
    ("(?:cat|dog)s? food", [" food"]),  // The longest requirement wins.
    ("(?:cat|dog) x", ["cat", "dog"]),  // A group whose every branch has a literal.
    ("x(?:cats|dogs)?y", ["x"]),  // An optional group requires nothing.
    (#"(?:(?:ab|cd)\d){1,3}"#, ["ab", "cd"]),
    (#"a|b\d"#, ["a", "b"]),
    (#"\d+|abc"#, nil),  // One branch without a literal: the pattern always runs.
    ("[ab]c", ["c"]),  // As long as [ab] and shorter than it: the smaller set.
    ("[»›]{2,}", ["»", "›"]),  // A class of a few characters: each is a literal.
    ("(?:xy[»›] ){2,}", ["xy"]),  // As long as » (two bytes): the smaller set.
    ("[a-c]x", ["x"]), ("[^»]x", ["x"]), (#"[\d»]x"#, ["x"]),  // Ranges, negations, escapes: none.
    ("[abcde]", nil),  // Too many to try each.
    ("[/]x", ["/x"]),
    (#"\(link\)"#, ["(link)"]),
    ("(?=abc)d", ["d"]),  // A lookahead is not consumed.
    ("(?i)ABC", ["abc"]),
    ("(?-i:Top) of", ["top"]),
    ("Ёлка Ｐ", ["ёлка ｐ"]),
    (#"\p{L}+ news"#, [" news"]),
    ("straße", ["stra"]),  // ß folds to 'ss': no literal across it.
    ("a{,3}", nil), ("[abc", nil), ("(abc", nil), ("abc)", nil), ("*a", nil),
  ]

  @Test("literals read from a pattern", arguments: cases.indices)
  func literalsOfPattern(index: Int) {
    let (pattern, expected) = Self.cases[index]
    #expect(Self.literals(pattern) == expected, "\(pattern)")
  }

  /// Every match of every boilerplate pattern, over the rules' examples, the sample corpus and
  /// the clean texts, holds one of the pattern's literals.
  @Test func everyMatchOfTheDataHoldsALiteral() throws {
    let data = try #require(RuleTestResources.data)
    var texts: [String] = []
    for id in ["boilerplate", "translator-marker"] {
      let description = try #require(RuleRegistry.description(of: id))
      texts += (description.triggering + description.nonTriggering).map {
        $0.replacingOccurrences(of: "⟦", with: "").replacingOccurrences(of: "⟧", with: "")
      }
    }
    let corpus = try #require(CheckedCorpus.byID, "the corpus could not be checked")
    texts += corpus.values.map(\.document.text)
    let fixtures = CheckedCorpus.root.deletingLastPathComponent().appending(path: "Tests/Fixtures/clean")
    for file in (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? [] {
      if let text = try? String(contentsOf: fixtures.appending(path: file), encoding: .utf8) { texts.append(text) }
    }
    var matched = 0
    for pattern in data.boilerplate {
      guard let literals = RequiredLiterals.of(pattern.pattern) else { continue }
      let expression = try NSRegularExpression(pattern: pattern.pattern, options: [.caseInsensitive, .anchorsMatchLines])
      for text in texts {
        for match in expression.matches(in: text, range: NSRange(location: 0, length: text.utf16.count)) {
          guard let range = Range(match.range, in: text), !range.isEmpty else { continue }
          matched += 1
          let folded = Self.foldedBytes(text[range])
          let holds = folded.contains(Self.unfoldable) || literals.contains { folded.contains($0) }
          #expect(holds, "\(pattern.id) matched '\(text[range])' without its literals")
        }
      }
    }
    #expect(matched > 100, "too few matches to tell: \(matched)")
  }

  /// A scalar folds here as ICU's case-insensitive matching folds it (full case folding), or
  /// not at all.
  @Test func foldingAgreesWithFullCaseFolding() {
    var disagreements: [String] = []
    for value in UInt32(0)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value), let folded = LiteralFolding.fold(scalar) else { continue }
      if String(scalar).folding(options: .caseInsensitive, locale: nil) != String(folded).folding(options: .caseInsensitive, locale: nil)
        || String(folded).folding(options: .caseInsensitive, locale: nil) != String(folded)
      {
        disagreements.append("U+\(String(value, radix: 16, uppercase: true))")
      }
    }
    #expect(disagreements.isEmpty, "\(disagreements.prefix(20)) of \(disagreements.count)")
    #expect(LiteralFolding.fold("ß") == nil && LiteralFolding.fold("ſ") == nil && LiteralFolding.fold("ﬁ") == nil)
    #expect(LiteralFolding.fold("K") == "k" && LiteralFolding.fold("Ж") == "ж" && LiteralFolding.fold("É") == "é")
  }
}

extension Array where Element == UInt8 {
  /// Whether `needle` occurs in these bytes.
  fileprivate func contains(_ needle: [UInt8]) -> Bool {
    guard needle.count <= count else { return false }
    return (0...(count - needle.count)).contains { self[$0..<($0 + needle.count)].elementsEqual(needle) }
  }
}
