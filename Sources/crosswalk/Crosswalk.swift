import ArgumentParser
import CrosswalkCore
import CrosswalkICU

@main
struct Crosswalk: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "crosswalk",
    abstract: "Names across scripts and spellings, translation artifacts, cross-document reports.",
    discussion: """
      Crosswalk normalizes transliterated names (Кунашир, Kunashiri, Gunashiri) with ICU so that
      one person or place can be followed across Russian, Japanese and English texts, and links
      them to the entities of its glossaries (built in, or --glossary PATH).

      EXAMPLES
        crosswalk report corpus --format html -o report.html
        crosswalk normalize Gunashiri Kunashir Кунашир
        crosswalk normalize Kisida Kishida Кисида --format json
        crosswalk normalize --input names.txt --format jsonl
        crosswalk resolve Ozekin Gunashiri Etorobu Kisida Grochev
        crosswalk resolve --input names.txt --format jsonl --top 5
        crosswalk mentions corpus --format jsonl
        crosswalk check corpus
        crosswalk rules calque
        crosswalk align corpus/ru/kurils-ru.txt corpus/en/kurils-ru-mt.txt
        crosswalk glossary validate my-entities.yaml
      """,
    version: "\(CrosswalkVersion.string) (ICU \(icuVersion))",
    subcommands: [Report.self, Normalize.self, Resolve.self, Mentions.self, Check.self, Rules.self, Align.self, GlossaryCommand.self]
  )
}
