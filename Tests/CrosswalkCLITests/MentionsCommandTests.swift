// Pins `crosswalk mentions` end to end, as DESIGN.md's command-line contract describes it: links on
// the seed documents, the jsonl fields and their Unicode-scalar offsets, legacy encodings, output
// order, the output formats, and what happens to files that are not good text.
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The package folder, where `corpus/` is: the tests run the binary there with relative paths, so
/// that the paths it prints are the ones `corpus/manifest.yaml` gives.
private let packageRoot = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The paths of the corpus documents as `crosswalk mentions corpus` prints them, in byte order.
private let corpusPaths = [
  "corpus/en/kurils-ja-mt.txt",
  "corpus/en/kurils-ru-mt.txt",
  "corpus/en/seed-000-zakharova-japan-axis.txt",
  "corpus/en/seed-001-japan-distorts-history.txt",
  "corpus/en/seed-002-fsb-japan-occupation-plans.txt",
  "corpus/en/seed-003-tokyo-military-adversary.txt",
  "corpus/en/seed-004-osechkin-fsb-letter.txt",
  "corpus/ja/brief-sjis.txt",
  "corpus/ja/kurils-ja.txt",
  "corpus/ru/brief-cp1251.txt",
  "corpus/ru/kurils-ru.txt",
]

/// The jsonl contract of DESIGN.md, and the extra keys the command may add.
private let contractKeys: Set = [
  "path", "line", "column", "start", "end", "surface", "entity", "name", "type", "score", "method",
]
private let extraKeys: Set = ["document", "found", "matched"]

/// The good file every bad-input folder holds, and the entities its mentions link to.
private let goodText = "Fumio Kishida met Vladimir Putin in Moscow."
private let goodEntities = ["fumio-kishida", "vladimir-putin", "moscow"]

/// Runs `crosswalk mentions arguments…` in the package folder.
private func mentions(_ arguments: [String]) throws -> RunResult {
  try CLI.run(["mentions"] + arguments, in: packageRoot)
}

/// One JSON object per line.
private func jsonLines(_ text: String) throws -> [[String: Any]] {
  try text.split(separator: "\n").map {
    try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any], "not an object: \($0)")
  }
}

/// The text of a corpus document, decoded by Foundation rather than by the command: the two
/// legacy briefs by their known encodings, everything else as UTF-8.
private func decodedText(of path: String) throws -> String {
  let data = try Data(contentsOf: packageRoot.appending(path: path))
  let encoding: String.Encoding =
    switch path {
    case "corpus/ru/brief-cp1251.txt": .windowsCP1251
    case "corpus/ja/brief-sjis.txt": .shiftJIS
    default: .utf8
    }
  return try #require(String(data: data, encoding: encoding), "Foundation cannot decode \(path)")
}

/// The 1-based line and column (in scalars) of a scalar offset, counted independently of the
/// command: a line ends after LF, CR LF or a lone CR.
private func location(of offset: Int, in scalars: [Unicode.Scalar]) -> (line: Int, column: Int) {
  var line = 1
  var lineStart = 0
  for index in 0..<offset {
    switch scalars[index] {
    case "\r":
      line += 1
      lineStart = index + 1
    case "\n":
      // The LF of a CR LF ends the line the CR already ended.
      if index == 0 || scalars[index - 1] != "\r" { line += 1 }
      lineStart = index + 1
    default: break
    }
  }
  return (line, offset - lineStart + 1)
}

/// Checks that every mention's surface is the text between its offsets, and that its line and
/// column agree with its start.
private func expectOffsetsAgree(
  _ objects: [[String: Any]], with scalars: [Unicode.Scalar], in path: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  for object in objects {
    guard let start = object["start"] as? Int, let end = object["end"] as? Int,
      let surface = object["surface"] as? String, let line = object["line"] as? Int,
      let column = object["column"] as? Int
    else {
      Issue.record("\(path): a mention without start, end, surface, line or column: \(object)", sourceLocation: sourceLocation)
      continue
    }
    guard 0 <= start, start < end, end <= scalars.count else {
      Issue.record("\(path): \(start)..<\(end) is outside 0..<\(scalars.count) (\(surface))", sourceLocation: sourceLocation)
      continue
    }
    let slice = String(String.UnicodeScalarView(scalars[start..<end]))
    #expect(slice == surface, "\(path) \(start)..<\(end)", sourceLocation: sourceLocation)
    let expected = location(of: start, in: scalars)
    #expect(
      line == expected.line && column == expected.column,
      "\(path) '\(surface)' at \(start): \(line):\(column), expected \(expected.line):\(expected.column)",
      sourceLocation: sourceLocation)
  }
}

