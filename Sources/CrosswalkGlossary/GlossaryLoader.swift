import CrosswalkCore
import CrosswalkGlossaryData
import Foundation

/// The file formats a glossary is read from and written to (DESIGN.md 'Glossaries').
public enum GlossaryFormat: String, CaseIterable, Sendable {
  /// The native format.
  case yaml
  /// One entity per row, with a header row; lists separated by `|`.
  case tsv, csv
  /// TermBase eXchange (ISO 30042), the terminology format of CAT tools.
  case tbx

  /// The format a file's extension names, or nil.
  public init?(path: String) {
    switch (path as NSString).pathExtension.lowercased() {
    case "yaml", "yml": self = .yaml
    case "tsv", "tab": self = .tsv
    case "csv": self = .csv
    case "tbx": self = .tbx
    default: return nil
    }
  }

  /// The entities of one file's text, and what is wrong with it. Entities that cannot be
  /// built (no id, no name) are left out; the others are kept even when a diagnostic names them.
  public func read(_ text: String, file: String) -> GlossaryFileContents {
    switch self {
    case .yaml: YAMLGlossary.read(text, file: file)
    case .tsv: TableGlossary.read(text, file: file, separator: "\t")
    case .csv: TableGlossary.read(text, file: file, separator: ",")
    case .tbx: TBXGlossary.read(text, file: file)
    }
  }

  /// `entities` as a file of this format.
  public func write(_ entities: [Entity]) -> String {
    switch self {
    case .yaml: YAMLGlossary.write(entities)
    case .tsv: TableGlossary.write(entities, separator: "\t")
    case .csv: TableGlossary.write(entities, separator: ",")
    case .tbx: TBXGlossary.write(entities)
    }
  }
}

/// What one glossary file holds.
public struct GlossaryFileContents: Sendable {
  public var entities: [Entity]
  public var diagnostics: [Diagnostic]

  public init(entities: [Entity] = [], diagnostics: [Diagnostic] = []) {
    self.entities = entities
    self.diagnostics = diagnostics
  }
}

/// One glossary made of many files, with everything found wrong in them.
public struct GlossaryLoad: Sendable {
  public let glossary: Glossary
  /// Errors and warnings, in file order.
  public let diagnostics: [Diagnostic]
  /// The files read, in the order they were read.
  public let files: [String]

  /// True when a diagnostic is an error: the glossary must not be used.
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Loads glossary files and folders into one glossary, and checks it across files.
public enum GlossaryLoader {
  /// The glossaries compiled into the binary (the project's `glossaries/entities/`).
  public static func builtIn() -> GlossaryLoad {
    let parts = EmbeddedGlossaries.paths.filter { $0.hasPrefix("entities/") }.compactMap {
      path -> (String, String, GlossaryFormat)? in
      guard let text = EmbeddedGlossaries.file(path), let format = GlossaryFormat(path: path)
      else { return nil }
      return ("glossaries/" + path, text, format)
    }
    return combine(parts.map { $0.2.read($0.1, file: $0.0) }, files: parts.map(\.0))
  }

  /// The glossaries at `paths`: files of any `GlossaryFormat`, and folders walked recursively
  /// (in name order, hidden files skipped) for files with a glossary extension.
  public static func load(paths: [String]) -> GlossaryLoad {
    var files: [String] = []
    var contents: [GlossaryFileContents] = []
    for path in paths {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
        contents.append(failure(path, "no such file or folder"))
        continue
      }
      var found = isFolder.boolValue ? glossaryFiles(in: path) : [path]
      if isFolder.boolValue {
        // A folder may hold other tables beside glossaries (Crosswalk's own glossaries/ holds
        // the rules' lists): a table whose first row names no 'name' column is not a glossary.
        // Named on their own, such files are still read, and their errors shown.
        let others = found.filter { !isGlossaryTable($0) }
        found.removeAll { others.contains($0) }
        if !others.isEmpty {
          contents.append(
            GlossaryFileContents(diagnostics: [
              Diagnostic(
                .warning, at: SourceLocation(file: path),
                "skipped \(others.count) table\(others.count == 1 ? "" : "s") without a header row naming a 'name' column, not glossaries: \(others.map { ($0 as NSString).lastPathComponent }.joined(separator: ", "))"
              )
            ]))
        }
      }
      if isFolder.boolValue && found.isEmpty {
        contents.append(failure(path, "no glossary files (.yaml, .tsv, .csv, .tbx) in this folder"))
      }
      for file in found {
        files.append(file)
        guard let format = GlossaryFormat(path: file) else {
          contents.append(
            failure(file, "unknown glossary format; use a .yaml, .tsv, .csv or .tbx file"))
          continue
        }
        do {
          contents.append(format.read(try TextFile.read(file), file: file))
        } catch {
          contents.append(readFailure(error))
        }
      }
    }
    return combine(contents, files: files)
  }

  /// The contents of one glossary text (a file read elsewhere, or a test's text).
  public static func load(text: String, file: String, format: GlossaryFormat) -> GlossaryLoad {
    combine([format.read(text, file: file)], files: [file])
  }

