import CrosswalkCore
import Foundation
import Testing

@testable import CrosswalkGlossary

// MARK: Helpers shared by the glossary tests

/// Crosswalk's source location, not Swift Testing's.
typealias SourceLocation = CrosswalkCore.SourceLocation

/// A name without its location, for comparing what was read with what was written.
struct PlainName: Hashable, CustomStringConvertible {
  let text: String
  let kind: EntityName.Kind
  let usage: String?
  let route: String?

  init(_ name: EntityName) {
    (text, kind, usage, route) = (name.text, name.kind, name.usage, name.route)
  }

  var description: String {
    "\(text)[\(kind)\(usage.map { " usage=\($0)" } ?? "")\(route.map { " route=\($0)" } ?? "")]"
  }
}

/// An entity without locations.
struct PlainEntity: Hashable {
  let id: String
  let type: String
  let name: String
  let aliases: [PlainName]
  let variants: [PlainName]
  let distinct: [String]
  let note: String?

  init(_ entity: Entity) {
    (id, type, name, note, distinct) = (
      entity.id, entity.type, entity.name, entity.note, entity.distinct
    )
    aliases = entity.aliases.map(PlainName.init)
    variants = entity.variants.map(PlainName.init)
  }
}

/// `entities` without locations.
func plain(_ entities: [Entity]) -> [PlainEntity] { entities.map(PlainEntity.init) }

/// The built-in entities, which every format must carry unchanged.
func builtInEntities() -> [Entity] {
  let load = GlossaryLoader.builtIn()
  #expect(!load.hasErrors, "\(load.diagnostics)")
  #expect(load.glossary.entities.count >= 80)
  return load.glossary.entities
}

/// A folder of its own under the system's temporary folder; `remove()` deletes it.
struct TemporaryFolder {
  let path: String

  init() throws {
    path =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("crosswalk-glossary-tests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  /// Writes `bytes` to `name` (folders created as needed) and returns the file's path.
  @discardableResult
  func write(_ name: String, bytes: [UInt8]) throws -> String {
    let file = (path as NSString).appendingPathComponent(name)
    try FileManager.default.createDirectory(
      atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(bytes).write(to: URL(fileURLWithPath: file))
    return file
  }

  /// Writes `text` as UTF-8 to `name` and returns the file's path.
  @discardableResult
  func write(_ name: String, _ text: String) throws -> String {
    try write(name, bytes: Array(text.utf8))
  }

  func remove() { try? FileManager.default.removeItem(atPath: path) }
}

// MARK: Loader tests

/// Every validation the loader reports for YAML glossaries, with its exact place.
@Suite struct GlossaryLoaderTests {
  func load(_ text: String) -> GlossaryLoad {
    GlossaryLoader.load(text: text, file: "g.yaml", format: .yaml)
  }

  func location(_ line: Int?, _ column: Int?, file: String = "g.yaml") -> SourceLocation {
    SourceLocation(file: file, line: line, column: column)
  }

  @Test func malformedYAMLBadIndent() {
    let load = load("entities:\n  - id: a\n   name: A\n")
    #expect(load.diagnostics.count == 1)
    let diagnostic = load.diagnostics.first
    #expect(diagnostic?.severity == .error)
    #expect(diagnostic?.location == location(3, 4))
    #expect(diagnostic?.message.hasPrefix("malformed YAML: ") == true)
    #expect(load.glossary.entities.isEmpty)
  }

  @Test func malformedYAMLUnclosedBracket() {
    let load = load("entities:\n  - id: a\n    aliases: [A, B\n")
    #expect(load.diagnostics.count == 1)
    #expect(load.diagnostics.first?.location == location(4, 1))
    #expect(load.diagnostics.first?.message.hasPrefix("malformed YAML: ") == true)
    #expect(load.diagnostics.first?.message.contains("']'") == true)
  }

  @Test func unknownKeyWithDidYouMean() {
    let load = load("entities:\n  - id: a\n    type: place\n    name: A\n    aliasses: [B]\n")
    #expect(
      load.diagnostics == [
        Diagnostic(.error, at: location(5, 5), "unknown key 'aliasses'; did you mean 'aliases'?")
      ])
    // The entry is kept; only the misspelled key is lost.
    #expect(load.glossary.entity(id: "a")?.aliases.isEmpty == true)
  }

  @Test func unknownKeyFarFromAnyKnownOne() {
    let load = load("entities:\n  - id: a\n    type: place\n    name: A\n    population: 7\n")
    #expect(load.diagnostics.count == 1)
    #expect(load.diagnostics.first?.location == location(5, 5))
    #expect(
      load.diagnostics.first?.message
        == "unknown key 'population'; known keys: id, type, name, aliases, variants, distinct, note")
  }

  @Test func missingID() {
    let load = load("entities:\n  - type: place\n    name: A\n")
    #expect(load.diagnostics == [Diagnostic(.error, at: location(2, 5), "entry has no 'id'")])
    #expect(load.glossary.entities.isEmpty)
  }

  @Test func missingName() {
    let load = load("entities:\n  - id: a\n    type: place\n")
    #expect(load.diagnostics == [Diagnostic(.error, at: location(2, 5), "'a' has no 'name'")])
    #expect(load.glossary.entities.isEmpty)
  }

  @Test func badIDWithSuggestion() {
    let load = load("entities:\n  - id: Bad Id\n    type: place\n    name: A\n")
    #expect(
      load.diagnostics.first
        == Diagnostic(
          .error, at: location(2, 9),
          "bad id 'Bad Id': ids are lowercase ASCII letters, digits and hyphens; try 'bad-id'"))
    #expect(load.glossary.entities.isEmpty)
    #expect(load.diagnostics.count == 1, "\(load.diagnostics)")
  }

