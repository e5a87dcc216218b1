import CrosswalkMentions
import Testing

/// Names are maximal (Tests/Fixtures/corpus-gold.md): an institution or a place named with a
/// place found first as a name of its own is one name. Sentences written for these tests.
extension MentionFinderTests {
  @Test func anInstitutionOfCommonNounsTakesThePlaceAfterOf() throws {
    let found = try types(
      "Officials of the State Archive of the Russian Federation arrived. The General Consulate of Russia in Osaka opened.")
    #expect(found["State Archive of the Russian Federation"] == "organization")
    #expect(found["General Consulate of Russia"] == "organization")
    #expect(found["Russian Federation"] == nil && found["Russia"] == nil)
    #expect(found["Osaka"] == "place")
  }

  @Test func aNameOfItsOwnBeforeOfStaysApartFromThePlace() throws {
    // A literal translation of 東京のサントリーホール: a hall and a city.
    let found = try types("Concerts were held at the Suntory Hall of Tokyo in May.")
    #expect(found["Suntory Hall"] == "organization")
    #expect(found["Tokyo"] == "place")
  }

  @Test func namesJoinedByASpaceBeforeAHeadAreOne() throws {
    let found = try types("The ship left Fushiki Toyama Port at noon. She works at Osaka Customs Fushiki Customs Branch.")
    #expect(found["Fushiki Toyama Port"] == "place")
    #expect(found["Osaka Customs Fushiki Customs Branch"] == "organization")
    #expect(found["Osaka"] == nil && found["Fushiki"] == nil)
  }

  @Test func anOrganizationTakesTheDemonymBeforeIt() throws {
    let found = try types("Volunteers of the Japanese Red Cross helped. Japanese officials met Fumio Kishida.")
    #expect(found["Japanese Red Cross"] == "organization")
    #expect(found["Japanese"] == nil)
    #expect(found["Fumio Kishida"] == "person")
  }
}
