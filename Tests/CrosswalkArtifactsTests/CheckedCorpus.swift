import CrosswalkCore
import CrosswalkDocuments
import Foundation
import Testing

@testable import CrosswalkArtifacts

/// The sample corpus checked once with every rule, for the tests that hold `check` to
/// DESIGN.md: each document's findings by id.
enum CheckedCorpus {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appending(path: "corpus")

  /// Each corpus document with its findings, by document id; nil if the corpus cannot be read.
  static let byID: [String: (document: Document, findings: [Finding])]? = {
    guard let data = RuleTestResources.data, let mentions = RuleTestResources.mentions,
      let listing = try? CorpusWalker.list([root.path]), let loader = try? DocumentLoader(),
      let checker = try? ArtifactChecker(data: data, mentions: mentions)
    else { return nil }
    var result: [String: (Document, [Finding])] = [:]
    for source in listing.sources {
      guard let document = try? loader.load(source), let findings = try? checker.check(document) else { return nil }
      result[document.id] = (document, findings)
    }
    return result
  }()

  /// The findings of `rule` in document `id`, each with the text of its span.
  static func findings(_ rule: String, in id: String) throws -> [(finding: Finding, text: String)] {
    let corpus = try #require(byID, "the corpus could not be checked")
    let checked = try #require(corpus[id], "no document '\(id)'")
    return checked.findings.filter { $0.rule == rule }.map { ($0, checked.document.text(of: $0.span)) }
  }
}
