import ArgumentParser
import CrosswalkCore
import CrosswalkGlossary
import CrosswalkICU
import CrosswalkLinking
import Foundation

/// `crosswalk glossary`: check, count, convert glossaries.
struct GlossaryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "glossary",
    abstract: "Validate, count, import and export glossaries, and suggest entries from documents.",
    discussion: """
      Without a PATH, each subcommand works on the built-in glossaries.

      EXAMPLES
        crosswalk glossary validate my-entities.yaml more-entities/
        crosswalk glossary stats
        crosswalk glossary import terms.tbx -o terms.yaml
        crosswalk glossary export --format tbx -o crosswalk.tbx
        crosswalk glossary suggest corpus -o suggested.yaml
      """,
    subcommands: [Validate.self, Stats.self, Import.self, Export.self, Suggest.self]
  )

  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check glossaries: every problem with its file, line and column.",
      discussion: """
        Errors (exit 2): malformed YAML, TSV, CSV or TBX; unknown keys; an entry without id or \
        name; a bad id; an id defined twice; a 'distinct' id that does not exist. \
        Warnings: a name shared by two entities (an ambiguity, decided by score and context).
        """)

    @Argument(help: "Glossary files or folders (default: the built-in glossaries).")
    var paths: [String] = []

    func run() throws {
      let load = try loadGlossaries(paths)
      var lines = load.diagnostics.map(\.description)
      let errors = load.diagnostics.filter { $0.severity == .error }.count
      let warnings = load.diagnostics.count - errors
      let files =
        load.files.isEmpty
        ? "the built-in glossaries" : "\(load.files.count) file\(load.files.count == 1 ? "" : "s")"
      lines.append(
        "\(load.glossary.entities.count) entities in \(files): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
      )
      // Written in one piece, unbuffered, before the exit code is raised.
      FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
      if errors > 0 { throw ExitCode(2) }
    }
  }

  struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Count entities by type, names by script, variants by route.")

    @Argument(help: "Glossary files or folders (default: the built-in glossaries).")
    var paths: [String] = []

    func run() throws {
      let load = try loadGlossaries(paths, failOnError: true)
      let entities = load.glossary.entities
      var types: [String: Int] = [:]
      var scripts: [String: Int] = [:]
      var routes: [String: Int] = [:]
      var usages: [String: Int] = [:]
      var names = 0, aliases = 0, variants = 0
      for entity in entities {
        types[entity.type, default: 0] += 1
        aliases += entity.aliases.count
        variants += entity.variants.count
        for name in entity.names {
          names += 1
          scripts[scriptName(of: name.text), default: 0] += 1
          if let route = name.route { routes[route, default: 0] += 1 }
          if let usage = name.usage { usages[usage, default: 0] += 1 }
        }
      }
      func table(_ title: String, _ counts: [String: Int]) -> String {
        let rows = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        return title + "\n"
          + rows.map { "  \($0.key.padding(toLength: 16, withPad: " ", startingAt: 0)) \($0.value)" }
          .joined(separator: "\n")
      }
      var out = [
        "\(entities.count) entities, \(names) names (\(aliases) aliases, \(variants) variants)",
        table("entities by type", types), table("names by script", scripts),
      ]
      if !routes.isEmpty { out.append(table("variants and names by route", routes)) }
      if !usages.isEmpty { out.append(table("names by usage", usages)) }
      let ambiguous = load.diagnostics.filter { $0.severity == .warning }.count
      out.append("ambiguous names: \(ambiguous)")
      print(out.joined(separator: "\n"))
    }

    /// The scripts a name is written in (ICU), for counting: "Han+Katakana".
    private func scriptName(of text: String) -> String {
      let scripts = Set(text.unicodeScalars.map(Script.init(of:)).filter { !$0.isShared })
      return scripts.isEmpty ? "other" : scripts.map(\.name).sorted().joined(separator: "+")
    }
  }

  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Convert TSV, CSV or TBX glossaries to Crosswalk's YAML.",
      discussion: """
        Every file is validated first; nothing is written if one has an error.

        EXAMPLES
          crosswalk glossary import terms.tbx -o glossaries/entities/terms.yaml
          crosswalk glossary import names.csv more.tsv > entities.yaml
        """)

    @Argument(help: "Files to import (.tsv, .csv, .tbx; .yaml is read too).")
    var files: [String]

    @Option(name: .shortAndLong, help: "Write the YAML to this file (atomically) instead of standard output.")
    var output: String?

    func run() throws {
      let load = try loadGlossaries(files, failOnError: true, showWarnings: true)
      let out = try Output(path: output)
      out.write(GlossaryFormat.yaml.write(load.glossary.entities))
      try out.finish()
    }
  }

  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write glossaries as TBX, TSV, CSV or YAML.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
      case tbx, tsv, csv, yaml
    }

    @Argument(help: "Glossary files or folders (default: the built-in glossaries).")
    var paths: [String] = []

    @Option(name: .long, help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format = .yaml

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    func run() throws {
      let load = try loadGlossaries(paths, failOnError: true)
      let glossaryFormat: GlossaryFormat
      switch format {
      case .tbx: glossaryFormat = .tbx
      case .tsv: glossaryFormat = .tsv
      case .csv: glossaryFormat = .csv
      case .yaml: glossaryFormat = .yaml
      }
      let out = try Output(path: output)
      out.write(glossaryFormat.write(load.glossary.entities))
      try out.finish()
    }
  }
}
