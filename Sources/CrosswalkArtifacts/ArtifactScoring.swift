import CrosswalkCore
import Foundation

/// A gold file of annotated artifacts: for each document, every artifact by rule id and its
/// span, and the route the text was translated through (Tests/Fixtures/artifacts-a/README.md
/// gives the format and the annotation conventions).
public struct ArtifactGold: Decodable, Sendable {
  public struct Document: Decodable, Sendable {
    /// Relative to the corpus folder.
    public let path: String
    public let language: String
    /// `mt` (a machine translation), `clean` (careful human English: nothing to find) or
    /// `original` (a Russian or Japanese original).
    public let kind: String
    /// The language the text came through, nil for none.
    public let route: String?
    public let findings: [GoldArtifact]
  }

  public let version: Int
  public let documents: [Document]

  /// Reads a gold file.
  public static func read(_ path: String) throws -> ArtifactGold {
    try JSONDecoder().decode(ArtifactGold.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
  }
}

/// One annotated artifact.
public struct GoldArtifact: Decodable, Sendable, Hashable {
  public let rule: String
  public let start: Int
  public let end: Int
  public let text: String

  public var span: TextSpan { TextSpan(start: start, end: end) }
}

/// Per-rule precision and recall of `check` against gold artifacts, and the accuracy of the
/// route it infers. Annotators and rules draw span boundaries differently (the exchange rate
/// of / exchange rate), so a finding and an artifact of the same rule match when their spans
/// overlap: precision counts findings that overlap an artifact, recall artifacts that a finding
/// overlaps. The route is scored per document, not as a span.
public struct ArtifactScore: Sendable {
  public struct Counts: Sendable {
    public var gold = 0
    public var found = 0
    /// Found findings that overlap a gold artifact, and gold artifacts a finding overlaps.
    public var foundMatched = 0
    public var goldMatched = 0

    public var precision: Double { found == 0 ? 1 : Double(foundMatched) / Double(found) }
    public var recall: Double { gold == 0 ? 1 : Double(goldMatched) / Double(gold) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    mutating func add(_ other: Counts) {
      gold += other.gold
      found += other.found
      foundMatched += other.foundMatched
      goldMatched += other.goldMatched
    }
  }

  public static let routeRule = "translation-route"

  public private(set) var byRule: [String: Counts] = [:]
  /// Documents whose inferred route is the gold one (nil for nil), of `documents`.
  public private(set) var routesRight = 0
  public private(set) var documents = 0
  /// Findings at `warning` or `error` in documents of kind `clean`, and the number of such documents.
  public private(set) var cleanAlarms = 0
  public private(set) var cleanDocuments = 0
  public private(set) var misses: [(document: String, artifact: GoldArtifact)] = []
  public private(set) var extras: [(document: String, finding: Finding, text: String)] = []
  public private(set) var wrongRoutes: [(document: String, gold: String?, found: String?, evidence: [String])] = []

  public init() {}

  /// Every rule together.
  public var total: Counts {
    var all = Counts()
    for counts in byRule.values { all.add(counts) }
    return all
  }

  /// Adds one document: its gold entry, what `check` found, and the text spans are taken from.
  public mutating func add(document: ArtifactGold.Document, found: [Finding], in text: Document) {
    documents += 1
    let route = found.first { $0.rule == Self.routeRule }
    if route?.route == document.route {
      routesRight += 1
    } else {
      wrongRoutes.append((document.path, document.route, route?.route, route?.evidence ?? []))
    }
    let findings = found.filter { $0.rule != Self.routeRule }
    if document.kind == "clean" {
      cleanDocuments += 1
      cleanAlarms += findings.count { $0.severity >= .warning }
    }
    for rule in Set(findings.map(\.rule)).union(document.findings.map(\.rule)).sorted() {
      let gold = document.findings.filter { $0.rule == rule }
      let mine = findings.filter { $0.rule == rule }
      var counts = Counts()
      counts.gold = gold.count
      counts.found = mine.count
      for finding in mine {
        if gold.contains(where: { $0.span.overlaps(finding.span) }) {
          counts.foundMatched += 1
        } else {
          extras.append((document.path, finding, text.text(of: finding.span)))
        }
      }
      for artifact in gold {
        if mine.contains(where: { $0.span.overlaps(artifact.span) }) {
          counts.goldMatched += 1
        } else {
          misses.append((document.path, artifact))
        }
      }
      byRule[rule, default: Counts()].add(counts)
    }
  }
}
