import CrosswalkCore
import Foundation

/// A gold file of annotated mentions (Tests/Fixtures/corpus-gold.json; format in
/// Tests/Fixtures/corpus-gold.md).
public struct GoldFile: Decodable, Sendable {
  public struct Document: Decodable, Sendable {
    public let id: String
    /// Relative to the corpus folder.
    public let path: String
    public let language: String
    public let mentions: [GoldMention]
  }

  public let version: Int
  public let documents: [Document]

  /// Reads a gold file.
  public static func read(_ path: String) throws -> GoldFile {
    try JSONDecoder().decode(GoldFile.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
  }
}

/// One annotated mention.
public struct GoldMention: Decodable, Sendable, Hashable {
  public let start: Int
  public let end: Int
  public let surface: String
  public let entity: String?
  public let type: String
}

/// Detection and linking scores of found mentions against gold ones: a mention is found when
/// its span is exactly a gold span; linking is right when the entity is the gold one (null for
/// null). Only persons, places and organizations are scored, and unresolved names, whose type
/// is unknown; other linked mentions (events, terms) are neither right nor wrong.
public struct MentionScore: Sendable {
  public static let scoredTypes: Set<String> = ["person", "place", "organization"]

  public var gold = 0
  public var found = 0
  /// Found mentions whose span is a gold span.
  public var matched = 0
  /// Matched mentions linked to the gold entity.
  public var linkedRight = 0
  /// Gold mentions not found, and found ones that are not gold, with the document id.
  public var misses: [(document: String, mention: GoldMention)] = []
  public var extras: [(document: String, mention: Mention)] = []
  public var wrongLinks: [(document: String, mention: Mention, gold: String?)] = []

  public init() {}

  public var precision: Double { found == 0 ? 0 : Double(matched) / Double(found) }
  public var recall: Double { gold == 0 ? 0 : Double(matched) / Double(gold) }
  public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
  public var linkAccuracy: Double { matched == 0 ? 0 : Double(linkedRight) / Double(matched) }

  /// Adds one document's mentions.
  public mutating func add(document: String, gold goldMentions: [GoldMention], found mentions: [Mention]) {
    let scored = mentions.filter { $0.type.map(Self.scoredTypes.contains) ?? true }
    var bySpan: [TextSpan: GoldMention] = [:]
    for mention in goldMentions { bySpan[TextSpan(start: mention.start, end: mention.end)] = mention }
    gold += goldMentions.count
    found += scored.count
    var seen: Set<TextSpan> = []
    for mention in scored {
      guard let expected = bySpan[mention.span] else {
        extras.append((document, mention))
        continue
      }
      matched += 1
      seen.insert(mention.span)
      if mention.entity?.id == expected.entity {
        linkedRight += 1
      } else {
        wrongLinks.append((document, mention, expected.entity))
      }
    }
    for mention in goldMentions where !seen.contains(TextSpan(start: mention.start, end: mention.end)) {
      misses.append((document, mention))
    }
  }
}
