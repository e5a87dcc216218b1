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

@Suite("AtomicFileWriter")
struct AtomicFileWriterTests {
  func folder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appending(path: "crosswalk-writer-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  @Test("output larger than the buffer arrives whole, in order, only on commit")
  func streamsThenCommits() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appending(path: "out.jsonl").path
    try AtomicFile.write(Data("old\n".utf8), to: path)
    let writer = try AtomicFileWriter(path: path)
    var expected = ""
    for line in 0..<60_000 {
      let text = "{\"line\":\(line),\"text\":\"Кунашир 国後島 \(String(repeating: "x", count: line % 40))\"}\n"
      try writer.write(text)
      expected += text
    }
    #expect(expected.utf8.count > 3 << 20)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n", "untouched until commit")
    try writer.commit()
    #expect(try String(contentsOfFile: path, encoding: .utf8) == expected)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.jsonl"])
    #expect(throws: OutputError.self) { try writer.write("late") }
  }

  @Test("a writer dropped before commit leaves the destination as it was and no temporary file")
  func abandoned() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appending(path: "report.md").path
    try AtomicFile.write(Data("previous".utf8), to: path)
    do {
      let writer = try AtomicFileWriter(path: path)
      try writer.write(String(repeating: "half ", count: 500_000))
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "previous")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.md"])
  }

  /// `-o /dev/null` must not rename a file over /dev/null: a named pipe stands for any such
  /// destination here (a broken writer would replace it with a file, which the test sees).
  @Test("a destination that is not a regular file (a named pipe) is written in place, not replaced")
  func writesThroughANamedPipe() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appending(path: "pipe").path
    try #require(mkfifo(path, 0o600) == 0)
    // A reader first, so that opening the pipe for writing does not wait.
    let reader = open(path, O_RDONLY | O_NONBLOCK)
    try #require(reader >= 0)
    defer { close(reader) }
    let writer = try AtomicFileWriter(path: path)
    try writer.write("through the pipe\n")
    try writer.commit()
    var bytes = [UInt8](repeating: 0, count: 64)
    let count = read(reader, &bytes, bytes.count)
    #expect(count > 0 && String(decoding: bytes.prefix(max(0, count)), as: UTF8.self) == "through the pipe\n")
    var status = stat()
    #expect(stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO, "still a pipe")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["pipe"], "no temporary file")
  }

  @Test("a folder as the destination is an error when the writer is made, naming it")
  func folderAtOnce() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(throws: OutputError.self) { _ = try AtomicFileWriter(path: folder.path) }
  }

  @Test("an unwritable destination is an error when the writer is made, naming the path")
  func unwritableAtOnce() {
    do {
      _ = try AtomicFileWriter(path: "/no/such/folder/out.jsonl")
      Issue.record("expected an error")
    } catch {
      #expect(error.description.hasPrefix("cannot write '/no/such/folder/out.jsonl'"))
    }
  }
}
