// Scores name linking against query sets with gold entity ids (the format of
// ../shared/eval-dev: query, gold_entity_id (empty: must link nothing), set, scheme, split).
//
//   swift run -c release crosswalk-eval names                      # the four dev sets
//   swift run -c release crosswalk-eval names --glossary G --queries Q [--errors 20]
import ArgumentParser
import CrosswalkArtifacts
import CrosswalkCore
import CrosswalkGlossary
import CrosswalkLinking
import CrosswalkDocuments
import CrosswalkMentions
import Foundation

@main
struct Eval: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "crosswalk-eval", abstract: "Measure Crosswalk against gold data.",
    subcommands: [Names.self, Mentions.self, Check.self])
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

struct Mentions: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Mention detection F1 and linking accuracy against a gold file, per language.",
    discussion: """
      Runs the mention finder over every document of the gold file (paths relative to
      --corpus) and compares exact spans. Persons, places, organizations and unresolved names
      are scored (see MentionScore).

        swift run -c release crosswalk-eval mentions
        swift run -c release crosswalk-eval mentions --errors 30
      """)

  @Option(help: "The gold file.") var gold = "Tests/Fixtures/corpus-gold.json"
  @Option(help: "The folder the gold paths are relative to.") var corpus = "corpus"
  @Option(help: "A glossary (file or folder) instead of the built-in ones.") var glossary: String?
  @Option(help: "Print this many misses, extras and wrong links per language.") var errors = 0

  func run() throws {
    let goldFile = try GoldFile.read(gold)
    let load = glossary.map { GlossaryLoader.load(paths: [$0]) } ?? GlossaryLoader.builtIn()
    let resources = try MentionResources(glossary: load.glossary)
    let finder = try MentionFinder(resources: resources)
    let loader = try DocumentLoader()
    let listing = try CorpusWalker.list([corpus])
    var scores: [String: MentionScore] = [:]
    for document in goldFile.documents {
      let path = (corpus as NSString).appendingPathComponent(document.path)
      let source = listing.sources.first { $0.path == path } ?? DocumentSource(path: path, id: document.id)
      let loaded = try loader.load(source)
      scores[document.language, default: MentionScore()].add(
        document: document.id, gold: document.mentions, found: try finder.mentions(in: loaded))
    }
    print("language  gold  found  matched  precision  recall  F1      linking")
    for (language, score) in scores.sorted(by: { $0.key < $1.key }) {
      func percent(_ value: Double) -> String { String(format: "%5.1f%%", value * 100) }
      print(
        language.padding(toLength: 8, withPad: " ", startingAt: 0),
        String(format: "%5d  %5d  %7d", score.gold, score.found, score.matched),
        "  \(percent(score.precision))     \(percent(score.recall))  \(percent(score.f1))  \(percent(score.linkAccuracy))")
    }
    guard errors > 0 else { return }
    for (language, score) in scores.sorted(by: { $0.key < $1.key }) {
      print("\n[\(language)] missed:")
      for (document, mention) in score.misses.prefix(errors) {
        print("  \(document) \(mention.start) \(mention.surface) [\(mention.entity ?? "null")]")
      }
      print("[\(language)] not in gold:")
      for (document, mention) in score.extras.prefix(errors) {
        print("  \(document) \(mention.span.start) \(mention.surface) → \(mention.entity?.id ?? "null") (\(mention.source.rawValue))")
      }
      print("[\(language)] linked wrongly:")
      for (document, mention, expected) in score.wrongLinks.prefix(errors) {
        print("  \(document) \(mention.span.start) \(mention.surface) → \(mention.entity?.id ?? "null"), gold \(expected ?? "null")")
      }
    }
  }
}

struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Per-rule precision and recall of check, and route accuracy, against a gold file.",
    discussion: """
      Runs every rule over every document of the gold file (paths relative to --corpus). A
      finding and a gold artifact of the same rule match when their spans overlap (see
      ArtifactScore). Clean documents (kind 'clean') should have no warning or error.

        swift run -c release crosswalk-eval check --gold Tests/Fixtures/artifacts-a/gold.json \\
          --corpus Tests/Fixtures/artifacts-a --errors 20
      """)

  @Option(help: "The gold file.") var gold: String
  @Option(help: "The folder the gold paths are relative to.") var corpus: String
  @Option(help: "Print this many misses and extras per rule, and the wrong routes.") var errors = 0

  func run() throws {
    let goldFile = try ArtifactGold.read(gold)
    let checker = try ArtifactChecker(
      data: ArtifactData.builtIn(), mentions: MentionResources(glossary: GlossaryLoader.builtIn().glossary))
    let loader = try DocumentLoader()
    let listing = try CorpusWalker.list([corpus])
    var score = ArtifactScore()
    for document in goldFile.documents {
      let path = (corpus as NSString).appendingPathComponent(document.path)
      let source = listing.sources.first { $0.path == path } ?? DocumentSource(path: path, id: document.path)
      let loaded = try loader.load(source)
      score.add(document: document, found: try checker.check(loaded), in: loaded)
    }
    func percent(_ value: Double) -> String { String(format: "%5.1f%%", value * 100) }
    func row(_ name: String, _ counts: ArtifactScore.Counts) -> String {
      name.padding(toLength: 22, withPad: " ", startingAt: 0)
        + String(format: "%4d  %5d", counts.gold, counts.found)
        + "  \(percent(counts.precision))     \(percent(counts.recall))  \(percent(counts.f1))"
    }
    print("rule                  gold  found  precision  recall  F1")
    let rules = score.byRule.sorted { $0.key < $1.key }
    for (rule, counts) in rules { print(row(rule, counts)) }
    print(row("all rules", score.total))
    print("route: \(score.routesRight) of \(score.documents) documents right")
    print("clean documents: \(score.cleanAlarms) warnings or errors in \(score.cleanDocuments) documents")
    guard errors > 0 else { return }
    for (rule, _) in rules {
      let missed = score.misses.filter { $0.artifact.rule == rule }
      let extra = score.extras.filter { $0.finding.rule == rule }
      if missed.isEmpty && extra.isEmpty { continue }
      print("\n[\(rule)] missed:")
      for (document, artifact) in missed.prefix(errors) { print("  \(document) \(artifact.start) \(artifact.text.debugDescription)") }
      print("[\(rule)] not in gold:")
      for (document, finding, text) in extra.prefix(errors) {
        print("  \(document) \(finding.span.start) \(text.debugDescription): \(finding.message)")
      }
    }
    print("\nwrong routes:")
    for wrong in score.wrongRoutes.prefix(errors) {
      print("  \(wrong.document): gold \(wrong.gold ?? "none"), found \(wrong.found ?? "none") [\(wrong.evidence.joined(separator: "; "))]")
    }
  }
}
