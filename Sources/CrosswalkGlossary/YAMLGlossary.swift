import CrosswalkCore
import Yams

/// The native glossary format (DESIGN.md 'Glossaries'), read through Yams' node tree so that
/// every problem is reported where it is, and written by hand so that output is stable and
/// reads like the files people write.
enum YAMLGlossary {
  static let entityKeys = ["id", "type", "name", "aliases", "variants", "distinct", "note"]
  static let nameKeys = ["name", "usage", "route"]

  static func read(_ text: String, file: String) -> GlossaryFileContents {
    var reader = Reader(file: file)
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      reader.report(error, in: text)
      return reader.contents
    } catch {
      reader.error(at: nil, "malformed YAML: \(error)")
      return reader.contents
    }
    guard let root else { return reader.contents }  // An empty file: no entities.
    reader.readRoot(root)
    return reader.contents
  }

  private struct Reader {
    var nodes: YAMLNodeReader
    var entities: [Entity] = []

    init(file: String) { nodes = YAMLNodeReader(file: file) }

    var contents: GlossaryFileContents { GlossaryFileContents(entities: entities, diagnostics: nodes.diagnostics) }

    func location(_ node: Node?) -> SourceLocation { nodes.location(node) }

    mutating func error(at node: Node?, _ message: String) { nodes.error(at: node, message) }

    mutating func report(_ error: YamlError, in text: String) { nodes.report(error, in: text) }

    mutating func pairs(of node: Node, known: [String]) -> [(key: String, keyNode: Node, value: Node)] {
      nodes.pairs(of: node, known: known, within: "one entry")
    }

    mutating func readRoot(_ root: Node) {
      guard case .mapping = root else {
        error(at: root, "a glossary file is a mapping with the key 'entities'")
        return
      }
      for (_, _, value) in pairs(of: root, known: ["entities"]) {
        if case .scalar(let scalar) = value, scalar.string.isEmpty || scalar.tag == .init(.null) {
          continue  // `entities:` with nothing under it.
        }
        guard case .sequence(let entries) = value else {
          error(at: value, "'entities' must be a list of entries ('- id: …')")
          continue
        }
        for entry in entries { readEntity(entry) }
      }
    }

    /// A scalar's text, trimmed; nil (and a diagnostic) for a list or mapping.
    mutating func text(_ node: Node, for key: String) -> String? {
      nodes.string(node, for: key)?.trimmingSpaces()
    }

    mutating func readEntity(_ node: Node) {
      guard case .mapping = node else {
        error(at: node, "an entry must be a mapping ('id: …', 'name: …')")
        return
      }
      var id: String?, type: String?, name: String?, note: String?
      var aliases: [EntityName] = []
      var variants: [EntityName] = []
      var distinct: [String] = []
      var badID = false
      for (key, _, value) in pairs(of: node, known: YAMLGlossary.entityKeys) {
        switch key {
        case "id":
          guard let value_ = text(value, for: key), !value_.isEmpty else { continue }
          if isValidID(value_) {
            id = value_
          } else {
            badID = true
            let fixed = makeID(from: value_)
            error(
              at: value,
              "bad id '\(value_)': ids are lowercase ASCII letters, digits and hyphens"
                + (fixed.isEmpty ? "" : "; try '\(fixed)'"))
          }
        case "type": type = text(value, for: key)
        case "name": name = text(value, for: key)
        case "note": note = text(value, for: key)
        case "aliases": aliases = names(value, key: key, kind: .alias)
        case "variants": variants = names(value, key: key, kind: .variant)
        case "distinct":
          distinct = list(value, key: key).compactMap { item in
            guard let value = text(item, for: "distinct"), !value.isEmpty else { return nil }
            return value
          }
        default: break
        }
      }
      let label = id.map { "'\($0)'" } ?? "entry"
      guard let id else {
        if !badID { error(at: node, "entry has no 'id'") }
        return
      }
      guard let name, !name.isEmpty else {
        error(at: node, "\(label) has no 'name'")
        return
      }
      guard let type, !type.isEmpty else {
        error(at: node, "\(label) has no 'type' (person, place, organization, event, term, …)")
        return
      }
      entities.append(
        Entity(
          id: id, type: type, name: name, aliases: aliases, variants: variants,
          distinct: distinct, note: note?.isEmpty == true ? nil : note, location: location(node)))
    }

    /// A list value; a single scalar counts as a list of one, an empty value as none.
    mutating func list(_ node: Node, key: String) -> [Node] {
      switch node {
      case .sequence(let sequence): return Array(sequence)
      case .scalar(let scalar):
        return scalar.string.isEmpty || scalar.tag == .init(.null) ? [] : [node]
      default:
        error(at: node, "'\(key)' must be a list")
        return []
      }
    }

    /// Names written as plain text or as `{name: …, usage: …, route: …}`.
    mutating func names(_ node: Node, key: String, kind: EntityName.Kind) -> [EntityName] {
      list(node, key: key).compactMap { item -> EntityName? in
        switch item {
        case .scalar(let scalar):
          let value = scalar.string.trimmingSpaces()
          if value.isEmpty {
            error(at: item, "empty name in '\(key)'")
            return nil
          }
          return EntityName(value, kind: kind, location: location(item))
        case .mapping:
          var name: String?, usage: String?, route: String?
          for (field, fieldNode, value) in pairs(of: item, known: YAMLGlossary.nameKeys) {
            let value = text(value, for: field)
            switch field {
            case "name": name = value
            case "usage": usage = value
            case "route": route = value
            default: _ = fieldNode
            }
          }
          guard let name, !name.isEmpty else {
            error(at: item, "a name in '\(key)' has no 'name'")
            return nil
          }
          return EntityName(
            name, kind: kind, usage: usage?.isEmpty == true ? nil : usage,
            route: route?.isEmpty == true ? nil : route, location: location(item))
        default:
          error(at: item, "each of '\(key)' is a name or {name: …, usage: …, route: …}")
          return nil
        }
      }
    }
  }

  // MARK: Writing

  static func write(_ entities: [Entity]) -> String {
    var out = "entities:\n"
    for (index, entity) in entities.enumerated() {
      if index > 0 { out += "\n" }
      out += "  - id: \(scalar(entity.id))\n"
      out += "    type: \(scalar(entity.type))\n"
      out += "    name: \(scalar(entity.name))\n"
      for (key, names) in [("aliases", entity.aliases), ("variants", entity.variants)]
      where !names.isEmpty {
        out += "    \(key):\n"
        for name in names {
          var fields: [String] = []
          if let usage = name.usage { fields.append("usage: \(scalar(usage))") }
          if let route = name.route { fields.append("route: \(scalar(route))") }
          out +=
            fields.isEmpty
            ? "      - \(scalar(name.text))\n"
            : "      - {name: \(scalar(name.text)), \(fields.joined(separator: ", "))}\n"
        }
      }
      if !entity.distinct.isEmpty {
        out += "    distinct: [\(entity.distinct.map(scalar).joined(separator: ", "))]\n"
      }
      if let note = entity.note { out += "    note: \(scalar(note))\n" }
    }
    return out
  }

  /// A scalar plain when YAML reads it back as the same string, double-quoted otherwise.
  static func scalar(_ text: String) -> String {
    let reserved: Set<String> = [
      "", "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n",
    ]
    let special: Set<Character> = [
      "-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@",
      "`",
    ]
    let needsQuotes =
      reserved.contains(text.lowercased())
      || text.first.map { special.contains($0) || $0.isWhitespace || $0.isNumber } ?? true
      || text.last.map { $0.isWhitespace || $0 == ":" } ?? true
      || text.contains(": ") || text.contains(" #") || text.contains(",")
      || text.contains("[") || text.contains("]") || text.contains("{") || text.contains("}")
      || text.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{7F}" || $0 == "\u{FEFF}" }
    guard needsQuotes else { return text }
    var quoted = ""
    appendDoubleQuoted(text, to: &quoted)
    return quoted
  }
}

/// A YAML syntax error as a diagnostic: Yams's own description repeats the position and quotes
/// the source over several lines (all of it, for a duplicate key), so the problem becomes the
/// message and the position the location. Shared by glossaries and corpus manifests.
public enum YAMLSyntax {
  public static func diagnostic(for error: Error, in text: String, file: String) -> Diagnostic {
    guard let error = error as? YamlError else {
      return Diagnostic(.error, at: SourceLocation(file: file), "malformed YAML: \(error)")
    }
    switch error {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
      .composer(_, let problem, let mark, _):
      return Diagnostic(
        .error, at: SourceLocation(file: file, line: mark.line, column: mark.column), "malformed YAML: \(problem)")
    case .reader(let problem, let offset, _, _):
      let line = offset.map { offset in 1 + text.utf8.prefix(offset).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
      return Diagnostic(
        .error, at: SourceLocation(file: file, line: line, column: line == nil ? nil : 1), "malformed YAML: \(problem)")
    case .duplicatedKeysInMapping(let duplicates, let context):
      return Diagnostic(
        .error, at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column),
        "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in one entry")
    default:
      return Diagnostic(.error, at: SourceLocation(file: file), "malformed YAML: \(error)")
    }
  }
}
