// Helpers shared by the document tests: a fresh temporary folder per test, removed afterwards,
// and the package's own sample corpus.
import Foundation

/// A new, empty folder under the system's temporary directory; `remove()` deletes it.
struct TemporaryFolder {
  let path: String

  init() throws {
    path =
      FileManager.default.temporaryDirectory
      .appending(path: "crosswalk-documents-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  /// The absolute path of `relative` inside the folder.
  func path(_ relative: String) -> String { (path as NSString).appendingPathComponent(relative) }

  /// Writes `bytes` to `relative`, creating the folders on the way; returns the file's path.
  @discardableResult
  func write(_ relative: String, _ bytes: [UInt8]) throws -> String {
    let file = path(relative)
    try FileManager.default.createDirectory(
      atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(bytes).write(to: URL(fileURLWithPath: file))
    return file
  }

  /// Writes `text` as UTF-8 to `relative`; returns the file's path.
  @discardableResult
  func write(_ relative: String, _ text: String) throws -> String {
    try write(relative, Array(text.utf8))
  }

  /// Creates the folder `relative`; returns its path.
  @discardableResult
  func folder(_ relative: String) throws -> String {
    let folder = path(relative)
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
  }

  /// Makes `relative` a symbolic link to `destination` (taken as is, so it may be relative to the
  /// link's folder); returns the link's path.
  @discardableResult
  func link(_ relative: String, to destination: String) throws -> String {
    let link = path(relative)
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: destination)
    return link
  }

  func remove() {
    try? FileManager.default.removeItem(atPath: path)
  }
}

/// The package root, found from this file's path (Tests/CrosswalkDocumentsTests/…).
let packageRoot: String = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// The sample corpus shipped with the package.
let corpusFolder: String = (packageRoot as NSString).appendingPathComponent("corpus")
