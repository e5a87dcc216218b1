import CrosswalkAlignment
import CrosswalkArtifacts
import CrosswalkCore
import CrosswalkMentions
import CrosswalkNames

/// What one run over a corpus found, as the report shows it (DESIGN.md 'Report'): documents,
/// entities across documents, unresolved names, translation pairs.
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
    /// form of a name) or fuzzy.
    var kinds: [String: String] = [:]

    var total: Int { documents.values.reduce(0) { $0 + $1.values.reduce(0, +) } }
  }

  struct PairEntry {
    let source: AlignedText
    let translation: AlignedText
    let beads: [Bead]
    let mismatches: [PairMismatch]
  }

  /// A document's sentences and the entities of each, for alignment.
  struct AlignedText {
    let document: Document
    let texts: [String]
    let entities: [[(id: String, name: String, type: String)]]
  }

  var documents: [DocumentEntry] = []
  var entities: [EntityEntry] = []
  var unresolved: [[GlossaryCommand.Suggest.Seen]] = []
  var pairs: [PairEntry] = []

  /// The report of checked documents, in the order given.
  init(_ analyzed: [(Document, ArtifactChecker.Analysis)], normalizer: NameNormalizer) {
    var byEntity: [String: EntityEntry] = [:]
    var seen: [GlossaryCommand.Suggest.Seen] = []
    var texts: [String: AlignedText] = [:]
    for (document, analysis) in analyzed {
      var counts: [String: Int] = [:]
      for finding in analysis.findings where finding.rule != "translation-route" { counts[finding.rule, default: 0] += 1 }
      documents.append(
        DocumentEntry(document: document, route: TranslationRoute(findings: analysis.findings, in: document), findings: counts))
      for mention in analysis.mentions {
        guard let entity = mention.entity else {
          seen.append(
            .init(
              surface: mention.surface, type: mention.type,
              place: "\(document.path):\(document.lines.location(of: mention.span.start).line)", document: document.id))
          continue
        }
        var entry = byEntity[entity.id] ?? EntityEntry(id: entity.id, name: entity.name, type: entity.type)
        entry.documents[document.id, default: [:]][mention.surface, default: 0] += 1
        if entry.kinds[mention.surface] == nil {
          entry.kinds[mention.surface] =
            mention.method == "fuzzy" || mention.method == "inflected"
            ? mention.method ?? "linked" : mention.matchedName?.kind.rawValue ?? mention.method ?? "linked"
        }
        byEntity[entity.id] = entry
      }
      texts[document.id] = Self.alignedText(document, analysis)
    }
    entities = byEntity.values.sorted { ($1.total, $0.id) < ($0.total, $1.id) }
    unresolved = GlossaryCommand.Suggest.clusters(seen, normalizer: normalizer, minDocuments: 1)
    for entry in documents {
      guard let sourceID = entry.document.metadata.translationOf, let source = texts[sourceID],
        let translation = texts[entry.document.id]
      else { continue }
      let cognates = false
      func sentences(_ text: AlignedText) -> [AlignmentSentence] {
        text.texts.indices.map {
          AlignmentSentence(
            text: text.texts[$0],
            anchors: AlignmentAnchors.anchors(of: text.texts[$0], entities: text.entities[$0].map(\.id), cognates: cognates))
        }
      }
      let beads = SentenceAligner().align(source: sentences(source), translation: sentences(translation))
      let mismatches = PairCheck.mismatches(
        beads, source: PairCheck.Side(texts: source.texts, entities: source.entities),
        translation: PairCheck.Side(texts: translation.texts, entities: translation.entities))
      pairs.append(PairEntry(source: source, translation: translation, beads: beads, mismatches: mismatches))
    }
  }

  static func alignedText(_ document: Document, _ analysis: ArtifactChecker.Analysis) -> AlignedText {
    var spans: [TextSpan] = []
    for span in analysis.sentences {
      var start = span.start, end = span.end
      while start < end, document.scalars[start].properties.isWhitespace { start += 1 }
      while end > start, document.scalars[end - 1].properties.isWhitespace { end -= 1 }
      if end > start { spans.append(TextSpan(start: start, end: end)) }
    }
    var entities = [[(id: String, name: String, type: String)]](repeating: [], count: spans.count)
    var index = 0
    for mention in analysis.mentions {
      guard let entity = mention.entity else { continue }
      while index < spans.count, spans[index].end <= mention.span.start { index += 1 }
      guard index < spans.count, spans[index].start <= mention.span.start else { continue }
      entities[index].append((entity.id, entity.name, entity.type))
    }
    return AlignedText(document: document, texts: spans.map { document.text(of: $0) }, entities: entities)
  }
}
