// Pins `crosswalk check`'s SARIF output, its `.crosswalk.yaml` configuration and its baselines
// (docs/check.md), running the built binary in temporary folders as a user would. Most runs name
// the rules they need with --only, so that rules added later cannot change what is expected.
import Foundation
import Testing

@Suite("crosswalk check: SARIF, configuration, baseline")
struct CheckCommandTests {
  /// Two artifacts with literal fixes, one name variant whose suggestion is not one, and an emoji
  /// before them so that columns must count code points, not UTF-16 units.
  let article = "😀 The talks began in UkraineOn February 24.\nThey met the the envoys in Kiev.\n"

  /// A new folder holding `files` (relative path → text).
  func folder(_ files: [String: String]) throws -> URL {
    let folder = try CLI.temporaryFolder()
    for (path, text) in files {
      let file = folder.appending(path: path)
      try FileManager.default.createDirectory(
        at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: file)
    }
    return folder
  }

  /// The rule ids of jsonl output, in order.
  func rules(_ jsonl: String) throws -> [String] {
    try jsonl.split(separator: "\n").map {
      let object = try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
      return try #require(object["rule"] as? String)
    }
  }

  // MARK: SARIF

  @Test("--format sarif: one run, the rules that ran, a result with region, fix and properties")
  func sarif() throws {
    let dir = try folder(["docs/a.txt": article])
    let result = try CLI.run(
      [
        "check", "docs", "--only", "glued-words", "--only", "doubled-word", "--only", "name-variant",
        "--format", "sarif",
      ],
      in: dir)
    #expect(result.status == 0, "\(result.stderr)")
    let log = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(log["version"] as? String == "2.1.0")
    #expect((log["$schema"] as? String)?.hasSuffix("sarif-schema-2.1.0.json") == true)
    let runs = try #require(log["runs"] as? [[String: Any]])
    #expect(runs.count == 1)
    let run = try #require(runs.first)
    #expect(run["columnKind"] as? String == "unicodeCodePoints")
    let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    #expect(driver["name"] as? String == "crosswalk")
    #expect(driver["version"] is String)
    let descriptors = try #require(driver["rules"] as? [[String: Any]])
    #expect(
      descriptors.compactMap { $0["id"] as? String } == ["doubled-word", "glued-words", "name-variant"])
    for descriptor in descriptors {
      #expect((descriptor["shortDescription"] as? [String: Any])?["text"] is String)
      #expect((descriptor["fullDescription"] as? [String: Any])?["text"] is String)
      #expect((descriptor["defaultConfiguration"] as? [String: Any])?["level"] as? String == "warning")
    }
    let artifacts = try #require(run["artifacts"] as? [[String: Any]])
    #expect(artifacts.compactMap { ($0["location"] as? [String: Any])?["uri"] as? String } == ["docs/a.txt"])

