import Foundation
import Testing

/// `crosswalk report` through the built binary: the JSON keys of DESIGN.md on the sample corpus,
/// escaped HTML, and byte-identical output.
@Suite struct ReportCommandTests {
  static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appending(path: "corpus")

  /// `crosswalk report corpus --format json -o r.json`, exit 0, the file parsed.
  static func corpusReport() throws -> [String: Any] {
    try jsonReport(of: corpus.path, in: try CLI.temporaryFolder())
  }

  /// `crosswalk report PATH --format json -o r.json` run in `folder`, exit 0, the file parsed.
  static func jsonReport(of path: String, in folder: URL) throws -> [String: Any] {
    let result = try CLI.run(["report", path, "--format", "json", "-o", "r.json"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    let data = try Data(contentsOf: folder.appending(path: "r.json"))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  @Test func jsonListsDocumentsAndKunashirsRenderings() throws {
    let report = try Self.corpusReport()
    #expect(report["version"] as? Int == 1)
    for key in ["documents", "entities", "unresolved", "facts", "pairs"] { #expect(report[key] != nil, "\(key)") }
    let documents = try #require(report["documents"] as? [[String: Any]])
    #expect(documents.count == 11)
    let encodings = Dictionary(uniqueKeysWithValues: documents.map { ($0["id"] as? String ?? "", $0["encoding"] as? String ?? "") })
    #expect(encodings["brief-ru-cp1251"] == "windows-1251")
    #expect(encodings["brief-ja-sjis"] == "Shift_JIS")
    let routes = Dictionary(
      uniqueKeysWithValues: documents.map { ($0["id"] as? String ?? "", ($0["route"] as? [String: Any])?["language"] as? String) })
    #expect(routes["kurils-ja-mt"] == "ja")
    #expect(routes["kurils-ru-mt"] == "ru")
    let entities = try #require(report["entities"] as? [[String: Any]])
    let kunashir = try #require(entities.first { $0["id"] as? String == "kunashir" })
    let renderings = try #require(kunashir["renderings"] as? [[String: Any]])
    let forms = Dictionary(uniqueKeysWithValues: renderings.map { ($0["form"] as? String ?? "", $0["documents"] as? [String] ?? []) })
    #expect(forms["Gunashiri"] == ["seed-004-osechkin-fsb-letter"])
    #expect(forms["Kunashir"]?.isEmpty == false)
    #expect(forms["Кунашир"] == ["brief-ru-cp1251"])
    #expect(forms["国後島"]?.contains("kurils-ja") == true)
    let pairs = try #require(report["pairs"] as? [[String: Any]])
    #expect(pairs.count == 2)
  }

  /// Spellings of a place the glossary lacks but known-names.tsv lists are one unresolved name,
  /// with its forms in other scripts; a Latin name that only sounds alike stays apart.
  @Test func misspeltKnownPlacesAreGroupedUnderTheirName() throws {
    let folder = try Self.folder(withDocuments: [
      "en.txt": "Timber trucks left Khabarovsk in May.\nThe ferry from Habarovsk was late.\n",
      "ru.txt": "Паром из Хабаровска опоздал.\n",
    ])
    let report = try Self.jsonReport(of: "docs", in: folder)
    let unresolved = try #require(report["unresolved"] as? [[String: Any]])
    let group = try #require(unresolved.first { $0["name"] as? String == "Khabarovsk" })
    let known = try #require(group["known"] as? [String: Any])
    #expect(known["type"] as? String == "place")
    let forms = Set((group["forms"] as? [[String: Any]] ?? []).compactMap { $0["form"] as? String })
    #expect(forms == ["Khabarovsk", "Habarovsk", "Хабаровска"])
    #expect(unresolved.filter { $0["known"] is NSNull }.allSatisfy { ($0["name"] as? String) != "Khabarovsk" })
  }

  /// A temporary folder with a folder `docs` of these files and texts.
  static func folder(withDocuments documents: [String: String]) throws -> URL {
    let folder = try CLI.temporaryFolder()
    let docs = folder.appending(path: "docs")
    try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
    for (name, text) in documents { try text.write(to: docs.appending(path: name), atomically: true, encoding: .utf8) }
    return folder
  }

  @Test func htmlEscapesDocumentTextAndIsTheSameEveryRun() throws {
    let folder = try Self.folder(withDocuments: [
      "\"><i>evil.txt": "Minister Kishida said <script>alert(1)</script> today.\nAlso \"><img src=x onerror=alert(2)> here.\n",
      "plain.txt": "Kunashir and Iturup are disputed.\n",
    ])
    let first = try CLI.run(["report", "docs", "--format", "html", "-o", "a.html"], in: folder)
    #expect(first.status == 0, "\(first.stderr)")
    let second = try CLI.run(["report", "docs", "--format", "html", "-o", "b.html"], in: folder)
    #expect(second.status == 0)
    let html = try String(contentsOf: folder.appending(path: "a.html"), encoding: .utf8)
    #expect(html == (try String(contentsOf: folder.appending(path: "b.html"), encoding: .utf8)))
    // The only script is the report's own sorting script; no markup from a document survives.
    #expect(html.components(separatedBy: "<script>").count == 2)
    #expect(!html.contains("<img"))
    #expect(!html.contains("<i>evil"))
    #expect(html.contains("&quot;&gt;&lt;i&gt;evil"))
    #expect(!html.contains("src=\"http") && !html.contains("<link"))
  }

  /// The values of one fact group of the report: value → ids of the documents giving it.
  static func values(of group: [String: Any]) -> [String: [String]] {
    var values: [String: [String]] = [:]
    for value in group["values"] as? [[String: Any]] ?? [] {
      let key = (value["value"] as? String) ?? (value["value"] as? NSNumber).map { "\($0.int64Value)" } ?? "?"
      values[key] = (value["documents"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }
    return values
  }

  @Test func factsGroupAcrossLanguagesAndShowTheChangedAmount() throws {
    let report = try Self.corpusReport()
    let facts = try #require(report["facts"] as? [[String: Any]])
    func group(_ unit: String, _ entity: String?, year: String? = nil) -> [String: Any]? {
      facts.first { group in
        group["unit"] as? String == unit && group["entity"] as? String == entity
          && (year == nil || Self.values(of: group).keys.contains { $0.hasPrefix(year ?? "") })
      }
    }
    // 600 million roubles in seed 000 and the Russian original; 60 million in its translation.
    let roubles = try #require(group("RUB", nil))
    #expect(roubles["kind"] as? String == "amount")
    #expect(roubles["status"] as? String == "conflict")
    #expect(
      Self.values(of: roubles) == [
        "60000000": ["kurils-ru-mt"], "600000000": ["seed-000-zakharova-japan-axis", "kurils-ru"],
      ])
    // 20 vessels, 20 судов, 20 vessels; and 20隻 with 20 ships, next to ソ連 / the Soviet Union.
    let vessels = try #require(group("vessel", nil))
    #expect(vessels["status"] as? String == "agree")
    #expect(
      Self.values(of: vessels) == ["20": ["kurils-ru-mt", "seed-000-zakharova-japan-axis", "kurils-ru"]])
    let japaneseVessels = try #require(group("vessel", "soviet-union"))
    #expect(Self.values(of: japaneseVessels) == ["20": ["kurils-ja-mt", "kurils-ja"]])
    let japaneseRoubles = try #require(group("RUB", "soviet-union"))
    #expect(Self.values(of: japaneseRoubles) == ["600000000": ["kurils-ja-mt", "kurils-ja"]])
    // The Tripartite Pact: 1940 in seed 000 agrees with September 1940 elsewhere.
    let tripartite = try #require(group("date", "tripartite-pact", year: "1940"))
    #expect(tripartite["status"] as? String == "agree")
    #expect(Self.values(of: tripartite)["1940"] == ["seed-000-zakharova-japan-axis"])
    #expect(Self.values(of: tripartite)["1940-09"]?.contains("kurils-ru") == true)
    // 13 April 1941 in Russian and in Japanese (昭和16年（1941年）4月13日), April 1941 in seed 001.
    let pact = try #require(group("date", "soviet-japanese-neutrality-pact", year: "1941"))
    #expect(pact["status"] as? String == "agree")
    #expect(Self.values(of: pact)["1941-04-13"] == ["kurils-ja", "kurils-ru"])
    #expect(Self.values(of: pact)["1941-04"] == ["seed-001-japan-distorts-history"])
    // Offsets point at the fact in the decoded text.
    let seed = try String(
      contentsOf: Self.corpus.appending(path: "en/seed-000-zakharova-japan-axis.txt"), encoding: .utf8)
    let place = try #require(
      (roubles["values"] as? [[String: Any]])?.last.flatMap { ($0["documents"] as? [[String: Any]])?.first })
    let scalars = Array(seed.unicodeScalars)
    let start = try #require(place["start"] as? Int), end = try #require(place["end"] as? Int)
    #expect(String(String.UnicodeScalarView(scalars[start..<end])) == "600 million roubles")
    #expect(place["sentence"] is Int)
  }

  @Test func factSentencesAreEscapedInHTML() throws {
    let folder = try CLI.temporaryFolder()
    let docs = folder.appending(path: "docs")
    try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
    for name in ["a", "b"] {
      try "<script>alert(1)</script> The fleet lost 600 million roubles & more.\n".write(
        to: docs.appending(path: "\(name).txt"), atomically: true, encoding: .utf8)
    }
    let result = try CLI.run(["report", "docs", "--format", "html", "-o", "r.html"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    let html = try String(contentsOf: folder.appending(path: "r.html"), encoding: .utf8)
    #expect(html.contains("<h2 id=\"facts\">Facts</h2>"))
    #expect(html.components(separatedBy: "<script>").count == 2)
    let escaped =
      "&lt;script&gt;alert(1)&lt;/script&gt; The fleet lost <mark>600 million roubles</mark> &amp; more."
    #expect(html.contains(escaped))
    let markdown = try CLI.run(["report", "docs"], in: folder)
    #expect(markdown.stdout.contains("### RUB (amount), no entity: agree"))
  }
}
