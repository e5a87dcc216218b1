import CrosswalkGlossaryData
import CrosswalkMentions
import CrosswalkNames
import Testing

/// Names shaped by what is around them: common nouns they are built on, headlines, sentence
/// starts, Russian declension, Japanese suffixes and titles. Sentences written for these tests.
extension MentionFinderTests {
  func types(_ text: String, language: String = "en") throws -> [String: String] {
    var result: [String: String] = [:]
    for mention in try mentions(text, language: language) { result[mention.surface] = mention.type ?? "none" }
    return result
  }

  @Test func namesBuiltOnACommonNounAreOneMention() throws {
    let found = try types(
      "The Federal Tax Service and the Northern Fleet Command met near Cape Soya. Ships left the Sea of Okhotsk for Wakkanai City, and the Defence Ministry said nothing.")
    #expect(found["Federal Tax Service"] == "organization")
    #expect(found["Northern Fleet Command"] == "organization")
    #expect(found["Cape Soya"] == "place")
    #expect(found["Sea of Okhotsk"] == "place")
    #expect(found["Wakkanai City"] == "place")
    #expect(found["Defence Ministry"] == "organization")
    #expect(found["Okhotsk"] == nil && found["Tax"] == nil)
  }

  @Test func ofEndsANameThatHasAWordOfItsOwn() throws {
    let found = try links("Visitors walked from Cape Ochiishi of Nemuro City to the harbour. The Bank of Japan kept rates.")
    #expect(found["Cape Ochiishi"] == "null")
    #expect(found["Nemuro City"] == "null")
    #expect(found["Cape Ochiishi of Nemuro City"] == nil)
    #expect(found["Bank of Japan"] == "null")
    #expect(found["Japan"] == nil && found["Bank"] == nil)
  }

  @Test func aGlossaryPlaceBeforeAnInstitutionIsPartOfIt() throws {
    let found = try links("Students of Sakhalin State University met officials of Russia's Pacific Fleet.")
    #expect(found["Sakhalin State University"] == "null")
    #expect(found["Sakhalin"] == nil)
    // Not across a possessive: Russia is its own mention.
    #expect(found["Russia"] == "russia")
    #expect(found["Pacific Fleet"] == "null")
  }

  @Test func aLoneHeadNounIsNoName() throws {
    let found = try links("The Kuril Residents League wrote again. The League asked for visits.")
    #expect(found["Kuril Residents League"] != nil)
    #expect(found["League"] == nil)
  }

  @Test func headlineWordsAreNotNamesUnlessTheTextWritesThemAsNames() throws {
    let text = """
      Veteran Diplomat Orlovsky Warns Tokyo Over Missile Plans
      By Hannah Whitlock | Analysis

      The retired envoy Pavel Orlovsky said the plans would harden positions. Whitlock reported from Sapporo.
      """
    let found = try links(text)
    #expect(found["Orlovsky"] == "null")
    #expect(found["Veteran Diplomat Orlovsky Warns"] == nil)
    #expect(found["Missile Plans"] == nil)
    #expect(found["Hannah Whitlock"] == "null")
    #expect(found["Analysis"] == nil)
  }