    let results = try #require(run["results"] as? [[String: Any]])
    #expect(
      results.compactMap { $0["ruleId"] as? String } == ["glued-words", "doubled-word", "name-variant"])
    let glued = try #require(results.first)
    #expect(glued["ruleIndex"] as? Int == 1)
    #expect(glued["level"] as? String == "warning")
    #expect((glued["message"] as? [String: Any])?["text"] as? String == "'UkraineOn' joins two words")
    let location = try #require(
      (glued["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
    let artifact = try #require(location["artifactLocation"] as? [String: Any])
    #expect(artifact["uri"] as? String == "docs/a.txt")
    #expect(artifact["index"] as? Int == 0)
    let region = try #require(location["region"] as? [String: Any])
    // The emoji is one column: 'UkraineOn' starts at column 22, not 23.
    #expect(region["startLine"] as? Int == 1)
    #expect(region["startColumn"] as? Int == 22)
    #expect(region["endLine"] as? Int == 1)
    #expect(region["endColumn"] as? Int == 31)
    #expect((region["snippet"] as? [String: Any])?["text"] as? String == "UkraineOn")
    #expect(region["charOffset"] == nil)
    let properties = try #require(glued["properties"] as? [String: Any])
    #expect(properties["start"] as? Int == 21)
    #expect(properties["end"] as? Int == 30)
    let change = try #require(
      ((glued["fixes"] as? [[String: Any]])?.first?["artifactChanges"] as? [[String: Any]])?.first)
    let replacement = try #require((change["replacements"] as? [[String: Any]])?.first)
    #expect((replacement["insertedContent"] as? [String: Any])?["text"] as? String == "Ukraine On")
    let deleted = try #require(replacement["deletedRegion"] as? [String: Any])
    #expect(deleted["startColumn"] as? Int == 22)
    #expect(deleted["endColumn"] as? Int == 31)

    // A suggestion that is not a literal replacement goes in the message, never in a fix.
    let variant = try #require(results.last)
    #expect(variant["fixes"] == nil)
    #expect(
      (variant["message"] as? [String: Any])?["text"] as? String
        == "'Kiev' is a variant of 'Kyiv' (route ru); suggestion: Kyiv")
  }

  @Test("--format sarif -o writes the same log to a file, and the log is byte-identical run to run")
  func sarifFile() throws {
    let dir = try folder(["a.txt": article])
    let first = try CLI.run(["check", "a.txt", "--format", "sarif", "-o", "log.sarif"], in: dir)
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.isEmpty)
    let second = try CLI.run(["check", "a.txt", "--format", "sarif"], in: dir)
    #expect(try String(contentsOf: dir.appending(path: "log.sarif"), encoding: .utf8) == second.stdout)
  }

  // MARK: Configuration

  @Test("a .crosswalk.yaml is found by walking up from a nested document; --no-config ignores it")
  func configWalksUp() throws {
    let dir = try folder([
      ".crosswalk.yaml": "version: 1\nrules:\n  disable: [glued-words]\n",
      "corpus/en/deep/a.txt": article,
    ])
    // No --only here: it would decide for every rule, and the file's choice must show.
    let fromRoot = try CLI.run(["check", "corpus/en/deep/a.txt", "--format", "jsonl"], in: dir)
    #expect(fromRoot.status == 0, "\(fromRoot.stderr)")
    #expect(try !rules(fromRoot.stdout).contains("glued-words"))
    #expect(try rules(fromRoot.stdout).contains("doubled-word"))
    let fromInside = try CLI.run(
      ["check", "a.txt", "--format", "jsonl"], in: dir.appending(path: "corpus/en/deep"))
    #expect(try !rules(fromInside.stdout).contains("glued-words"))
    let ignored = try CLI.run(
      [
        "check", "corpus", "--no-config", "--only", "glued-words", "--only", "doubled-word", "--format",
        "jsonl",
      ], in: dir)
    #expect(try rules(ignored.stdout) == ["glued-words", "doubled-word"])
    let printed = try CLI.run(["check", "corpus/en", "--print-config"], in: dir)
    #expect(printed.status == 0)
    #expect(printed.stdout.contains("# from: .crosswalk.yaml, then the command line\n"))
    #expect(printed.stdout.contains("  disable: [glued-words]\n"))
  }

  @Test("an unknown key or rule id is an error with file, line, column and the closest name; exit 2")
  func configErrors() throws {
    let dir = try folder([
      ".crosswalk.yaml":
        "version: 1\nrules:\n  disabel: [glued-words]\n  enable: [doubled-wrod]\nfail-on: warnings\n",
      "a.txt": article,
    ])
    let result = try CLI.run(["check", "a.txt"], in: dir)
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr == """
        crosswalk: .crosswalk.yaml:3:3: error: unknown key 'disabel'; did you mean 'disable'?
        crosswalk: .crosswalk.yaml:4:12: error: unknown rule 'doubled-wrod'; did you mean 'doubled-word'?
        crosswalk: .crosswalk.yaml:5:10: error: unknown fail-on level 'warnings'; did you mean 'warning'?

        """)
    try Data("version: 1\nexclude: []\nseverty:\n  calque: error\n".utf8).write(
      to: dir.appending(path: "other.yaml"))
    let named = try CLI.run(["check", "a.txt", "--config", "other.yaml"], in: dir)
    #expect(named.status == 2)
    #expect(
      named.stderr == "crosswalk: other.yaml:3:1: error: unknown key 'severty'; did you mean 'severity'?\n")
    let missing = try CLI.run(["check", "a.txt", "--config", "none.yaml"], in: dir)
    #expect(missing.status == 2)
    #expect(missing.stderr.hasPrefix("crosswalk: none.yaml: error: cannot read the configuration"))
    try Data("rules:\n  disable: [calque]\n".utf8).write(to: dir.appending(path: "other.yaml"))
    let unversioned = try CLI.run(["check", "a.txt", "--config", "other.yaml"], in: dir)
    #expect(unversioned.status == 2)
    #expect(unversioned.stderr == "crosswalk: other.yaml:1:1: error: missing 'version: 1'\n")
  }

  @Test("options on the command line override the file: --enable, --only, --fail-on")
  func commandLineWins() throws {
    let dir = try folder([
      ".crosswalk.yaml": """
      version: 1
      rules:
        disable: [glued-words]
        only: [glued-words, doubled-word, calque]
      severity:
        doubled-word: error
      fail-on: never

      """,
      "a.txt": article,
    ])
    // The file alone: doubled-word at error, but fail-on never.
    let file = try CLI.run(["check", "a.txt", "--format", "jsonl"], in: dir)
    #expect(file.status == 0, "\(file.stderr)")
    #expect(try rules(file.stdout) == ["doubled-word"])
    #expect(file.stdout.contains("\"severity\":\"error\""))
    // --fail-on replaces the file's; --enable brings back what the file disabled.
    let failing = try CLI.run(
      ["check", "a.txt", "--format", "jsonl", "--fail-on", "error", "--enable", "glued-words"], in: dir)
    #expect(failing.status == 1)
    #expect(try rules(failing.stdout) == ["glued-words", "doubled-word"])
    // --only replaces the file's selection for the rules it names and the rest.
    let only = try CLI.run(["check", "a.txt", "--format", "jsonl", "--only", "name-variant"], in: dir)
    #expect(try rules(only.stdout) == ["name-variant"])
  }

  // MARK: Baseline

  @Test("baseline round trip: written, then hides its findings; a new one shows; edits above do not matter")
  func baselineRoundTrip() throws {
    let original = "The talks began in UkraineOn February 24.\nThey met the the envoys.\n"
    let dir = try folder(["docs/a.txt": original])
    let rules = ["--only", "glued-words", "--only", "doubled-word"]
    let written = try CLI.run(["check", "docs", "--write-baseline", "baseline.json"] + rules, in: dir)
    #expect(written.status == 0, "\(written.stderr)")
    #expect(written.stderr == "crosswalk: wrote 2 findings to the baseline 'baseline.json'\n")
    let file = try String(contentsOf: dir.appending(path: "baseline.json"), encoding: .utf8)
    #expect(
      file == """
        {
          "version": 1,
          "findings": [
            {"path":"docs/a.txt","rule":"doubled-word","text":"the the","context":"They met ⟦the the⟧ envoys."},
            {"path":"docs/a.txt","rule":"glued-words","text":"UkraineOn","context":" talks began in ⟦UkraineOn⟧ February 24."}
          ]
        }

        """)

    let clean = try CLI.run(["check", "docs", "--baseline", "baseline.json"] + rules, in: dir)
    #expect(clean.status == 0)
    #expect(clean.stdout == "no findings in 1 document (2 baseline findings hidden)\n")
    // From another folder, the same baseline still finds the document (paths are relative to it).
    let elsewhere = try CLI.run(
      ["check", ".", "--baseline", "../baseline.json", "--format", "jsonl"] + rules,
      in: dir.appending(path: "docs"))
    #expect(elsewhere.stdout.isEmpty, "\(elsewhere.stdout)")

    // A new artifact, with the same text as an accepted one: only the new one is reported.
    let document = dir.appending(path: "docs/a.txt")
    try Data((original + "Later UkraineOn again.\n").utf8).write(to: document)
    let added = try CLI.run(
      ["check", "docs", "--baseline", "baseline.json", "--format", "jsonl", "--fail-on", "warning"] + rules,
      in: dir)
    #expect(added.status == 1)
    let reported = try #require(
      try JSONSerialization.jsonObject(with: Data(added.stdout.utf8)) as? [String: Any])
    #expect(reported["line"] as? Int == 3)
    #expect(reported["rule"] as? String == "glued-words")

    // Unrelated lines above, and an edit next to an accepted finding: still hidden.
    try Data(
      ("An unrelated first line.\n\n" + original.replacingOccurrences(of: "envoys", with: "delegates")).utf8
    )
    .write(to: document)
    let moved = try CLI.run(["check", "docs", "--baseline", "baseline.json"] + rules, in: dir)
    #expect(moved.status == 0)
    #expect(moved.stdout == "no findings in 1 document (2 baseline findings hidden)\n")

    // The configuration's baseline is relative to the configuration file.
    try Data("version: 1\nbaseline: baseline.json\nfail-on: warning\n".utf8).write(
      to: dir.appending(path: ".crosswalk.yaml"))
    let configured = try CLI.run(["check", "a.txt"] + rules, in: dir.appending(path: "docs"))
    #expect(configured.status == 0, "\(configured.stdout)\(configured.stderr)")
    #expect(configured.stdout == "no findings in 1 document (2 baseline findings hidden)\n")
  }

  @Test("a malformed or missing baseline is an error naming the file and line; exit 2")
  func badBaseline() throws {
    let dir = try folder([
      "a.txt": article,
      "syntax.json":
        "{\"version\": 1, \"findings\": [\n  {\"path\": \"a.txt\", \"rule\": \"calque\", \"text\": \"x\"}\n",
      "fields.json":
        "{\n  \"version\": 1,\n  \"findings\": [\n    {\"path\": \"a.txt\", \"rul\": \"calque\", \"text\": \"x\"}\n  ]\n}\n",
      "version.json": "{\"version\": 7, \"findings\": []}\n",
    ])
    let syntax = try CLI.run(["check", "a.txt", "--baseline", "syntax.json"], in: dir)
    #expect(syntax.status == 2)
    #expect(syntax.stdout.isEmpty)
    #expect(syntax.stderr.hasPrefix("crosswalk: syntax.json:3:1: error: malformed JSON"), "\(syntax.stderr)")
    let fields = try CLI.run(["check", "a.txt", "--baseline", "fields.json"], in: dir)
    #expect(fields.status == 2)
    #expect(
      fields.stderr == """
        crosswalk: fields.json:4:23: error: unknown key 'rul'; did you mean 'rule'?
        crosswalk: fields.json:4:5: error: a finding without 'rule'

        """)
    let version = try CLI.run(["check", "a.txt", "--baseline", "version.json"], in: dir)
    #expect(version.status == 2)
    #expect(
      version.stderr
        == "crosswalk: version.json:1:13: error: unsupported baseline version '7'; this crosswalk reads version 1\n"
    )
    let missing = try CLI.run(["check", "a.txt", "--baseline", "none.json"], in: dir)
    #expect(missing.status == 2)
    #expect(
      missing.stderr
        == "crosswalk: none.json: error: cannot read the baseline: no such file or no permission\n")
  }
}
