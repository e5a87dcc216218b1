import CrosswalkGlossaryData
// Pins how broken rule data is reported: the file and line, never a trap.
import Foundation
import Testing

@testable import CrosswalkNames

@Suite("Name rules data")
struct NameRulesTests {
  /// A copy of the built-in transforms in a temporary folder, with one file replaced.
  func folder(replacing path: String, with text: String?) throws -> URL {
    let root = FileManager.default.temporaryDirectory.appending(path: "crosswalk-rules-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: root.appending(path: "transforms"), withIntermediateDirectories: true)
    for file in NameRules.allFiles {
      let content = file == path ? text : EmbeddedGlossaries.file(file)
      if let content { try content.write(to: root.appending(path: file), atomically: true, encoding: .utf8) }
    }
    return root
  }

  /// The error that loading and compiling the rules in `root` gives, or nil when they compile.
  func compileError(_ root: URL) -> NameError? {
    do throws(NameError) {
      _ = try NameNormalizer(rules: NameRules.load(from: root))
      return nil
    } catch {
      return error
    }
  }

  @Test("the built-in rules load and match a copy on disk")
  func builtInLoads() throws {
    let root = try folder(replacing: "", with: nil)
    defer { try? FileManager.default.removeItem(at: root) }
    let fromDisk = try NameNormalizer(rules: NameRules.load(from: root))
    let builtIn = try NameNormalizer()
    #expect(try fromDisk.keys(for: "Кисида") == builtIn.keys(for: "Кисида"))
  }

  @Test("a missing rules file is named")
  func missingFile() throws {
    let root = try folder(replacing: NameRules.files.phonetic, with: nil)
    defer { try? FileManager.default.removeItem(at: root) }
    #expect(throws: NameError.missingRules(file: "transforms/phonetic.txt")) {
      try NameRules.load(from: root)
    }
  }

  @Test("an ICU rule syntax error names the file and its line")
  func ruleSyntaxError() throws {
    let broken = "# comment\na > b ;\nc > [d ;\n"
    let root = try folder(replacing: NameRules.files.phonetic, with: broken)
    defer { try? FileManager.default.removeItem(at: root) }
    let error = try #require(compileError(root))
    guard case .invalidRules(let file, let line, _) = error else {
      Issue.record("unexpected error \(error)")
      return
    }
    #expect(file == "transforms/phonetic.txt")
    #expect(line == 3)
    #expect(error.description.hasPrefix("transforms/phonetic.txt:3: "))
  }

  @Test("an error in the second of two joined files names that file")
  func ruleErrorInJoinedFile() throws {
    var romanization = EmbeddedGlossaries.file(NameRules.files.romanization) ?? ""
    romanization += "\nzz > [ ;\n"
    let lines = romanization.split(separator: "\n", omittingEmptySubsequences: false).count
    let root = try folder(replacing: NameRules.files.romanization, with: romanization)
    defer { try? FileManager.default.removeItem(at: root) }
    let error = try #require(compileError(root))
    guard case .invalidRules(let file, let line, _) = error else {
      Issue.record("unexpected error \(error)")
      return
    }
    #expect(file == "transforms/romanization.txt")
    #expect(line == lines - 1)
  }

  @Test("a malformed script table line is named")
  func badScriptTable() throws {
    let root = try folder(replacing: NameRules.files.scripts, with: "Latn\t-\nCyrl\n")
    defer { try? FileManager.default.removeItem(at: root) }
    let error = try #require(compileError(root))
    #expect(error.description.hasPrefix("transforms/script-transliteration.tsv:2: "))
  }

  @Test("an unknown ICU transform id in the script table fails when used, naming the id")
  func unknownTransform() throws {
    let root = try folder(replacing: NameRules.files.scripts, with: "Latn\t-\nCyrl\tNo-Such-Transform\n")
    defer { try? FileManager.default.removeItem(at: root) }
    let normalizer = try NameNormalizer(rules: NameRules.load(from: root))
    #expect(try normalizer.keys(for: "Kishida").romanization == "kishida")
    #expect(throws: NameError.self) { try normalizer.keys(for: "Кисида") }
  }
}
