import ArgumentParser
import CrosswalkCore
import CrosswalkDocuments
import CrosswalkLinking
import CrosswalkMentions
import Foundation

/// `crosswalk mentions`: every name mention in documents, with its position and link.
struct Mentions: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List every name mention in documents, with its position and the entity it links to.",
    discussion: """
      Documents are read in any encoding (UTF-8, UTF-16, windows-1251, KOI8-R, Shift_JIS, EUC-JP, \
      detected with ICU) and split into sentences and words by ICU under their language (from \
      corpus/manifest.yaml, else from their scripts). A mention is a glossary name in any script \
      or inflection (Кисиды, 国後島), a run of capitalized words linked through the resolver \
      (Ozekin, Gunashiri), a Japanese personal name, or a later short form of a name given in \
      full (Kishida after Fumio Kishida). Names no glossary has are listed with entity null.

      Output (jsonl, one object per mention): path, line, column, start, end (0-based \
      Unicode-scalar offsets into the decoded text, end exclusive), surface, entity (id or \
      null), name, type, score, method; and also document, found, matched. Documents are \
      processed in parallel; output is in path order, then text order.

      EXAMPLES
        crosswalk mentions corpus
        crosswalk mentions corpus/ru/kurils-ru.txt --format jsonl
        crosswalk mentions articles/ --format tsv -o mentions.tsv
        crosswalk mentions corpus --glossary my-entities.yaml --format json
      """
  )

  @OptionGroup var documents: DocumentOptions

  @Option(name: .long, help: "Output format: \(MentionFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
  var format: MentionFormat = .text

  @OptionGroup var link: LinkOptions

  @OptionGroup var glossary: GlossaryOptions

  @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
  var output: String?

  func run() throws {
    let listing = try documents.listing()
    let load = try glossary.load()
    let resources: MentionResources
    do {
      resources = try MentionResources(glossary: load.glossary, threshold: link.threshold)
    } catch {
      throw fail(error)
    }
    let out = try Output(path: output)
    out.write(format.header)
    var documentCount = 0
    // Rendering is a third of the work for jsonl: it is done by the thread that found the
    // mentions, and only the writing is in order.
    let failed = try documents.process(
      listing, makeWorker: { try MentionFinder(resources: resources) },
      work: { [format] finder, document in
        Result { format.utf8(try finder.mentions(in: document), in: document) }
      },
      deliver: { document, rendered in
        switch rendered {
        case .failure(let error):
          printDiagnostic("error: \(document.path): \(error)")
        case .success(let bytes):
          out.write(format.separator(documentsBefore: documentCount))
          out.write(bytes: bytes)
          documentCount += 1
        }
      })
    out.write(format.footer(documents: documentCount))
    try out.finish()
    if failed { throw ExitCode(2) }
  }
}

extension MentionFormat: ExpressibleByArgument {}
