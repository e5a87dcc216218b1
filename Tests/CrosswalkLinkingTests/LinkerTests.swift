import CrosswalkCore
import CrosswalkGlossary
import CrosswalkNames
import Testing

@testable import CrosswalkLinking

/// One index of the built-in glossaries for all tests (building it is the costly part).
private let builtInIndex: Result<LinkIndex, Error> = Result {
  try LinkIndex(glossary: GlossaryLoader.builtIn().glossary)
}

private func resolve(_ name: String, threshold: Double = Linker.defaultThreshold) throws -> Resolution {
  try Linker(index: builtInIndex.get(), threshold: threshold).resolve(name)
}

/// The links the issue names, against the built-in glossaries.
@Suite struct BuiltInLinkTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let query: String
    let entity: String
    var testDescription: String { "\(query) → \(entity)" }
  }

  static let knownLinks: [Case] = [
    Case(query: "Ozekin", entity: "vladimir-osechkin"),
    Case(query: "Gunashiri", entity: "kunashir"),
    Case(query: "Kunashiri", entity: "kunashir"),
    Case(query: "Кунашир", entity: "kunashir"),
    Case(query: "国後島", entity: "kunashir"),
    Case(query: "Etorobu", entity: "iturup"),
    Case(query: "Etorofu", entity: "iturup"),
    Case(query: "択捉島", entity: "iturup"),
    Case(query: "Kisida", entity: "fumio-kishida"),
    Case(query: "F. Kisida", entity: "fumio-kishida"),
    Case(query: "Kishida Fumio", entity: "fumio-kishida"),
    Case(query: "Grochev", entity: "christo-grozev"),
    Case(query: "Guandong Army", entity: "kwantung-army"),
    Case(query: "Wind o change", entity: "wind-of-change"),
    Case(query: "Kiev", entity: "kyiv"),
  ]

  @Test(arguments: knownLinks) func links(_ test: Case) throws {
    let result = try resolve(test.query)
    #expect(result.entity?.id == test.entity, "\(result.summary)")
    #expect(result.score >= Linker.defaultThreshold && result.score <= 1)
    #expect(result.method != nil && !result.explanation.isEmpty)
  }

  @Test func gunashiriNamesTheVoicingRuleAndTheJapaneseRoute() throws {
    let result = try resolve("Gunashiri")
    #expect(result.entity?.id == "kunashir")
    #expect(result.rules.contains { $0.rule.contains("voicing") && $0.route == "ja" }, "\(result.summary)")
    #expect(result.routes.contains("ja"))
    #expect(result.explanation.joined().contains("voicing"))
  }

  @Test func aKnownVariantIsExplainedAgainstTheProperName() throws {
    // Ozekin is too far from Osechkin to pair by itself, but the explanation still says how.
    let result = try resolve("Ozekin")
    #expect(result.entity?.id == "vladimir-osechkin")
    #expect(
      result.explanation.contains { $0.hasPrefix("differs from 'Osechkin'") && $0.contains("z/s voicing") },
      "\(result.summary)")
  }

  @Test func kievIsARussianRouteVariantAndKiefuCarriesItsUsageLabel() throws {
    let kiev = try resolve("Kiev")
    #expect(kiev.entity?.id == "kyiv")
    #expect(kiev.matchedName?.kind == .variant)
    #expect(kiev.matchedName?.route == "ru")
    let kiefu = try resolve("キエフ")
    #expect(kiefu.entity?.id == "kyiv")
    #expect(kiefu.matchedName?.usage == "russian")
    #expect(kiefu.explanation.joined().contains("usage: russian"))
  }

  static let unknownNames = ["Guangdong", "Kushida", "Koshida", "Vladimir", "Filatova", "Hiroshi Kato"]

  @Test(arguments: unknownNames) func linksNothing(_ query: String) throws {
    let result = try resolve(query)
    #expect(result.entity == nil, "\(result.summary)")
  }

  @Test func rejectsWhatIsNotAName() throws {
    for query in ["", "   ", String(repeating: "Kunashir ", count: 1200), "😀🎉🔥", "...", "\u{0}"] {
      let result = try resolve(query)
      #expect(result.entity == nil, "\(query.prefix(20))")
    }
  }

  @Test func aSharedGivenNameDoesNotCarryALink() throws {
    // Vladimir is in the glossary twice (Osechkin, Putin); a different surname must not link.
    let result = try resolve("Vladimir Ozerov")
    #expect(result.entity == nil, "\(result.summary)")
  }

  @Test func thresholdDecides() throws {
    let strict = try resolve("Gunashiri", threshold: 1.0)
    #expect(strict.entity?.id == "kunashir")  // a listed variant matches literally
    let fuzzy = try resolve("Gunashir", threshold: 0.99)
    #expect(fuzzy.entity == nil, "\(fuzzy.summary)")
    let lenient = try resolve("Gunashir", threshold: 0.5)
    #expect(lenient.entity?.id == "kunashir", "\(lenient.summary)")
  }
}

