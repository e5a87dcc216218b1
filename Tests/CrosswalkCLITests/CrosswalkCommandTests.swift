// Pins the top-level command: help with examples for every command, the version.
import Foundation
import Testing

@Suite("crosswalk")
struct CrosswalkCommandTests {
  @Test("--help lists the commands and examples")
  func help() throws {
    let result = try CLI.run(["--help"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("normalize"))
    #expect(result.stdout.contains("EXAMPLES"))
  }

  @Test(
    "every command's help has examples, in paragraphs wrapped once",
    arguments: ["normalize", "resolve", "mentions", "check", "align", "report", "glossary suggest"])
  func commandHelp(_ command: String) throws {
    let result = try CLI.run(command.split(separator: " ").map(String.init) + ["--help"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("EXAMPLES"))
    #expect(result.stdout.contains("crosswalk \(command) "))
    // A line followed by another of its paragraph is nearly full: a paragraph wrapped in the
    // source and again by the help shows short lines inside it.
    let prose = result.stdout.components(separatedBy: "EXAMPLES")[0].split(separator: "\n", omittingEmptySubsequences: false)
    for (line, next) in zip(prose, prose.dropFirst()) where !line.isEmpty && !next.isEmpty {
      #expect(line.count >= 50, "a short line inside a paragraph: '\(line)'")
    }
  }

  @Test("a rule's description is wrapped to 80 columns")
  func ruleDescription() throws {
    let result = try CLI.run(["rules", "name-variant"])
    #expect(result.status == 0)
    // The lines between the summary line and the examples.
    let description = result.stdout.split(separator: "\n").dropFirst().prefix { !$0.hasPrefix("Flags") }
    #expect(description.allSatisfy { $0.count <= 80 }, "\(description.filter { $0.count > 80 })")
    #expect(description.count > 5)
  }

  @Test("--version names Crosswalk's version and the ICU it runs on")
  func version() throws {
    let result = try CLI.run(["--version"])
    #expect(result.status == 0)
    #expect(result.stdout.range(of: #"^\d+\.\d+\.\d+ \(ICU \d+\.\d+"#, options: .regularExpression) != nil)
  }

  @Test("an unknown command is a usage error, exit 64")
  func unknownCommand() throws {
    let result = try CLI.run(["frobnicate"])
    #expect(result.status == 64)
  }

  @Test("the built-in rules are used from any folder")
  func anyFolder() throws {
    let folder = try CLI.temporaryFolder()
    let result = try CLI.run(["normalize", "Кисида", "--format", "tsv"], in: folder)
    #expect(result.status == 0)
    #expect(result.stdout.contains("kishida"))
  }
}
