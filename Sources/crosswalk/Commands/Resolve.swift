import ArgumentParser
import CrosswalkCore
import CrosswalkGlossary
import CrosswalkLinking
import Foundation

/// `crosswalk resolve`: link names to glossary entities, with a score and an explanation.
struct Resolve: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Link names to glossary entities, with a score and an explanation for each.",
    discussion: """
      Each name is looked up in the glossaries' index under its keys (see 'crosswalk normalize'), \
      then scored token by token with a weighted edit distance in which known confusions are \
      cheap (g/k voicing, l/r, a vowel added at the end, …: glossaries/linking/confusions.tsv). \
      A name links when its score reaches the threshold (default \(Linker.defaultThreshold)); otherwise \
      the entity is null and the best candidates are still listed.

      Output (jsonl, one object per name): query, entity (id or null), name, type, score, \
      method (literal, folded, latin, romanization, fuzzy, kanji-reading), explanation, \
      candidates [{entity, name, score}], and also matched, usage, routes.

      EXAMPLES
        crosswalk resolve Ozekin Gunashiri Etorobu Kisida Grochev
        crosswalk resolve Кунашир 国後島 Kiev --format jsonl
        crosswalk resolve --input names.txt --format tsv --top 5
        crosswalk resolve --glossary my-entities.yaml --input - < names.txt
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json, jsonl, tsv
  }

  @OptionGroup var names: NameInputOptions

  @Option(name: .long, help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
  var format: Format = .text

  @Option(name: .long, help: "How many candidates to list per name.")
  var top = 3

  @OptionGroup var link: LinkOptions

  @OptionGroup var glossary: GlossaryOptions

  @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
  var output: String?

  func validate() throws {
    guard top >= 0 else { throw ValidationError("--top must be 0 or more.") }
  }

  func run() throws {
    let load = try glossary.load()
    let linker: Linker
    do {
      linker = try Linker(index: LinkIndex(glossary: load.glossary), threshold: link.threshold)
    } catch {
      throw fail(error)
    }
    let out = try Output(path: output)
    var count = 0
    switch format {
    case .json: out.write("[")
    case .tsv: out.write("query\tentity\tname\ttype\tscore\tmethod\texplanation\n")
    case .text, .jsonl: break
    }
    try names.forEach { name, source in
      let result: Resolution
      do {
        result = try linker.resolve(name, top: top)
      } catch {
        throw fail(source.map { "\($0): \(error)" } ?? "\(error)")
      }
      switch format {
      case .text: out.write(Self.text(result, top: top))
      case .jsonl: out.write(Self.json(result).compact + "\n")
      case .json: out.write((count == 0 ? "\n" : ",\n") + Self.json(result).pretty)
      case .tsv:
        let fields = [
          result.query, result.entity?.id ?? "", result.entity?.name ?? "",
          result.entity?.type ?? "", String(format: "%.3f", result.score), result.method ?? "",
          result.explanation.joined(separator: "; "),
        ]
        out.write(fields.map { $0.replacingOccurrences(of: "\t", with: " ") }.joined(separator: "\t") + "\n")
      }
      count += 1
    }
    if format == .json { out.write(count == 0 ? "]\n" : "\n]\n") }
    try out.finish()
  }

  /// The jsonl contract of DESIGN.md, then the extras.
  static func json(_ result: Resolution) -> JSON {
    let candidates = result.candidates.map { candidate in
      JSON.object([
        ("entity", .string(candidate.entity.id)), ("name", .string(candidate.entity.name)),
        ("score", .fraction(candidate.score)),
      ])
    }
    return .object([
      ("query", .string(result.query)),
      ("entity", .optional(result.entity?.id)),
      ("name", .optional(result.entity?.name)),
      ("type", .optional(result.entity?.type)),
      ("score", .fraction(result.score)),
      ("method", .optional(result.method)),
      ("explanation", .string(result.explanation.joined(separator: "; "))),
      ("candidates", .array(candidates)),
      ("matched", .optional(result.entity == nil ? nil : result.matchedName?.text)),
      ("usage", .optional(result.entity == nil ? nil : result.matchedName?.usage)),
      ("routes", .array(result.routes.map(JSON.string))),
    ])
  }

  static func text(_ result: Resolution, top: Int) -> String {
    var lines = [result.summary]
    let others = result.candidates.filter { $0.entity.id != result.entity?.id }.prefix(max(0, top - 1))
    if !others.isEmpty {
      lines.append(
        "    also: "
          + others.map { "\($0.entity.name) [\($0.entity.id)] \(String(format: "%.2f", $0.score))" }
          .joined(separator: ", "))
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
