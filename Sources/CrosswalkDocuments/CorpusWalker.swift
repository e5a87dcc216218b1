import CrosswalkCore
import Foundation

/// A file to be read as a document, with what the manifest says about it, if anything.
public struct DocumentSource: Sendable, Equatable {
  /// The path as the user named it, or as found under a folder they named.
  public let path: String
  /// The manifest's id, else the path under the named folder without its extension.
  public let id: String
  public let entry: ManifestEntry?

  public init(path: String, id: String, entry: ManifestEntry? = nil) {
    self.path = path
    self.id = id
    self.entry = entry
  }
}

/// The documents a command line names, in a stable order, with what was passed over on the way.
public struct CorpusListing: Sendable {
  /// The documents, sorted by path.
  public var sources: [DocumentSource] = []
  /// Things skipped while walking (symbolic link loops, hidden files are not among them), each
  /// naming its path.
  public var warnings: [String] = []
  /// The manifests that described the documents.
  public var manifests: [Manifest] = []
}

/// Turns paths into documents (DESIGN.md 'Corpus'): a folder with `manifest.yaml` is the
/// manifest's documents; a folder without one is every file under it, walked recursively in
/// byte order of names, hidden files and folders left out, each folder entered once however many
/// symbolic links lead to it; a file is itself, described by the manifest of its folder or a
/// folder above when one lists it.
public enum CorpusWalker {
  /// The documents under `paths`; a malformed manifest stops the walk.
  public static func list(_ paths: [String]) throws(ManifestError) -> CorpusListing {
    var walk = Walk()
    for path in paths { try walk.add(path) }
    walk.listing.sources.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    return walk.listing
  }

  private struct Walk {
    var listing = CorpusListing()
    var seenFiles: Set<String> = []
    var seenFolders: Set<String> = []

    mutating func add(_ path: String) throws(ManifestError) {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
        // Missing or a broken link: the loader names the problem.
        append(DocumentSource(path: path, id: Self.stem(of: (path as NSString).lastPathComponent)))
        return
      }
      if isFolder.boolValue {
        try walkFolder(path, root: path)
      } else if (path as NSString).lastPathComponent == Manifest.fileName {
        try addManifest(path, folder: (path as NSString).deletingLastPathComponent)
      } else {
        append(try describedFile(path))
      }
    }

    private mutating func walkFolder(_ folder: String, root: String) throws(ManifestError) {
      let real = Self.realPath(folder)
      guard seenFolders.insert(real).inserted else {
        listing.warnings.append("\(folder): skipped: a symbolic link back to a folder already read (\(real))")
        return
      }
      let manifest = (folder as NSString).appendingPathComponent(Manifest.fileName)
      if FileManager.default.fileExists(atPath: manifest) {
        try addManifest(manifest, folder: folder)
        return
      }
      let names: [String]
      do {
        names = try FileManager.default.contentsOfDirectory(atPath: folder)
      } catch {
        listing.warnings.append("\(folder): skipped: cannot list the folder")
        return
      }
      for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) where !name.hasPrefix(".") {
        let child = (folder as NSString).appendingPathComponent(name)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: child, isDirectory: &isFolder), isFolder.boolValue {
          try walkFolder(child, root: root)
        } else {
          let relative = String(child.dropFirst(root.count).drop { $0 == "/" })
          append(DocumentSource(path: child, id: Self.stem(of: relative)))
        }
      }
    }

    private mutating func addManifest(_ file: String, folder: String) throws(ManifestError) {
      let manifest = try Manifest.read(file)
      listing.manifests.append(manifest)
      for entry in manifest.entries {
        let path = folder.isEmpty ? entry.path : (folder as NSString).appendingPathComponent(entry.path)
        append(DocumentSource(path: path, id: entry.id, entry: entry))
      }
    }

    /// A file named on its own, with the entry of a manifest in its folder or above that lists it.
    private mutating func describedFile(_ path: String) throws(ManifestError) -> DocumentSource {
      let target = Self.realPath(path)
      var folder = ((path as NSString).deletingLastPathComponent as NSString).standardizingPath
      if folder.isEmpty { folder = "." }
      for _ in 0..<4 {
        let candidate = (folder as NSString).appendingPathComponent(Manifest.fileName)
        if FileManager.default.fileExists(atPath: candidate) {
          let manifest = try Manifest.read(candidate)
          for entry in manifest.entries
          where Self.realPath((folder as NSString).appendingPathComponent(entry.path)) == target {
            return DocumentSource(path: path, id: entry.id, entry: entry)
          }
        }
        let parent = (Self.realPath(folder) as NSString).deletingLastPathComponent
        if parent == Self.realPath(folder) || parent.isEmpty { break }
        folder = parent
      }
      return DocumentSource(path: path, id: Self.stem(of: (path as NSString).lastPathComponent))
    }

    private mutating func append(_ source: DocumentSource) {
      guard seenFiles.insert(Self.realPath(source.path)).inserted else { return }
      listing.sources.append(source)
    }

    static func realPath(_ path: String) -> String {
      URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
    }

    static func stem(of relative: String) -> String {
      (relative as NSString).deletingPathExtension
    }
  }
}
