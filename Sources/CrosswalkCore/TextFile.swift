import Foundation

/// Whole-file reading of UTF-8 text (glossaries, configuration), with the same failures as
/// `LineReader`: a file that is not text is named with the line where it stops being text.
public enum TextFile {
  /// The text of `path` as UTF-8, a byte order mark dropped. Line ends are kept as written.
  public static func read(_ path: String, limit: Int = 256 << 20) throws(LineReader.Failure) -> String {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
      throw .unreadable(path: path, reason: "is a folder")
    }
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw .unreadable(path: path, reason: "no such file or no permission")
    }
    if data.count > limit { throw .unreadable(path: path, reason: "larger than \(limit) bytes") }
    return try decode(data, name: path)
  }

  /// `bytes` as UTF-8 text, a byte order mark dropped; `name` is used in errors.
  public static func decode(_ bytes: Data, name: String) throws(LineReader.Failure) -> String {
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    if let nul = body.firstIndex(of: 0) {
      throw .binary(path: name, line: lineNumber(of: nul, in: body))
    }
    if let text = String(validating: body, as: UTF8.self) { return text }
    // Find the first line that is not valid UTF-8, to name it.
    var lineStart = body.startIndex
    while lineStart < body.endIndex {
      let lineEnd = body[lineStart...].firstIndex(of: 0x0A) ?? body.endIndex
      if String(validating: body[lineStart..<lineEnd], as: UTF8.self) == nil {
        throw .invalidUTF8(path: name, line: lineNumber(of: lineStart, in: body))
      }
      lineStart = lineEnd == body.endIndex ? lineEnd : lineEnd + 1
    }
    throw .invalidUTF8(path: name, line: 1)
  }

  private static func lineNumber(of index: Data.Index, in bytes: Data.SubSequence) -> Int {
    1 + bytes[bytes.startIndex..<index].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
  }
}
