import ArgumentParser
import CrosswalkCore
import Foundation

/// Prints `crosswalk: error: …` to standard error and exits with 2, the code for input and
/// configuration errors (DESIGN.md 'Command line').
func fail(_ message: CustomStringConvertible) -> ExitCode {
  FileHandle.standardError.write(Data("crosswalk: error: \(message)\n".utf8))
  return ExitCode(2)
}

/// Where a command's output goes: standard output, streamed, or a file written through a
/// temporary file and renamed into place at `finish` (never half written, never held whole in
/// memory). An unwritable file is an error at once, before any work.
final class Output {
  private let file: AtomicFileWriter?

  /// Output to `path`, or to standard output when nil.
  init(path: String?) throws(ExitCode) {
    do {
      file = try path.map { (path) throws(OutputError) in try AtomicFileWriter(path: path) }
    } catch {
      throw fail(error)
    }
  }

  /// The first write that failed (a full disk): reported by `finish`, and the file is not
  /// put in place.
  private var failure: OutputError?

  /// Appends text; standard output gets it at once.
  func write(_ text: String) { write(bytes: Array(text.utf8)) }

  /// Appends UTF-8 bytes; standard output gets them at once.
  func write(bytes: [UInt8]) {
    guard let file else {
      FileHandle.standardOutput.write(Data(bytes))
      return
    }
    guard failure == nil else { return }
    do { try file.write(bytes: bytes) } catch { failure = error }
  }

  /// Puts the file, if any, in place.
  func finish() throws(ExitCode) {
    if let failure { throw fail(failure) }
    do { try file?.commit() } catch { throw fail(error) }
  }
}
