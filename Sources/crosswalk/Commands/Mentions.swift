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
      Documents are read in any encoding (UTF-8, UTF-16, windows-1251, KOI8-R, Shift_JIS, EUC-JP,
      detected with ICU) and split into sentences and words by ICU under their language (from
      corpus/manifest.yaml, else from their scripts). A mention is a glossary name in any script
      or inflection (Кисиды, 国後島), a run of capitalized words linked through the resolver
      (Ozekin, Gunashiri), a Japanese personal name, or a later short form of a name given in
      full (Kishida after Fumio Kishida). Names no glossary has are listed with entity null.

      Output (jsonl, one object per mention): path, line, column, start, end (0-based
      Unicode-scalar offsets into the decoded text, end exclusive), surface, entity (id or
      null), name, type, score, method; and also document, found, matched. Documents are
      processed in parallel; output is in path order, then text order.

      EXAMPLES
        crosswalk mentions corpus
        crosswalk mentions corpus/ru/kurils-ru.txt --format jsonl
        crosswalk mentions articles/ --format tsv -o mentions.tsv
        crosswalk mentions corpus --glossary my-entities.yaml --format json
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json, jsonl, tsv
  }

  @OptionGroup var documents: DocumentOptions

  @Option(name: .long, help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
  var format: Format = .text

  @OptionGroup var link: LinkOptions

  @OptionGroup var glossary: GlossaryOptions

  @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
  var output: String?

  func run() throws {
    let listing = try documents.listing()
    let load = try glossary.load()
    let resources: MentionResources
    do {
      resources = MentionResources(
        index: try LinkIndex(glossary: load.glossary), lexicon: try MentionLexicon.builtIn(), threshold: link.threshold)
    } catch {
      throw fail(error)
    }
    let out = Output(path: output)
    var documentCount = 0
    switch format {
    case .json: out.write("{\n  \"documents\": [")
    case .tsv: out.write("path\tline\tcolumn\tstart\tend\tsurface\tentity\tname\ttype\tscore\tmethod\n")
    case .text, .jsonl: break
    }
    let failed = try documents.process(
      listing, makeWorker: { try MentionFinder(resources: resources) },
      work: { finder, document in Result { try finder.mentions(in: document) } },
      deliver: { document, found in
        switch found {
        case .failure(let error):
          printDiagnostic("error: \(document.path): \(error)")
        case .success(let mentions):
          out.write(Self.render(mentions, in: document, format: format, first: documentCount == 0))
          documentCount += 1
        }
      })
    if format == .json { out.write(documentCount == 0 ? "]\n}\n" : "\n  ]\n}\n") }
    try out.finish()
    if failed { throw ExitCode(2) }
  }

  static func render(_ mentions: [Mention], in document: Document, format: Format, first: Bool) -> String {
    switch format {
    case .jsonl:
      return mentions.map { json($0, in: document).compact + "\n" }.joined()
    case .json:
      let object = JSON.object([
        ("id", .string(document.id)), ("path", .string(document.path)),
        ("language", .string(document.language)), ("encoding", .string(document.encoding.name)),
        ("mentions", .array(mentions.map { json($0, in: document) })),
      ])
      return (first ? "\n" : ",\n") + object.pretty.split(separator: "\n", omittingEmptySubsequences: false)
        .map { "    " + $0 }.joined(separator: "\n")
    case .tsv:
      return mentions.map { mention in
        let (line, column) = document.lines.location(of: mention.span.start)
        let fields = [
          document.path, String(line), String(column), String(mention.span.start), String(mention.span.end),
          mention.surface, mention.entity?.id ?? "", mention.entity?.name ?? "", mention.type ?? "",
          String(format: "%.3f", mention.score), mention.method ?? "",
        ]
        return fields.map { $0.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }
          .joined(separator: "\t") + "\n"
      }.joined()
    case .text:
      let linked = mentions.filter { $0.entity != nil }.count
      var lines = [
        "\(document.path) (\(document.language), \(document.encoding.name)): \(mentions.count) mention\(mentions.count == 1 ? "" : "s"), \(linked) linked"
      ]
      for mention in mentions {
        let (line, column) = document.lines.location(of: mention.span.start)
        let link =
          mention.entity.map { "\($0.name) [\($0.id)] \(mention.method ?? "") \(String(format: "%.2f", mention.score))" }
          ?? "unresolved"
        lines.append("  \(line):\(column)\t\(mention.surface) → \(link)")
      }
      return lines.joined(separator: "\n") + "\n"
    }
  }

  /// The jsonl contract of DESIGN.md, then the extras.
  static func json(_ mention: Mention, in document: Document) -> JSON {
    let (line, column) = document.lines.location(of: mention.span.start)
    return .object([
      ("path", .string(document.path)), ("line", .int(line)), ("column", .int(column)),
      ("start", .int(mention.span.start)), ("end", .int(mention.span.end)),
      ("surface", .string(mention.surface)), ("entity", .optional(mention.entity?.id)),
      ("name", .optional(mention.entity?.name)), ("type", .optional(mention.type)),
      ("score", .fraction(mention.score)), ("method", .optional(mention.method)),
      ("document", .string(document.id)), ("found", .string(mention.source.rawValue)),
      ("matched", .optional(mention.matchedName?.text)),
    ])
  }
}
