import Foundation

/// Writes files so that a reader never sees half of one: a temporary file in the same folder,
/// then a rename over the destination.
public enum AtomicFile {
  /// Writes `data` to `path` atomically; the error names the path.
  public static func write(_ data: Data, to path: String) throws(OutputError) {
    do {
      try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw OutputError(path: path, reason: (error as NSError).localizedDescription)
    }
  }
}

/// An output file that could not be written.
public struct OutputError: Error, CustomStringConvertible, Sendable {
  /// The path that could not be written.
  public let path: String
  /// Why, as the system says it.
  public let reason: String

  public var description: String { "cannot write '\(path)': \(reason)" }
}