  @Test func duplicateKeyInOneEntry() {
    let load = load("entities:\n  - id: a\n    type: place\n    name: A\n    name: B\n")
    // Yams names the first of the two keys.
    #expect(
      load.diagnostics == [Diagnostic(.error, at: location(4, 5), "duplicate key 'name' in one entry")])
  }

  @Test func distinctNamingAnUnknownID() {
    let load = load(
      """
      entities:
        - id: a
          type: place
          name: A
          distinct: [kunashr]
        - id: kunashir
          type: place
          name: Kunashir
      """)
    #expect(
      load.diagnostics == [
        Diagnostic(
          .error, at: location(2, 5),
          "'distinct' of 'a' names unknown id 'kunashr'; did you mean 'kunashir'?")
      ])
  }

  @Test func aliasSharedByTwoEntitiesIsAWarning() {
    let load = load(
      """
      entities:
        - id: a
          type: place
          name: A
          aliases: [Same Name]
        - id: b
          type: place
          name: B
          aliases: [same  name]
      """)
    #expect(!load.hasErrors)
    #expect(load.diagnostics.count == 1)
    let warning = load.diagnostics.first
    #expect(warning?.severity == .warning)
    #expect(warning?.location == location(9, 15))
    #expect(warning?.message.contains("'b'") == true)
    #expect(warning?.message.contains("'a'") == true)
    #expect(warning?.message.contains("'same  name'") == true)
    #expect(load.glossary.entities.count == 2)
  }

  @Test func emptyFileIsFine() {
    for text in ["", "\n\n", "# nothing yet\n", "entities:\n"] {
      let load = load(text)
      #expect(load.diagnostics.isEmpty, "\(text.debugDescription): \(load.diagnostics)")
      #expect(load.glossary.entities.isEmpty)
    }
  }

  // MARK: Files and folders

  @Test func duplicateIDsAcrossTwoFiles() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let first = try folder.write(
      "a.yaml", "entities:\n  - id: kunashir\n    type: place\n    name: Kunashir\n")
    let second = try folder.write(
      "b.yaml",
      "# again\nentities:\n  - id: iturup\n    type: place\n    name: Iturup\n\n  - id: kunashir\n    type: place\n    name: Kunashiri\n"
    )
    let load = GlossaryLoader.load(paths: [first, second])
    #expect(
      load.diagnostics == [
        Diagnostic(
          .error, at: location(7, 5, file: second),
          "duplicate id 'kunashir', first defined at \(first):2:5")
      ])
    #expect(load.glossary.entity(id: "kunashir")?.name == "Kunashir")
    #expect(load.files == [first, second])
  }

  @Test func nonUTF8File() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let bytes = Array("entities:\n  - id: a\n".utf8) + Array("    name: Caf".utf8) + [0xE9, 0x0A]
    let file = try folder.write("latin1.yaml", bytes: bytes)
    let load = GlossaryLoader.load(paths: [file])
    #expect(
      load.diagnostics == [
        Diagnostic(.error, at: location(3, 1, file: file), "invalid UTF-8; glossaries are UTF-8 text")
      ])
  }

  @Test func binaryFile() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let file = try folder.write("image.yaml", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0A, 0x00, 0x01])
    let load = GlossaryLoader.load(paths: [file])
    #expect(
      load.diagnostics == [
        Diagnostic(
          .error, at: location(2, 1, file: file), "binary data (NUL byte), not a glossary")
      ])
    #expect(load.hasErrors)
  }

  @Test func emptyFileOnDisk() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let file = try folder.write("empty.yaml", "")
    let load = GlossaryLoader.load(paths: [file])
    #expect(load.diagnostics.isEmpty)
    #expect(load.glossary.entities.isEmpty)
    #expect(load.files == [file])
  }

  @Test func folderWalkedRecursivelyInSortedOrder() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    func entry(_ id: String) -> String {
      "entities:\n  - id: \(id)\n    type: place\n    name: \(id.capitalized)\n"
    }
    try folder.write("b.yaml", entry("bravo"))
    try folder.write("a/c.yml", entry("charlie"))
    try folder.write("a/deeper/d.yaml", entry("delta"))
    try folder.write("e.tsv", "id\tname\necho\tEcho\n")
    try folder.write("f.csv", "id,name\nfoxtrot,Foxtrot\n")
    try folder.write("g.tbx", TBXGlossary.write([Entity(id: "golf", type: "place", name: "Golf")]))
    try folder.write("a/notes.txt", "not a glossary")
    try folder.write("README.md", "# not a glossary")
    try folder.write(".hidden.yaml", entry("hidden"))
    let load = GlossaryLoader.load(paths: [folder.path])
    let root = folder.path
    #expect(
      load.files == [
        "\(root)/a/c.yml", "\(root)/a/deeper/d.yaml", "\(root)/b.yaml", "\(root)/e.tsv",
        "\(root)/f.csv", "\(root)/g.tbx",
      ])
    #expect(load.glossary.entities.map(\.id) == ["charlie", "delta", "bravo", "echo", "foxtrot", "golf"])
    #expect(load.diagnostics.isEmpty, "\(load.diagnostics)")
  }

  @Test func folderWithoutGlossaryFiles() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("notes.txt", "entities: []")
    let load = GlossaryLoader.load(paths: [folder.path])
    #expect(
      load.diagnostics == [
        Diagnostic(
          .error, at: SourceLocation(file: folder.path),
          "no glossary files (.yaml, .tsv, .csv, .tbx) in this folder")
      ])
  }

  @Test func folderSkipsTablesThatAreNotGlossariesButAFileNamedIsRead() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("places.tsv", "# Places\nid\ttype\tname\nkunashir\tplace\tKunashir\n")
    try folder.write("lists/acronyms.tsv", "# A rule's list\nSVO\tru\tСВО\n")
    let load = GlossaryLoader.load(paths: [folder.path])
    #expect(load.glossary.entities.map(\.id) == ["kunashir"])
    #expect(load.diagnostics.map(\.severity) == [.warning])
    #expect(load.diagnostics.first?.message.contains("acronyms.tsv") == true)
    let named = GlossaryLoader.load(paths: [folder.path + "/lists/acronyms.tsv"])
    #expect(named.diagnostics.contains { $0.severity == .error })
  }

  @Test func missingPath() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let missing = folder.path + "/nowhere.yaml"
    let load = GlossaryLoader.load(paths: [missing])
    #expect(
      load.diagnostics == [Diagnostic(.error, at: SourceLocation(file: missing), "no such file or folder")])
    #expect(load.hasErrors)
  }

  @Test func fileWithAnUnknownExtension() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let file = try folder.write("glossary.json", "{}")
    let load = GlossaryLoader.load(paths: [file])
    #expect(
      load.diagnostics == [
        Diagnostic(
          .error, at: SourceLocation(file: file),
          "unknown glossary format; use a .yaml, .tsv, .csv or .tbx file")
      ])
  }

  @Test func formatFromExtension() {
    #expect(GlossaryFormat(path: "a/b.YAML") == .yaml)
    #expect(GlossaryFormat(path: "b.yml") == .yaml)
    #expect(GlossaryFormat(path: "b.tab") == .tsv)
    #expect(GlossaryFormat(path: "b.csv") == .csv)
    #expect(GlossaryFormat(path: "b.tbx") == .tbx)
    #expect(GlossaryFormat(path: "b.txt") == nil)
  }

  /// Every format, read through the loader, keeps the built-in glossary whole.
  @Test func everyFormatCarriesTheBuiltInGlossary() {
    let entities = builtInEntities()
    for format in GlossaryFormat.allCases {
      let load = GlossaryLoader.load(text: format.write(entities), file: "g", format: format)
      #expect(!load.hasErrors, "\(format): \(load.diagnostics.prefix(3))")
      #expect(load.glossary.entities.map(\.id) == entities.map(\.id), "\(format)")
      #expect(
        Set(plain(load.glossary.entities).map(\.name)) == Set(plain(entities).map(\.name)), "\(format)")
    }
  }
}
