import CrosswalkAlignment
import CrosswalkArtifacts
import CrosswalkCore
import CrosswalkMentions
import CrosswalkNames

/// What one run over a corpus found, as the report shows it (DESIGN.md 'Report'): documents,
/// entities across documents, unresolved names, facts across documents, translation pairs.
struct CorpusReport {
  struct DocumentEntry {
    let document: Document
    let route: TranslationRoute
    /// Findings by rule id.
    let findings: [String: Int]
  }

  /// One entity's mentions: by document, each with its surface forms.
  struct EntityEntry {
    let id: String
    let name: String
    let type: String
    /// Document id → surface → count.
    var documents: [String: [String: Int]] = [:]
    /// Surface → how the glossary knows it: canonical, alias, variant, inflected (a Russian case
    /// form of a name), fuzzy, or respelled (a spelling no Latin name has: Tokio for Токио).
    var kinds: [String: String] = [:]

    var total: Int { documents.values.reduce(0) { $0 + $1.values.reduce(0, +) } }
  }

  var documents: [DocumentEntry] = []
  var entities: [EntityEntry] = []
  var unresolved: [[GlossaryCommand.Suggest.Seen]] = []
  var facts: [FactGroup] = []
  /// Groups left out for having more values than one fact has (`FactGroup.maximumValues`).
  var factsLeftOut = 0
  var pairs: [AlignedPair] = []

  /// The report of checked documents, in the order given, with the facts read from them (in
  /// the same order).
  init(
    _ analyzed: [(Document, ArtifactChecker.Analysis)], facts found: [Fact], normalizer: NameNormalizer,
    anchors: AlignmentAnchors
  ) {
    var byEntity: [String: EntityEntry] = [:]
    var seen: [GlossaryCommand.Suggest.Seen] = []
    var sides: [String: AlignedSide] = [:]
    // Only the documents of a translation pair are aligned.
    var pairedIDs = Set<String>()
    for (document, _) in analyzed {
      if let source = document.metadata.translationOf { pairedIDs.formUnion([source, document.id]) }
    }
    for (document, analysis) in analyzed {
      var counts: [String: Int] = [:]
      for finding in analysis.findings where finding.rule != "translation-route" { counts[finding.rule, default: 0] += 1 }
      documents.append(
        DocumentEntry(document: document, route: TranslationRoute(findings: analysis.findings, in: document), findings: counts))
      for (position, mention) in analysis.mentions.enumerated() {
        guard let entity = mention.entity else {
          seen.append(
            .init(
              surface: mention.surface, type: mention.type,
              place: "\(document.path):\(document.lines.location(of: mention.span.start).line)", document: document.id,
              known: position < analysis.knownNames.count ? analysis.knownNames[position] : nil))
          continue
        }
        // Updated in place: taking the entry out and putting it back copied its dictionaries
        // at every mention (a fifth of the report's time on 50 MB).
        byEntity[entity.id, default: EntityEntry(id: entity.id, name: entity.name, type: entity.type)]
          .documents[document.id, default: [:]][mention.surface, default: 0] += 1
        if byEntity[entity.id]?.kinds[mention.surface] == nil {
          byEntity[entity.id]?.kinds[mention.surface] =
            mention.method == "fuzzy" || mention.method == "inflected"
            ? mention.method ?? "linked"
            : mention.respelling == .spelledThrough
              ? "respelled" : mention.matchedName?.kind.rawValue ?? mention.method ?? "linked"
        }
      }
      if pairedIDs.contains(document.id) {
        sides[document.id] = AlignedSide(document: document, sentences: analysis.sentences, mentions: analysis.mentions)
      }
    }
    entities = byEntity.values.sorted { ($1.total, $0.id) < ($0.total, $1.id) }
    unresolved = GlossaryCommand.Suggest.clusters(seen, normalizer: normalizer, minDocuments: 1)
    (facts, factsLeftOut) = FactGroup.groups(found)
    for entry in documents {
      guard let sourceID = entry.document.metadata.translationOf, let source = sides[sourceID],
        let translation = sides[entry.document.id]
      else { continue }
      pairs.append(AlignedPair(source: source, translation: translation, anchors: anchors))
    }
  }
}

extension Facts {
  /// The facts of a checked document that a group can take (`FactGroup.admits`): the rest
  /// would only be carried to the end of the run and dropped there.
  func facts(of document: Document, _ analysis: ArtifactChecker.Analysis) -> [Fact] {
    let mentions = analysis.mentions.compactMap { mention in
      mention.entity.map {
        Facts.Mention(entity: $0.id, type: $0.type, start: mention.span.start, end: mention.span.end)
      }
    }
    let sentences = analysis.sentences.map { $0.start..<$0.end }
    return facts(document: document.id, scalars: document.scalars, sentences: sentences, mentions: mentions)
      .filter(FactGroup.admits)
  }
}
