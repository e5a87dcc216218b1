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

  @Test func aMissionTakesTheStateAfterItInLowerCase() throws {
    let russian = try types("Ноту передали через посольство Японии в Москве, а консульству Японии ответили позже.", language: "ru")
    #expect(russian["посольство Японии"] == "organization")
    #expect(russian["консульству Японии"] == "organization")
    #expect(russian["Москве"] == "place")
    #expect(russian["Японии"] == nil)
    let english = try types("The note went through the embassy of Japan in Moscow.")
    #expect(english["embassy of Japan"] == "organization")
    #expect(english["Moscow"] == "place")
  }

  @Test func anAddressOfTwoPlacesIsTwoNames() throws {
    let found = try types("She was born in Hyogo Prefecture Kobe City and worked at Sakai City Hall.")
    #expect(found["Hyogo Prefecture"] == "place")
    #expect(found["Kobe City"] == "place")
    #expect(found["Hyogo Prefecture Kobe City"] == nil)
    #expect(found["Sakai City Hall"] != nil)
  }

  @Test func placesWrittenWithHyphensAreOneName() throws {
    let found = try links(
      "Troops sailed from Nikolaevsk-on-Amur to Rostov-on-Don. The bus leaves from Nishi-Maizuru Station. The Japan-Russia talks resumed.")
    #expect(found["Nikolaevsk-on-Amur"] != nil && found["Rostov-on-Don"] != nil)
    #expect(found["Amur"] == nil && found["Nikolaevsk"] == nil)
    #expect(found["Nishi-Maizuru Station"] != nil && found["Maizuru"] == nil)
    // Two names of their own stay two.
    #expect(found["Japan"] == "japan" && found["Russia"] == "russia")
  }

  @Test func aPossessiveInsideANameOnlyForNounsListedForIt() throws {
    let found = try types("The People's Revolutionary Army held the town. Tuesday's Security Council meeting ended.")
    #expect(found["People's Revolutionary Army"] == "organization")
    #expect(found["Revolutionary Army"] == nil)
    #expect(found["Tuesday's Security Council"] == nil)
  }

  @Test func shipsAndForumsAreNoMentionsNorAnythingInThem() throws {
    let found = try types(
      "The Hikawa Maru sailed from Yokohama. Delegates at the Eastern Economic Forum spoke. The Japan Forum for Northern Studies met.")
    #expect(found["Hikawa Maru"] == nil && found["Hikawa"] == nil)
    #expect(found["Eastern Economic Forum"] == nil && found["Economic"] == nil)
    #expect(found["Yokohama"] == "place")
    #expect(found["Japan Forum for Northern Studies"] == "organization")
  }

  @Test func aGivenNameInTwoSyllablesKeepsItsSecond() throws {
    let found = try types("Talks between Kim Dae-jung and Roh Moo-hyun's aides went on. Tanaka Yumi-san and a Tokyo-based firm joined.")
    #expect(found["Kim Dae-jung"] != nil && found["Kim Dae"] == nil)
    #expect(found["Roh Moo-hyun"] != nil)
    // An honorific is no syllable of the name, and a hyphen after a run's first word makes an adjective.
    #expect(found["Tanaka Yumi"] != nil && found["Tanaka Yumi-san"] == nil)
    #expect(found["Tokyo"] == "place" && found["Tokyo-based"] == nil)
  }

  @Test func aPlaceNounAfterANameOfOneWordIsPartOfIt() throws {
    let found = try types(
      "Shops in the Nakano district reopened near the Hidaka range. Pyotr Semyonov district head said the Kunisaki base was closed.")
    #expect(found["Nakano district"] == "place")
    #expect(found["Hidaka range"] == "place")
    #expect(found["Kunisaki base"] == "place")
    // After a name of several words it is a person's office.
    #expect(found["Pyotr Semyonov"] != nil && found["Pyotr Semyonov district"] == nil)
  }

  @Test func aShortFormWithAPlaceNounAfterItNamesThePlace() throws {
    let found = try types("Lidiya Zarechnaya opened the hall. Trains stop at the Zarechnaya station, and Zarechnaya waved.")
    #expect(found["Lidiya Zarechnaya"] != nil)
    #expect(found["Zarechnaya station"] == "place")
    #expect(found["Zarechnaya"] == "person")
  }

  @Test func aSettlementsNounBeforeItsNameInRussianIsPartOfIt() throws {
    let found = try types("Рыбаки из посёлка Ясный и села Лесное вышли в море.", language: "ru")
    #expect(found["посёлка Ясный"] == "place")
    #expect(found["села Лесное"] == "place")
    #expect(found["Ясный"] == nil)
  }

  @Test func aTitleBeforeAMissionIsPartOfItAtASentencesStart() throws {
    let russian = try types("Генеральное консульство Японии ответило на запрос. Генеральный директор Сомов промолчал.", language: "ru")
    #expect(russian["Генеральное консульство Японии"] == "organization")
    #expect(russian["консульство Японии"] == nil)
    #expect(russian["Генеральный директор Сомов"] == nil && russian["Генеральный"] == nil)
    let english = try types("Staff of the General consulate of Japan left.")
    #expect(english["General consulate of Japan"] == "organization")
  }
}
