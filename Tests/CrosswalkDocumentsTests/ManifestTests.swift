// Pins Manifest: every key of a valid manifest read into entries (translation_of included), in
// the manifest's order; each mistake an error naming the file and its line (unknown keys with a
// did-you-mean, a missing id or path, a duplicate id, a translation_of naming no document,
// malformed YAML, a duplicate key, a top level that is no mapping, an unknown top-level key);
// and the package's own corpus/manifest.yaml.
import CrosswalkCore
import Foundation
import Testing

@testable import CrosswalkDocuments

@Suite("Manifest")
struct ManifestTests {
  static let file = "corpus/manifest.yaml"

  /// The diagnostics parsing `text` gives; fails the test when it parses.
  static func diagnostics(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation)
    -> [Diagnostic]
  {
    do {
      let manifest = try Manifest.parse(text, file: file)
      Issue.record("parsed into \(manifest.entries.count) entries", sourceLocation: sourceLocation)
      return []
    } catch {
      for diagnostic in error.diagnostics {
        #expect(diagnostic.location.file == file, sourceLocation: sourceLocation)
        #expect(diagnostic.severity == .error, sourceLocation: sourceLocation)
        #expect(diagnostic.location.line != nil, "no line: \(diagnostic)", sourceLocation: sourceLocation)
      }
      #expect(error.description == error.diagnostics.map(\.description).joined(separator: "\n"))
      return error.diagnostics
    }
  }

