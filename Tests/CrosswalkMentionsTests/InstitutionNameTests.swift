import Testing

/// Long official names of institutions, numbered units, and the generic words literal
/// translations write with a name. Sentences written for these tests.
extension MentionFinderTests {
  @Test func anInstitutionsOfficialNameIsOneMentionAcrossOfTheAndAnd() throws {
    let found = try types(
      "Scholars from the Institute of Linguistics and Folklore of the Karelian Academy of Sciences met staff of the State Archive of the Ministry of Justice. The Ministry of Finance and Olga Petrova declined to comment.")
    #expect(found["Institute of Linguistics and Folklore of the Karelian Academy of Sciences"] == "organization")
    #expect(found["State Archive of the Ministry of Justice"] == "organization")
    #expect(found["Folklore"] == nil && found["Ministry of Justice"] == nil && found["Sciences"] == nil)
    // 'and' before a person's name of two words joins nothing.
    #expect(found["Ministry of Finance"] == "organization")
    #expect(found["Olga Petrova"] != nil)
  }

  @Test func aNumberedUnitTakesItsOrdinal() throws {
    let found = try types("The 7th Rifle Division and the 2nd Army Group crossed the river in 1939.")
    #expect(found["7th Rifle Division"] == "organization")
    #expect(found["2nd Army Group"] == "organization")
    #expect(found["Rifle Division"] == nil)
  }

  @Test func literalTranslationsKeepTheGenericWordInTheSpan() throws {
    let found = try types(
      "The schooner sailed from bay Ostrovnaya past the peninsula Krestovy to Kaminoyama prefecture, below Dolgy volcano.")
    #expect(found["bay Ostrovnaya"] == "place")
    #expect(found["peninsula Krestovy"] == "place")
    #expect(found["Kaminoyama prefecture"] == "place")
    #expect(found["Dolgy volcano"] == "place")
  }

  @Test func theFirstHalfOfACompoundBeforeADemonymIsNoName() throws {
    let found = try types("We rode the Trans-Siberian for a week and then flew with a Pan-Asian carrier.")
    #expect(found["Trans"] == nil && found["Pan"] == nil)
  }

  @Test func russianOfficialNamesWithTheirLowerCaseWords() throws {
    let found = try types(
      "Сотрудники Камчатского морского пароходства и Центрального военно-морского музея встретились с членами Общества любителей Кижей. Лодку нашли на западном берегу реки.",
      language: "ru")
    #expect(found["Камчатского морского пароходства"] == "organization")
    #expect(found["Центрального военно-морского музея"] == "organization")
    #expect(found["Общества любителей Кижей"] == "organization")
    #expect(found["Сотрудники Камчатского"] == nil && found["Кижей"] == nil)
    // A known name written in lower case is the common words it is made of.
    #expect(found["западном берегу"] == nil)
  }

  @Test func japaneseVenuesTroupesAndNumberedOffices() throws {
    let found = try types(
      "マリインスキー・バレエ団が東京文化会館で公演し、第2管区海上保安本部と稚内市役所も協力した。姉妹都市の代表も来た。",
      language: "ja")
    #expect(found["マリインスキー・バレエ団"] == "organization")
    #expect(found["東京文化会館"] == "organization")
    #expect(found["第2管区海上保安本部"] == "organization")
    #expect(found["稚内市役所"] == "organization")
    #expect(found["姉妹都市"] == nil && found["バレエ"] == nil && found["マリインスキー"] == nil)
  }
}