/// The linker on small glossaries written here, so that every rule is seen to act.
@Suite struct LinkerRuleTests {
  func linker(_ entities: [Entity], threshold: Double = Linker.defaultThreshold) throws -> Linker {
    try Linker(index: LinkIndex(glossary: Glossary(entities: entities)), threshold: threshold)
  }

  @Test func voicingAndAFinalVowelAreCheapAndNamed() throws {
    let linker = try linker([Entity(id: "kunashir", type: "place", name: "Kunashir")])
    let result = try linker.resolve("Gunashiri")
    #expect(result.entity?.id == "kunashir", "\(result.summary)")
    #expect(result.method == "fuzzy")
    let rules = result.rules.map(\.rule)
    #expect(rules.contains { $0.contains("g/k voicing") })
    #expect(rules.contains { $0.contains("final -i added") })
    #expect(result.routes == ["ja"])
  }

  @Test func anUnexplainedLetterBlocksALink() throws {
    let linker = try linker([
      Entity(id: "filatov", type: "person", name: "Filatov"),
      Entity(id: "kishida", type: "person", name: "Kishida"),
      Entity(id: "kunashir", type: "place", name: "Kunashir"),
    ])
    for query in ["Filatova", "Kushida", "Koshida", "Kishidu"] {
      let result = try linker.resolve(query)
      #expect(result.entity == nil, "\(result.summary)")
    }
    // A vowel added after a final consonant is the Japanese route, not an unexplained letter.
    #expect(try linker.resolve("Kunashiru").entity?.id == "kunashir")
  }

  @Test func nothingSaysWhetherAnyNameWasClose() throws {
    let linker = try linker([Entity(id: "kishida", type: "person", name: "Kishida")])
    let nearMiss = try linker.resolve("Kushida").explanation.joined()
    #expect(nearMiss.contains("1 glossary name shares") && nearMiss.contains("known confusions"), "\(nearMiss)")
    let unrelated = try linker.resolve("Guangdong").explanation.joined()
    #expect(unrelated == "no glossary name shares a token or its sound")
  }

  @Test func initialsLinkBelowAFullName() throws {
    let linker = try linker([Entity(id: "kishida", type: "person", name: "Fumio Kishida")])
    let initial = try linker.resolve("F. Kishida")
    let full = try linker.resolve("Fumio Kishida")
    #expect(initial.entity?.id == "kishida", "\(initial.summary)")
    #expect(initial.score < full.score)
    #expect(initial.explanation.joined().contains("initial 'f.' for 'fumio'"), "\(initial.summary)")
    // An initial that does not fit the given name is no match.
    #expect(try linker.resolve("T. Kishida").entity == nil)
  }

  @Test func distinctLookAlikesAreNeverBothCandidates() throws {
    let linker = try linker([
      Entity(id: "kwantung-army", type: "organization", name: "Kwantung Army", distinct: ["guangdong"]),
      Entity(id: "guangdong", type: "place", name: "Guangdong", distinct: ["kwantung-army"]),
    ])
    let result = try linker.resolve("Guangdong")
    #expect(result.entity?.id == "guangdong")
    #expect(!result.candidates.contains { $0.entity.id == "kwantung-army" })
  }

  @Test func aNameOfTwoEntitiesIsATieAndLinksNothing() throws {
    let linker = try linker([
      Entity(id: "azov-sea", type: "place", name: "Sea of Azov", aliases: [EntityName("Azov", kind: .alias)]),
      Entity(
        id: "azov-town", type: "place", name: "Azov (town)", aliases: [EntityName("Azov", kind: .alias)]),
    ])
    let result = try linker.resolve("Azov")
    #expect(result.entity == nil)
    #expect(result.explanation.first?.contains("ambiguous") == true)
    #expect(Set(result.candidates.map(\.entity.id)) == ["azov-sea", "azov-town"])
  }