  private static func failure(_ path: String, _ message: String) -> GlossaryFileContents {
    GlossaryFileContents(diagnostics: [Diagnostic(.error, at: SourceLocation(file: path), message)])
  }

  private static func readFailure(_ failure: LineReader.Failure) -> GlossaryFileContents {
    switch failure {
    case .unreadable(let path, let reason): return Self.failure(path, "cannot read: \(reason)")
    case .invalidUTF8(let path, let line):
      return GlossaryFileContents(diagnostics: [
        Diagnostic(
          .error, at: SourceLocation(file: path, line: line, column: 1),
          "invalid UTF-8; glossaries are UTF-8 text")
      ])
    case .binary(let path, let line):
      return GlossaryFileContents(diagnostics: [
        Diagnostic(
          .error, at: SourceLocation(file: path, line: line, column: 1),
          "binary data (NUL byte), not a glossary")
      ])
    case .lineTooLong(let path, let line, let limit):
      return GlossaryFileContents(diagnostics: [
        Diagnostic(
          .error, at: SourceLocation(file: path, line: line, column: 1), "line longer than \(limit) bytes")
      ])
    }
  }

  /// False for a .tsv or .csv file whose first row (after comments and blank lines) names no
  /// `name` column; other files are glossaries by their extension.
  static func isGlossaryTable(_ path: String) -> Bool {
    guard let format = GlossaryFormat(path: path), format == .tsv || format == .csv else { return true }
    guard let handle = FileHandle(forReadingAtPath: path) else { return true }
    defer { try? handle.close() }
    // The header is near the top: comments above it are short.
    let head = String(decoding: handle.readData(ofLength: 64 * 1024), as: UTF8.self)
    for line in head.split(whereSeparator: \.isNewline) {
      let trimmed = line.trimmingSpaces()
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      let cells = trimmed.split(separator: format == .tsv ? "\t" : ",").map {
        $0.trimmingCharacters(in: CharacterSet(charactersIn: " \"")).lowercased()
      }
      return cells.contains("name")
    }
    return true
  }

  /// Glossary files under `folder`, recursively, sorted by path; symbolic links to folders are
  /// not followed, so a link loop cannot trap the walk.
  static func glossaryFiles(in folder: String) -> [String] {
    let root = URL(fileURLWithPath: folder)
    guard
      let walker = FileManager.default.enumerator(
        at: root, includingPropertiesForKeys: [.isRegularFileKey],
        options: [.skipsHiddenFiles])
    else { return [] }
    var found: [String] = []
    for case let url as URL in walker {
      guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
        GlossaryFormat(path: url.path) != nil
      else { continue }
      // Paths as the user would write them: the folder they named, then the relative part.
      let relative = url.path.dropFirst(root.path.count).drop { $0 == "/" }
      found.append((folder as NSString).appendingPathComponent(String(relative)))
    }
    return found.sorted()
  }

  /// One glossary from many files, with the checks that span files: duplicate ids, `distinct`
  /// ids that exist nowhere, and a name shared by two entities (an ambiguity: a warning).
  static func combine(_ contents: [GlossaryFileContents], files: [String]) -> GlossaryLoad {
    var diagnostics: [Diagnostic] = []
    var entities: [Entity] = []
    var firstDefinition: [String: Entity] = [:]
    for part in contents {
      diagnostics += part.diagnostics
      for entity in part.entities {
        if let first = firstDefinition[entity.id] {
          let place = first.location.map { ", first defined at \($0)" } ?? ""
          diagnostics.append(
            Diagnostic(
              .error, at: entity.location ?? SourceLocation(file: "?"),
              "duplicate id '\(entity.id)'\(place)"))
          continue
        }
        firstDefinition[entity.id] = entity
        entities.append(entity)
      }
    }

    var owners: [String: (entity: String, name: String)] = [:]
    for entity in entities {
      for unknown in entity.distinct where firstDefinition[unknown] == nil {
        diagnostics.append(
          Diagnostic(
            .error, at: entity.location ?? SourceLocation(file: "?"),
            "'distinct' of '\(entity.id)' names unknown id '\(unknown)'\(didYouMean(unknown, among: firstDefinition.keys))"))
      }
      var seen: Set<String> = []
      for name in entity.names {
        let key = looseKey(name.text)
        guard seen.insert(key).inserted else { continue }
        if let owner = owners[key], owner.entity != entity.id {
          diagnostics.append(
            Diagnostic(
              .warning, at: name.location ?? entity.location ?? SourceLocation(file: "?"),
              "name '\(name.text)' of '\(entity.id)' is also a name of '\(owner.entity)': an ambiguity, decided by score and context"
            ))
        } else {
          owners[key] = (entity.id, name.text)
        }
      }
    }
    return GlossaryLoad(
      glossary: Glossary(entities: entities), diagnostics: diagnostics, files: files)
  }

  /// Case and spacing ignored, for finding the same name written twice.
  private static func looseKey(_ text: String) -> String {
    text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }
}
