// Pins `crosswalk normalize` as DESIGN.md's command-line contract describes it: formats, exit
// codes, errors naming the file and line, atomic output.
import Foundation
import Testing

@Suite("crosswalk normalize")
struct NormalizeCommandTests {
  func json(_ text: String) throws -> [[String: Any]] {
    let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try #require(parsed as? [[String: Any]])
  }

  @Test("JSON output parses, and Kisida, Kishida and Кисида share one romanization key")
  func jsonRomanization() throws {
    let result = try CLI.run(["normalize", "Kisida", "Kishida", "Кисида", "--format", "json"])
    #expect(result.status == 0)
    let names = try json(result.stdout)
    #expect(names.map { $0["input"] as? String } == ["Kisida", "Kishida", "Кисида"])
    let keys = Set(names.compactMap { $0["romanization"] as? String })
    #expect(keys == ["kishida"])
    for name in names {
      for field in ["literal", "folded", "latin", "romanization", "phonetic", "scripts", "steps"] {
        #expect(name[field] != nil, "missing \(field)")
      }
    }
  }

  @Test("国後島 shows no Mandarin reading at any level")
  func noMandarin() throws {
    for format in ["text", "json", "tsv"] {
      let result = try CLI.run(["normalize", "国後島", "--format", format])
      #expect(result.status == 0)
      #expect(result.stdout.contains("国後島"))
      #expect(!result.stdout.lowercased().contains("guo"))
    }
  }

  @Test("text output shows every level and where the names meet")
  func textOutput() throws {
    let result = try CLI.run(["normalize", "Gunashiri", "Kunashiri", "Кунашир"])
    #expect(result.status == 0)
    for level in ["literal", "folded", "latin", "romanization", "phonetic", "steps"] {
      #expect(result.stdout.contains("  \(level)"), "missing \(level)")
    }
    #expect(result.stdout.contains("phonetic: Gunashiri = Kunashiri = Кунашир (knsr)"))
    #expect(result.stderr.isEmpty)
  }

  @Test("JSON Lines: one object per name, from standard input, blank lines skipped")
  func jsonLinesFromStdin() throws {
    let input = Data("\u{FEFF}Ōno\r\n\r\nOhno\n  Oono  \nOno".utf8)
    let result = try CLI.run(["normalize", "--input", "-", "--format", "jsonl"], stdin: input)
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 4)
    let objects = try lines.map {
      try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
    #expect(objects.map { $0["input"] as? String } == ["Ōno", "Ohno", "Oono", "Ono"])
    #expect(Set(objects.compactMap { $0["romanization"] as? String }) == ["ono"])
  }

  @Test("TSV: a header, then one row per name with every level")
  func tsv() throws {
    let result = try CLI.run(["normalize", "Kisida", "--format", "tsv"])
    let rows = result.stdout.split(separator: "\n").map {
      $0.split(separator: "\t", omittingEmptySubsequences: false)
    }
    #expect(rows.first == ["input", "literal", "folded", "latin", "romanization", "phonetic", "scripts"])
    #expect(rows.dropFirst().first == ["Kisida", "Kisida", "kisida", "kisida", "kishida", "kst", "Latn"])
  }

  @Test("-o writes the file atomically and prints nothing")
  func outputFile() throws {
    let folder = try CLI.temporaryFolder()
    let path = folder.appending(path: "keys.json").path
    let result = try CLI.run(["normalize", "Kisida", "--format", "json", "-o", path])
    #expect(result.status == 0)
    #expect(result.stdout.isEmpty)
    let written = try String(contentsOfFile: path, encoding: .utf8)
    #expect(try json(written).count == 1)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(leftovers == ["keys.json"])
  }

  @Test("an output file that cannot be written is an error naming it, exit 2")
  func unwritableOutput() throws {
    let result = try CLI.run(["normalize", "Kisida", "-o", "/nonexistent-folder/keys.json"])
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix("crosswalk: error: cannot write '/nonexistent-folder/keys.json'"))
  }

  @Test("no names is a usage error, exit 64")
  func noNames() throws {
    let result = try CLI.run(["normalize"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("Please pass at least one name"))
  }

  @Test("an unknown format is a usage error, exit 64")
  func unknownFormat() throws {
    let result = try CLI.run(["normalize", "Kisida", "--format", "xml"])
    #expect(result.status == 64)
  }

  @Test("a missing input file is an error naming it, exit 2")
  func missingInput() throws {
    let result = try CLI.run(["normalize", "--input", "/no/such/names.txt"])
    #expect(result.status == 2)
    #expect(
      result.stderr == "crosswalk: error: /no/such/names.txt: cannot read: no such file or no permission\n")
  }

  @Test("a folder as input is an error naming it, exit 2")
  func folderInput() throws {
    let folder = try CLI.temporaryFolder()
    let result = try CLI.run(["normalize", "--input", folder.path])
    #expect(result.status == 2)
    #expect(result.stderr.contains("is a folder"))
  }

  @Test("invalid UTF-8 is an error naming the file and line, exit 2, after the lines before it")
  func invalidUTF8() throws {
    let folder = try CLI.temporaryFolder()
    let path = folder.appending(path: "names.txt")
    try Data([0x4B, 0x69, 0x73, 0x69, 0x64, 0x61, 0x0A, 0x4B, 0xFF, 0x0A]).write(to: path)
    let result = try CLI.run(["normalize", "--input", path.path, "--format", "jsonl"])
    #expect(result.status == 2)
    #expect(result.stderr == "crosswalk: error: \(path.path):2: invalid UTF-8\n")
    #expect(result.stdout.contains("\"kishida\""))
  }

  @Test("a binary file is an error, exit 2")
  func binaryInput() throws {
    let folder = try CLI.temporaryFolder()
    let path = folder.appending(path: "names.bin")
    try Data([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01, 0x02, 0x0A]).write(to: path)
    let result = try CLI.run(["normalize", "--input", path.path])
    #expect(result.status == 2)
    #expect(result.stderr.contains("\(path.path):1: binary data"))
  }

  @Test("an empty file gives an empty result, exit 0")
  func emptyInput() throws {
    let folder = try CLI.temporaryFolder()
    let path = folder.appending(path: "empty.txt")
    try Data().write(to: path)
    let result = try CLI.run(["normalize", "--input", path.path, "--format", "json"])
    #expect(result.status == 0)
    #expect(try json(result.stdout).isEmpty)
  }

  @Test("a line over the limit is an error naming the line, exit 2")
  func hugeLine() throws {
    let huge = Data("Kisida\n".utf8) + Data(repeating: 0x61, count: 2 << 20)
    let result = try CLI.run(["normalize", "--input", "-", "--format", "jsonl"], stdin: huge)
    #expect(result.status == 2)
    #expect(result.stderr.contains("<stdin>:2: line longer than"))
  }
}
