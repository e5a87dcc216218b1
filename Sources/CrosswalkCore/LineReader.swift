import Foundation

/// Reads a file or standard input line by line as UTF-8, streaming: a line is handed on as soon
/// as it is complete, so a pipeline sees output while input still flows.
public struct LineReader {
  /// Why input could not be read.
  public enum Failure: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file could not be opened.
    case unreadable(path: String, reason: String)
    /// A line is not valid UTF-8.
    case invalidUTF8(path: String, line: Int)
    /// A line is longer than the limit.
    case lineTooLong(path: String, line: Int, limit: Int)
    /// The file holds NUL bytes: a binary file, not text.
    case binary(path: String, line: Int)

    public var description: String {
      switch self {
      case .unreadable(let path, let reason): "\(path): cannot read: \(reason)"
      case .invalidUTF8(let path, let line): "\(path):\(line): invalid UTF-8"
      case .lineTooLong(let path, let line, let limit):
        "\(path):\(line): line longer than \(limit) bytes"
      case .binary(let path, let line): "\(path):\(line): binary data (NUL byte), not text"
      }
    }
  }

  /// The name used in messages ("-" is shown as "<stdin>").
  public let displayName: String
  private let handle: FileHandle
  private let maxLineBytes: Int

  /// Opens `path`, or standard input for "-".
  public init(path: String, maxLineBytes: Int = 1 << 20) throws(Failure) {
    self.maxLineBytes = maxLineBytes
    if path == "-" {
      displayName = "<stdin>"
      handle = FileHandle.standardInput
    } else {
      displayName = path
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
        throw .unreadable(path: path, reason: "is a folder")
      }
      guard let opened = FileHandle(forReadingAtPath: path) else {
        throw .unreadable(path: path, reason: "no such file or no permission")
      }
      handle = opened
    }
  }

  /// Calls `body` with each line (1-based number, text without its line end) as it arrives.
  /// A final line without a line end counts; a byte order mark at the start is dropped.
  public func forEachLine(_ body: (Int, String) throws -> Void) throws {
    var pending: [UInt8] = []
    var number = 0
    func emit(_ bytes: ArraySlice<UInt8>) throws {
      number += 1
      var line = bytes
      if number == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
      if line.last == 0x0D { line = line.dropLast() }
      if line.contains(0) { throw Failure.binary(path: displayName, line: number) }
      guard let text = String(validating: line, as: UTF8.self) else {
        throw Failure.invalidUTF8(path: displayName, line: number)
      }
      try body(number, text)
    }
    while true {
      let chunk = handle.availableData
      if chunk.isEmpty { break }
      pending.append(contentsOf: chunk)
      var start = pending.startIndex
      while let newline = pending[start...].firstIndex(of: 0x0A) {
        try emit(pending[start..<newline])
        start = newline + 1
      }
      pending.removeSubrange(..<start)
      if pending.count > maxLineBytes {
        throw Failure.lineTooLong(path: displayName, line: number + 1, limit: maxLineBytes)
      }
    }
    if !pending.isEmpty { try emit(pending[...]) }
  }
}
