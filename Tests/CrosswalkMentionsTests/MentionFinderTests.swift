import CrosswalkCore
import CrosswalkGlossary
import CrosswalkLinking
import CrosswalkMentions
import Testing

/// Behaviour of the mention finder on sentences written for these tests (not the corpus).
@Suite struct MentionFinderTests {
  static let resources: MentionResources? = {
    guard let index = try? LinkIndex(glossary: GlossaryLoader.builtIn().glossary),
      let lexicon = try? MentionLexicon.builtIn()
    else { return nil }
    return MentionResources(index: index, lexicon: lexicon)
  }()

  func mentions(_ text: String, language: String, resources: MentionResources? = nil) throws -> [Mention] {
    let finder = try MentionFinder(resources: try #require(resources ?? Self.resources))
    let document = Document(
      id: "t", path: "t.txt", language: language, languageSource: .manifest,
      encoding: EncodingReport(name: "UTF-8", evidence: "valid-utf8", confidence: 100, byteCount: text.utf8.count),
      text: text)
    let found = try finder.mentions(in: document)
    for mention in found { #expect(document.text(of: mention.span) == mention.surface) }
    return found
  }

  func links(_ text: String, language: String = "en") throws -> [String: String] {
    var result: [String: String] = [:]
    for mention in try mentions(text, language: language) { result[mention.surface] = mention.entity?.id ?? "null" }
    return result
  }

  @Test func russianAdjectiveFormsOfJapaneseInstitutionsLink() throws {
    let found = try links(
      "Ответ японского правительства запоздал; в японском Генштабе и у японского МИД молчали.", language: "ru")
    #expect(found["японского правительства"] == "government-of-japan")
    #expect(found["японском Генштабе"] == "japanese-army-general-staff")
    #expect(found["японского МИД"] == "japanese-foreign-ministry")
  }

  @Test func russianCaseEndingsLinkToTheEntity() throws {
    let found = try links(
      "Визит Кисиды обсуждали на Кунашире, а письмо передали Осечкину. Позже о Захаровой и Итурупе писали в Москве.",
      language: "ru")
    #expect(found["Кисиды"] == "fumio-kishida")
    #expect(found["Кунашире"] == "kunashir")
    #expect(found["Осечкину"] == "vladimir-osechkin")
    #expect(found["Захаровой"] == "maria-zakharova")
    #expect(found["Итурупе"] == "iturup")
    #expect(found["Москве"] == "moscow")
  }

  @Test func initialsParticlesAndHyphensStayInOneName() throws {
    let found = try links(
      "The note was signed by A. Yu. Rudenko and read by F. Kisida. Ships crossed the La Pérouse Strait near Yuzhno-Sakhalinsk, where Pavel Lemeshko-Varga lives.")
    #expect(found["A. Yu. Rudenko"] == "andrey-rudenko")
    #expect(found["F. Kisida"] == "fumio-kishida")
    #expect(found["La Pérouse Strait"] == "la-perouse-strait")
    #expect(found["Yuzhno-Sakhalinsk"] != nil)
    #expect(found["Pavel Lemeshko-Varga"] == "null")
  }

  @Test func aShortFormFollowsItsFullForm() throws {
    let found = try mentions(
      "General Toyohisa Kozuki planned the landing. Kozuki wrote to Tokyo. Later, Dmitri Vorontsovsky arrived. Vorontsovsky left.",
      language: "en")
    let kozuki = found.filter { $0.surface == "Kozuki" }
    #expect(kozuki.count == 1)
    #expect(kozuki.first?.entity?.id == "toyohisa-kozuki")
    let unknown = found.filter { $0.surface == "Vorontsovsky" }
    #expect(unknown.count == 1 && unknown.first?.entity == nil)
    #expect(found.contains { $0.surface == "Dmitri Vorontsovsky" && $0.entity == nil })
  }

  @Test func sentenceStartsTitlesAndMonthsAreNotNames() throws {
    let found = try links(
      "Yesterday the talks resumed. President Putin spoke in April. Officials said nothing. The Kremlin declined to comment.")
    #expect(found["Yesterday"] == nil)
    #expect(found["Officials"] == nil)
    #expect(found["April"] == nil)
    #expect(found["President Putin"] == nil)
    #expect(found["Putin"] == "vladimir-putin")
    #expect(found["Kremlin"] == "kremlin")
  }

  @Test func casingRulesKeepCommonWordsOut() throws {
    let found = try links("In mid March the china cups were sold; the MID of Russia and China disagreed.")
    #expect(found["mid"] == nil)
    #expect(found["china"] == nil)
    #expect(found["MID of Russia"] == "russian-foreign-ministry")
    #expect(found["China"] == "china")
  }

  @Test func gluedWordsAndDomainsAreFound() throws {
    let found = try links("Troops entered UkraineOn February 24, Gulagu.net reported.")
    #expect(found["Ukraine"] == "ukraine")
    #expect(found["Gulagu.net"] == "gulagu-net")
  }

  @Test func japaneseNamesInKanjiAndKana() throws {
    let found = try links("岸田文雄首相は国後島と択捉島を視察した。岸田首相は記者団に語った。森本健一教授も同行した。", language: "ja")
    #expect(found["岸田文雄"] == "fumio-kishida")
    #expect(found["国後島"] == "kunashir")
    #expect(found["択捉島"] == "iturup")
    #expect(found["岸田"] == "fumio-kishida")
    #expect(found["森本健一"] == "null")
  }

  @Test func japaneseSuffixesOfTrenchesAirportsAndDomains() throws {
    let found = try types("千島海溝の調査船が中標津空港の近くを通り、松前藩の記録と丸北物産の資料を調べた。", language: "ja")
    #expect(found["千島海溝"] == "place")
    #expect(found["中標津空港"] == "place")
    #expect(found["松前藩"] == "place")
    #expect(found["丸北物産"] == "organization")
    #expect(found["千島"] == nil)
    // 新 (new) leads a common word (新市長) but is part of a place's name (新潟).
    let niigata = try types("新潟港から新市長が出港した。", language: "ja")
    #expect(niigata["新潟港"] == "place")
    #expect(niigata.count == 1)
  }

  @Test func offsetsCountScalarsPastEmojiAndCRLF() throws {
    let text = "👍🏽 Note\r\nКисида прибыл. e\u{301}te Osechkin."
    let found = try mentions(text, language: "ru")
    let scalars = Array(text.unicodeScalars)
    for mention in found {
      #expect(String(String.UnicodeScalarView(scalars[mention.span.start..<mention.span.end])) == mention.surface)
    }
    #expect(found.map(\.surface).contains("Кисида"))
    #expect(found.map(\.surface).contains("Osechkin"))
  }
}
