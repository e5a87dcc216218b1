import ArgumentParser
import CrosswalkAlignment
import CrosswalkArtifacts
import CrosswalkCore
import CrosswalkDocuments
import CrosswalkLinking
import CrosswalkMentions
import CrosswalkNames
import Foundation

/// `crosswalk report`: one report over a corpus.
struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "One report over a corpus: who is named where and how, routes, artifacts, facts, translation pairs.",
    discussion: """
      Every document is read, checked with every rule and its mentions linked; then the report \
      shows: the documents (language, encoding, likely translation route with its evidence, \
      findings by rule); the entity × document matrix with the surface forms each document \
      used; every rendering of each entity with its kind (canonical, alias, variant, fuzzy) and \
      documents; unresolved names grouped across documents and scripts; facts (dates, amounts \
      and quantities with the entity named nearest them) that two documents or more give for \
      one unit and entity, each group marked agree, partial or conflict, with the sentences; \
      and each translation pair of the manifest (translation_of) aligned sentence by sentence, \
      with number and entity mismatches called out.

      Formats: md (default), html (one self-contained page: no network, no external file; a heat \
      map of the matrix, the pairs side by side, tables that sort), json (versioned, keys in \
      docs/report.md). Output is byte-identical from run to run.

      EXAMPLES
        crosswalk report corpus
        crosswalk report corpus --format html -o report.html
        crosswalk report corpus --format json -o report.json
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable { case md, html, json }

  @OptionGroup var documents: DocumentOptions

  @Option(name: .long, help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
  var format: Format = .md

  @OptionGroup var glossary: GlossaryOptions

  @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
  var output: String?

  func run() throws {
    let listing = try documents.listing()
    let load = try glossary.load()
    let resources: MentionResources
    let data: ArtifactData
    let normalizer: NameNormalizer
    let anchors: AlignmentAnchors
    let facts: Facts
    do {
      anchors = try AlignmentAnchors.builtIn()
      facts = Facts(anchors: anchors, units: try Facts.Units.builtIn())
      data = try ArtifactData.builtIn()
      resources = try MentionResources(glossary: load.glossary)
      normalizer = try NameNormalizer()
    } catch {
      throw fail("\(error)")
    }
    let out = try Output(path: output)
    var analyzed: [(Document, ArtifactChecker.Analysis)] = []
    // One array for the corpus: per-document arrays are dropped as they are delivered.
    var found: [Fact] = []
    let failed = try documents.process(
      listing,
      makeWorker: { try ArtifactChecker(data: data, mentions: resources) },
      work: { checker, document in
        // Facts are read here, on the worker threads, while the document is at hand.
        Result { () throws(ArtifactError) -> (ArtifactChecker.Analysis, [Fact]) in
          let analysis = try checker.analyze(document)
          return (analysis, facts.facts(of: document, analysis))
        }
      },
      deliver: { document, result in
        switch result {
        case .failure(let error): printDiagnostic("error: \(document.path): \(error)")
        case .success(let (analysis, facts)):
          analyzed.append((document, analysis))
          found += facts
        }
      })
    let rendering = ReportRendering(
      report: CorpusReport(analyzed, facts: found, normalizer: normalizer, anchors: anchors))
    switch format {
    case .md: out.write(rendering.markdown)
    case .html: out.write(rendering.html)
    case .json: out.write(rendering.json)
    }
    try out.finish()
    if failed { throw ExitCode(2) }
  }
}
