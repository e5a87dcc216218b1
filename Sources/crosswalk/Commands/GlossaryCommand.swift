import ArgumentParser
import CrosswalkCore
import CrosswalkGlossary
import CrosswalkLinking
import Foundation

/// `crosswalk glossary`: check, count, convert glossaries.
struct GlossaryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "glossary",
    abstract: "Validate, count, import and export glossaries.",
    discussion: """
      Without a PATH, each subcommand works on the built-in glossaries.

      EXAMPLES
        crosswalk glossary validate my-entities.yaml more-entities/
        crosswalk glossary stats
        crosswalk glossary import terms.tbx -o terms.yaml
        crosswalk glossary export --format tbx -o crosswalk.tbx
      """,
    subcommands: [Validate.self, Stats.self, Import.self, Export.self]
  )

  /// The glossaries at `paths`, or the built-in ones.
  static func load(_ paths: [String]) -> GlossaryLoad {
    paths.isEmpty ? GlossaryLoader.builtIn() : GlossaryLoader.load(paths: paths)
  }

  /// Prints the diagnostics; exits with 2 when one is an error.
  static func report(_ load: GlossaryLoad, warnings: Bool) throws {
    for diagnostic in load.diagnostics where warnings || diagnostic.severity == .error {
      FileHandle.standardError.write(Data("\(diagnostic)\n".utf8))
    }
    if load.hasErrors {
      let errors = load.diagnostics.filter { $0.severity == .error }.count
      throw fail("\(errors) error\(errors == 1 ? "" : "s") in the glossary")
    }
  }

  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check glossaries: every problem with its file, line and column.",
      discussion: """
        Errors (exit 2): malformed YAML, TSV, CSV or TBX; unknown keys; an entry without id or
        name; a bad id; an id defined twice; a 'distinct' id that does not exist.
        Warnings: a name shared by two entities (an ambiguity, decided by score and context).
        """)

    @Argument(help: "Glossary files or folders (default: the built-in glossaries).")
    var paths: [String] = []

    func run() throws {
      let load = GlossaryCommand.load(paths)
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
      let load = GlossaryCommand.load(paths)
      try GlossaryCommand.report(load, warnings: false)
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

    /// The script a name is written in, roughly, for counting.
    private func scriptName(of text: String) -> String {
      var found: Set<String> = []
      for scalar in text.unicodeScalars {
        switch scalar.value {
        case 0x0400...0x04FF: found.insert("Cyrillic")
        case 0x3040...0x309F: found.insert("Hiragana")
        case 0x30A0...0x30FF where scalar != "・" && scalar != "ー": found.insert("Katakana")
        case 0x4E00...0x9FFF, 0x3400...0x4DBF: found.insert("Han")
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F: found.insert("Latin")
        default: break
        }
      }
      return found.isEmpty ? "other" : found.sorted().joined(separator: "+")
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
      let load = GlossaryLoader.load(paths: files)
      try GlossaryCommand.report(load, warnings: true)
      let out = Output(path: output)
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
      let load = GlossaryCommand.load(paths)
      try GlossaryCommand.report(load, warnings: false)
      let glossaryFormat: GlossaryFormat
      switch format {
      case .tbx: glossaryFormat = .tbx
      case .tsv: glossaryFormat = .tsv
      case .csv: glossaryFormat = .csv
      case .yaml: glossaryFormat = .yaml
      }
      let out = Output(path: output)
      out.write(glossaryFormat.write(load.glossary.entities))
      try out.finish()
    }
  }
}
