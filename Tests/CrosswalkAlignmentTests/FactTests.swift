import Testing

@testable import CrosswalkAlignment

/// Facts read from sentences in three languages, and grouped across documents.
@Suite struct FactTests {
  /// The facts of `text` read as one sentence; `named` are (surface, entity id, type) of
  /// mentions, found in the text by their surface.
  static func facts(_ text: String, document: String = "doc", named: [(String, String, String)] = []) throws
    -> [Fact]
  {
    let scalars = Array(text.unicodeScalars)
    let mentions = named.compactMap { surface, id, type -> Facts.Mention? in
      guard let found = text.range(of: surface) else { return nil }
      let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: found.lowerBound)
      return Facts.Mention(entity: id, type: type, start: start, end: start + surface.unicodeScalars.count)
    }.sorted { $0.start < $1.start }
    return try Facts.builtIn().facts(
      document: document, scalars: scalars, sentences: [0..<scalars.count], mentions: mentions)
  }

  @Test(arguments: [
    ("The convoy's cargo was insured for 600 million roubles.", "600 million roubles"),
    ("Страховка груза составила 600 млн руб. по договору.", "600 млн руб."),
    ("積み荷には6億ルーブルの保険が掛けられた。", "6億ルーブル"),
  ])
  func oneAmountInThreeLanguages(text: String, surface: String) throws {
    let found = try Self.facts(text)
    #expect(found.count == 1)
    let fact = try #require(found.first)
    #expect(fact.kind == .amount)
    #expect(fact.unit == "RUB")
    #expect(fact.value == Fact.Value(number: 6e8))
    #expect(fact.surface == surface)
    let scalars = Array(text.unicodeScalars)
    #expect(String(String.UnicodeScalarView(scalars[fact.start..<fact.end])) == surface)
  }

  @Test func aCurrencySignBeforeTheNumber() throws {
    let fact = try #require(
      try Self.facts("The refinery project now costs $7.6 billion, the ministry says.").first)
    #expect(fact.unit == "USD")
    #expect(fact.kind == .amount)
    #expect(fact.value.number == 7_600_000_000)
    #expect(fact.surface == "$7.6 billion")
  }

  @Test func aCurrencySignMakesAYearLikeNumberAnAmount() throws {
    let fact = try #require(try Self.facts("The fine was $2000 in the end.").first)
    #expect(fact.kind == .amount)
    #expect(fact.surface == "$2000")
  }

  @Test func aDuration() throws {
    let fact = try #require(try Self.facts("The strike at the port lasted 11 days.").first)
    #expect(fact.unit == "day")
    #expect(fact.kind == .quantity)
    #expect(fact.value.number == 11)
  }

  @Test(arguments: [
    ("A storm sank 20 fishing vessels off the coast.", "20 fishing vessels"),
    ("Шторм потопил у побережья 20 рыболовецких судов.", "20 рыболовецких судов"),
    ("嵐で漁船20隻が沈んだ。", "20隻"),
  ])
  func countedVesselsInThreeLanguages(text: String, surface: String) throws {
    let fact = try #require(try Self.facts(text).first)
    #expect(fact.unit == "vessel")
    #expect(fact.kind == .count)
    #expect(fact.value.number == 20)
    #expect(fact.surface == surface)
  }

  @Test(
    arguments: [
      ("The talks opened in September 1940 in Berlin.", 1940, 9, nil, "September 1940"),
      ("The agreement took effect in April 1941.", 1941, 4, nil, "April 1941"),
      ("協定は昭和16年4月に発効した。", 1941, 4, nil, "昭和16年4月"),
      ("Соглашение вступило в силу в апреле 1941 года.", 1941, 4, nil, "апреле 1941 года"),
      ("It was signed on March 2, 1956, in Tokyo.", 1956, 3, 2, "March 2, 1956"),
      ("Документ подписали 2 марта 1956 года.", 1956, 3, 2, "2 марта 1956 года"),
      ("文書は1956年3月2日に署名された。", 1956, 3, 2, "1956年3月2日"),
      ("Posted 2024-09-06 at noon.", 2024, 9, 6, "2024-09-06"),
      ("The fort was rebuilt in 1852.", 1852, nil, nil, "1852"),
    ] as [(String, Double, Int?, Int?, String)])
  func dates(text: String, year: Double, month: Int?, day: Int?, surface: String) throws {
    let found = try Self.facts(text)
    #expect(found.count == 1, "\(found.map(\.surface))")
    let fact = try #require(found.first)
    #expect(fact.kind == .date)
    #expect(fact.unit == "date")
    #expect(fact.value == Fact.Value(number: year, month: month, day: day))
    #expect(fact.surface == surface)
  }

  @Test(arguments: [
    "Airbus flew an A320 to the G7 meeting.", "The RO-500 was found near the coast.",
    "They met on 8月8日 and again on 9日.", "The treaty stayed in force until 46年4月.",
    "The 1940s were hard; so were the 1950-е.", "Она пришла 13 апреля и ушла.", "Gate 12 and 14 are closed.",
  ])
  func notFacts(text: String) throws {
    let found = try Self.facts(text)
    #expect(found.isEmpty, "\(found.map(\.surface))")
  }

  @Test func aNumberInsideANameIsNoFact() throws {
    let found = try Self.facts(
      "Unit 731 ran the camp for 7 years.", named: [("Unit 731", "unit-731", "organization")])
    #expect(found.map(\.surface) == ["7 years"])
    #expect(found.first?.entity == "unit-731")
  }

  @Test func aWordTheTableDoesNotKnowIsWhatTheNumberCounts() throws {
    #expect(try Self.facts("The archive holds 300 manuscripts.").first?.unit == "manuscript")
    #expect(try Self.facts("В архиве хранится 300 рукописей.").first?.unit == "рукоп")
    #expect(try Self.facts("The archive holds 300 manuscripts.").first?.kind == .count)
  }

  @Test func theEntityIsTheNearestAndForADateTheEvent() throws {
    let amount = try Self.facts(
      "Kishida went to Osaka and pledged 5 billion yen.",
      named: [("Kishida", "fumio-kishida", "person"), ("Osaka", "osaka", "place")])
    #expect(amount.first?.entity == "osaka")
    #expect(amount.first?.keyWords == ["yen"])
    let date = try Self.facts(
      "The Anti-Comintern Pact was welcomed in Rome in November 1937.",
      named: [("Anti-Comintern Pact", "anti-comintern-pact", "event"), ("Rome", "rome", "place")])
    #expect(date.first?.entity == "anti-comintern-pact")
  }

  // MARK: Groups

  @Test func aYearAgreesWithAMonthOfThatYear() throws {
    let pact = [("Tripartite Pact", "tripartite-pact", "event")]
    let facts =
      try Self.facts("The Tripartite Pact of 1940 bound three powers.", document: "a", named: pact)
      + Self.facts("In September 1940 the Tripartite Pact was signed.", document: "b", named: pact)
    let groups = FactGroup.groups(facts).groups
    #expect(groups.count == 1)
    let group = try #require(groups.first)
    #expect(group.status == .agree)
    #expect(group.entity == "tripartite-pact")
    #expect(group.values.map(\.value) == [Fact.Value(number: 1940), Fact.Value(number: 1940, month: 9)])
    #expect(group.values.map { $0.facts.map(\.document) } == [["a"], ["b"]])
  }

  @Test func twoMonthsOfOneYearConflict() throws {
    let pact = [("Tripartite Pact", "tripartite-pact", "event")]
    let facts =
      try Self.facts("The Tripartite Pact was signed in September 1940.", document: "a", named: pact)
      + Self.facts("The Tripartite Pact was signed in October 1940.", document: "b", named: pact)
    #expect(FactGroup.groups(facts).groups.map(\.status) == [.conflict])
  }

  @Test func differentAmountsConflict() throws {
    let facts =
      try Self.facts("Losses exceeded 600 million roubles.", document: "a")
      + Self.facts("Убытки превысили 60 млн рублей.", document: "b")
      + Self.facts("損失は6億ルーブルを超えた。", document: "c")
    let group = try #require(FactGroup.groups(facts).groups.first)
    #expect(group.unit == "RUB")
    #expect(group.entity == nil)
    #expect(group.status == .conflict)
    #expect(group.values.map(\.value.number) == [6e7, 6e8])
    #expect(group.values.map { $0.facts.map(\.document) } == [["b"], ["a", "c"]])
  }

  @Test func aDocumentGivingBothAmountsIsOnlyPartial() throws {
    let facts =
      try Self.facts("Losses were 600 million roubles, insurance paid 60 million roubles.", document: "a")
      + Self.facts("Losses were 600 million roubles.", document: "b")
    #expect(FactGroup.groups(facts).groups.map(\.status) == [.partial])
  }

  @Test func aGroupWithMoreValuesThanOneFactHasIsLeftOut() throws {
    let island = [("Sakhalin", "sakhalin", "place")]
    var facts: [Fact] = []
    for (index, tonnes) in [100, 200, 300, 400].enumerated() {
      facts += try Self.facts(
        "Sakhalin shipped \(tonnes) tonnes of fish.", document: "d\(index)", named: island)
    }
    #expect(FactGroup.groups(facts).groups.isEmpty)
    #expect(FactGroup.groups(facts).leftOut == 1)
    // A year inside a more precise date of the group is not one more value.
    let pact = [("Tripartite Pact", "tripartite-pact", "event")]
    var dates: [Fact] = []
    for (index, text) in ["1940", "September 1940", "27 September 1940", "October 1940"].enumerated() {
      dates += try Self.facts("The Tripartite Pact: \(text).", document: "d\(index)", named: pact)
    }
    #expect(FactGroup.groups(dates).groups.map(\.status) == [.conflict])
  }

  @Test func aGroupNeedsTwoDocuments() throws {
    let facts =
      try Self.facts("Losses exceeded 600 million roubles.", document: "a")
      + Self.facts("Later 600 million roubles were repaid.", document: "a")
    #expect(FactGroup.groups(facts).groups.isEmpty)
  }

  @Test func quantitiesAndDatesWithoutAnEntityStayOutOfGroups() throws {
    let facts =
      try Self.facts("The strike lasted 11 days in 1989.", document: "a")
      + Self.facts("The strike lasted 11 days in 1989.", document: "b")
    #expect(facts.count == 4)
    #expect(FactGroup.groups(facts).groups.isEmpty)
    let port = [("Vladivostok", "vladivostok", "place")]
    let named =
      try Self.facts("The strike in Vladivostok lasted 11 days.", document: "a", named: port)
      + Self.facts(
        "Забастовка во Владивостоке длилась 11 дней.", document: "b",
        named: [("Владивостоке", "vladivostok", "place")])
    #expect(FactGroup.groups(named).groups.map(\.unit) == ["day"])
  }

  // MARK: The units file

  @Test func theBuiltInUnitsLoad() throws {
    let units = try Facts.Units.builtIn()
    #expect(!units.forms.isEmpty)
    #expect(units.signs.contains { $0.scalars == ["$"] })
  }

  @Test(arguments: [
    ("# units\namount\troubles\tRUB\n", 2, "expected 4 tab-separated fields"),
    ("amount\troubles\tRUB\ten\n\nweight\tkg\tkg\ten\n", 3, "kind 'weight'"),
    ("count\tShips\tvessel\ten\n", 1, "not lower-case"),
    ("count\tships\tvessel\ten\nquantity\tvessels\tvessel\ten\n", 2, "unit 'vessel' is a count on line 1"),
    ("count\tships\tvessel\ten\ncount\tships\tboat\ten\n", 2, "form 'ships' already means 'vessel'"),
    ("date\tгода\tyear\tru\n", 1, "'-' as its unit"),
    ("amount\troubles\tRoubles\ten\n", 1, "unit 'Roubles'"),
  ])
  func malformedUnitsNameFileAndLine(text: String, line: Int, message: String) {
    do throws(NumberWords.Problem) {
      _ = try Facts.Units(text: text, file: "units.tsv")
      Issue.record("accepted: \(text)")
    } catch {
      #expect(error.line == line)
      #expect(error.description.hasPrefix("units.tsv:\(line): error: "), "\(error)")
      #expect(error.message.contains(message), "\(error)")
    }
  }
}
