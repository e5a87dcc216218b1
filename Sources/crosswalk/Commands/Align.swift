import ArgumentParser
import CrosswalkAlignment
import CrosswalkCore
import CrosswalkDocuments
import CrosswalkLinking
import CrosswalkMentions
import Foundation

/// `crosswalk align`: the sentences of a translation lined up with those of its source.
struct Align: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Align the sentences of a translation with those of its source, in any language pair.",
    discussion: """
      No trained model is needed: sentence groups (1-1, 1-0, 0-1, 2-1, 1-2, 2-2, 3-1, 1-3) are \
      scored by their length ratio in letters (Gale and Church) together with anchors the two \
      languages share: numbers with their scale words (600 млн = 600 million = 6億), Japanese era \
      years, the glossary entities of the linked mentions, Latin-script words, cognates between \
      Latin-script texts, and question marks, exclamations and quotes; frequent anchors count \
      less. Long texts are searched in a band around anchors that occur once on each side.

      Output (jsonl, one object per bead, in order; every sentence of both sides in exactly one \
      bead): source and translation (0-based sentence indices), sourceText, translationText, \
      score (0 to 1). With --gold, precision, recall and F1 against a gold alignment in the \
      bracket format of sentence-alignment test sets ([0,1]:[2] per line) are printed, strict \
      (whole beads, those with an empty side left out) and lax (linked sentence pairs).

      Each bead is also checked: number-mismatch (a number or amount of the source missing or \
      different in the translation, scale words read: 600 млн = 600 million ≠ 60 million) and \
      entity-dropped (a glossary entity the source names and the translation does not); jsonl \
      gives them as 'findings' per bead.

      EXAMPLES
        crosswalk align corpus/ru/kurils-ru.txt corpus/en/kurils-ru-mt.txt
        crosswalk align source.txt translation.txt --format html -o pair.html
        crosswalk align de.lines fr.lines --lines --format jsonl
        crosswalk align de.lines fr.lines --lines --gold de-fr.gold
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, tsv, jsonl, md, html }

  @Argument(help: "The source document.")
  var source: String

  @Argument(help: "The translation.")
  var translation: String

  @Flag(name: .long, help: "Each non-empty line is one sentence (the input of sentence-alignment test sets).")
  var lines = false

  @Option(name: .long, help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
  var format: Format = .text

  @Option(name: .long, help: ArgumentHelp("Score against this gold alignment ([0,1]:[2] per line).", valueName: "file"))
  var gold: String?

  @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
  var output: String?

  @OptionGroup var glossary: GlossaryOptions

  func run() throws {
    let load = try glossary.load()
    let finder: MentionFinder
    let loader: DocumentLoader
    let anchors: AlignmentAnchors
    do {
      anchors = try AlignmentAnchors.builtIn()
      finder = try MentionFinder(resources: MentionResources(glossary: load.glossary))
      loader = try DocumentLoader()
    } catch {
      throw fail("\(error)")
    }
    let goldAlignment = try gold.map { (path) throws -> AlignmentGold in
      let text: String
      do { text = try TextFile.read(path) } catch { throw fail("\(error)") }
      do throws(AlignmentGold.Problem) { return try AlignmentGold(text: text) } catch {
        throw fail("\(path):\(error.line): \(error.message)")
      }
    }
    let sides = try [source, translation].map { path throws -> AlignedSide in
      let document: Document
      do { document = try loader.load(DocumentSource(path: path, id: path)) } catch { throw fail("\(error)") }
      return try AlignedSide(document: document, lines: lines, finder: finder)
    }
    let pair = AlignedPair(source: sides[0], translation: sides[1], anchors: anchors)
    let beads = pair.beads
    if let goldAlignment {
      let (strict, lax) = goldAlignment.score(beads)
      let line = { (name: String, score: AlignmentScore) in
        String(
          format: "%@: precision %.3f, recall %.3f, F1 %.3f (%d of %d found, %d in the gold)\n", name,
          score.precision, score.recall, score.f1, score.correct, score.found, score.gold)
      }
      FileHandle.standardOutput.write(Data((line("strict", strict) + line("lax", lax)).utf8))
      if output == nil { return }
    }
    let out = try Output(path: output)
    out.write(
      AlignmentRendering(pair: pair).render(format))
    try out.finish()
  }
}

/// One side of a pair: its sentences (by ICU or by line), their texts, and the glossary
/// entities of the mentions inside each.
struct AlignedSide {
  let document: Document
  let sentences: [TextSpan]
  let texts: [String]
  /// The glossary entities named in each sentence, in text order.
  let entities: [[(id: String, name: String, type: String)]]
  /// Whether most letters are Latin (cognates are anchors only between two such texts).
  let isLatin: Bool

  /// The side of `document` with these sentences (trimmed of spaces, empty ones dropped) and
  /// mentions.
  init(document: Document, sentences given: [TextSpan], mentions: [Mention]) {
    self.document = document
    let spans = given.compactMap { span -> TextSpan? in
      var start = span.start, end = span.end
      while start < end, document.scalars[start].properties.isWhitespace { start += 1 }
      while end > start, document.scalars[end - 1].properties.isWhitespace { end -= 1 }
      return end > start ? TextSpan(start: start, end: end) : nil
    }
    sentences = spans
    texts = spans.map { document.text(of: $0) }
    var entities = [[(id: String, name: String, type: String)]](repeating: [], count: spans.count)
    var index = 0
    for mention in mentions {
      guard let entity = mention.entity else { continue }
      while index < spans.count, spans[index].end <= mention.span.start { index += 1 }
      guard index < spans.count, spans[index].start <= mention.span.start else { continue }
      entities[index].append((entity.id, entity.name, entity.type))
    }
    self.entities = entities
    var latin = 0, other = 0
    for scalar in document.scalars.prefix(20_000) where scalar.properties.isAlphabetic {
      if scalar.value < 0x250 { latin += 1 } else { other += 1 }
    }
    isLatin = latin > 4 * other
  }

  /// The side of `document` with its sentences by ICU, or its lines with `lines`.
  init(document: Document, lines: Bool, finder: MentionFinder) throws(ExitCode) {
    let spans: [TextSpan]
    let mentions: [Mention]
    do {
      if lines {
        spans = document.lines.lineStarts.indices.compactMap { document.lines.span(ofLine: $0 + 1, in: document.scalars) }
      } else {
        spans = try Segmenter().segment(document, words: false).sentences
      }
      mentions = try finder.mentions(in: document)
    } catch {
      throw fail("\(document.path): \(error)")
    }
    self.init(document: document, sentences: spans, mentions: mentions)
  }

  /// The sentences with their anchors, for the aligner.
  func alignmentSentences(_ anchors: AlignmentAnchors, cognates: Bool) -> [AlignmentSentence] {
    texts.indices.map {
      AlignmentSentence(
        text: texts[$0], anchors: anchors.anchors(of: texts[$0], entities: entities[$0].map(\.id), cognates: cognates))
    }
  }

  var pairSide: PairCheck.Side { PairCheck.Side(texts: texts, entities: entities) }
}

/// A translation aligned with its source, and what the pair rules found.
struct AlignedPair {
  let source: AlignedSide
  let translation: AlignedSide
  let beads: [Bead]
  let mismatches: [PairMismatch]

  init(source: AlignedSide, translation: AlignedSide, anchors: AlignmentAnchors) {
    self.source = source
    self.translation = translation
    let cognates = source.isLatin && translation.isLatin
    beads = SentenceAligner().align(
      source: source.alignmentSentences(anchors, cognates: cognates),
      translation: translation.alignmentSentences(anchors, cognates: cognates))
    mismatches = PairCheck.mismatches(beads, source: source.pairSide, translation: translation.pairSide, anchors: anchors)
  }
}
