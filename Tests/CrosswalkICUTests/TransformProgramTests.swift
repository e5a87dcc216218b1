// Pins Crosswalk's own engine for transform rules (`TransformProgram`) to ICU's: each piece of
// the rule syntax it runs, over thousands of generated strings, gives ICU's output; rules with
// syntax outside its subset are left to ICU and still transform.
import Testing

@testable import CrosswalkICU

@Suite struct TransformProgramTests {
  /// Rules, each set exercising one part of the subset the way glossaries/transforms does.
  static let ruleSets: [(name: String, rules: String)] = [
    ("rule order: the first rule that matches wins", "shch > Q ; sh > S ; s > z ; ch > C ; c > ts ;"),
    ("before and after contexts", "' ' { j } [bcdkl] > zh ; ine } ' ' > in ; ' ' { gu } [ei] > g ;"),
    ("a before context sees the pass's own output", "ou > o ; [aeiou] { j } [aou] > y ; j > Y ;"),
    ("greedy repeats", "k+ > k ; [iy] [iy]+ } [bcdkl\\ ] > i ; o+ } n > O ;"),
    ("deletion and sets", "[aeiouy] > ; [bp] > p ; [\\u3099 \\u309A] > ;"),
    ("passes", "a > b ; b > c ; :: Null ; b > d ; c+ > e ; :: Null ; e > f ;"),
    ("a filtered decomposition, then marks removed", ":: [[:Latin:]-[a-zA-Z]] NFD ; [:Mn:] > ;"),
    ("escapes and quotes", "'' > q ; \\u00B7 > ; [\\u2019] > ; '-' > ' ' ; [\\p{Pd} / _ ,] > ' ' ;"),
    ("kana decomposed, voicing marks removed", ":: [[:Hiragana:][:Katakana:]] NFD ; [\\u3099 \\u309A] > ; :: Null ; ク > k ;"),
  ]

  /// Letters of the rules above, their neighbours, accents, kana, punctuation and an emoji.
  static let alphabet = Array("abcdeghijklnopqstuyz    ouieéñōüąグぐクパ·'’-—/_,🙂ÅA")

  static func strings(count: Int, seed: UInt64) -> [String] {
    var state = seed
    func next() -> UInt64 {
      // SplitMix64.
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    return (0..<count).map { _ in
      let length = Int(next() % 12) + 1
      return " " + String((0..<length).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] }) + " "
    }
  }

  @Test(arguments: ruleSets.indices)
  func ownEngineGivesICUsOutput(index: Int) throws {
    let (name, rules) = Self.ruleSets[index]
    let own = try Transliterator(id: "own", rules: rules)
    let icu = try Transliterator(id: "icu", rules: rules, ownEngine: false)
    #expect(own.runsOwnEngine, "\(name): within the subset")
    #expect(!icu.runsOwnEngine)
    var differing: [String] = []
    for input in Self.strings(count: 3000, seed: UInt64(index) + 1) {
      if try own.transliterate(input) != icu.transliterate(input) { differing.append(input) }
    }
    #expect(differing.isEmpty, "\(name): \(differing.prefix(5).map { "'\($0)'" })")
  }

  @Test func theRulesChangeTextAsICUSays() throws {
    let own = try Transliterator(id: "own", rules: Self.ruleSets[2].rules + " :: Null ; k+ > k ;")
    #expect(own.runsOwnEngine)
    #expect(try own.transliterate("zouja kkk joj") == "zoya k YoY")
  }

  @Test(arguments: [
    ":: Lower ; a > b ;",
    "$vowel = [aeiou] ; $vowel > ;",
    "a <> b ;",
    "ab > c | d ;",
    "(a) b > $1 ;",
    "^a > b ;",
    ". > x ;",
    "ba* > c ;",
  ])
  func syntaxOutsideTheSubsetIsLeftToICU(rules: String) throws {
    let transliterator = try Transliterator(id: "fallback", rules: rules)
    let icu = try Transliterator(id: "fallback-icu", rules: rules, ownEngine: false)
    #expect(!transliterator.runsOwnEngine)
    for input in ["a", "ab", "Abc", "bab", "aaab"] {
      #expect(try transliterator.transliterate(input) == icu.transliterate(input))
    }
  }
}