  @Test func aLineDenseInNamesIsNoHeadlineWhenItHasALongLowerCaseWord() throws {
    let found = try links(
      "Ships were held.\n\n(Reporting by Anna Petrova in Sapporo and Pavel Sedykh in Omsk; additional reporting by Mari Tsuda in Tokyo; editing by Gareth Lloyd)\n")
    for name in ["Anna Petrova", "Pavel Sedykh", "Mari Tsuda", "Gareth Lloyd"] { #expect(found[name] == "null", "\(name)") }
    // A headline in title case still is one: only its names are kept.
    let headline = try links("Tokyo Fishermen Demand Answers After Seizure\n\nThe fishermen of Tokyo asked for answers.")
    #expect(headline["Fishermen Demand Answers"] == nil && headline["Tokyo Fishermen"] == nil)
  }

  @Test func aSurnameThatIsAKnownPlaceEndsAPersonsName() throws {
    let found = try links("Mayor Masatoshi Ishigaki of Nemuro City spoke. Ferries left Port Vanino for Ishigaki.")
    #expect(found["Masatoshi Ishigaki"] == "null")
    #expect(found["Masatoshi"] == nil)
    // After a noun written before places, the known place stands alone; so it does alone.
    #expect(found["Vanino"] != nil)
    #expect(found["Ishigaki"] == "null")
  }

  @Test func knownPeopleAreNamesInEveryScriptWithTheirGivenNames() throws {
    let japanese = try types("ドストエフスキーとチェーホフを読んだ。", language: "ja")
    #expect(japanese["ドストエフスキー"] == "person" && japanese["チェーホフ"] == "person")
    let english = try links("In 1792 Erik Laxman wrote to Stockholm; later Laxman sailed east. \"Reading Chekhov helps,\" he said.")
    #expect(english["Erik Laxman"] == "null")
    #expect(english["Erik"] == nil)
    // A quote's first word is no given name.
    #expect(english["Chekhov"] == "null" && english["Reading Chekhov"] == nil)
    let russian = try types("Музей стоит на улице Ленина, а С. К. Шойгу приехал туда.", language: "ru")
    #expect(russian["улице Ленина"] == "place")
    #expect(russian["С. К. Шойгу"] == "person")
  }

  @Test func aNounBeforeQuotesMakesTheQuotedWordsAName() throws {
    let russian = try types(
      "Рыбокомбинат «Островной» и газета «Губернские ведомости» наняли компанию «Этиго Марин Сервис». Паром «Русь» ушёл, а комплекс «Бастион» остался.",
      language: "ru")
    #expect(russian["Островной"] == "organization")
    #expect(russian["Губернские ведомости"] == "organization")
    #expect(russian["Этиго Марин Сервис"] == "organization")
    #expect(russian["Русь"] == nil && russian["Бастион"] == nil)
    let english = try types(#"The plant was sold to the company "Hydrostroy" and the ship "Olga" sailed."#)
    #expect(english["Hydrostroy"] == "organization")
    #expect(english["Olga"] == nil)
  }

  @Test func russianRolesTitlesInQuotesAndSurnamesThatArePlaces() throws {
    let found = try links(
      "Архитектор Кэнъитиро Мориясу построил здание. Его ученик Такаси Мияке приехал. На снимках броненосец «Князь Суворов». «В Симоде эту историю знают», — сказал он.",
      language: "ru")
    #expect(found["Кэнъитиро Мориясу"] == "null" && found["Архитектор Кэнъитиро Мориясу"] == nil)
    #expect(found["Такаси Мияке"] == "null" && found["Мияке"] == nil)
    // All a quote holds, a ship named after a prince: no mention; a quote's first words are.
    #expect(found["Суворов"] == nil && found["Князь Суворов"] == nil)
    #expect(found["Симоде"] != nil)
  }

  @Test func headlinesInCapitalsRolesAndForTheInNames() throws {
    let found = try links(
      "TENSE WATERS OFF SAKHALIN\n\nEngineer Sergei Nesterenko spoke to the Hokkaido Foundation for the Arts and the Japan Society for the Promotion of Science.")
    #expect(found["TENSE WATERS"] == nil && found["TENSE WATERS OFF SAKHALIN"] == nil)
    #expect(found["Sergei Nesterenko"] == "null" && found["Engineer Sergei Nesterenko"] == nil)
    #expect(found["Hokkaido Foundation for the Arts"] == "null")
    // After 'for', 'of' does not end the name.
    #expect(found["Japan Society for the Promotion of Science"] == "null" && found["Science"] == nil)
  }

  @Test func legalFormsStayOutsideCompanyNames() throws {
    let found = try links("Hokuriku Auto Bridge Co., Ltd. exports cars, and Nikkai Transport Co., Ltd. ships them.")
    #expect(found["Nikkai Transport"] == "null")
    #expect(found["Nikkai Transport Co"] == nil && found["Ltd"] == nil && found["Co"] == nil)
  }

  @Test func anEpithetIsNoShortForm() throws {
    let found = try links("Peter the Great founded the city. Great crowds came to see it.")
    #expect(found["Peter the Great"] == "null")
    #expect(found["Great"] == nil)
  }

  @Test func aSentenceInitialNameIsKeptWhenWrittenAsOneElsewhere() throws {
    let found = try mentions(
      "Brezhnev signed the note in 1973. Later the note was read to Brezhnev again. Officials said little.",
      language: "en")
    #expect(found.filter { $0.surface == "Brezhnev" }.count == 2)
    #expect(!found.contains { $0.surface == "Officials" })
  }

  @Test func englishCompoundsAndInnerTitles() throws {
    let found = try links(
      "A Berlin-based analyst spoke to Industry Minister Haruto Ueda about Russo-Japanese trade.")
    #expect(found["Berlin"] != nil)
    #expect(found["Haruto Ueda"] == "null")
    #expect(found["Industry Minister Haruto Ueda"] == nil)
    #expect(found["Russo"] == nil)
  }

  @Test func englishMinistryListsInstitutesForAndDatelines() throws {
    let found = try types(
      """
      TOKYO, Nov 19 — The Ministry of Land, Infrastructure, Transport and Tourism and the Institute for Arctic Shipping Studies spoke. Judge Irina Volkova heard the Bulgarian journalist.
      """)
    #expect(found["Ministry of Land, Infrastructure, Transport and Tourism"] == "organization")
    #expect(found["Institute for Arctic Shipping Studies"] == "organization")
    #expect(found["Irina Volkova"] != nil)
    #expect(found["Nov"] == nil && found["Bulgarian"] == nil && found["Judge Irina Volkova"] == nil)
  }

  @Test func aListNotClosedByAndIsNotPartOfTheName() throws {
    let found = try types("The Ministry of Defence, Navy officials and Tokyo disagreed.")
    #expect(found["Ministry of Defence"] == "organization")
    #expect(found["Ministry of Defence, Navy"] == nil)
  }

  @Test func aRussianSurnameShapedLikeAnAdjectiveIsAShortForm() throws {
    let found = try mentions(
      "Доцент Павел Воротынский считает иначе. «Это важно», — отметил Воротынский. Симодский трактат подписали давно, а Симодский порт закрыт.",
      language: "ru")
    #expect(found.contains { $0.surface == "Воротынский" && $0.source == .shortForm })
    #expect(!found.contains { $0.surface == "Симодский" })
  }

  @Test func russianNamesWithOnlyTheFirstWordCapitalized() throws {
    let found = try types(
      "Экспедиция вышла в воды Тихого океана. Сотрудники Дальневосточного федерального университета и Центрального архива ФСБ России побывали на острове Шумшу.",
      language: "ru")
    #expect(found["Тихого океана"] == "place")
    #expect(found["Дальневосточного федерального университета"] == "organization")
    #expect(found["Центрального архива ФСБ России"] == "organization")
    #expect(found["ФСБ России"] == nil)
    #expect(found["острове Шумшу"] != nil)
  }

  @Test func aPatronymicHasOneGivenNameBeforeIt() throws {
    let found = try types(
      "Жительница Заречного Нина Сергеевна Белова, директор НИИ Павел Андреевич Ткачук и Иван Петрович Милошевич пришли.",
      language: "ru")
    #expect(found["Нина Сергеевна Белова"] != nil)
    #expect(found["Павел Андреевич Ткачук"] != nil)
    #expect(found["Иван Петрович Милошевич"] != nil)
    let english = try types("A teacher from Zarechny Irina Olegovna Sokolova and Ivan Petrovich Milosevich came.")
    #expect(english["Irina Olegovna Sokolova"] != nil)
    #expect(english["Ivan Petrovich Milosevich"] != nil)
  }

  @Test func aTitleAfterOfStartsThePersonTheUnitBelongsTo() throws {
    let found = try types(
      "The 7th Rifle Battalion of Major Kenta Morishita held the hill. The Ministry of Foreign Affairs and the School of Foreign Languages wrote.")
    #expect(found["7th Rifle Battalion"] == "organization")
    #expect(found["Kenta Morishita"] != nil)
    #expect(found["Ministry of Foreign Affairs"] != nil)
    #expect(found["School of Foreign Languages"] == "organization")
  }

  @Test func aGivenNameTheGlossaryDoesNotGiveMakesAnotherPerson() throws {
    let found = try links("Ballerina Olga Zakharova danced while Maria Zakharova and Fumyo Kishida watched.")
    #expect(found["Olga Zakharova"] == "null")
    #expect(found["Zakharova"] == nil)
    #expect(found["Maria Zakharova"] == "maria-zakharova")
    #expect(found["Fumyo Kishida"] == "fumio-kishida")
  }

  @Test func andJoinsTheWordsThatAnInstitutionsHeadEnds() throws {
    let found = try types(
      "Engineers of the Forest and Peat Survey Institute met staff of the Soil and Water Conservation Research Center. The Tokyo Ballet danced at Edo Castle under the Edo Shogunate's gaze. The Ministry of Defence and Sergei Shoigu spoke.")
    #expect(found["Forest and Peat Survey Institute"] == "organization")
    #expect(found["Soil and Water Conservation Research Center"] == "organization")
    #expect(found["Tokyo Ballet"] == "organization")
    #expect(found["Edo Castle"] == "place")
    #expect(found["Edo Shogunate"] == "organization")
    #expect(found["Ministry of Defence"] == "organization" && found["Sergei Shoigu"] == "person")
  }

  @Test func anInstitutionOfABodyNamedByItsAcronymIsOneName() throws {
    let found = try types("The Institute of Oriental Manuscripts of RAS lent papers to the Oriental Faculty of SPbGU.")
    #expect(found["Institute of Oriental Manuscripts of RAS"] == "organization")
    #expect(found["Oriental Faculty of SPbGU"] == "organization")
    #expect(found["RAS"] == nil && found["SPbGU"] == nil)
  }

  @Test func aRoleOrAnOldEndingVouchesForAHistoricalName() throws {
    let found = try types(
      "船頭・丸山屋与兵衛は江戸へ向かった。与兵衛はのちに店を開いた。蘭学者の杉田玄白も訪ねた。その後、石井権三郎が店を継ぎ、岩瀬商会を興した。択捉島出身の元島民が語り、言語学者の意見も聞いた。網走浦に松前奉行所があった。",
      language: "ja")
    #expect(found["丸山屋与兵衛"] == "person")
    #expect(found["与兵衛"] == "person")
    #expect(found["杉田玄白"] == "person")
    #expect(found["石井権三郎"] == "person")
    #expect(found["岩瀬商会"] == "organization")
    #expect(found["網走浦"] == "place")
    #expect(found["松前奉行所"] == "organization")
    #expect(found["元島民"] == nil && found["言語学者"] == nil && found["言語"] == nil)
  }

  @Test func russianDeclensionOfSurnamesAndNounsInAnyCase() throws {
    let found = try links(
      "Нота Молотова дошла до посла. Граждане Китая и Японии спорили с Молотовым. Позже В. М. Молотову ответили.",
      language: "ru")
    #expect(found["Молотова"] == "vyacheslav-molotov")
    #expect(found["Молотовым"] == "vyacheslav-molotov")
    #expect(found["В. М. Молотову"] == "vyacheslav-molotov")
    #expect(found["Китая"] == "china")
  }

  @Test func russianSentenceStartsAndHyphenatedNamesBeforeAPeriod() throws {
    let found = try links(
      "Столицей марионеточного государства был Синьцзин, а страну называли Маньчжоу-Го. Историк Глеб Арсеньтьев изучал архивы. В Хабаровске его ждали.",
      language: "ru")
    #expect(found["Маньчжоу-Го"] == "null")
    #expect(found["Глеб Арсеньтьев"] == "null")
    #expect(found["Историк Глеб Арсеньтьев"] == nil)
    #expect(found.keys.allSatisfy { !$0.hasPrefix("В ") })
  }

  @Test func japaneseNamesMarkedBySuffixesAndTitles() throws {
    let found = try types(
      "稚内市の沖で、水産庁と防衛省が調べた。元外務省職員も同行した。北見工科大学の鶴間宏和教授は「難しい」と話し、鶴間教授は続けた。白樺勇さんも語った。",
      language: "ja")
    #expect(found["稚内市"] == "place")
    #expect(found["水産庁"] == "organization")
    #expect(found["防衛省"] == "organization")
    #expect(found["元外務省"] == nil)
    #expect(found["北見工科大学"] == "organization")
    #expect(found["鶴間宏和"] == "person")
    #expect(found["鶴間"] == "person")
    #expect(found["白樺勇"] == "person")
  }

  @Test func japaneseOrganizationsAreTheWholeGroupBeforeTheirSuffix() throws {
    let found = try types(
      "昨日、北方海洋資源研究機構は発表した。同機構によると、駐日モンゴル大使館と日ロ沿岸漁業協同組合も加わる。昨年ロシア国立海軍公文書館が資料を出した。",
      language: "ja")
    #expect(found["北方海洋資源研究機構"] == "organization")
    #expect(found["駐日モンゴル大使館"] == "organization")
    #expect(found["日ロ沿岸漁業協同組合"] == "organization")
    #expect(found["ロシア国立海軍公文書館"] == "organization")
    #expect(found["同機構"] == nil && found["機構"] == nil)
    #expect(found.keys.allSatisfy { !$0.hasPrefix("昨年") && !$0.hasPrefix("ロ沿岸") })
  }

  @Test func japanesePersonsWithGivenNamesTheReadingsTableLacks() throws {
    let found = try types(
      "父の相沢庄之助さんは漁師だった。高木ハツ子さん（90）と村瀬千鶴（45）も覚えている。北都大学の田中瑛璃香教授が話した。田中外務大臣も訪れた。",
      language: "ja")
    #expect(found["相沢庄之助"] == "person")
    #expect(found["高木ハツ子"] == "person")
    #expect(found["村瀬千鶴"] == "person")
    #expect(found["田中瑛璃香"] == "person")
    // A title that starts inside what would be the given name: the surname alone.
    #expect(found["田中外務"] == nil)
    // A person before an organization in one group of kanji is not part of it.
    let group = try types("座長の山本一郎東京大学名誉教授が話した。", language: "ja")
    #expect(group["山本一郎"] == "person")
    #expect(group["東京大学"] == "organization")
  }

  @Test func dialogueAfterADashStartsASentenceAndInitialsNameAPersonInAHeadline() throws {
    let found = try types(
      """
      Хабаровск. Автор: К. Л. Мельникова

      Наш автор побывал в музее. — Музей открыт до шести, — сказала Е. С. Кострова. — Приезжают и туристы.
      """, language: "ru")
    #expect(found["К. Л. Мельникова"] != nil)
    #expect(found["Е. С. Кострова"] != nil)
    #expect(found["Приезжают"] == nil)
  }

  @Test func aNounBeforeANameAtASentencesStartIsInTheSpan() throws {
    let found = try types("Маяк Анива стоит на скале Сивучьей.", language: "ru")
    #expect(found["Маяк Анива"] == "place")
    #expect(found["скале Сивучьей"] == "place")
    let english = try types("Keepers left the Aniva lighthouse. The Asahi simbun and Kyodo Tsusin reported it.")
    #expect(english["Aniva lighthouse"] == "place")
    #expect(english["Asahi simbun"] == "organization")
    #expect(english["Kyodo Tsusin"] == "organization")
  }

  @Test func japaneseTitlesAfterADotAndDemonymsBeforeASuffixAreNoNames() throws {
    let found = try types(
      "アレクセイ・ペトロフスキー・コーチが指導した。ペトロフスキー・コーチによると、日本人墓地には全国の都道府県から人が来る。",
      language: "ja")
    #expect(found["アレクセイ・ペトロフスキー"] == "person")
    #expect(found["ペトロフスキー"] == "person")
    #expect(found["アレクセイ・ペトロフスキー・コーチ"] == nil && found["コーチ"] == nil)
    #expect(found["日本人墓地"] == nil && found["都道府県"] == nil)
  }

  @Test func aKnownPlaceBeforeAPlaceSuffixIsOneName() throws {
    let found = try links("船は根室港に戻り、稚内市の職員が迎えた。行きたいと話した。", language: "ja")
    #expect(found["根室港"] == "null")
    #expect(found["稚内市"] == "null")
    #expect(found["根室"] == nil && found["稚内"] == nil)
    // Hiragana text is not a name written in katakana (たい is not タイ, Thailand).
    #expect(found["たい"] == nil)
  }

  @Test func japaneseSuffixesNeedANameBeforeThem() throws {
    let found = try links("無人島と国立大学、同市の港が話題になった。礼拝は大聖堂と付属聖堂で行われた。", language: "ja")
    #expect(found.isEmpty)
  }

  @Test func japaneseHallsCemeteriesAndBasesAreSuffixesOfPlaces() throws {
    let found = try types("信者はマリア堂に集まり、青葉霊園を訪れたあと、千歳基地の近くで別れた。", language: "ja")
    #expect(found["マリア堂"] == "place")
    #expect(found["青葉霊園"] == "place")
    #expect(found["千歳基地"] == "place")
  }

  @Test func katakanaNamesInPartsAndTheirShortForms() throws {
    let found = try mentions("ロシアの歴史家イーゴリ・サヴェリエフ氏によると、サヴェリエフ氏は文書を読んだ。", language: "ja")
    #expect(found.contains { $0.surface == "イーゴリ・サヴェリエフ" && $0.entity == nil && $0.type == "person" })
    #expect(found.contains { $0.surface == "サヴェリエフ" && $0.source == .shortForm })
  }

  @Test func knownNamesAreMentionsWithoutAnEntity() throws {
    let found = try mentions(
      "Gazprom signed in Khabarovsk. Officials of the United Nations agreed.", language: "en")
    for name in ["Gazprom", "Khabarovsk", "United Nations"] {
      let mention = found.first { $0.surface == name }
      #expect(mention?.entity == nil && mention?.source == .knownName, "\(name)")
    }
    #expect(found.first { $0.surface == "Khabarovsk" }?.type == "place")
    #expect(!found.contains { $0.surface == "Officials" })
    let russian = try mentions("Делегация прибыла в Хабаровске и встретилась с представителями ООН.", language: "ru")
    #expect(russian.contains { $0.surface == "Хабаровске" && $0.source == .knownName })
    let japanese = try mentions("代表団はハバロフスクを訪れ、国連の担当者と会った。", language: "ja")
    #expect(japanese.contains { $0.surface == "ハバロフスク" && $0.source == .knownName })
    #expect(japanese.contains { $0.surface == "国連" && $0.type == "organization" })
  }

  @Test func aGlossaryNameWinsOverAKnownNameOfTheSameSpelling() throws {
    let lexicon = try Self.lexicon(replacing: [MentionLexicon.knownNamesFile: "place\tTokyo\nplace\tNemuro\n"])
    let index = try #require(Self.resources).index
    let found = try mentions(
      "Kishida flew from Tokyo to Nemuro.", language: "en", resources: MentionResources(index: index, lexicon: lexicon))
    #expect(found.first { $0.surface == "Tokyo" }?.entity?.id == "tokyo")
    #expect(found.first { $0.surface == "Nemuro" }?.source == .knownName)
  }

  /// The built-in lexicon with one list replaced.
  static func lexicon(replacing lists: [String: String]) throws -> MentionLexicon {
    func file(_ name: String) -> String { lists[name] ?? EmbeddedGlossaries.file(name) ?? "" }
    return try MentionLexicon(
      endings: file(MentionLexicon.endingsFile), particles: file(MentionLexicon.particlesFile),
      notNames: file(MentionLexicon.notNamesFile), japaneseTitles: file(MentionLexicon.japaneseTitlesFile),
      adjectiveEndings: file(MentionLexicon.adjectiveEndingsFile),
      organizationSuffixes: file(MentionLexicon.organizationSuffixesFile),
      nameHeads: file(MentionLexicon.nameHeadsFile),
      adjectiveCaseEndings: file(MentionLexicon.adjectiveCaseEndingsFile),
      genitiveEndings: file(MentionLexicon.genitiveEndingsFile),
      japaneseNameSuffixes: file(MentionLexicon.japaneseNameSuffixesFile),
      japaneseCommonStems: file(MentionLexicon.japaneseCommonStemsFile),
      knownNames: file(MentionLexicon.knownNamesFile),
      japaneseGivenNameEndings: file(MentionLexicon.japaneseGivenNameEndingsFile),
      namesakePhrases: file(MentionLexicon.namesakePhrasesFile), states: file(MentionLexicon.statesFile),
      patronymicEndings: file(MentionLexicon.patronymicEndingsFile),
      japanesePersonCues: file(MentionLexicon.japanesePersonCuesFile))
  }

  @Test func malformedListsNameTheirFileAndLine() throws {
    func failsAt(_ file: String, line: Int, _ make: () throws -> MentionLexicon) -> Bool {
      do {
        _ = try make()
        return false
      } catch {
        guard case NameError.invalidTable(let name, let at, _) = error else { return false }
        return name == file && at == line
      }
    }
    #expect(failsAt(MentionLexicon.nameHeadsFile, line: 2) {
      try Self.lexicon(replacing: [MentionLexicon.nameHeadsFile: "en\tministry\torganization\thead\nen\tcape\tplace\tsomewhere\n"])
    })
    #expect(failsAt(MentionLexicon.knownNamesFile, line: 3) {
      try Self.lexicon(replacing: [MentionLexicon.knownNamesFile: "# Nemuro\nplace\tNemuro\nevent\tSomething\n"])
    })
    #expect(failsAt(MentionLexicon.japaneseCommonStemsFile, line: 2) {
      try Self.lexicon(replacing: [MentionLexicon.japaneseCommonStemsFile: "同\tleads\n昨年\tlater\n"])
    })
    #expect(failsAt(MentionLexicon.japaneseGivenNameEndingsFile, line: 2) {
      try Self.lexicon(replacing: [MentionLexicon.japaneseGivenNameEndingsFile: "子\n子江\n"])
    })
    // A cue of a kind the finder does not know; a house of two kanji.
    #expect(failsAt(MentionLexicon.japanesePersonCuesFile, line: 2) {
      try Self.lexicon(replacing: [MentionLexicon.japanesePersonCuesFile: "船頭\trole\n兵衛\tsuffix\n"])
    })
    #expect(failsAt(MentionLexicon.japanesePersonCuesFile, line: 1) {
      try Self.lexicon(replacing: [MentionLexicon.japanesePersonCuesFile: "屋号\thouse\n"])
    })
    #expect(failsAt(MentionLexicon.genitiveEndingsFile, line: 3) {
      try Self.lexicon(replacing: [MentionLexicon.genitiveEndingsFile: "# endings\nого\tadjective\nы\tplural\n"])
    })
    // A preposition only for a head; a suffix of a type the finder does not know.
    #expect(failsAt(MentionLexicon.nameHeadsFile, line: 2) {
      try Self.lexicon(replacing: [MentionLexicon.nameHeadsFile: "en\tembassy\torganization\thead\tin\nen\tcape\tplace\tbefore\tof\n"])
    })
    // Only a head with a preposition takes `state`, and nothing else goes in the sixth column; a
    // line of three fields is named too.
    #expect(failsAt(MentionLexicon.nameHeadsFile, line: 2) {
      try Self.lexicon(replacing: [MentionLexicon.nameHeadsFile: "en\tembassy\torganization\thead\tin\tstate\nen\tmission\torganization\thead\tin\tcity\n"])
    })
    #expect(failsAt(MentionLexicon.nameHeadsFile, line: 1) {
      try Self.lexicon(replacing: [MentionLexicon.nameHeadsFile: "en\tembassy\torganization\n"])
    })
    #expect(failsAt(MentionLexicon.japaneseTitlesFile, line: 2) {
      try Self.lexicon(replacing: [MentionLexicon.japaneseTitlesFile: "氏\thonorific\n首相\thonourific\n"])
    })
    #expect(failsAt(MentionLexicon.japaneseNameSuffixesFile, line: 2) {
      try Self.lexicon(replacing: [MentionLexicon.japaneseNameSuffixesFile: "市\tplace\n内\tinside\n"])
    })
  }

  @Test func japaneseShortFormsStandBeforeAndAfterTheFullName() throws {
    let text = "元島民「鳩山の決断、今こそ」\n1956年に鳩山一郎首相が署名した。最終的に鳩山は病をおして訪れた。松本市の職員も来た。"
    let found = try mentions(text, language: "ja")
    #expect(found.filter { $0.surface == "鳩山" }.count == 2)
    #expect(found.contains { $0.surface == "鳩山一郎" && $0.type == "person" })
    // A surname before a suffix of places is the place's (松本市), not the person's.
    #expect(!found.contains { $0.surface == "松本" })
  }

  @Test func aKatakanaSurnameBeforeATitleIsAPerson() throws {
    let found = try mentions(
      "ブルガーニン首相とフルシチョフ第一書記が会い、松本俊一全権とマリク駐英大使の交渉が続いた。のちにフルシチョフは語った。サケ・マスの漁獲も議題だった。",
      language: "ja")
    for name in ["ブルガーニン", "マリク"] {
      #expect(found.contains { $0.surface == name && $0.type == "person" }, "\(name)")
    }
    #expect(found.filter { $0.surface == "フルシチョフ" }.count == 2)
    // Folding makes とマリ look like トマリ (a place); katakana parts of two letters are no name.
    #expect(!found.contains { $0.surface.hasPrefix("と") || $0.surface.contains("サケ") || $0.surface == "マス" })
  }

  @Test func japaneseTitlesAfterAPrefixAndCitiesBeforeBoundWords() throws {
    let found = try links("岡部元大使は札幌市内のホテルで、稚内市内の施設について話した。", language: "ja")
    #expect(found["岡部"] == "null")
    #expect(found["岡部元"] == nil)
    #expect(found["札幌市"] == "null" && found["稚内市"] == "null")
  }

  @Test func eventsAndDocumentsAreNoNamesAndHoldNone() throws {
    let found = try types(
      "Delegates recalled the Potsdam Declaration, the Treaty of Portsmouth and the Washington Naval Conference. The Ministry of War and the Tokyo Stock Exchange stayed open.")
    #expect(found["Potsdam"] == nil && found["Potsdam Declaration"] == nil)
    #expect(found["Portsmouth"] == nil && found["Washington"] == nil && found["Naval Conference"] == nil)
    #expect(found["Ministry of War"] == "organization")
    #expect(found["Tokyo Stock Exchange"] == "organization")
  }

  @Test func anEmbassyTakesInThePlaceItIsIn() throws {
    let english = try types("A spokesman for the Russian Embassy in Japan spoke; the Embassy of Japan in Russia did not.")
    #expect(english["Russian Embassy in Japan"] == "organization")
    #expect(english["Embassy of Japan in Russia"] == "organization")
    #expect(english["Japan"] == nil && english["Russia"] == nil)
    let russian = try types(
      "Об этом сообщили в Посольстве России в Японии. Управление ФСБ России по Сахалинской области и представители Министерства обороны РФ молчат.",
      language: "ru")
    #expect(russian["Посольстве России в Японии"] == "organization")
    #expect(russian["Управление ФСБ России по Сахалинской области"] == "organization")
    #expect(russian["Министерства обороны РФ"] == "organization")
    #expect(russian["России"] == nil && russian["РФ"] == nil)
  }

  @Test func russianAcronymsInLatinLettersAreKnownNames() throws {
    let lexicon = try Self.lexicon(replacing: [MentionLexicon.knownNamesFile: "organization\tРГО\norganization\tЕС\n"])
    let index = try #require(Self.resources).index
    let found = try mentions(
      "The expedition of RGO and Pacific fleet left. Translation: ES", language: "en",
      resources: MentionResources(index: index, lexicon: lexicon))
    #expect(found.contains { $0.surface == "RGO" && $0.source == .knownName && $0.type == "organization" })
    // Two letters are too few to tell an acronym from anything else.
    #expect(!found.contains { $0.surface == "ES" })
  }
}
