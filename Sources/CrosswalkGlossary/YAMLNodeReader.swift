import CrosswalkCore
import Yams

/// Reads a YAML node tree (a glossary, a `.crosswalk.yaml`, a baseline) and collects one
/// diagnostic, with file, line and column, for everything wrong in it, so that one run shows
/// every problem rather than the first.
public struct YAMLNodeReader {
  /// The file as it is named in diagnostics.
  public let file: String
  /// The problems found so far.
  public private(set) var diagnostics: [Diagnostic] = []

  /// A reader reporting problems in `file`.
  public init(file: String) { self.file = file }

  /// Where `node` was read; the whole file when it is nil.
  public func location(_ node: Node?) -> SourceLocation {
    SourceLocation(file: file, line: node?.mark?.line, column: node?.mark?.column)
  }

  /// Records an error at `node`.
  public mutating func error(at node: Node?, _ message: String) {
    diagnostics.append(Diagnostic(.error, at: location(node), message))
  }

  /// Records a YAML syntax error of `text`.
  public mutating func report(_ error: YamlError, in text: String) {
    diagnostics.append(YAMLSyntax.diagnostic(for: error, in: text, file: file))
  }

  /// True for an empty value (`key:` with nothing after it, `~`, `null`).
  public static func isNull(_ node: Node) -> Bool { node.null != nil }

  /// The pairs of a mapping, in file order, with keys from `known`; unknown keys (with the
  /// closest known one), repeated keys and keys that are not words are reported and skipped.
  /// `within` names what a repeated key is repeated in ("one entry").
  public mutating func pairs(
    of node: Node, known: [String], within: String? = nil
  ) -> [(key: String, keyNode: Node, value: Node)] {
    guard case .mapping(let mapping) = node else { return [] }
    var seen: Set<String> = []
    var result: [(key: String, keyNode: Node, value: Node)] = []
    for (keyNode, value) in mapping {
      guard case .scalar(let scalar) = keyNode else {
        error(at: keyNode, "a key must be a plain word")
        continue
      }
      let key = scalar.string
      guard known.contains(key) else {
        error(
          at: keyNode,
          "unknown key '\(key)'\(didYouMean(key, among: known, otherwise: "known keys: \(known.joined(separator: ", "))"))"
        )
        continue
      }
      guard seen.insert(key).inserted else {
        error(at: keyNode, "duplicate key '\(key)'" + (within.map { " in \($0)" } ?? ""))
        continue
      }
      result.append((key, keyNode, value))
    }
    return result
  }

  /// A single text value; nil (and an error naming `key`) for a list or a mapping.
  public mutating func string(_ node: Node, for key: String) -> String? {
    guard case .scalar(let scalar) = node else {
      error(at: node, "'\(key)' must be a single value")
      return nil
    }
    return scalar.string
  }

  /// The items of a list of single values, each with its node; an empty value is an empty list.
  public mutating func strings(_ node: Node, for key: String, example: String) -> [(text: String, node: Node)] {
    if Self.isNull(node) { return [] }
    guard case .sequence(let sequence) = node else {
      error(at: node, "'\(key)' must be a list, like \(example)")
      return []
    }
    return sequence.compactMap { item in
      guard case .scalar(let scalar) = item else {
        error(at: item, "each item of '\(key)' must be a single value")
        return nil
      }
      return (scalar.string, item)
    }
  }
}
