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

  @Test("every command's help has examples", arguments: ["normalize"])
  func commandHelp(_ command: String) throws {
    let result = try CLI.run([command, "--help"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("EXAMPLES"))
    #expect(result.stdout.contains("crosswalk \(command) "))
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