  @Test func cyrillicNamesAreFoundInFrenchTransliteration() throws {
    let linker = try linker([Entity(id: "shchukin", type: "person", name: "Щукин")])
    let result = try linker.resolve("Chtchoukine")
    #expect(result.entity?.id == "shchukin", "\(result.summary)")
  }

  @Test func kanjiNamesAreReadThroughTheNameTable() throws {
    let linker = try linker([Entity(id: "watanabe", type: "person", name: "Yuta Watanabe")])
    let result = try linker.resolve("渡辺裕太")
    #expect(result.entity?.id == "watanabe", "\(result.summary)")
    #expect(result.method == "kanji-reading")
    // A kanji name the table cannot read links nothing.
    #expect(try linker.resolve("国後島").entity == nil)
  }

  @Test func rareTokensWeighMore() throws {
    // Many Ivans: a query sharing only 'Ivan' with one of them must not link to it.
    let entities =
      (0..<20).map { Entity(id: "p\($0)", type: "person", name: "Ivan Surname\($0)x") }
      + [Entity(id: "osechkin", type: "person", name: "Ivan Osechkin")]
    let linker = try linker(entities)
    #expect(try linker.resolve("Ivan Ozerov").entity == nil)
    #expect(try linker.resolve("Ivan Osechkin").entity?.id == "osechkin")
  }
}

@Suite struct ConfusionTableTests {
  @Test func malformedTablesNameTheLine() {
    #expect(throws: (any Error).self) {
      try ConfusionTable(text: "unexplained\t-\t1\tany\t-\tx\ng\tk\tcheap\tany\tja\tvoicing\n")
    }
    do {
      _ = try ConfusionTable(text: "unexplained\t-\t1\tany\t-\tx\ng\tk\t0.1\tsomewhere\tja\tvoicing\n")
      Issue.record("accepted a bad 'where'")
    } catch {
      #expect(error.description.contains(":2:"), "\(error)")
    }
    #expect(throws: (any Error).self) { try ConfusionTable(text: "g\tk\t0.1\tany\tja\tvoicing\n") }
  }

  @Test func distanceUsesTheCheapestExplanation() throws {
    let table = try ConfusionTable(
      text: "unexplained\t-\t1\tany\t-\tletters differ\ng\tk\t0.15\tany\tja\tvoicing\n")
    let (cost, rules) = table.distance(table.prepare("gana"), table.prepare("kana"), explain: true)
    #expect(abs(cost - 0.15) < 1e-9)
    #expect(rules.map(\.description) == ["g→k: voicing"])
    #expect(table.distance(table.prepare("xana"), table.prepare("kana"), explain: false).cost == 1)
  }
}

/// `Linker.link` prunes candidates that cannot reach the threshold and skips explanations: its
/// decisions must be `resolve`'s, on names near the glossary's and far from them.
@Suite struct LinkOnlyTests {
  /// Every glossary name, and each of it misspelled, shortened, lengthened and run together with
  /// other words, the way capitalized runs in documents come.
  static func queries(_ glossary: Glossary) -> [String] {
    var queries: [String] = [
      "Tarokuvin Mesapa", "Mr. Anton Kravets", "Mesapa & Partners", "Oleg Kunashirov", "Kishidama",
      "Sergei Osechkin Jr.", "Fumio", "Vladimir", "Kuril", "Hanamura Tomoko", "Ivan Petrovich Sidorov",
    ]
    for entity in glossary.entities {
      for name in entity.names.prefix(4) {
        let text = name.text
        queries.append(text)
        queries.append(String(text.dropLast()))
        queries.append(text.replacingOccurrences(of: "k", with: "kh"))
        queries.append(text.replacingOccurrences(of: "i", with: "y"))
        queries.append(text.replacingOccurrences(of: "o", with: "ou"))
        queries.append(text + " Ivanov")
        queries.append("A. " + text)
        if let first = text.split(separator: " ").first { queries.append(String(first) + " Mesapa") }
      }
    }
    return queries
  }

