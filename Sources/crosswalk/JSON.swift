import CrosswalkCore
import Foundation

/// A JSON value whose objects keep their keys in the order written, so that output follows the
/// documented contracts (DESIGN.md 'Command line') and is byte-identical from run to run.
indirect enum JSON {
  case string(String)
  case number(Double)
  case int(Int)
  case bool(Bool)
  case null
  case array([JSON])
  case object([(String, JSON)])

  /// A string, or null for nil.
  static func optional(_ text: String?) -> JSON { text.map(JSON.string) ?? .null }

  /// A score or other fraction, rounded to three decimals.
  static func fraction(_ value: Double) -> JSON { .number((value * 1000).rounded() / 1000) }

  /// On one line (JSON Lines).
  var compact: String {
    var out = ""
    write(to: &out, indent: nil, level: 0)
    return out
  }

  /// Indented by two spaces.
  var pretty: String {
    var out = ""
    write(to: &out, indent: "  ", level: 0)
    return out
  }

  private func write(to out: inout String, indent: String?, level: Int) {
    let newline = indent.map { "\n" + String(repeating: $0, count: level + 1) } ?? ""
    let closing = indent.map { "\n" + String(repeating: $0, count: level) } ?? ""
    let colon = indent == nil ? ":" : ": "
    switch self {
    case .string(let text): appendDoubleQuoted(text, to: &out)
    case .number(let value):
      if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
        out += String(Int(value))
      } else if value.isFinite {
        out += String(value)
      } else {
        out += "null"
      }
    case .int(let value): out += String(value)
    case .bool(let value): out += value ? "true" : "false"
    case .null: out += "null"
    case .array(let items):
      if items.isEmpty {
        out += "[]"
        return
      }
      out += "["
      for (index, item) in items.enumerated() {
        out += (index == 0 ? "" : ",") + newline
        item.write(to: &out, indent: indent, level: level + 1)
      }
      out += closing + "]"
    case .object(let pairs):
      if pairs.isEmpty {
        out += "{}"
        return
      }
      out += "{"
      for (index, (key, value)) in pairs.enumerated() {
        out += (index == 0 ? "" : ",") + newline
        appendDoubleQuoted(key, to: &out)
        out += colon
        value.write(to: &out, indent: indent, level: level + 1)
      }
      out += closing + "}"
    }
  }
}
