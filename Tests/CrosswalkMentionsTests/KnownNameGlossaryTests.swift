import CrosswalkCore
import CrosswalkMentions
import Testing

/// known-names.tsv read as a glossary: one entity per commented group, named by its first Latin
/// name, so that the name rules can link misspellings of places the glossary lacks.
@Suite struct KnownNameGlossaryTests {
  /// Kanji names are left out: no Latin spelling is linked through them.
  @Test func eachCommentedGroupIsOneEntityNamedByItsFirstLatinName() throws {
    let lexicon = try MentionFinderTests.lexicon(replacing: [
      MentionLexicon.knownNamesFile: """
        # header: a comment without names makes no entity
        # Khabarovsk
        place\tKhabarovsk
        place\tХабаровск
        place\tハバロフスク
        # Kushiro, in kanji only: nothing to suggest in English
        place\t釧路
        # Sojitz
        organization\tСодзиц
        organization\tSojitz
        organization\tSojitz Corporation
        organization\t双日
        # Anton Chekhov: found as a person, never linked to
        person\tAnton Chekhov
        person\tChekhov
        person\tチェーホフ

        """
    ])
    let entities = lexicon.knownNameGlossary().entities
    #expect(entities.map(\.id) == ["known-khabarovsk", "known-sojitz"])
    #expect(entities.map(\.type) == ["place", "organization"])
    #expect(entities[0].name == "Khabarovsk")
    #expect(entities[0].aliases.map(\.text) == ["Хабаровск", "ハバロフスク"])
    #expect(entities[1].name == "Sojitz")
    #expect(entities[1].aliases.map(\.text) == ["Содзиц", "Sojitz Corporation"])
  }

  @Test func theBuiltInListGivesEveryGroupWithALatinNameItsOwnId() throws {
    let lexicon = try MentionLexicon.builtIn()
    let entities = lexicon.knownNameGlossary().entities
    #expect(entities.count > 1_000)
    let ids = entities.map(\.id)
    let repeated = Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
    #expect(repeated.isEmpty, "ids used twice: \(repeated.prefix(10))")
    #expect(ids.allSatisfy { $0.wholeMatch(of: /known-[a-z0-9][a-z0-9-]*/) != nil })
  }
}
