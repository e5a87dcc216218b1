import CrosswalkCore
import Yams

/// Reads a YAML node tree (a `.crosswalk.yaml`, a baseline) and collects one diagnostic, with
/// file, line and column, for everything wrong in it, so that one run shows every problem
/// rather than the first.
struct NodeReader {
  /// The file as it is named in diagnostics.
  let file: String
  /// The problems found so far.
  private(set) var diagnostics: [Diagnostic] = []

  /// A reader reporting problems in `file`.
  init(file: String) { self.file = file }

  /// Where `node` was read; the whole file when it is nil.
  func location(_ node: Node?) -> SourceLocation {
    SourceLocation(file: file, line: node?.mark?.line, column: node?.mark?.column)
  }

  /// Records an error at `node`.
  mutating func error(at node: Node?, _ message: String) {
    diagnostics.append(Diagnostic(.error, at: location(node), message))
  }

  /// True for an empty value (`key:` with nothing after it, `~`, `null`).
  static func isNull(_ node: Node) -> Bool { node.null != nil }

  /// The pairs of a mapping, in file order, with keys from `known`; unknown keys (with the
  /// closest known one), repeated keys and keys that are not words are reported and skipped.
  mutating func pairs(of node: Node, known: [String]) -> [(key: String, keyNode: Node, value: Node)] {
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
        error(at: keyNode, "duplicate key '\(key)'")
        continue
      }
      result.append((key, keyNode, value))
    }
    return result
  }

  /// A single text value; nil (and an error naming `key`) for a list or a mapping.
  mutating func string(_ node: Node, for key: String) -> String? {
    guard case .scalar(let scalar) = node else {
      error(at: node, "'\(key)' must be a single value")
      return nil
    }
    return scalar.string
  }

  /// The items of a list of single values, each with its node; an empty value is an empty list.
  mutating func strings(_ node: Node, for key: String, example: String) -> [(text: String, node: Node)] {
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
