// Scores name linking against query sets with gold entity ids (the format of
// ../shared/eval-dev: query, gold_entity_id (empty: must link nothing), set, scheme, split).
//
//   swift run -c release crosswalk-eval names                      # the four dev sets
//   swift run -c release crosswalk-eval names --glossary G --queries Q [--errors 20]
import ArgumentParser
import CrosswalkCore
import CrosswalkGlossary
import CrosswalkLinking
import Foundation

@main
struct Eval: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "crosswalk-eval", abstract: "Measure Crosswalk against gold data.",
    subcommands: [Names.self])
}

struct Names: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Accuracy, false-link rate and F1 of name linking.",
    discussion: """
      Without --glossary and --queries, scores the four development sets of DIR
      (default ../shared/eval-dev): Russian with Latin and Cyrillic names, Russian with
      Cyrillic names only, Japanese, Japanese with kanji aliases.

      accuracy     queries with a gold id linked to exactly that entity
      false links  impostors (no gold id) linked to anything
      F1           TP linked to gold; FP linked wrongly or an impostor linked; FN gold left unlinked
      """)

  @Option(help: "A glossary (file or folder).") var glossary: String?
  @Option(help: "A TSV of queries: query, gold_entity_id, ….") var queries: String?
  @Option(help: "The folder of the development sets.") var dev = "../shared/eval-dev"
  @Option(help: "Link threshold.") var threshold = Linker.defaultThreshold
  @Option(help: "Print this many wrong links and misses per set.") var errors = 0

  func run() throws {
    let sets: [(String, String)]
    if let glossary, let queries {
      sets = [(glossary, queries)]
    } else {
      sets = [
        ("glossary_ru.yaml", "queries_ru.dev.tsv"),
        ("glossary_ru_cyrillic_only.yaml", "queries_ru.dev.tsv"),
        ("glossary_ja.yaml", "queries_ja.dev.tsv"),
        ("glossary_ja_with_kanji.yaml", "queries_ja.dev.tsv"),
      ].map { ("\(dev)/\($0.0)", "\(dev)/\($0.1)") }
    }
    print("set                                   gold  acc     impostors  false-links  F1")
    for (glossaryPath, queriesPath) in sets {
      let load = GlossaryLoader.load(paths: [glossaryPath])
      if load.hasErrors {
        for diagnostic in load.diagnostics { print(diagnostic) }
        throw ExitCode(2)
      }
      let linker = try Linker(index: LinkIndex(glossary: load.glossary), threshold: threshold)
      var gold = 0, correct = 0, impostors = 0, falseLinks = 0, wrong = 0, missed = 0
      var shown: [String] = []
      try LineReader(path: queriesPath).forEachLine { number, line in
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard number > 1, fields.count >= 2 else { return }
        let result = try linker.resolve(fields[0])
        let linked = result.entity?.id
        if fields[1].isEmpty {
          impostors += 1
          if linked != nil {
            falseLinks += 1
            shown.append("impostor  \(result.summary)")
          }
        } else {
          gold += 1
          if linked == fields[1] {
            correct += 1
          } else if linked == nil {
            missed += 1
            shown.append("missed    [\(fields[1])] \(result.summary)")
          } else {
            wrong += 1
            shown.append("wrong     [\(fields[1])] \(result.summary)")
          }
        }
      }
      let tp = Double(correct), fp = Double(wrong + falseLinks), fn = Double(missed)
      let f1 = tp == 0 ? 0 : 2 * tp / (2 * tp + fp + fn)
      let name = (glossaryPath as NSString).lastPathComponent
      print(
        name.padding(toLength: 36, withPad: " ", startingAt: 0),
        String(
          format: "%5d  %5.1f%%  %9d  %6.1f%%      %5.1f%%", gold,
          100 * Double(correct) / Double(max(gold, 1)), impostors,
          100 * Double(falseLinks) / Double(max(impostors, 1)), 100 * f1))
      for line in shown.prefix(errors) { print("   ", line) }
    }
  }
}