  @Test("a valid manifest gives every key of every entry, in order")
  func valid() throws {
    let text = """
      # Two documents.
      documents:
        - id: kurils-ru
          path: ru/kurils-ru.txt
          language: ru
          encoding: windows-1251
          title: "Пакт, острова и архивы"
          source: Crosswalk sample corpus
          date: "2024-09-06"
          notes: Original Russian analysis.
        - id: kurils-ru-mt
          path: en/kurils-ru-mt.txt
          language: en
          date: 2024-09-07
          translation_of: kurils-ru
      """
    let manifest = try Manifest.parse(text, file: Self.file)
    #expect(manifest.file == Self.file)
    #expect(manifest.entries.map(\.id) == ["kurils-ru", "kurils-ru-mt"])
    let original = try #require(manifest.entries.first)
    #expect(
      original
        == ManifestEntry(
          id: "kurils-ru", path: "ru/kurils-ru.txt", language: "ru", encoding: "windows-1251",
          metadata: DocumentMetadata(
            title: "Пакт, острова и архивы", source: "Crosswalk sample corpus", date: "2024-09-06",
            translationOf: nil, notes: "Original Russian analysis.")))
    let translation = try #require(manifest.entries.last)
    #expect(
      translation
        == ManifestEntry(
          id: "kurils-ru-mt", path: "en/kurils-ru-mt.txt", language: "en", encoding: nil,
          metadata: DocumentMetadata(date: "2024-09-07", translationOf: "kurils-ru")))
  }

  @Test("a translation may come before its original, and ids may be numbers")
  func orderAndScalars() throws {
    let text = """
      documents:
        - {id: 2, path: b.txt, translation_of: 1}
        - {id: 1, path: a.txt}
      """
    let manifest = try Manifest.parse(text, file: Self.file)
    #expect(manifest.entries.map(\.id) == ["2", "1"])
    #expect(manifest.entries.first?.metadata.translationOf == "1")
  }

  @Test("an empty documents list is an empty manifest")
  func emptyList() throws {
    #expect(try Manifest.parse("documents: []\n", file: Self.file).entries.isEmpty)
  }

  @Test("an unknown key names its line and column, with the key it was probably meant to be")
  func unknownKey() {
    let text = """
      documents:
        - id: a
          path: a.txt
          tittle: Kishida in Tokyo
      """
    let found = Self.diagnostics(text)
    #expect(found.count == 1)
    #expect(found.first?.location == CrosswalkCore.SourceLocation(file: Self.file, line: 4, column: 5))
    #expect(found.first?.message == "unknown key 'tittle'; did you mean 'title'?")
    #expect(
      found.first?.description
        == "corpus/manifest.yaml:4:5: error: unknown key 'tittle'; did you mean 'title'?")
  }

  @Test("an unknown key like no known one lists the known keys")
  func unknownKeyWithoutSuggestion() {
    let found = Self.diagnostics("documents:\n  - id: a\n    path: a.txt\n    publisher: TASS\n")
    #expect(found.count == 1)
    #expect(found.first?.location.line == 4)
    #expect(found.first?.message.hasPrefix("unknown key 'publisher'; known keys: id, path, language") == true)
  }

  @Test("a document without an id names the line of the document")
  func missingID() {
    let found = Self.diagnostics(
      "documents:\n  - id: a\n    path: a.txt\n  - path: b.txt\n    language: en\n")
    #expect(found.map(\.message) == ["a document without an 'id'"])
    #expect(found.first?.location.line == 4)
  }

  @Test("a document without a path names its id and line")
  func missingPath() {
    let found = Self.diagnostics("documents:\n  - id: a\n    path: a.txt\n  - id: b\n    language: en\n")
    #expect(found.map(\.message) == ["document 'b' has no 'path'"])
    #expect(found.first?.location.line == 4)
  }

  @Test("an id used twice names the second use")
  func duplicateID() {
    let found = Self.diagnostics("documents:\n  - id: a\n    path: a.txt\n  - id: a\n    path: b.txt\n")
    #expect(found.map(\.message) == ["the id 'a' is used twice"])
    #expect(found.first?.location.line == 4)
  }

  @Test("translation_of naming no document of the manifest is an error at that document")
  func unknownOriginal() {
    let text = """
      documents:
        - id: a
          path: a.txt
        - id: b
          path: b.txt
          translation_of: kurils-ru
      """
    let found = Self.diagnostics(text)
    #expect(
      found.map(\.message) == [
        "document 'b' is a translation_of 'kurils-ru', which the manifest does not list"
      ])
    #expect(found.first?.location.line == 6)
  }

  @Test("malformed YAML names its line")
  func malformedYAML() {
    let found = Self.diagnostics("documents:\n  - id: a\n    path: [a.txt\n  - id: b\n")
    #expect(found.count == 1)
    #expect(found.first?.message.hasPrefix("malformed YAML: ") == true)
    #expect(found.first?.location.line == 4)
    // A diagnostic is one line.
    #expect(found.first?.description.contains("\n") == false)
    let tab = Self.diagnostics("documents:\n\t- id: a\n")
    #expect(tab.first?.location.line == 2)
  }

  @Test("a key given twice in one document names its line, without repeating the manifest")
  func duplicateKey() {
    let found = Self.diagnostics("documents:\n  - id: a\n    path: a.txt\n    path: b.txt\n")
    #expect(found.count == 1)
    #expect(found.first?.location.line == 3)
    #expect(found.first?.message.contains("'path'") == true)
    #expect(found.first?.description.contains("\n") == false)
  }

  @Test(
    "a top level that is not a mapping is an error on line 1",
    arguments: ["", "- id: a\n  path: a.txt\n", "just some words\n", "# only a comment\n"])
  func notAMapping(text: String) {
    let found = Self.diagnostics(text)
    #expect(found.map(\.message) == ["expected a mapping with a 'documents' list"])
    #expect(found.first?.location.line == 1)
  }

  @Test("an unknown top-level key, and documents that are not a list, are errors at their lines")
  func topLevelKeys() {
    let found = Self.diagnostics("documents:\n  - id: a\n    path: a.txt\ncorpus: kurils\n")
    #expect(found.map(\.message) == ["unknown key 'corpus'; the manifest has one key, 'documents'"])
    #expect(found.first?.location.line == 4)
    let notList = Self.diagnostics("documents: a.txt\n")
    #expect(notList.map(\.message) == ["'documents' must be a list"])
    #expect(notList.first?.location.line == 1)
    let notMapping = Self.diagnostics("documents:\n  - a.txt\n")
    #expect(notMapping.map(\.message) == ["each document must be a mapping with at least 'id' and 'path'"])
    #expect(notMapping.first?.location.line == 2)
    // The path that is no single value is not taken, so the document has none.
    let nested = Self.diagnostics("documents:\n  - id: a\n    path: [a.txt, b.txt]\n")
    #expect(nested.map(\.message) == ["'path' must be a single value", "document 'a' has no 'path'"])
    #expect(nested.map(\.location.line) == [3, 2])
  }

  @Test("every problem of a manifest is reported at once")
  func severalProblems() {
    let text = """
      documents:
        - id: a
          path: a.txt
          tittle: A
        - path: b.txt
        - id: c
          path: c.txt
          translation_of: z
      extra: 1
      """
    let found = Self.diagnostics(text)
    #expect(found.compactMap(\.location.line).sorted() == [4, 5, 8, 9])
    #expect(found.count == 4)
  }

  @Test("read() names a missing manifest")
  func missingFile() {
    let path = "/nonexistent-\(UUID().uuidString)/manifest.yaml"
    do {
      _ = try Manifest.read(path)
      Issue.record("read a missing file")
    } catch {
      #expect(error.diagnostics.count == 1)
      #expect(error.diagnostics.first?.location.file == path)
    }
  }

  @Test("the sample corpus's manifest lists its 11 documents and two translations")
  func sampleCorpus() throws {
    let manifest = try Manifest.read((corpusFolder as NSString).appendingPathComponent(Manifest.fileName))
    #expect(manifest.entries.count == 11)
    #expect(Set(manifest.entries.map(\.id)).count == 11)
    let links = manifest.entries.compactMap { entry in
      entry.metadata.translationOf.map { "\(entry.id)→\($0)" }
    }
    #expect(links == ["kurils-ru-mt→kurils-ru", "kurils-ja-mt→kurils-ja"])
    #expect(manifest.entries.allSatisfy { $0.language != nil && $0.metadata.title != nil })
    for entry in manifest.entries {
      let path = (corpusFolder as NSString).appendingPathComponent(entry.path)
      #expect(FileManager.default.fileExists(atPath: path), "\(entry.path)")
    }
    let languages = Dictionary(grouping: manifest.entries, by: { $0.language ?? "" }).mapValues(\.count)
    #expect(languages == ["en": 7, "ru": 2, "ja": 2])
    #expect(
      manifest.entries.first { $0.id == "seed-003-tokyo-military-adversary" }?.metadata.date == "2024-09-06")
  }
}
