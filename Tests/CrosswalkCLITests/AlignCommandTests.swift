import Foundation
import Testing

/// `crosswalk align` through the built binary: the jsonl contract, scoring against a gold file,
/// escaped HTML and bad input.
@Suite struct AlignCommandTests {
  static func pair(_ folder: URL, source: String, translation: String) throws {
    try source.write(to: folder.appending(path: "s.txt"), atomically: true, encoding: .utf8)
    try translation.write(to: folder.appending(path: "t.txt"), atomically: true, encoding: .utf8)
  }

  @Test func jsonlCoversEverySentenceOnceInOrder() throws {
    let folder = try CLI.temporaryFolder()
    try Self.pair(
      folder, source: "Договор подписан 13 апреля 1941 года.\nВыделено 600 млн руб.\nЗачем?\n",
      translation: "The pact was signed on 13 April 1941.\n600 million roubles were allocated.\nWhy?\n")
    let result = try CLI.run(["align", "s.txt", "t.txt", "--lines", "--format", "jsonl"], in: folder)
    #expect(result.status == 0)
    let beads = result.stdout.split(separator: "\n").compactMap {
      try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
    }
    #expect(beads.count == 3)
    #expect(beads.map { $0["source"] as? [Int] ?? [] } == [[0], [1], [2]])
    #expect(beads.map { $0["translation"] as? [Int] ?? [] } == [[0], [1], [2]])
    #expect(beads.first?["translationText"] as? String == "The pact was signed on 13 April 1941.")
    #expect(beads.allSatisfy { $0["score"] is Double || $0["score"] is Int })
  }

  @Test func goldScoresAndBadGoldNamesItsLine() throws {
    let folder = try CLI.temporaryFolder()
    try Self.pair(folder, source: "One 1.\nTwo 2.\n", translation: "Eins 1.\nZwei 2.\n")
    try "[0]:[0]\n[1]:[1]\n".write(to: folder.appending(path: "g.gold"), atomically: true, encoding: .utf8)
    let scored = try CLI.run(["align", "s.txt", "t.txt", "--lines", "--gold", "g.gold"], in: folder)
    #expect(scored.status == 0)
    #expect(scored.stdout.contains("strict: precision 1.000, recall 1.000, F1 1.000"))
    try "[0]:[0]\n[1]=[1]\n".write(to: folder.appending(path: "bad.gold"), atomically: true, encoding: .utf8)
    let bad = try CLI.run(["align", "s.txt", "t.txt", "--lines", "--gold", "bad.gold"], in: folder)
    #expect(bad.status == 2)
    #expect(bad.stderr.contains("bad.gold:2:"))
  }

  @Test func htmlShowsMarkupInTheTextAndRunsNothing() throws {
    let folder = try CLI.temporaryFolder()
    try Self.pair(
      folder, source: "Say <script>alert(1)</script> now.\nAnd \"><img src=x onerror=alert(2)> too.\n",
      translation: "Sag <script>alert(1)</script> jetzt.\nUnd \"><img src=x onerror=alert(2)> auch.\n")
    let result = try CLI.run(["align", "s.txt", "t.txt", "--lines", "--format", "html", "-o", "a.html"], in: folder)
    #expect(result.status == 0)
    let html = try String(contentsOf: folder.appending(path: "a.html"), encoding: .utf8)
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(!html.contains("<script"))
    #expect(!html.contains("<img"))
  }

  @Test func missingDocumentIsAnErrorNamingIt() throws {
    let folder = try CLI.temporaryFolder()
    try "One.\n".write(to: folder.appending(path: "s.txt"), atomically: true, encoding: .utf8)
    let result = try CLI.run(["align", "s.txt", "nowhere.txt"], in: folder)
    #expect(result.status == 2)
    #expect(result.stderr.contains("nowhere.txt"))
  }
}
