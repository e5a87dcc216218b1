import CrosswalkGlossaryData
import Foundation

/// The data behind the name normalizer: the transform rule files and tables under
/// `glossaries/transforms/`. Knowledge of scripts and spelling schemes lives there, not here.
public struct NameRules: Sendable {
  /// The files, by their path under the glossaries folder.
  public static let files = (
    scripts: "transforms/script-transliteration.tsv",
    separators: "transforms/separators.txt",
    diacritics: "transforms/latin-diacritics.txt",
    japanese: "transforms/japanese-syllables.txt",
    romanizationJapanese: "transforms/romanization-japanese.txt",
    romanizationOther: "transforms/romanization-other.txt",
    romanization: "transforms/romanization.txt",
    phonetic: "transforms/phonetic.txt",
    cyrillicFrench: "transforms/cyrillic-latin-french.txt"
  )

  /// The ICU rule files, compiled by the normalizer.
  static let ruleFiles = [
    files.separators, files.diacritics, files.romanizationJapanese, files.romanizationOther,
    files.romanization, files.phonetic, files.cyrillicFrench,
  ]

  /// Every file the rules are read from.
  public static let allFiles = [files.scripts, files.japanese] + ruleFiles

  let scripts: ScriptTransforms
  let japanese: JapaneseSyllables
  /// ICU rules text by file path.
  let transforms: [String: String]

  /// The rules compiled into the binary.
  public static func builtIn() throws(NameError) -> NameRules {
    try NameRules { path in EmbeddedGlossaries.file(path) }
  }

  /// The rules under a glossaries folder (the folder that holds `transforms/`).
  public static func load(from folder: URL) throws(NameError) -> NameRules {
    try NameRules { path in
      try? String(contentsOf: folder.appending(path: path), encoding: .utf8)
    }
  }

  private init(read: (String) -> String?) throws(NameError) {
    func text(_ path: String) throws(NameError) -> String {
      guard let text = read(path) else { throw .missingRules(file: path) }
      return text
    }
    let f = Self.files
    scripts = try ScriptTransforms(text: text(f.scripts), file: f.scripts)
    japanese = try JapaneseSyllables(text: text(f.japanese), file: f.japanese)
    var transforms: [String: String] = [:]
    for path in Self.ruleFiles {
      transforms[path] = try text(path)
    }
    self.transforms = transforms
  }
}
