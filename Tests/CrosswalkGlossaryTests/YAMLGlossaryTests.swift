import CrosswalkCore
import Foundation
import Testing

@testable import CrosswalkGlossary

/// The native format: what the reader builds, and the writer's round trip.
@Suite struct YAMLGlossaryTests {
  /// Strings YAML would read as something else, or that need quoting.
  static let trickyStrings = [
    "yes", "No", "null", "~", "true", "1941", "3.14", "0x1F", "- x", "a: b", "#tag", "a #b",
    "\"quoted\"", "O'Brien", "with\ttab", "two\nlines", "emoji 🇯🇵👍🏽", "[list]", "{map}", "a, b",
    "* star", "&anchor", "!tag", "%percent", "@at", "`tick", "|pipe", ">fold", "?question",
    "back\\slash", "trailing:", "Кунашир", "国後島", "ends with \\",
  ]

  @Test func readsTheDesignExample() {
    let text = """
      entities:
        - id: kunashir                 # unique over all loaded glossaries
          type: place
          name: Kunashir
          aliases:
            - Kunashiri
            - Кунашир
            - {name: Kunashiri Island, usage: japanese}
          variants:
            - {name: Gunashiri, route: ja}
          distinct: []
          note: Largest of the southern Kuril islands.
      """
    let contents = YAMLGlossary.read(text, file: "k.yaml")
    #expect(contents.diagnostics.isEmpty)
    let entity = contents.entities.first
    #expect(entity?.location == SourceLocation(file: "k.yaml", line: 2, column: 5))
    #expect(entity?.aliases.map(\.text) == ["Kunashiri", "Кунашир", "Kunashiri Island"])
    #expect(entity?.aliases.last?.usage == "japanese")
    #expect(entity?.aliases[1].location == SourceLocation(file: "k.yaml", line: 7, column: 9))
    #expect(entity?.variants.first?.route == "ja")
    #expect(entity?.variants.first?.kind == .variant)
    #expect(entity?.distinct == [])
    #expect(entity?.note == "Largest of the southern Kuril islands.")
  }

  @Test func builtInGlossaryRoundTrips() {
    let entities = builtInEntities()
    let text = YAMLGlossary.write(entities)
    let back = YAMLGlossary.read(text, file: "out.yaml")
    #expect(back.diagnostics.isEmpty, "\(back.diagnostics.prefix(3))")
    #expect(plain(back.entities) == plain(entities))
    // Writing is stable: the same entities give the same text.
    #expect(YAMLGlossary.write(back.entities) == text)
  }

  @Test func trickyStringsRoundTrip() {
    for tricky in Self.trickyStrings {
      let entity = Entity(
        id: "tricky", type: tricky, name: tricky,
        aliases: [EntityName(tricky, kind: .alias, usage: tricky, route: tricky)],
        variants: [EntityName(tricky, kind: .variant)], distinct: [tricky], note: tricky)
      let text = YAMLGlossary.write([entity])
      let back = YAMLGlossary.read(text, file: "t.yaml")
      #expect(back.diagnostics.isEmpty, "\(tricky.debugDescription): \(back.diagnostics)\n\(text)")
      #expect(plain(back.entities) == plain([entity]), "\(tricky.debugDescription)\n\(text)")
    }
  }

  @Test func stringsWithOuterSpaceAreTrimmed() {
    for spaced in [" leading space", "trailing space ", "\tleading tab"] {
      let entity = Entity(id: "spaced", type: "term", name: spaced)
      let back = YAMLGlossary.read(YAMLGlossary.write([entity]), file: "s.yaml")
      // Names are trimmed on reading, in every format: outer white space is never part of a name.
      #expect(back.entities.first?.name == spaced.trimmingCharacters(in: .whitespaces))
    }
  }

  @Test func writerQuotesOnlyWhatNeedsIt() {
    let entity = Entity(
      id: "kunashir", type: "place", name: "Kunashir",
      aliases: [
        EntityName("Кунашир", kind: .alias),
        EntityName("Kunashiri Island", kind: .alias, usage: "japanese"),
      ],
      variants: [EntityName("yes", kind: .variant, route: "ja")], distinct: ["iturup"],
      note: "Largest: of the islands, 1,490 km²")
    #expect(
      YAMLGlossary.write([entity]) == """
        entities:
          - id: kunashir
            type: place
            name: Kunashir
            aliases:
              - Кунашир
              - {name: Kunashiri Island, usage: japanese}
            variants:
              - {name: "yes", route: ja}
            distinct: [iturup]
            note: "Largest: of the islands, 1,490 km²"

        """)
  }

  @Test func emptyListsAndNotesAreLeftOut() {
    let entity = Entity(id: "a", type: "term", name: "A")
    #expect(YAMLGlossary.write([entity]) == "entities:\n  - id: a\n    type: term\n    name: A\n")
    let back = YAMLGlossary.read("entities:\n  - id: a\n    type: term\n    name: A\n    note:\n", file: "a")
    #expect(back.entities.first?.note == nil)
  }

  @Test func aliasWithoutNameIsReported() {
    let contents = YAMLGlossary.read(
      "entities:\n  - id: a\n    type: term\n    name: A\n    aliases:\n      - {usage: japanese}\n",
      file: "a.yaml")
    #expect(
      contents.diagnostics == [
        Diagnostic(
          .error, at: SourceLocation(file: "a.yaml", line: 6, column: 9),
          "a name in 'aliases' has no 'name'")
      ])
    #expect(contents.entities.first?.aliases.isEmpty == true)
  }

  @Test func unknownNameKeyWithDidYouMean() {
    let contents = YAMLGlossary.read(
      "entities:\n  - id: a\n    type: term\n    name: A\n    variants:\n      - {name: B, rout: ja}\n",
      file: "a.yaml")
    #expect(
      contents.diagnostics == [
        Diagnostic(
          .error, at: SourceLocation(file: "a.yaml", line: 6, column: 19),
          "unknown key 'rout'; did you mean 'route'?")
      ])
  }

  @Test func missingTypeIsReported() {
    let contents = YAMLGlossary.read("entities:\n  - id: a\n    name: A\n", file: "a.yaml")
    #expect(contents.diagnostics.count == 1)
    #expect(contents.diagnostics.first?.location == SourceLocation(file: "a.yaml", line: 2, column: 5))
    #expect(contents.diagnostics.first?.message.hasPrefix("'a' has no 'type'") == true)
  }

  @Test func rootMustBeAMapping() {
    let contents = YAMLGlossary.read("- id: a\n", file: "a.yaml")
    #expect(
      contents.diagnostics == [
        Diagnostic(
          .error, at: SourceLocation(file: "a.yaml", line: 1, column: 1),
          "a glossary file is a mapping with the key 'entities'")
      ])
  }
}
