// Pins `crosswalk resolve` and `crosswalk glossary` as DESIGN.md's command-line contract
// describes them.
import Foundation
import Testing

@Suite("crosswalk resolve")
struct ResolveCommandTests {
  func lines(_ text: String) throws -> [[String: Any]] {
    try text.split(separator: "\n").map {
      try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
  }

  @Test("the issue's names link to their entities, with every jsonl field")
  func acceptanceLinks() throws {
    let result = try CLI.run([
      "resolve", "Ozekin", "Gunashiri", "Etorobu", "Kisida", "Grochev", "--format", "jsonl",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let objects = try lines(result.stdout)
    #expect(
      objects.map { $0["entity"] as? String } == [
        "vladimir-osechkin", "kunashir", "iturup", "fumio-kishida", "christo-grozev",
      ])
    for object in objects {
      for key in ["query", "entity", "name", "type", "score", "method", "explanation", "candidates"] {
        #expect(object[key] != nil, "missing \(key)")
      }
    }
  }

  @Test("Kushida and Guangdong link nothing: entity null, candidates still listed")
  func acceptanceNothing() throws {
    let result = try CLI.run(["resolve", "Kushida", "Guangdong", "--format", "jsonl"])
    #expect(result.status == 0)
    let objects = try lines(result.stdout)
    #expect(objects.count == 2)
    for object in objects { #expect(object["entity"] is NSNull) }
  }

  @Test("names stream from standard input, blank lines skipped, one output line each")
  func input() throws {
    let result = try CLI.run(
      ["resolve", "--input", "-", "--format", "tsv"], stdin: Data("Кунашир\n\n国後島\n😀😀\n".utf8))
    #expect(result.status == 0)
    let rows = result.stdout.split(separator: "\n").map {
      $0.split(separator: "\t", omittingEmptySubsequences: false)
    }
    #expect(rows.count == 4)
    #expect(rows.dropFirst().map { String($0[1]) } == ["kunashir", "kunashir", ""])
  }

  @Test("--glossary replaces the built-in glossaries")
  func ownGlossary() throws {
    let folder = try CLI.temporaryFolder()
    let glossary = folder.appending(path: "mine.yaml")
    try Data("entities:\n  - id: tanaka\n    type: person\n    name: Taro Tanaka\n".utf8).write(to: glossary)
    let result = try CLI.run([
      "resolve", "Tanaka Taro", "Kunashir", "--glossary", glossary.path, "--format", "jsonl",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let objects = try lines(result.stdout)
    #expect(objects.first?["entity"] as? String == "tanaka")
    #expect(objects.last?["entity"] is NSNull)
  }

  @Test("a malformed glossary is an error naming file, line and column, exit 2")
  func badGlossary() throws {
    let folder = try CLI.temporaryFolder()
    let glossary = folder.appending(path: "bad.yaml")
    try Data("entities:\n  - id: a\n    type: place\n    name: A\n    aliasses: [B]\n".utf8).write(
      to: glossary)
    let result = try CLI.run(["resolve", "A", "--glossary", glossary.path])
    #expect(result.status == 2)
    #expect(
      result.stderr.contains("bad.yaml:5:5: error: unknown key 'aliasses'; did you mean 'aliases'?"),
      "\(result.stderr)")
    #expect(result.stdout.isEmpty)
  }

  @Test("--threshold and --top change the decision and the list")
  func thresholdAndTop() throws {
    let strict = try CLI.run([
      "resolve", "Gunashir", "--threshold", "0.99", "--top", "1", "--format", "jsonl",
    ])
    let object = try #require(try lines(strict.stdout).first)
    #expect(object["entity"] is NSNull)
    #expect((object["candidates"] as? [Any])?.count == 1)
    #expect(try CLI.run(["resolve", "X", "--threshold", "2"]).status == 64)
  }
}

@Suite("crosswalk glossary")
struct GlossaryCommandTests {
  @Test("validate: the built-in glossaries are clean")
  func builtInIsClean() throws {
    let result = try CLI.run(["glossary", "validate"])
    #expect(result.status == 0)
    #expect(result.stdout.contains(": 0 errors, 0 warnings"), "\(result.stdout)")
  }

  @Test("validate: every kind of error with file, line and column, exit 2")
  func validateErrors() throws {
    let folder = try CLI.temporaryFolder()
    try Data(
      """
      entities:
        - id: kunashir
          type: place
          name: Kunashir
          aliasses: [Kunashiri]
          distinct: [iturupp]
        - id: Bad Id
          type: place
          name: Bad
        - type: place
          name: No Id
        - id: no-name
          type: place
        - id: shared
          type: place
          name: Kunashir

      """.utf8
    ).write(to: folder.appending(path: "a.yaml"))
    try Data("entities:\n  - id: kunashir\n    type: place\n    name: Again\n  - [broken\n".utf8)
      .write(to: folder.appending(path: "b.yaml"))
    let result = try CLI.run(["glossary", "validate", folder.path])
    #expect(result.status == 2)
    let out = result.stdout
    let a = folder.appending(path: "a.yaml").path
    for expected in [
      "\(a):5:5: error: unknown key 'aliasses'; did you mean 'aliases'?",
      "\(a):7:9: error: bad id 'Bad Id'",
      "\(a):10:5: error: entry has no 'id'",
      "\(a):12:5: error: 'no-name' has no 'name'",
      "\(a):2:5: error: 'distinct' of 'kunashir' names unknown id 'iturupp'",
      "warning: name 'Kunashir' of 'shared' is also a name of 'kunashir'",
      "b.yaml:6:1: error: malformed YAML",
    ] {
      #expect(out.contains(expected), "missing \(expected) in\n\(out)")
    }
  }

  @Test("export and import round-trip through TBX")
  func exportImport() throws {
    let folder = try CLI.temporaryFolder()
    let tbx = folder.appending(path: "all.tbx").path
    #expect(try CLI.run(["glossary", "export", "--format", "tbx", "-o", tbx]).status == 0)
    let imported = try CLI.run(["glossary", "import", tbx])
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stdout.contains("id: kunashir"))
    #expect(imported.stdout.contains("Gunashiri"))
  }
}
