import CrosswalkCore
import Foundation
import Testing

@testable import CrosswalkArtifacts

/// Edge cases of quote-mismatch beyond its examples: paragraphs, both ways of carrying a
/// quotation over them, apostrophes and long lines.
@Suite struct QuoteMismatchRuleTests {
  static let rule = "quote-mismatch"

  /// The scalar span of the `occurrence`-th (from 0) `needle` in `text`.
  static func span(of needle: String, in text: String, occurrence: Int = 0) throws -> TextSpan {
    let scalars = Array(text.unicodeScalars)
    let target = Array(needle.unicodeScalars)
    var seen = 0
    for start in 0...(scalars.count - target.count)
    where scalars[start..<(start + target.count)].elementsEqual(target) {
      if seen == occurrence { return TextSpan(start: start, end: start + target.count) }
      seen += 1
    }
    throw SpanNotFound(needle: needle)
  }

  struct SpanNotFound: Error { let needle: String }

  @Test("the two seed artifacts are found on the offending marks")
  func seeds() throws {
    let doubled =
      "In August 2021, Russia ““is preparing very seriously for a local military conflict with Japan.”The FSB agent said."
    let found = try RuleTestResources.findings(of: Self.rule, in: doubled)
    #expect(found.map(\.span) == [try Self.span(of: "““", in: doubled)])
    #expect(found.first?.suggestion == "“")

    let mixed =
      "Japanese Prime Minister Fumio Kishida, figuratively speaking “run in front of the locomotive’. The conflict in Ukraine is a convenient opportunity."
    let mismatch = try RuleTestResources.findings(of: Self.rule, in: mixed)
    #expect(mismatch.map(\.span) == [try Self.span(of: "’", in: mixed)])
    #expect(mismatch.first?.suggestion == "”")
    #expect(
      mismatch.first?.message.contains("'“'") == true && mismatch.first?.message.contains("'’'") == true)
  }

  static let apostrophes = [
    "It’s the islands’ status that matters.", "Rock ’n’ roll came back in the ’90s.",
    "O’Brien met d’Alembert’s heirs.",
    "“The boys’ and the Joneses’ cars are gone,” she said.", "“I was goin’ home,” he said.",
    "The ‘80s were loud, the 1990’s quiet.", "He is 5’10” tall and owns a 27” monitor.",
  ]

  @Test("apostrophes, possessives and inch marks are not quotation marks", arguments: apostrophes)
  func apostrophe(text: String) throws {
    #expect(try RuleTestResources.findings(of: Self.rule, in: text).isEmpty)
  }

  @Test("an English quotation over paragraphs: reopened, it is fine; not reopened, it is unclosed")
  func englishParagraphs() throws {
    let reopened = """
      “I have been doing this since the ’90s,” said a diplomat. “I remember when ‘verification’ was the hard part.

      “Now it is getting people into the same room.

      “Nobody wants to say ‘no’ first,” he added.
      """
    #expect(try RuleTestResources.findings(of: Self.rule, in: reopened).isEmpty)
    #expect(
      try RuleTestResources.findings(of: Self.rule, in: reopened.replacingOccurrences(of: "\n", with: "\r\n"))
        .isEmpty)

    let dropped = """
      He said: “We came here with a serious offer.

      The envoy left at noon. Reporters called it “a fiasco”.
      """
    let found = try RuleTestResources.findings(of: Self.rule, in: dropped)
    #expect(found.map(\.span) == [try Self.span(of: "“", in: dropped)])
  }

  @Test("an apostrophe in a quotation that goes on in the next paragraph")
  func apostropheOverParagraphs() throws {
    #expect(
      try RuleTestResources.findings(of: Self.rule, in: "“I was goin’ home.\n\n“Then it rained,” he said.")
        .isEmpty)
    #expect(
      try RuleTestResources.findings(of: Self.rule, in: "“A cup o’ tea, then.\n\n“And another,” he said.")
        .isEmpty)
    #expect(
      try RuleTestResources.findings(
        of: Self.rule, in: "«Он сказал “я шёл домой’ и ушёл.\n\nПотом пошёл дождь”»."
      ).isEmpty)
    let text = "He ran “in front of the locomotive’.\n\nThen “another quotation” came."
    #expect(
      try RuleTestResources.findings(of: Self.rule, in: text).map(\.span) == [
        try Self.span(of: "’", in: text)
      ])
  }

  @Test("a Russian quotation goes on over paragraphs until its closing mark")
  func russianParagraphs() throws {
    let text = """
      «Первая часть заявления заканчивается здесь.

      Вторая часть упоминает газету «Известия» и „лапки“.

      Третья часть её завершает», — говорится в документе.
      """
    #expect(try RuleTestResources.findings(of: Self.rule, in: text).isEmpty)
    let unclosed = "«Заявление начинается здесь.\n\nИ нигде не заканчивается."
    #expect(
      try RuleTestResources.findings(of: Self.rule, in: unclosed).map(\.span) == [TextSpan(start: 0, end: 1)])
  }

  static let paragraphTexts = [
    "“First paragraph of a long quotation.\n\n“Second one closes it,” he said.",
    "The ministry said: “We will not retreat.\n\nThe talks ended on Friday.",
    "«Первая часть.\n\nВторая часть», — сказал он.",
    "He called it “a betrayal“, officials said.\n\n“He said ‘no’ today,” she recalled.",
    "Kishida “runs in front of the locomotive’.\n\nTokyo “leads the campaign.”",
  ]

  @Test("paragraphs without quotation marks change nothing", arguments: paragraphTexts)
  func plainParagraphs(text: String) throws {
    let plain = "Plain words, no marks.\n\n \t\n\nMore plain words.\n\n"
    let padded = plain + text.replacingOccurrences(of: "\n\n", with: "\n\n" + plain) + "\n\n" + plain
    let scalars = Array(text.unicodeScalars), paddedScalars = Array(padded.unicodeScalars)
    func described(_ findings: [Finding], _ scalars: [Unicode.Scalar]) -> [String] {
      findings.map {
        String(String.UnicodeScalarView(scalars[$0.span.start..<$0.span.end])) + " " + $0.message
          + " " + ($0.suggestion ?? "-")
      }
    }
    let found = described(try RuleTestResources.findings(of: Self.rule, in: text), scalars)
    #expect(described(try RuleTestResources.findings(of: Self.rule, in: padded), paddedScalars) == found)
  }

  @Test("one broken quotation does not spill into the next paragraph")
  func repairs() throws {
    let text = """
      Kishida, figuratively speaking “run in front of the locomotive’. The conflict is convenient.

      “A normal quotation,” he said, “with ‘a nested one’ inside.”

      Why Ukraine was chosen is for others to answer“, they wrote.
      """
    let found = try RuleTestResources.findings(of: Self.rule, in: text)
    #expect(
      found.map(\.span) == [
        try Self.span(of: "’", in: text), try Self.span(of: "“", in: text, occurrence: 3),
      ])
    #expect(found.last?.suggestion == nil, "a lone closing mark has no sure fix")
  }

  @Test("quotation marks of each script pair only with their own kind")
  func scripts() throws {
    #expect(try RuleTestResources.findings(of: Self.rule, in: "岸田氏は「『北方領土』は固有の領土だ」と述べた。").isEmpty)
    let unclosed = "岸田氏は「極めて不当だと述べた。"
    #expect(
      try RuleTestResources.findings(of: Self.rule, in: unclosed).map(\.span) == [
        try Self.span(of: "「", in: unclosed)
      ])
    let mixed = "Он сказал «да” и ушёл."
    let found = try RuleTestResources.findings(of: Self.rule, in: mixed)
    #expect(found.map(\.span) == [try Self.span(of: "”", in: mixed)])
    #expect(found.first?.suggestion == "»")
  }

  @Test("a long line of balanced quotations with one broken mark near its end")
  func longLine() throws {
    let sentence =
      "The minister called it “a step back,” adding: “We want ‘real’ talks,” and left the islands’ talks. "
    let text = String(repeating: sentence, count: 400) + "Then he spoke of “the locomotive’ again."
    let found = try RuleTestResources.findings(of: Self.rule, in: text)
    let expected = try Self.span(of: "’ again", in: text)
    #expect(found.map(\.span) == [TextSpan(start: expected.start, end: expected.start + 1)])
  }

  @Test("nested quotations of the same kind are balanced, a doubled mark with one closer is not")
  func sameKind() throws {
    #expect(try RuleTestResources.findings(of: Self.rule, in: "““Peace” is a lie,” he said.").isEmpty)
    #expect(
      try RuleTestResources.findings(of: Self.rule, in: "He called the “so-called “peace plan”” a farce.")
        .isEmpty)
    let doubled = "He called it a ““peace plan” today."
    #expect(
      try RuleTestResources.findings(of: Self.rule, in: doubled).map(\.span) == [
        try Self.span(of: "““", in: doubled)
      ])
  }
}
