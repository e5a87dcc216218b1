// Pins LineReader: streaming lines with their numbers; CRLF, BOM, a last line without a line
// end; invalid UTF-8, NUL bytes and over-long lines reported with the file and line.
import Foundation
import Testing

@testable import CrosswalkCore

@Suite("LineReader")
struct LineReaderTests {
  func file(_ bytes: [UInt8]) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appending(path: "crosswalk-lines-\(UUID().uuidString).txt")
    try Data(bytes).write(to: url)
    return url
  }

  func lines(_ bytes: [UInt8], limit: Int = 1 << 20) throws -> [String] {
    let url = try file(bytes)
    defer { try? FileManager.default.removeItem(at: url) }
    var seen: [String] = []
    try LineReader(path: url.path, maxLineBytes: limit).forEachLine { number, line in
      #expect(number == seen.count + 1)
      seen.append(line)
    }
    return seen
  }

  @Test("CRLF and LF line ends, a byte order mark, and a last line without a line end")
  func lineEnds() throws {
    let text = "\u{FEFF}Кисида\r\nKishida\n\n岸田"
    #expect(try lines(Array(text.utf8)) == ["Кисида", "Kishida", "", "岸田"])
  }

  @Test("an empty file has no lines")
  func empty() throws {
    #expect(try lines([]).isEmpty)
  }

  @Test("invalid UTF-8 names its line")
  func invalidUTF8() throws {
    let url = try file(Array("ok\nbad \u{0}".utf8.dropLast()) + [0xC3, 0x28, 0x0A])
    defer { try? FileManager.default.removeItem(at: url) }
    #expect(throws: LineReader.Failure.invalidUTF8(path: url.path, line: 2)) {
      try LineReader(path: url.path).forEachLine { _, _ in }
    }
  }

  @Test("a NUL byte marks a binary file, with its line")
  func binary() throws {
    let url = try file([0x61, 0x0A, 0x62, 0x00, 0x63])
    defer { try? FileManager.default.removeItem(at: url) }
    #expect(throws: LineReader.Failure.binary(path: url.path, line: 2)) {
      try LineReader(path: url.path).forEachLine { _, _ in }
    }
  }

  @Test("a line over the limit is refused, with its number")
  func tooLong() throws {
    let url = try file(Array("short\n".utf8) + [UInt8](repeating: 0x61, count: 5000))
    defer { try? FileManager.default.removeItem(at: url) }
    #expect(throws: LineReader.Failure.lineTooLong(path: url.path, line: 2, limit: 1000)) {
      try LineReader(path: url.path, maxLineBytes: 1000).forEachLine { _, _ in }
    }
  }

  @Test("a missing file and a folder are refused by name")
  func unreadable() throws {
    #expect(throws: LineReader.Failure.self) { try LineReader(path: "/no/such/file") }
    #expect(throws: LineReader.Failure.unreadable(path: "/tmp", reason: "is a folder")) {
      try LineReader(path: "/tmp")
    }
  }
}
