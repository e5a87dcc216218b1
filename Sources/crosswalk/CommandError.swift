import ArgumentParser
import CrosswalkCore
import Foundation

/// Prints `crosswalk: error: …` to standard error and exits with 2, the code for input and
/// configuration errors (DESIGN.md 'Command line').
func fail(_ message: CustomStringConvertible) -> ExitCode {
  FileHandle.standardError.write(Data("crosswalk: error: \(message)\n".utf8))
  return ExitCode(2)
}

/// Where a command's output goes: standard output, streamed, or a file written atomically.
final class Output {
  private let path: String?
  private var buffer = ""

  /// Output to `path`, or to standard output when nil.
  init(path: String?) { self.path = path }

  /// Appends text; standard output gets it at once, a file when `finish` is called.
  func write(_ text: String) {
    if path == nil {
      FileHandle.standardOutput.write(Data(text.utf8))
    } else {
      buffer += text
    }
  }

  /// Writes the file, if any, in one atomic step.
  func finish() throws(ExitCode) {
    guard let path else { return }
    do {
      try AtomicFile.write(Data(buffer.utf8), to: path)
    } catch {
      throw fail(error)
    }
  }
}