/// The mentions of `path` in jsonl output.
private func objects(_ all: [[String: Any]], path: String) -> [[String: Any]] {
  all.filter { $0["path"] as? String == path }
}

/// An acceptance case: in `document`, every mention whose surface contains `needle` (or starts
/// with it) links to `entity`, and there is at least one.
struct SeedLink: Sendable, CustomTestStringConvertible {
  let document: String
  let needle: String
  let entity: String
  var prefixOnly = false

  var testDescription: String { "\(needle) → \(entity) in \(document)" }
}

@Suite("crosswalk mentions")
struct MentionsCommandTests {
  // MARK: 1. Acceptance on the seed documents

  @Test(
    "the seed documents' variant names link to their entities",
    arguments: [
      SeedLink(document: "corpus/en/seed-004-osechkin-fsb-letter.txt", needle: "Osechkin", entity: "vladimir-osechkin"),
      SeedLink(document: "corpus/en/seed-004-osechkin-fsb-letter.txt", needle: "Ozekin", entity: "vladimir-osechkin"),
      SeedLink(document: "corpus/en/seed-004-osechkin-fsb-letter.txt", needle: "Gunashiri", entity: "kunashir"),
      SeedLink(document: "corpus/en/seed-004-osechkin-fsb-letter.txt", needle: "Etorobu", entity: "iturup"),
      SeedLink(document: "corpus/en/seed-004-osechkin-fsb-letter.txt", needle: "Wind o change", entity: "wind-of-change"),
      SeedLink(document: "corpus/en/seed-003-tokyo-military-adversary.txt", needle: "Kishida", entity: "fumio-kishida"),
      SeedLink(document: "corpus/en/seed-003-tokyo-military-adversary.txt", needle: "Kisida", entity: "fumio-kishida"),
      // The text has "the Kwantung Army or the Guandong Army Group".
      SeedLink(
        document: "corpus/en/seed-002-fsb-japan-occupation-plans.txt", needle: "Guandong", entity: "kwantung-army",
        prefixOnly: true),
    ])
  func seedLinks(_ expectation: SeedLink) throws {
    let result = try mentions([expectation.document, "--format", "jsonl"])
    #expect(result.status == 0, "\(result.stderr)")
    let all = try jsonLines(result.stdout)
    let hits = all.filter { object in
      guard let surface = object["surface"] as? String else { return false }
      return expectation.prefixOnly ? surface.hasPrefix(expectation.needle) : surface.contains(expectation.needle)
    }
    #expect(!hits.isEmpty, "no mention with '\(expectation.needle)' in \(expectation.document)")
    for hit in hits {
      #expect(
        hit["entity"] as? String == expectation.entity,
        "'\(hit["surface"] ?? "")' at \(hit["line"] ?? ""):\(hit["column"] ?? "") links to \(hit["entity"] ?? "nil")")
    }
  }

  // MARK: 2. The jsonl contract

  @Test("every jsonl object has the contract's keys, with the right types")
  func jsonlKeys() throws {
    let result = try mentions(["corpus", "--format", "jsonl"])
    #expect(result.status == 0, "\(result.stderr)")
    let all = try jsonLines(result.stdout)
    #expect(all.count > 500)
    for object in all {
      let keys = Set(object.keys)
      #expect(keys.isSuperset(of: contractKeys), "missing \(contractKeys.subtracting(keys)) in \(object)")
      #expect(keys.subtracting(contractKeys).isSubset(of: extraKeys), "unexpected \(keys.subtracting(contractKeys).subtracting(extraKeys))")
      #expect(object["path"] is String)
      #expect(object["surface"] is String)
      for key in ["line", "column", "start", "end"] { #expect(object[key] is Int, "\(key) is not an integer: \(object)") }
      #expect((object["line"] as? Int ?? 0) >= 1 && (object["column"] as? Int ?? 0) >= 1)
      for key in ["entity", "name", "type", "method"] {
        #expect(object[key] is String || object[key] is NSNull, "\(key) is neither a string nor null: \(object)")
      }
      let score = try #require(object["score"] as? Double, "score is not a number: \(object)")
      #expect((0...1).contains(score))
      // A linked mention names its entity; an unlinked one has entity and name null.
      if object["entity"] is NSNull { #expect(object["name"] is NSNull, "\(object)") } else { #expect(object["name"] is String) }
    }
  }

  @Test("start and end are Unicode-scalar offsets into every decoded document; line and column agree")
  func offsetsEveryDocument() throws {
    let result = try mentions(["corpus", "--format", "jsonl"])
    #expect(result.status == 0, "\(result.stderr)")
    let all = try jsonLines(result.stdout)
    for path in corpusPaths {
      let scalars = Array(try decodedText(of: path).unicodeScalars)
      let own = objects(all, path: path)
      #expect(!own.isEmpty, "no mentions in \(path)")
      expectOffsetsAgree(own, with: scalars, in: path)
    }
    #expect(Set(all.compactMap { $0["path"] as? String }) == Set(corpusPaths))
  }

  // MARK: 3. Encodings

  @Test("json names the legacy encodings as ICU does, and finds their names at the right offsets")
  func legacyEncodings() throws {
    let result = try mentions(["corpus", "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let root = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let documents = try #require(root["documents"] as? [[String: Any]])
    func document(_ path: String) throws -> [String: Any] {
      try #require(documents.first { $0["path"] as? String == path }, "\(path) is not listed")
    }

    let ru = try document("corpus/ru/brief-cp1251.txt")
    #expect(ru["encoding"] as? String == "windows-1251")
    #expect(ru["language"] as? String == "ru")
    #expect(ru["id"] as? String == "brief-ru-cp1251")
    let ruMentions = try #require(ru["mentions"] as? [[String: Any]])
    expectOffsetsAgree(ruMentions, with: Array(try decodedText(of: "corpus/ru/brief-cp1251.txt").unicodeScalars), in: "ru brief")
    // The title starts with Захарова; the body has Мария Захарова on line 3 and more.
    let title = try #require(ruMentions.first)
    #expect(title["surface"] as? String == "Захарова")
    #expect(title["entity"] as? String == "maria-zakharova")
    #expect(title["start"] as? Int == 0 && title["end"] as? Int == 8)
    #expect(title["line"] as? Int == 1 && title["column"] as? Int == 1)
    let zakharova = ruMentions.filter { ($0["surface"] as? String)?.contains("Захарова") == true }
    #expect(zakharova.count >= 4, "\(zakharova.map { $0["surface"] ?? "" })")
    #expect(zakharova.allSatisfy { $0["entity"] as? String == "maria-zakharova" })
    #expect(ruMentions.contains { $0["surface"] as? String == "Мария Захарова" && $0["line"] as? Int == 3 })
    #expect(ruMentions.contains { $0["surface"] as? String == "Кунашир" && $0["entity"] as? String == "kunashir" })

    let ja = try document("corpus/ja/brief-sjis.txt")
    #expect(ja["encoding"] as? String == "Shift_JIS")
    #expect(ja["language"] as? String == "ja")
    #expect(ja["id"] as? String == "brief-ja-sjis")
    let jaMentions = try #require(ja["mentions"] as? [[String: Any]])
    let jaScalars = Array(try decodedText(of: "corpus/ja/brief-sjis.txt").unicodeScalars)
    expectOffsetsAgree(jaMentions, with: jaScalars, in: "ja brief")
    // The title starts with 松野; line 3 starts with the full name 松野博一.
    let matsuno = jaMentions.filter { ($0["surface"] as? String)?.hasPrefix("松野") == true }
    #expect(matsuno.count >= 2)
    #expect(matsuno.allSatisfy { $0["entity"] as? String == "hirokazu-matsuno" }, "\(matsuno)")
    #expect(matsuno.first?["start"] as? Int == 0)
    let fullName = try #require(jaMentions.first { $0["surface"] as? String == "松野博一" })
    #expect(fullName["line"] as? Int == 3 && fullName["column"] as? Int == 1)
    let lineThree = try #require(
      jaScalars.indices.first { $0 > 0 && jaScalars[$0 - 1] == "\n" && jaScalars[$0] == "松" })
    #expect(fullName["start"] as? Int == lineThree)
    #expect(jaMentions.contains { $0["surface"] as? String == "国後島" && $0["entity"] as? String == "kunashir" })
    #expect(jaMentions.contains { $0["surface"] as? String == "択捉島" && $0["entity"] as? String == "iturup" })
  }

  // MARK: 4. Order and determinism

  @Test("--jobs 1 and --jobs 2 give the same bytes, in path order then text order")
  func orderAndDeterminism() throws {
    let one = try mentions(["corpus", "--format", "jsonl", "--jobs", "1"])
    let two = try mentions(["corpus", "--format", "jsonl", "--jobs", "2"])
    let four = try mentions(["corpus", "--format", "jsonl", "--jobs", "4"])
    #expect(one.status == 0 && two.status == 0 && four.status == 0, "\(one.stderr)\(two.stderr)")
    #expect(!one.stdout.isEmpty)
    #expect(one.stdout == two.stdout)
    #expect(one.stdout == four.stdout)
    let all = try jsonLines(one.stdout)
    let keys = all.map { (path: $0["path"] as? String ?? "", start: $0["start"] as? Int ?? -1) }
    for (previous, next) in zip(keys, keys.dropFirst()) {
      let ordered =
        previous.path == next.path
        ? previous.start <= next.start : previous.path.utf8.lexicographicallyPrecedes(next.path.utf8)
      #expect(ordered, "\(previous) comes before \(next)")
    }
    // Each document's mentions are in one run.
    var runs: [String] = []
    for key in keys where runs.last != key.path { runs.append(key.path) }
    #expect(runs == corpusPaths)
  }

  @Test("-o writes what standard output gets, in every format; an unwritable -o fails at once with exit 2")
  func outputFile() throws {
    let folder = try CLI.temporaryFolder()
    for format in ["jsonl", "json", "tsv", "text"] {
      let path = folder.appending(path: "mentions.\(format)").path
      let printed = try mentions(["corpus", "--format", format])
      let written = try mentions(["corpus", "--format", format, "-o", path])
      #expect(printed.status == 0 && written.status == 0, "\(written.stderr)")
      #expect(written.stdout.isEmpty)
      #expect(try String(contentsOfFile: path, encoding: .utf8) == printed.stdout, "\(format)")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 4, "no temporary file left")
    let refused = try mentions(["corpus", "-o", "/nonexistent-folder/mentions.jsonl"])
    #expect(refused.status == 2)
    #expect(refused.stderr.contains("cannot write '/nonexistent-folder/mentions.jsonl'"))
  }

  // MARK: 5. Formats

  @Test("tsv: a header, then one row of 11 columns per mention, agreeing with jsonl")
  func tsv() throws {
    let tsv = try mentions(["corpus", "--format", "tsv"])
    let jsonl = try mentions(["corpus", "--format", "jsonl"])
    #expect(tsv.status == 0, "\(tsv.stderr)")
    let rows = tsv.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
      .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    #expect(tsv.stdout.hasSuffix("\n"))
    #expect(
      rows.first == ["path", "line", "column", "start", "end", "surface", "entity", "name", "type", "score", "method"])
    let objects = try jsonLines(jsonl.stdout)
    #expect(rows.count == objects.count + 1)
    for (row, object) in zip(rows.dropFirst(), objects) {
      #expect(row.count == 11, "\(row)")
      guard row.count == 11 else { continue }
      #expect(row[0] == object["path"] as? String)
      #expect(Int(row[1]) == object["line"] as? Int && Int(row[2]) == object["column"] as? Int)
      #expect(Int(row[3]) == object["start"] as? Int && Int(row[4]) == object["end"] as? Int)
      #expect(row[5] == object["surface"] as? String)
      #expect(row[6] == (object["entity"] as? String ?? ""))
      #expect(Double(row[9]) != nil, "score \(row[9])")
    }
  }

  @Test("text: each document is named with its language and encoding")
  func text() throws {
    let result = try mentions(["corpus", "--format", "text"])
    #expect(result.status == 0, "\(result.stderr)")
    for header in [
      "corpus/en/seed-004-osechkin-fsb-letter.txt (en, UTF-8): ",
      "corpus/ru/brief-cp1251.txt (ru, windows-1251): ",
      "corpus/ja/brief-sjis.txt (ja, Shift_JIS): ",
      "corpus/ja/kurils-ja.txt (ja, UTF-8): ",
      "corpus/ru/kurils-ru.txt (ru, UTF-8): ",
    ] {
      #expect(result.stdout.contains("\n" + header) || result.stdout.hasPrefix(header), "missing \(header)")
    }
    let headers = result.stdout.split(separator: "\n").filter { $0.hasPrefix("corpus/") }
    #expect(headers.count == corpusPaths.count, "\(headers)")
    #expect(result.stdout.contains("Gunashiri → Kunashir [kunashir]"))
  }

  @Test("json: parses, one entry per document with its mentions")
  func json() throws {
    let result = try mentions(["corpus", "--format", "json"])
    let jsonl = try mentions(["corpus", "--format", "jsonl"])
    #expect(result.status == 0, "\(result.stderr)")
    let root = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let documents = try #require(root["documents"] as? [[String: Any]])
    #expect(documents.compactMap { $0["path"] as? String } == corpusPaths)
    for document in documents {
      for key in ["id", "path", "language", "encoding"] { #expect(document[key] is String, "\(key) in \(document)") }
    }
    let count = documents.reduce(0) { $0 + (($1["mentions"] as? [Any])?.count ?? 0) }
    let lineCount = try jsonLines(jsonl.stdout).count
    #expect(count == lineCount)
  }

  // MARK: 6. Bad input, each beside one good file

  /// A new folder holding `good.txt`.
  func folderWithGoodFile() throws -> URL {
    let folder = try CLI.temporaryFolder()
    try Data(goodText.utf8).write(to: folder.appending(path: "good.txt"))
    return folder
  }

  /// Checks that good.txt in `folder` was read: its three mentions, once each.
  func expectGoodFileProcessed(
    _ result: RunResult, in folder: URL, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let good = folder.appending(path: "good.txt").path
    let own = try jsonLines(result.stdout).filter { $0["path"] as? String == good }
    #expect(own.compactMap { $0["entity"] as? String } == goodEntities, "stdout: \(result.stdout.prefix(2000))", sourceLocation: sourceLocation)
  }

  @Test("invalid UTF-8 in UTF-8 text: read with U+FFFD, a warning naming the file, exit 0")
  func invalidUTF8() throws {
    let folder = try folderWithGoodFile()
    let bad = folder.appending(path: "bad.txt")
    let bytes =
      Array("Maria Zakharova said: “Kyiv — not Tōkyō — decides.” ".utf8) + [0xFF]
      + Array(" Then Fumio Kishida left for Moscow.\n".utf8)
    try Data(bytes).write(to: bad)
    let result = try CLI.run(["mentions", folder.path, "--format", "jsonl"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains(bad.path) && result.stderr.contains("U+FFFD"), "\(result.stderr)")
    // Where the byte is: line 1, the column after the closing quote and a space.
    let column = "Maria Zakharova said: “Kyiv — not Tōkyō — decides.” ".unicodeScalars.count + 1
    #expect(result.stderr.contains("\(bad.path):1:\(column): warning:"), "\(result.stderr)")
    try expectGoodFileProcessed(result, in: folder)
    let own = try jsonLines(result.stdout).filter { $0["path"] as? String == bad.path }
    #expect(own.contains { $0["entity"] as? String == "maria-zakharova" })
    #expect(own.contains { $0["entity"] as? String == "fumio-kishida" })
    // Offsets after the bad byte count its U+FFFD as one scalar.
    expectOffsetsAgree(own, with: Array(String(decoding: bytes, as: UTF8.self).unicodeScalars), in: bad.path)
  }

  @Test("invalid UTF-8 in ASCII text (one 0xFF byte): read as a legacy code page with a warning naming the file, exit 0")
  func invalidUTF8InASCII() throws {
    let folder = try folderWithGoodFile()
    let bad = folder.appending(path: "bad.txt")
    try Data(Array("Fumio Kishida visited Kyiv ".utf8) + [0xFF] + Array(" and Moscow.\n".utf8)).write(to: bad)
    let result = try CLI.run(["mentions", folder.path, "--format", "jsonl"])
    #expect(result.status == 0, "\(result.stderr)")
    // One byte cannot tell damaged UTF-8 from Latin-1 (ÿ): the guess is reported, not hidden.
    #expect(result.stderr.contains(bad.path) && result.stderr.contains("not UTF-8"), "stderr: \(result.stderr)")
    try expectGoodFileProcessed(result, in: folder)
    #expect(try jsonLines(result.stdout).contains { $0["path"] as? String == bad.path && $0["entity"] as? String == "kyiv" })
  }

  @Test("a NUL byte at the start: skipped as binary with a warning, exit 0")
  func nulByte() throws {
    let folder = try folderWithGoodFile()
    let bad = folder.appending(path: "nul.txt")
    try Data([0] + Array("Fumio Kishida met Vladimir Putin.\n".utf8)).write(to: bad)
    let result = try CLI.run(["mentions", folder.path, "--format", "jsonl"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains(bad.path) && result.stderr.contains("binary"), "\(result.stderr)")
    #expect(result.stderr.contains("warning"))
    #expect(!result.stdout.contains(bad.path))
    try expectGoodFileProcessed(result, in: folder)
  }

  @Test("a PNG file: skipped as binary with a warning, exit 0")
  func binaryFile() throws {
    let folder = try folderWithGoodFile()
    let bad = folder.appending(path: "image.png")
    var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]
    var seed: UInt32 = 12345
    for _ in 0..<4000 {
      seed = seed &* 1_103_515_245 &+ 12345
      bytes.append(UInt8(truncatingIfNeeded: seed >> 16))
    }
    try Data(bytes).write(to: bad)
    let result = try CLI.run(["mentions", folder.path, "--format", "jsonl"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains(bad.path) && result.stderr.contains("binary"), "\(result.stderr)")
    #expect(!result.stdout.contains(bad.path))
    try expectGoodFileProcessed(result, in: folder)
  }

  @Test("an empty file: no error, listed with no mentions, exit 0")
  func emptyFile() throws {
    let folder = try folderWithGoodFile()
    let empty = folder.appending(path: "empty.txt")
    try Data().write(to: empty)
    let result = try CLI.run(["mentions", folder.path, "--format", "jsonl"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!result.stderr.contains("error"), "\(result.stderr)")
    try expectGoodFileProcessed(result, in: folder)
    let json = try CLI.run(["mentions", folder.path, "--format", "json"])
    #expect(json.status == 0)
    let root = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let documents = try #require(root["documents"] as? [[String: Any]])
    let entry = try #require(documents.first { $0["path"] as? String == empty.path })
    #expect((entry["mentions"] as? [Any])?.isEmpty == true)
  }

  @Test("a 20 MB file on one line: processed, thousands of mentions, large columns", .timeLimit(.minutes(15)))
  func hugeSingleLine() throws {
    let folder = try folderWithGoodFile()
    let big = folder.appending(path: "big.txt")
    let sentence = "Kishida met Osechkin in Tokyo. "
    let repeats = 20_000_000 / sentence.utf8.count + 1
    try Data(String(repeating: sentence, count: repeats).utf8).write(to: big)
    // tsv keeps the output small (jsonl would be half a gigabyte).
    let result = try CLI.run(["mentions", folder.path, "--format", "tsv"])
    #expect(result.status == 0, "\(result.stderr.prefix(2000))")
    var count = 0
    var last: Substring?
    let prefix = big.path + "\t"
    for row in result.stdout.split(separator: "\n") where row.hasPrefix(prefix) {
      count += 1
      last = row
    }
    #expect(count > 1000)
    let fields = try #require(last).split(separator: "\t", omittingEmptySubsequences: false)
    try #require(fields.count == 11)
    #expect(fields[1] == "1")
    #expect((Int(fields[2]) ?? 0) > 19_000_000, "last column \(fields[2])")
    #expect(Int(fields[3]).map { $0 + 1 } == Int(fields[2]))
    #expect(result.stdout.contains(folder.appending(path: "good.txt").path + "\t1\t1\t0\t13\tFumio Kishida\tfumio-kishida"))
  }

  @Test("--max-size: a larger file is an error naming it, the rest go on, exit 2")
  func sizeLimit() throws {
    let folder = try folderWithGoodFile()
    let large = folder.appending(path: "large.txt")
    try Data(String(repeating: "Kishida met Osechkin in Tokyo. ", count: 100).utf8).write(to: large)
    let result = try CLI.run(["mentions", folder.path, "--max-size", "1K", "--format", "jsonl"])
    #expect(result.status == 2)
    #expect(result.stderr.contains(large.path) && result.stderr.contains("size limit"), "\(result.stderr)")
    #expect(result.stderr.contains("error"))
    #expect(!result.stdout.contains(large.path))
    try expectGoodFileProcessed(result, in: folder)
  }

  @Test("a symbolic link loop: a warning naming it, each document once, exit 0", .timeLimit(.minutes(2)))
  func symlinkLoop() throws {
    let folder = try folderWithGoodFile()
    let sub = folder.appending(path: "sub")
    try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
    try Data("Osechkin wrote to Zakharova.\n".utf8).write(to: sub.appending(path: "inner.txt"))
    try FileManager.default.createSymbolicLink(atPath: sub.appending(path: "loop").path, withDestinationPath: "..")
    let result = try CLI.run(["mentions", folder.path, "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains(sub.appending(path: "loop").path), "\(result.stderr)")
    #expect(result.stderr.contains("warning"))
    let root = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let paths = (root["documents"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
    #expect(paths == [folder.appending(path: "good.txt").path, sub.appending(path: "inner.txt").path])
    let jsonl = try CLI.run(["mentions", folder.path, "--format", "jsonl"])
    try expectGoodFileProcessed(jsonl, in: folder)
  }

  @Test("a dangling symbolic link: an error naming it, the rest go on, exit 2")
  func danglingLink() throws {
    let folder = try folderWithGoodFile()
    let broken = folder.appending(path: "broken.txt")
    try FileManager.default.createSymbolicLink(atPath: broken.path, withDestinationPath: "missing.txt")
    let result = try CLI.run(["mentions", folder.path, "--format", "jsonl"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("error") && result.stderr.contains(broken.path), "\(result.stderr)")
    try expectGoodFileProcessed(result, in: folder)
  }

  @Test("a file without read permission: an error naming it, the rest go on, exit 2", .enabled(if: getuid() != 0))
  func unreadableFile() throws {
    let folder = try folderWithGoodFile()
    let locked = folder.appending(path: "locked.txt")
    try Data("Kishida met Osechkin.\n".utf8).write(to: locked)
    try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: locked.path)
    defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: locked.path) }
    let result = try CLI.run(["mentions", folder.path, "--format", "jsonl"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("error") && result.stderr.contains(locked.path), "\(result.stderr)")
    #expect(!result.stdout.contains(locked.path))
    try expectGoodFileProcessed(result, in: folder)
  }

  @Test("a malformed manifest: exit 2, naming the manifest and the line")
  func malformedManifest() throws {
    let folder = try folderWithGoodFile()
    let manifest = folder.appending(path: "manifest.yaml")
    try Data("documents:\n  - id: good\n    path: good.txt\n    langauge: en\n".utf8).write(to: manifest)
    let result = try CLI.run(["mentions", folder.path, "--format", "jsonl"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("\(manifest.path):4:"), "\(result.stderr)")
    #expect(result.stderr.contains("error") && result.stderr.contains("langauge"), "\(result.stderr)")
  }

  // MARK: 7. Usage errors

  @Test("usage errors exit 64")
  func usage() throws {
    #expect(try mentions([]).status == 64)
    #expect(try mentions(["corpus", "--max-size", "abc"]).status == 64)
    #expect(try mentions(["corpus", "--jobs", "0"]).status == 64)
    #expect(try mentions(["corpus", "--format", "xml"]).status == 64)
  }
}
