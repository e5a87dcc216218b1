import Foundation
import Testing

/// `crosswalk report` through the built binary: the JSON keys of DESIGN.md on the sample corpus,
/// escaped HTML, and byte-identical output.
@Suite struct ReportCommandTests {
  static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appending(path: "corpus")

  @Test func jsonListsDocumentsAndKunashirsRenderings() throws {
    let folder = try CLI.temporaryFolder()
    let result = try CLI.run(["report", Self.corpus.path, "--format", "json", "-o", "r.json"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    let data = try Data(contentsOf: folder.appending(path: "r.json"))
    let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
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

  @Test func htmlEscapesDocumentTextAndIsTheSameEveryRun() throws {
    let folder = try CLI.temporaryFolder()
    let docs = folder.appending(path: "docs")
    try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
    try "Minister Kishida said <script>alert(1)</script> today.\nAlso \"><img src=x onerror=alert(2)> here.\n".write(
      to: docs.appending(path: "\"><i>evil.txt"), atomically: true, encoding: .utf8)
    try "Kunashir and Iturup are disputed.\n".write(to: docs.appending(path: "plain.txt"), atomically: true, encoding: .utf8)
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
}
