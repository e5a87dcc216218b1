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

  @Test func literalTranslationsWriteTheNounAfterANameInLowerCase() throws {
    let found = try types(
      "Veterans gathered on the Sportivnaya embankment. The Chinese navy sailed through the Korean strait, and the Third Arctic squadron followed. A Japanese cemetery lies near the road.")
    #expect(found["Sportivnaya embankment"] == "place")
    #expect(found["Chinese navy"] == "organization")
    #expect(found["Korean strait"] == "place")
    #expect(found["Third Arctic squadron"] == "organization")
    // Not every noun makes a name after a demonym.
    #expect(found["Japanese cemetery"] == nil && found["Japanese"] == nil)
    // Nor does a noun after a possessive.
    let possessive = try types("Fumio Kishida's government fell.")
    #expect(possessive["Fumio Kishida"] == "person" && possessive["Fumio Kishida's government"] == nil)
  }

  @Test func aNameBeforeANounOfPeriodsIsNone() throws {
    let found = try mentions("Prints of the Edo period hang in the hall; the artist was born in Edo.", language: "en")
    #expect(found.map(\.surface) == ["Edo"])
    #expect(found.first?.entity?.id == "tokyo")
  }

  @Test func aNameAfterItsNamesakeIsOne() throws {
    let english = try types("Pupils visited the Lesnoy museum named after A. S. Popov last week.")
    #expect(english["Lesnoy museum named after A. S. Popov"] == "organization")
    let russian = try types("Выставка прошла в Кемеровском областном музее имени В. В. Бианки.", language: "ru")
    #expect(russian["Кемеровском областном музее имени В. В. Бианки"] == "organization")
    #expect(russian["В. В. Бианки"] == nil)
  }

  @Test func aKnownPlaceAndOneWordAfterItAreOneName() throws {
    let found = try types(
      "Visitors crowded the Kaliningrad Zoo. The Kaliningrad Mayor spoke. In Kaliningrad Ivan Petrov spoke.")
    #expect(found["Kaliningrad Zoo"] != nil)
    // A title, or a name of two words, after the place is not its.
    #expect(found["Kaliningrad"] == "place" && found["Ivan Petrov"] != nil)
    #expect(found["Kaliningrad Mayor"] == nil && found["Kaliningrad Ivan Petrov"] == nil)
  }

  @Test func russianNamesAtASentencesStartAndAfterNouns() throws {
    let found = try types(
      """
      Речной институт открылся в 1930 году. Студенты Речного института учатся пять лет. Фотография А. Б. \
      Колесова висит в зале. Экспедиция работала на острове Зелёный. Представительство и Японский фонд \
      провели встречу. Моряки прошли по Портовой набережной на Соборную площадь.
      """, language: "ru")
    // A sentence's first word is a name's when the text writes it as one elsewhere.
    #expect(found["Речной институт"] == "organization" && found["Речного института"] == "organization")
    #expect(found["А. Б. Колесова"] != nil && found["Фотография А. Б. Колесова"] == nil)
    #expect(found["острове Зелёный"] == "place")
    // A conjunction ends the genitive after a head.
    #expect(found["Японский фонд"] == "organization")
    #expect(!found.keys.contains { $0.contains(" и ") })
    #expect(found["Портовой набережной"] == "place" && found["Соборную площадь"] == "place")
  }

  @Test func japaneseDemonymsLanguagesSchoolsAndCustoms() throws {
    let found = try mentions(
      "ロシア語の授業はロシア人の講師が担当し、ロシアの大学と協力している。釧路税関の職員と帯広高校の生徒が参加した。", language: "ja")
    #expect(found.filter { $0.entity?.id == "russia" }.map(\.surface) == ["ロシア"])
    #expect(found.first { $0.surface == "釧路税関" }?.type == "organization")
    #expect(found.first { $0.surface == "帯広高校" }?.type == "organization")
  }

  @Test func theBodyThatGovernsAPlaceIsOneOrganizationWithIt() throws {
    let russian = try types(
      "Решение поддержали правительство Амурской области, администрация Холмского городского округа и мэрия Саппоро. Курс правительства Кисиды не изменился.",
      language: "ru")
    #expect(russian["правительство Амурской области"] == "organization")
    #expect(russian["администрация Холмского городского округа"] == "organization")
    #expect(russian["мэрия Саппоро"] == "organization")
    #expect(russian["Амурской области"] == nil && russian["Холмского"] == nil)
    // Kishida's cabinet is a person's, not a place's.
    #expect(russian["правительства Кисиды"] == nil && russian["Кисиды"] == "person")
    let english = try types(
      "The administration of Nakhodka and the government of the Sakhalin region signed it. The regional government of Sakhalin stayed out.")
    #expect(english["administration of Nakhodka"] == "organization")
    #expect(english["government of the Sakhalin region"] == "organization")
    #expect(english["government of Sakhalin"] == nil && english["Sakhalin"] == "place")
  }

  @Test func aConsulateGeneralTakesItsCountryButNotItsHostCity() throws {
    let found = try types(
      "Officials of the Consulate General of Japan in Yuzhno-Sakhalinsk met the Consulate-General of the Russian Federation in Niigata. The Russian Embassy in Japan said nothing.")
    #expect(found["Consulate General of Japan"] == "organization")
    #expect(found["Consulate-General of the Russian Federation"] == "organization")
    #expect(found["Yuzhno-Sakhalinsk"] == "place" && found["Niigata"] == "place")
    #expect(found["Russian Embassy in Japan"] == "organization")
  }

  @Test func anAdjectiveAfterAndStaysInsideAnInstitutionsName() throws {
    let found = try types(
      "The Primakov Institute of World Economy and International Relations and the Ministry of Culture and Archives of Sakhalin Oblast wrote to the Ministry of Defence and Ivan Sorokin.")
    #expect(found["Primakov Institute of World Economy and International Relations"] == "organization")
    #expect(found["Ministry of Culture and Archives of Sakhalin Oblast"] == "organization")
    #expect(found["International Relations"] == nil && found["Sakhalin Oblast"] == nil)
    #expect(found["Ministry of Defence"] == "organization")
  }

  @Test func aKnownPersonBeforeAPlacesHeadNamesThePlace() throws {
    let found = try types("We walked down Lenin Street to Gagarin Park, where Lenin once spoke.")
    #expect(found["Lenin Street"] == "place" && found["Gagarin Park"] == "place")
    #expect(found["Lenin"] == "person")
  }

  @Test func russianOneWordOrganizationsInLatinLettersAreFound() throws {
    let found = try types(
      "The Japanese \"Mitsui\" and \"Mitsubisi\" kept their shares, while Minfin of USA and Minenergo of Russia watched Rosneft.")
    #expect(found["Mitsubisi"] == "organization")
    #expect(found["Minfin of USA"] == "organization")
    #expect(found["Minenergo of Russia"] == "organization")
    #expect(found["Rosneft"] == "organization")
  }

  @Test func aUnitsAcronymBeforeItsBodysIsOneName() throws {
    let found = try types("Документы ГУПВИ НКВД передали в архив. МИД и НКВД тогда молчали.", language: "ru")
    #expect(found["ГУПВИ НКВД"] == "organization")
    #expect(found["ГУПВИ"] == nil && found["МИД и НКВД"] == nil)
  }

  @Test func japaneseShogunateShipyardArchiveAndChurch() throws {
    let found = try types(
      "江戸幕府は横須賀造船所を建て、ロシア国立海軍文書館と日本ハリストス正教会に記録が残る。", language: "ja")
    #expect(found["江戸幕府"] == "organization")
    #expect(found["横須賀造船所"] == "organization")
    #expect(found["日本ハリストス正教会"] == "organization")
    #expect(found["江戸"] == nil)
  }

  @Test func aSentencesFirstClosedClassWordIsNoPartOfTheName() throws {
    let found = try types(
      "Through Mitsui Bussan the deal went ahead. Among Sakhalin Energy partners, Shell left.",
      language: "en")
    #expect(!found.keys.contains { $0.hasPrefix("Through") || $0.hasPrefix("Among") })
    #expect(found["Sakhalin Energy"] != nil)
    // A Russian adverb of time before a surname at a sentence's start.
    let russian = try types("Летом Гордеева и Сомов поедут в Саппоро. Вечером Гордеева вернулась.", language: "ru")
    #expect(russian["Гордеева"] != nil && russian["Сомов"] != nil)
    #expect(!russian.keys.contains { $0.hasPrefix("Летом") || $0.hasPrefix("Вечером") })
  }

  @Test func aRussianCompoundAdjectiveBeforeALowerCaseHeadIsOneName() throws {
    let found = try types(
      "Дело рассмотрел Северо-Курильский районный суд, а представитель Магаданской таможни и Камчатского филиала ТИНРО дали пояснения.",
      language: "ru")
    #expect(found["Северо-Курильский районный суд"] == "organization")
    #expect(found["Магаданской таможни"] == "organization")
    #expect(found["Камчатского филиала ТИНРО"] == "organization")
    #expect(found["ТИНРО"] == nil)
  }

  @Test func aTwoLetterUnitAcronymJoinsItsBodysAcronym() throws {
    let found = try types("Шхуну задержали сотрудники ПУ ФСБ. ОН сказал это тихо.", language: "ru")
    #expect(found["ПУ ФСБ"] == "organization")
    #expect(found["ОН"] == nil)
  }

  @Test func aRussianInstitutionsNameTakesTheGenitiveAfterItsHead() throws {
    let found = try types(
      "Доклад подготовили сотрудники Института истории материальной культуры и Всероссийского общества охраны природы. Его поддержал Комитет по делам молодёжи и спорта, а письмо ушло в Министерства науки, образования и культуры Японии. Вчера сотрудники Института истории провели раскопки. Экспонаты хранятся в Краевом музее истории имени И. П. Сидорова, суда стоят у Бутырской тюрьмы.",
      language: "ru")
    #expect(found["Института истории материальной культуры"] == "organization")
    #expect(found["Всероссийского общества охраны природы"] == "organization")
    #expect(found["Комитет по делам молодёжи и спорта"] == "organization")
    #expect(found["Министерства науки, образования и культуры Японии"] == "organization")
    #expect(found["Японии"] == nil)
    // A verb in the past after the name is no noun of it, nor is a namesake phrase.
    #expect(found["Института истории"] == "organization")
    #expect(found["Краевом музее истории имени И. П. Сидорова"] == "organization")
    #expect(found["Бутырской тюрьмы"] == "place")
  }

  @Test func aLiteralTranslationWritesTheGenitiveInLowerCaseBeforeAName() throws {
    let found = try types(
      "The report came from the Institute of oceanology and hydrology of the FEB RAS and the Agency on forestry of Japan. He lectured at the State museum of history of the Far East and at the Central house of the Red army. The Japanese press of the time was silent, and the Ministry of defence said nothing. He walked down Pushkinskaya street past Lefortovo prison.")
    #expect(found["Institute of oceanology and hydrology of the FEB RAS"] == "organization")
    #expect(found["Agency on forestry of Japan"] == "organization")
    #expect(found["State museum of history of the Far East"] == "organization")
    #expect(found["Central house of the Red army"] == "organization")
    #expect(found["Far East"] == nil && found["Red army"] == nil && found["Japan"] == nil)
    // Words in lower case alone may end in a verb; a demonym makes names of common nouns.
    #expect(!found.keys.contains { $0.hasPrefix("Ministry") || $0.hasPrefix("Japanese press") })
    #expect(found["Pushkinskaya street"] == "place")
    #expect(found["Lefortovo prison"] == "place")
  }

  @Test func japaneseSitesMinesLocalMuseumsAndRedCrossSocieties() throws {
    let found = try types(
      "調査団は大岬遺跡と常呂貝塚を訪ね、夕張炭鉱の跡地と網走郷土館、ソ連赤十字社の記録も調べた。", language: "ja")
    #expect(found["大岬遺跡"] == "place")
    #expect(found["常呂貝塚"] == "place")
    #expect(found["夕張炭鉱"] == "place")
    #expect(found["網走郷土館"] == "organization")
    #expect(found["ソ連赤十字社"] == "organization")
    #expect(found["ソ連"] == nil && found["赤十字"] == nil)
  }

  @Test func russianGardensParksAndTownsWithACapitalizedAdjective() throws {
    let found = try types(
      "Экскурсия прошла по Ботаническому саду, затем группа гуляла в Сокольническом парке и вернулась в Звёздный городок. Красивый сад у дома зарос.",
      language: "ru")
    #expect(found["Ботаническому саду"] == "place")
    #expect(found["Сокольническом парке"] == "place")
    #expect(found["Звёздный городок"] == "place")
    // A sentence's first word is not the adjective of a name.
    #expect(found["Красивый сад"] == nil)
  }

  @Test func aRussianSentencesFirstNounIsNoPartOfTheInstitutionAfterIt() throws {
    let found = try types(
      "Аспиранты Института океанологии приехали в Находку. Пенсионеры Всероссийского общества слепых пришли тоже.",
      language: "ru")
    #expect(found["Института океанологии"] == "organization")
    #expect(found["Всероссийского общества слепых"] == "organization")
    #expect(!found.keys.contains { $0.hasPrefix("Аспиранты") || $0.hasPrefix("Пенсионеры") })
  }

  @Test func aLiteralTranslationWritesTheGenericWordBeforeAPlace() throws {
    let found = try types(
      "Rockets left the cosmodrome Plesetsk, crossed the mountains Sikhote and fell in prefecture Aomori. The Kovykta field is vast. Governor of prefecture Shingo Mimura spoke.")
    #expect(found["cosmodrome Plesetsk"] == "place")
    #expect(found["mountains Sikhote"] == "place")
    #expect(found["prefecture Aomori"] == "place")
    #expect(found["Kovykta field"] == "place")
    // After a title and 'of', the generic word is the office's and the name a person's.
    #expect(found["prefecture Shingo Mimura"] == nil)
    #expect(found["Shingo Mimura"] != nil)
  }

  @Test func aSentencesFirstWordWrittenInLowerCaseTooIsNoKnownName() throws {
    let found = try types("Сад заложили в 1987 году, и сад разросся. Паром ушёл на Садо.", language: "ru")
    #expect(found["Сад"] == nil)
    #expect(found["Садо"] == "place")
  }

  @Test func japaneseStationsRailwaysAndStudyGroups() throws {
    let found = try types(
      "一行は新橋駅から市ヶ谷駅を経て敦賀駅へ向かい、シベリア鉄道の歴史を北方交流史研究会の会員が語った。新体制の下で新校舎が建った。",
      language: "ja")
    #expect(found["新橋駅"] == "place")
    #expect(found["市ヶ谷駅"] == "place")
    #expect(found["敦賀駅"] == "place")
    #expect(found["シベリア鉄道"] == "place")
    #expect(found["シベリア"] == nil)
    #expect(found["北方交流史研究会"] == "organization")
    // 新 leads a word here: a new system and a new school building name nothing.
    #expect(!found.keys.contains { $0.hasPrefix("新体") || $0.hasPrefix("新校") })
  }

  @Test func aLiteralTranslationWritesOnlyTheFirstWordOfAnInstitutionCapitalized() throws {
    let found = try types(
      "Inspectors of the Fishing cooperative of Wakkanai met the Coast guard of Russia. The coast guard of a country is busy.")
    #expect(found["Fishing cooperative of Wakkanai"] == "organization")
    #expect(found["Coast guard of Russia"] == "organization")
    #expect(found["Wakkanai"] == nil)
  }

  @Test func aTitleAndOfBeforeAnInstitutionAreThePersons() throws {
    let found = try types("Official of Ministry of Foreign Affairs declined to comment. Officials of the Bank of Japan stayed.")
    #expect(found["Official of Ministry of Foreign Affairs"] == nil)
    #expect(found["Ministry of Foreign Affairs"] != nil)
  }

  @Test func japaneseTheatresSchoolsAndConservatories() throws {
    let found = try types(
      "ボリショイ劇場のダンサーがサンクトペテルブルク音楽院と東京バレエ学校を訪ねた。日本語学校の生徒も来た。", language: "ja")
    #expect(found["ボリショイ劇場"] == "organization")
    #expect(found["サンクトペテルブルク音楽院"] == "organization")
    #expect(found["東京バレエ学校"] == "organization")
    #expect(found["日本語学校"] == nil)
  }

  @Test func aUnitNamedByItsNumberAloneTakesIt() throws {
    let found = try types(
      "The 5th Army held the pass while the 41st Division and the 3rd Far Eastern Front moved north in the 19th century's manner.")
    #expect(found["5th Army"] == "organization")
    #expect(found["41st Division"] == "organization")
    #expect(found["3rd Far Eastern Front"] == "organization")
    #expect(found["Army"] == nil && found["Far Eastern Front"] == nil)
  }

  @Test func aLegalFormInCapitalsBeforeQuotesMakesACompanyName() throws {
    let russian = try types("Акции ООО «Северный Берег» и ПАО «Дальняя Гавань» выросли.", language: "ru")
    #expect(russian["Северный Берег"] == "organization")
    #expect(russian["Дальняя Гавань"] == "organization")
    let english = try types(#"Shares of OAO "Severny Bereg" rose."#)
    #expect(english["Severny Bereg"] == "organization")
  }

  @Test func aRussianBodyNamedByANumberIsOneName() throws {
    let found = try types(
      "Ученики гимназии № 3 и школы №14 пришли в музей. В 2021 году журнал № 5 вышел поздно.", language: "ru")
    #expect(found["гимназии № 3"] == "organization")
    #expect(found["школы №14"] == "organization")
    #expect(found["журнал № 5"] == nil)
  }

  @Test func initialsAfterAnAcronymStartAPersonsName() throws {
    let russian = try types("Как пояснил директор ГАХК А. В. Смирнов, фонды открыты.", language: "ru")
    #expect(russian["А. В. Смирнов"] != nil)
    #expect(russian["ГАХК А. В. Смирнов"] == nil)
    let capitals = try types("THE LEGACY OF JOHN F. KENNEDY")
    #expect(capitals["F. KENNEDY"] == nil)
  }

  @Test func fundsFederationsOrganizationsAndGovernmentsAreHeads() throws {
    let found = try types(
      "The Fund of Coastal Fisheries Support, the Kamchatka Regional Government and the Pacific Salmon Organization met the Nemuro Anglers Federation.")
    #expect(found["Fund of Coastal Fisheries Support"] == "organization")
    #expect(found["Kamchatka Regional Government"] == "organization")
    #expect(found["Pacific Salmon Organization"] == "organization")
    #expect(found["Nemuro Anglers Federation"] == "organization")
  }

  @Test func japaneseGivenNamesInHiraganaAndAsShortForms() throws {
    let found = try types(
      "市内の木村まどかさん（42）と高田浩之さん（70）が語った。まどかさんは毎年、浩之さんは二度目だ。田中のおばさんも来た。", language: "ja")
    #expect(found["木村まどか"] == "person")
    #expect(found["まどか"] == "person")
    #expect(found["浩之"] == "person")
    #expect(found["おば"] == nil && found["のおば"] == nil)
  }

  @Test func aMissionTakesInTheStateItIsAccreditedToNotItsHostCity() throws {
    let english = try types(
      "The Mongolian Embassy in Tokyo and the Embassy of Japan in Mongolia traded notes; the islands Japan claims were not named.")
    #expect(english["Mongolian Embassy"] == "organization")
    #expect(english["Tokyo"] == "place")
    #expect(english["Embassy of Japan in Mongolia"] == "organization")
    #expect(english["islands Japan"] == nil && english["Japan"] == "place")
    let russian = try types("Ноту вручили в Посольстве Монголии в Токио и в Посольстве Японии в Монголии.", language: "ru")
    #expect(russian["Посольстве Монголии"] == "organization")
    #expect(russian["Токио"] == "place")
    #expect(russian["Посольстве Японии в Монголии"] == "organization")
  }
}