  @Test func linkDecidesAsResolveDoes() throws {
    let index = try builtInIndex.get()
    let full = try Linker(index: index), quick = try Linker(index: index)
    var linked = 0
    let queries = Self.queries(index.glossary)
    for query in queries {
      let expected = try full.resolve(query), found = try quick.link(query)
      #expect(found.entity?.id == expected.entity?.id, "\(query): \(expected.summary)")
      if expected.entity != nil {
        linked += 1
        #expect(found.score == expected.score && found.method == expected.method, "\(query)")
        #expect(found.matchedName?.text == expected.matchedName?.text, "\(query)")
      } else {
        #expect(found.score == 0 && found.method == nil, "\(query)")
      }
      #expect(found.explanation.isEmpty && found.candidates.isEmpty)
    }
    // Both kinds are there in numbers: the comparison is not vacuous.
    #expect(linked > queries.count / 4 && linked < queries.count * 3 / 4, "\(linked) of \(queries.count)")
  }

  /// `canPair` and the pruning of token pairs in `link` rest on one rule: tokens whose sound
  /// skeletons are more than a letter added or dropped apart do not come within known
  /// confusions of each other. It has exceptions (a letter changed: Ioahim and Ioachim; two
  /// letters for one: Petuxov and Petukhov), which `link` misses: this counts them for every
  /// query token of `queries` against every glossary token, and holds them to a few.
  @Test func tokensWithinConfusionsMostlyHaveSkeletonsALetterApart() throws {
    let index = try builtInIndex.get()
    let table = index.data.confusions
    let normalizer = try NameNormalizer(knownWords: index.knownWords)
    var queryTokens: [UInt64: NameToken] = [:], glossaryTokens: [UInt64: NameToken] = [:]
    for query in Self.queries(index.glossary) {
      for token in try normalizer.analyze(query).tokens where !token.isInitial { queryTokens[token.romanHash] = token }
    }
    for form in 0..<Int32(index.formCount) {
      for token in index.tokens(of: form) where !token.isInitial { glossaryTokens[token.romanHash] = token }
    }
    let limit = 2 * (1 - Linker.tokenFloor)
    var close = 0, apart = 0
    var exceptions: [String] = []
    for query in queryTokens.values {
      let prepared = table.prepare(query.romanization)
      for name in glossaryTokens.values where query.romanHash != name.romanHash {
        let near = LinkIndex.skeletonsWithinOneLetter(query.phonetic, name.phonetic)
        if !near { apart += 1 }
        guard table.distance(prepared, table.prepare(name.romanization), explain: false, limit: limit).cost <= limit
        else { continue }
        close += 1
        if !near { exceptions.append("\(query.romanization) [\(query.phonetic)] ~ \(name.romanization) [\(name.phonetic)]") }
      }
    }
    // Both kinds are there in numbers: the rule is measured, not assumed.
    #expect(close > 100 && apart > 10 * close, "\(close) close pairs, \(apart) apart")
    // 8 of 259 when written: a new kind of confusion that moves skeletons shows here.
    #expect(exceptions.count * 25 <= close, "\(exceptions.count) of \(close): \(exceptions.sorted())")
  }

  @Test func skeletonsALetterApart() {
    let cases: [(String, String, Bool)] = [
      ("knshr", "knshr", true), ("knshr", "knsh", true), ("knsh", "knshr", true), ("kshd", "ksd", true),
      ("xknshr", "knshr", true), ("knshr", "knsr", true), ("knshr", "knskr", false), ("knshr", "kn", false),
      ("abc", "bca", false), ("abcd", "abdc", false), ("", "a", true), ("", "ab", false), ("кнш", "knsh", true),
    ]
    for (a, b, expected) in cases { #expect(LinkIndex.skeletonsWithinOneLetter(a, b) == expected, "\(a) \(b)") }
  }

  @Test func theRigidLetterBoundNeverDropsAPairWithinTheLimit() throws {
    let table = try LinkData.builtIn().confusions
    let words = [
      "kunashir", "gunashiri", "osechkin", "ozekin", "kishida", "kisida", "etorofu", "etorobu",
      "tanaka", "nakamura", "manami", "shikotan", "habomai", "amur", "ivanov", "ivanova", "mesapa",
      "sakhalin", "saharin", "minami", "moskva", "moskow", "anna", "ana", "nanami", "amano",
    ]
    for a in words {
      for b in words {
        let bounded = table.distance(table.prepare(a), table.prepare(b), explain: false, limit: 0.6).cost
        let exact = table.distance(table.prepare(a), table.prepare(b), explain: false).cost
        if exact <= 0.6 { #expect(abs(bounded - exact) < 1e-9, "\(a) ~ \(b)") } else { #expect(bounded > 0.6) }
      }
    }
  }
}
