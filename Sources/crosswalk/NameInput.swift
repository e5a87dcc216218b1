import ArgumentParser
import CrosswalkCore
import CrosswalkGlossary
import CrosswalkLinking
import Foundation

/// The names a command works on: arguments, and `--input` (a file or '-'), one per line.
struct NameInputOptions: ParsableArguments {
  @Argument(help: "Names (or none, with --input).")
  var names: [String] = []

  @Option(name: .long, help: "Read names one per line from a file, or '-' for standard input.")
  var input: String?

  func validate() throws {
    if names.isEmpty && input == nil {
      throw ValidationError("Please pass at least one name, or --input FILE (or '-' for standard input).")
    }
  }

  /// Names from the command line, then one per line from `--input`, streamed: `body` sees each
  /// name as soon as its line is read. Blank lines are skipped. `body` gets the name and, for a
  /// line of input, where it came from (`file:line`).
  func forEach(_ body: (String, String?) throws -> Void) throws {
    for name in names { try body(name, nil) }
    guard let input else { return }
    do {
      let reader = try LineReader(path: input)
      try reader.forEachLine { number, line in
        let name = line.trimmingCharacters(in: .whitespaces)
        if !name.isEmpty { try body(name, "\(reader.displayName):\(number)") }
      }
    } catch let failure as LineReader.Failure {
      throw fail(failure)
    }
  }
}

/// The shared `--threshold` option of the commands that link names.
struct LinkOptions: ParsableArguments {
  @Option(name: .long, help: "The score a link needs, 0…1 (default \(Linker.defaultThreshold)).")
  var threshold = Linker.defaultThreshold

  func validate() throws {
    guard (0...1).contains(threshold) else { throw ValidationError("--threshold must be between 0 and 1.") }
  }
}

/// The shared `--glossary` option: exactly the named glossaries, or the built-in ones.
struct GlossaryOptions: ParsableArguments {
  @Option(
    name: .customLong("glossary"),
    help: ArgumentHelp(
      "A glossary file (.yaml, .tsv, .csv, .tbx) or folder; repeatable. Replaces the built-in glossaries.",
      valueName: "path"))
  var paths: [String] = []

  /// Loads exactly these glossaries, or the built-in ones; stops with exit 2 on an error.
  func load() throws -> GlossaryLoad { try loadGlossaries(paths, failOnError: true) }
}

/// The glossaries at `paths` (files or folders), or the built-in ones when there are none. With
/// `failOnError`, errors (and warnings, with `showWarnings`) go to standard error and an error
/// stops the command with exit 2.
func loadGlossaries(
  _ paths: [String], failOnError: Bool = false, showWarnings: Bool = false
) throws -> GlossaryLoad {
  let load = paths.isEmpty ? GlossaryLoader.builtIn() : GlossaryLoader.load(paths: paths)
  guard failOnError else { return load }
  for diagnostic in load.diagnostics where showWarnings || diagnostic.severity == .error {
    FileHandle.standardError.write(Data("crosswalk: \(diagnostic)\n".utf8))
  }
  if load.hasErrors {
    let errors = load.diagnostics.filter { $0.severity == .error }.count
    throw fail("the glossary has \(errors) error\(errors == 1 ? "" : "s")")
  }
  return load
}
