import Foundation
import Testing

/// `crosswalk glossary suggest`: unknown names grouped across documents and scripts, written as
/// a glossary that `glossary validate` accepts.
@Suite struct GlossarySuggestCommandTests {
  @Test func unknownNamesAcrossScriptsBecomeOneValidEntry() throws {
    let folder = try CLI.temporaryFolder()
    try "Вчера Игорь Самохвалов прибыл в Южно-Курильск.\n".write(
      to: folder.appending(path: "ru.txt"), atomically: true, encoding: .utf8)
    try "Yesterday Igor Samokhvalov arrived in Yuzhno-Kurilsk. Later Igor Samokhvalov left.\n".write(
      to: folder.appending(path: "en.txt"), atomically: true, encoding: .utf8)
    let result = try CLI.run(["glossary", "suggest", "ru.txt", "en.txt", "-o", "s.yaml"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    let yaml = try String(contentsOf: folder.appending(path: "s.yaml"), encoding: .utf8)
    #expect(yaml.contains("  - id: igor-samokhvalov\n    type: person  # guessed\n    name: Igor Samokhvalov\n    aliases:\n      - Игорь Самохвалов\n"))
    #expect(yaml.contains("# 'Igor Samokhvalov' (2×): en.txt:1, en.txt:1"))
    #expect(yaml.contains("name: Yuzhno-Kurilsk"))
    // The suggestion is a glossary: validate reads it without an error.
    let validated = try CLI.run(["glossary", "validate", "s.yaml"], in: folder)
    #expect(validated.status == 0, "\(validated.stdout) \(validated.stderr)")
  }

  /// A misspelt place of known-names.tsv is suggested under its name, with its known names as
  /// aliases and the misspelling as a variant, which `check` then flags.
  @Test func aKnownPlaceIsSuggestedUnderItsNameWithTheMisspellingAsVariant() throws {
    let folder = try CLI.temporaryFolder()
    try "Timber trucks left Khabarovsk in May.\nThe ferry from Habarovsk was late.\n".write(
      to: folder.appending(path: "en.txt"), atomically: true, encoding: .utf8)
    let result = try CLI.run(["glossary", "suggest", "en.txt", "-o", "s.yaml"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    let yaml = try String(contentsOf: folder.appending(path: "s.yaml"), encoding: .utf8)
    #expect(yaml.contains("    type: place  # a known place: glossaries/mentions/known-names.tsv\n    name: Khabarovsk\n"))
    #expect(yaml.contains("      - Хабаровск\n"))
    #expect(yaml.contains("    variants:\n      - Habarovsk\n"))
    #expect(!yaml.contains("name: Habarovsk"))
    try "The ferry from Habarovsk was late.\n".write(to: folder.appending(path: "t.txt"), atomically: true, encoding: .utf8)
    let checked = try CLI.run(["check", "t.txt", "--glossary", "s.yaml", "--only", "name-variant", "--format", "jsonl"], in: folder)
    #expect(checked.stdout.contains("\"suggestion\":\"Khabarovsk\""), "\(checked.stdout) \(checked.stderr)")
  }

  @Test func minDocumentsKeepsOnlyNamesSeenInSeveral() throws {
    let folder = try CLI.temporaryFolder()
    try "Igor Samokhvalov met Anna Vedeneeva.\n".write(to: folder.appending(path: "a.txt"), atomically: true, encoding: .utf8)
    try "Igor Samokhvalov spoke.\n".write(to: folder.appending(path: "b.txt"), atomically: true, encoding: .utf8)
    let result = try CLI.run(["glossary", "suggest", "a.txt", "b.txt", "--min-documents", "2"], in: folder)
    #expect(result.status == 0)
    #expect(result.stdout.contains("Igor Samokhvalov"))
    #expect(!result.stdout.contains("Vedeneeva"))
  }
}
