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
      one person or place can be followed across Russian, Japanese and English texts.

      EXAMPLES
        crosswalk normalize Gunashiri Kunashir Кунашир
        crosswalk normalize Kisida Kishida Кисида --format json
        crosswalk normalize --input names.txt --format jsonl
      """,
    version: "\(CrosswalkVersion.string) (ICU \(icuVersion))",
    subcommands: [Normalize.self]
  )
}
