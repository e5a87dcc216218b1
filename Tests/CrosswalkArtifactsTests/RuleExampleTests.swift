import CrosswalkCore
import CrosswalkDocuments
import CrosswalkGlossary
import CrosswalkLinking
import CrosswalkMentions
import Foundation
import Testing

@testable import CrosswalkArtifacts

/// Shared resources for rule tests: the built-in data, glossary and mention resources.
enum RuleTestResources {
  static let data: ArtifactData? = try? ArtifactData.builtIn()
  static let mentions: MentionResources? = {
    guard let index = try? LinkIndex(glossary: GlossaryLoader.builtIn().glossary),
      let lexicon = try? MentionLexicon.builtIn()
    else { return nil }
    return MentionResources(index: index, lexicon: lexicon)
  }()

  /// A document of `text`, its language guessed from its scripts as the loader does.
  static func document(_ text: String) -> Document {
    Document(
      id: "example", path: "example.txt", language: LanguageGuess.language(of: text), languageSource: .detected,
      encoding: EncodingReport(name: "UTF-8", evidence: "valid-utf8", confidence: 100, byteCount: text.utf8.count),
      text: text)
  }

  /// The findings of one rule on `text`.
  static func findings(of rule: String, in text: String) throws -> [Finding] {
    let checker = try ArtifactChecker(
      data: try #require(data), mentions: try #require(mentions), enabled: { $0 == rule })
    return try checker.check(document(text))
  }
}

/// Every rule's own examples, as written and in variants that must not change the result:
/// decomposed (NFD), after a line holding an emoji (a scalar outside the BMP, so offsets must
/// count scalars, not UTF-16 units), and with CRLF line ends.
@Suite struct RuleExampleTests {
  enum Variant: String, CaseIterable {
    case asWritten = "as written", nfd = "NFD", emojiPrefix = "emoji prefix", crlf = "CRLF"

    func apply(_ marked: String) -> String {
      switch self {
      case .asWritten: marked
      case .nfd: marked.decomposedStringWithCanonicalMapping
      case .emojiPrefix: "😀\n" + marked
      case .crlf: marked.replacingOccurrences(of: "\n", with: "\r\n")
      }
    }
  }

  static let ids = RuleRegistry.descriptions.map(\.id)

  /// Rules that read the others' findings and report once per document.
  static func isSummary(_ id: String) -> Bool {
    RuleRegistry.all.contains { $0.description.id == id && $0 is any SummaryRule.Type }
  }

  @Test("triggering examples give exactly the marked findings", arguments: ids)
  func triggering(rule: String) throws {
    let description = try #require(RuleRegistry.description(of: rule))
    #expect(!description.triggering.isEmpty, "\(rule) needs a triggering example")
    if Self.isSummary(rule) {
      // A summary rule reports once per document, at its start, whatever the text.
      for text in description.triggering {
        for variant in Variant.allCases {
          let found = try RuleTestResources.findings(of: rule, in: variant.apply(text))
          #expect(found.map(\.span) == [TextSpan(start: 0, end: 0)], "\(rule) (\(variant.rawValue)) on \(text)")
          #expect(found.allSatisfy { $0.rule == rule && $0.severity == description.severity })
        }
      }
      return
    }
    for marked in description.triggering {
      for variant in Variant.allCases {
        let example = try #require(RuleExample(marked: variant.apply(marked)), "unpaired ⟦ ⟧ in \(marked)")
        #expect(!example.spans.isEmpty, "\(rule): a triggering example marks no span: \(marked)")
        let found = try RuleTestResources.findings(of: rule, in: example.text)
        #expect(found.map(\.span) == example.spans, "\(rule) (\(variant.rawValue)) on \(marked): \(found.map { "\($0.span) \($0.message)" })")
        #expect(found.allSatisfy { $0.rule == rule && $0.severity == description.severity })
      }
    }
  }

  @Test("non-triggering examples give no finding", arguments: ids)
  func nonTriggering(rule: String) throws {
    let description = try #require(RuleRegistry.description(of: rule))
    #expect(!description.nonTriggering.isEmpty || Self.isSummary(rule), "\(rule) needs a non-triggering example")
    for text in description.nonTriggering {
      for variant in Variant.allCases {
        let found = try RuleTestResources.findings(of: rule, in: variant.apply(text))
        #expect(found.isEmpty, "\(rule) (\(variant.rawValue)) on \(text): \(found.map(\.message))")
      }
    }
  }
}

/// The registry lists every rule file, once, in id order, with well-formed descriptions.
@Suite struct RuleRegistryTests {
  static let rulesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appending(path: "Sources/CrosswalkArtifacts/Rules")

  @Test("every Rules/*Rule.swift is in RuleRegistry.all")
  func complete() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.rulesFolder.path)
      .filter { $0.hasSuffix("Rule.swift") }.map { String($0.dropLast(".swift".count)) }.sorted()
    let listed = RuleRegistry.all.map { String(describing: $0) }
    for file in files where !listed.contains(file) {
      Issue.record("Rules/\(file).swift is not registered: add '\(file).self,' to RuleRegistry.all in id order")
    }
    #expect(listed.count == Set(listed).count, "a rule is listed twice")
  }

  @Test("ids are kebab-case, unique and sorted; summaries are one line")
  func descriptions() {
    let ids = RuleRegistry.descriptions.map(\.id)
    #expect(ids == ids.sorted(), "RuleRegistry.all must be in id order")
    #expect(Set(ids).count == ids.count)
    for description in RuleRegistry.descriptions {
      #expect(description.id.allSatisfy { $0.isLowercase || $0 == "-" }, "\(description.id)")
      #expect(!description.summary.contains("\n") && !description.summary.isEmpty)
      #expect(!description.description.isEmpty)
    }
  }

  @Test("markers: spans in scalars, unpaired markers refused")
  func markers() throws {
    let example = try #require(RuleExample(marked: "a ⟦Кун⟧ 😀 ⟦b⟧"))
    #expect(example.text == "a Кун 😀 b")
    #expect(example.spans == [TextSpan(start: 2, end: 5), TextSpan(start: 8, end: 9)])
    #expect(RuleExample(marked: "⟦a") == nil)
    #expect(RuleExample(marked: "a⟧") == nil)
    #expect(RuleExample(marked: "⟦⟦a⟧⟧") == nil)
  }
}
