import Foundation

/// Path arithmetic done on the text of paths, without touching the file system (symbolic links
/// are left as they are): configuration and baseline files name other files relative to
/// themselves, and baselines must find the same document however the command was started.
enum FilePaths {
  /// `path` made absolute against the current folder, with `.` and `..` resolved.
  static func absolute(_ path: String) -> String {
    let joined = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    return "/" + normalizedComponents(joined).joined(separator: "/")
  }

  /// `path` relative to `folder`, both absolute: `en/a.txt`, `../b/c.txt`, or `.` for the folder.
  static func relative(_ path: String, to folder: String) -> String {
    let target = normalizedComponents(path)
    let base = normalizedComponents(folder)
    var common = 0
    while common < target.count, common < base.count, target[common] == base[common] { common += 1 }
    let parts = Array(repeating: "..", count: base.count - common) + target[common...]
    return parts.isEmpty ? "." : parts.joined(separator: "/")
  }

  /// `path` as it is best shown: relative to the current folder when it lies under it, else
  /// absolute.
  static func display(_ absolutePath: String) -> String {
    let relativePath = relative(absolutePath, to: absolute("."))
    return relativePath.hasPrefix("../") || relativePath == ".." ? absolutePath : relativePath
  }

  /// `path` (absolute, or relative to `folder`) joined to `folder`, with `.` and `..` resolved
  /// as far as the text allows (`../x` stays when `folder` is `.`).
  static func resolve(_ path: String, against folder: String) -> String {
    if path.hasPrefix("/") { return "/" + normalizedComponents(path).joined(separator: "/") }
    let joined = folder.isEmpty || folder == "." ? path : folder + "/" + path
    let absolute = joined.hasPrefix("/")
    let parts = normalizedComponents(joined)
    if absolute { return "/" + parts.joined(separator: "/") }
    return parts.isEmpty ? "." : parts.joined(separator: "/")
  }

  /// The folder holding `path` (`.` for a bare file name).
  static func folder(of path: String) -> String {
    let parent = (path as NSString).deletingLastPathComponent
    return parent.isEmpty ? "." : parent
  }

  /// The components of a path with empty and `.` components dropped and each `..` taking
  /// back the component before it; a `..` with nothing before it is kept (in a relative path)
  /// or dropped (at the root of an absolute one).
  private static func normalizedComponents(_ path: String) -> [String] {
    var parts: [String] = []
    for component in path.split(separator: "/", omittingEmptySubsequences: true) {
      switch component {
      case ".": continue
      case "..":
        if let last = parts.last, last != ".." {
          parts.removeLast()
        } else if !path.hasPrefix("/") {
          parts.append("..")
        }
      default: parts.append(String(component))
      }
    }
    return parts
  }
}
