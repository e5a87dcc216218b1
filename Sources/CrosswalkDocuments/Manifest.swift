import CrosswalkCore
import Foundation
import CrosswalkGlossary
import Yams

/// One document as `manifest.yaml` describes it (DESIGN.md 'Corpus').
public struct ManifestEntry: Sendable, Equatable {
  public let id: String
  /// The path relative to the manifest's folder.
  public let path: String
  /// BCP 47, when the manifest gives it.
  public let language: String?
  /// An encoding to use instead of detecting one (an extension of DESIGN.md's keys).
  public let encoding: String?
  public let metadata: DocumentMetadata
}

/// A corpus manifest: `documents:`, a list of entries with `id`, `path`, `language`, `title`,
/// `source`, `date`, `translation_of`, `notes` (and `encoding`).
public struct Manifest: Sendable {
  /// The file name Crosswalk looks for in a corpus folder.
  public static let fileName = "manifest.yaml"
  public static let entryKeys = [
    "id", "path", "language", "encoding", "title", "source", "date", "translation_of", "notes",
  ]

  /// Where the manifest was read from.
  public let file: String
  /// The documents, in the manifest's order.
  public let entries: [ManifestEntry]

  /// A manifest that a test or a caller builds.
  public init(file: String, entries: [ManifestEntry]) {
    self.file = file
    self.entries = entries
  }

  /// Reads and checks `file`: every problem is a diagnostic with its line, and any error makes
  /// the whole manifest fail (a corpus described wrongly is worse than one not described).
  public static func read(_ file: String) throws(ManifestError) -> Manifest {
    let text: String
    do {
      text = try TextFile.read(file)
    } catch {
      throw ManifestError(diagnostics: [Diagnostic(.error, at: SourceLocation(file: file), "\(error)")])
    }
    return try parse(text, file: file)
  }

  /// Parses manifest text; `file` names it in diagnostics.
  public static func parse(_ text: String, file: String) throws(ManifestError) -> Manifest {
    var problems: [Diagnostic] = []
    func error(_ node: Node?, _ message: String) {
      problems.append(
        Diagnostic(.error, at: SourceLocation(file: file, line: node?.mark?.line, column: node?.mark?.column), message))
    }
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch {
      throw ManifestError(diagnostics: [YAMLSyntax.diagnostic(for: error, in: text, file: file)])
    }
    guard let root, case .mapping(let top) = root else {
      throw ManifestError(diagnostics: [
        Diagnostic(.error, at: SourceLocation(file: file, line: 1), "expected a mapping with a 'documents' list")
      ])
    }
    var entries: [ManifestEntry] = []
    var ids: Set<String> = []
    // Where each entry's translation_of is written, for the check once every id is known.
    var originals: [(id: String, original: String, node: Node)] = []
    for (keyNode, value) in top {
      guard keyNode.string == "documents" else {
        error(keyNode, "unknown key '\(keyNode.string ?? "")'; the manifest has one key, 'documents'")
        continue
      }
      guard case .sequence(let list) = value else {
        error(value, "'documents' must be a list")
        continue
      }
      for item in list {
        guard case .mapping(let mapping) = item else {
          error(item, "each document must be a mapping with at least 'id' and 'path'")
          continue
        }
        var fields: [String: String] = [:]
        var translationNode: Node?
        for (key, fieldValue) in mapping {
          let name = key.string ?? ""
          guard entryKeys.contains(name) else {
            error(key, "unknown key '\(name)'\(didYouMean(name, among: entryKeys, otherwise: "known keys: \(entryKeys.joined(separator: ", "))"))")
            continue
          }
          guard let string = fieldValue.string else {
            error(fieldValue, "'\(name)' must be a single value")
            continue
          }
          fields[name] = string
          if name == "translation_of" { translationNode = fieldValue }
        }
        guard let id = fields["id"], !id.isEmpty else { error(item, "a document without an 'id'"); continue }
        guard let path = fields["path"], !path.isEmpty else {
          error(item, "document '\(id)' has no 'path'")
          continue
        }
        if !ids.insert(id).inserted { error(item, "the id '\(id)' is used twice") }
        if let original = fields["translation_of"], let translationNode {
          originals.append((id, original, translationNode))
        }
        entries.append(
          ManifestEntry(
            id: id, path: path, language: fields["language"], encoding: fields["encoding"],
            metadata: DocumentMetadata(
              title: fields["title"], source: fields["source"], date: fields["date"],
              translationOf: fields["translation_of"], notes: fields["notes"])))
      }
    }
    for (id, original, node) in originals where !ids.contains(original) {
      error(node, "document '\(id)' is a translation_of '\(original)', which the manifest does not list")
    }
    if !problems.isEmpty { throw ManifestError(diagnostics: problems) }
    return Manifest(file: file, entries: entries)
  }
}

/// A manifest that cannot be used, with every problem found in it.
public struct ManifestError: Error, Sendable, CustomStringConvertible {
  public let diagnostics: [Diagnostic]
  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
