// Pins AtomicFile: the whole file or none of it, and errors that name the path.
import Foundation
import Testing

@testable import CrosswalkCore

@Suite("AtomicFile")
struct AtomicFileTests {
  @Test("writes and replaces a file whole, leaving no temporary file behind")
  func replaces() throws {
    let folder = FileManager.default.temporaryDirectory.appending(path: "crosswalk-atomic-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appending(path: "out.txt").path
    try AtomicFile.write(Data("first".utf8), to: path)
    try AtomicFile.write(Data("second".utf8), to: path)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "second")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.txt"])
  }

  @Test("an unwritable path is an error naming it")
  func unwritable() {
    #expect(throws: OutputError.self) { try AtomicFile.write(Data(), to: "/no/such/folder/out.txt") }
    do {
      try AtomicFile.write(Data(), to: "/no/such/folder/out.txt")
    } catch {
      #expect(error.description.hasPrefix("cannot write '/no/such/folder/out.txt'"))
    }
  }
}

@Suite("Diagnostics")
struct DiagnosticTests {
  @Test("locations and diagnostics print in compiler style")
  func compilerStyle() {
    let location = SourceLocation(file: "glossary.yaml", line: 12, column: 5)
    let diagnostic = Diagnostic(.error, at: location, "unknown key 'aliasses'; did you mean 'aliases'?")
    #expect(diagnostic.description == "glossary.yaml:12:5: error: unknown key 'aliasses'; did you mean 'aliases'?")
    #expect(SourceLocation(file: "g.yaml").description == "g.yaml")
    #expect(Severity.info < .warning && Severity.warning < .error)
  }
}
