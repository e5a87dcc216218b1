import CrosswalkCore
import Foundation
import Testing

@testable import CrosswalkArtifacts

/// Precision on text no rule was tuned on: original English news articles (Tests/Fixtures/clean)
/// full of correct things that look like artifacts (that that, NATO, McDonald's, Dvořák,
/// legitimate exchange rates) get no error or warning from any rule.
@Suite struct CleanTextTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appending(path: "Fixtures/clean")
  static let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
    .filter { $0.hasSuffix(".txt") }.sorted()

  @Test("there are at least three clean texts")
  func enoughTexts() { #expect(Self.files.count >= 3) }

  @Test("no rule reports an error or a warning on a clean text", arguments: files)
  func clean(file: String) throws {
    let text = try String(contentsOf: Self.folder.appending(path: file), encoding: .utf8)
    let checker = try ArtifactChecker(
      data: try #require(RuleTestResources.data), mentions: try #require(RuleTestResources.mentions))
    let document = RuleTestResources.document(text)
    let serious = try checker.check(document).filter { $0.severity >= .warning }
    #expect(serious.isEmpty, "\(serious.map { "\(document.location(of: $0.span.start)) \($0.message) [\($0.rule)]" })")
  }
}
