/// Appends `text` as a double-quoted string that JSON and YAML read back as the same text:
/// quotes, backslashes and line ends escaped, and `\uXXXX` for the characters either format
/// (or a reader's eye) cannot take raw: controls, DEL, the line and paragraph separators and
/// the byte order mark.
public func appendDoubleQuoted(_ text: String, to out: inout String) {
  out += "\""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\"": out += "\\\""
    case "\\": out += "\\\\"
    case "\n": out += "\\n"
    case "\r": out += "\\r"
    case "\t": out += "\\t"
    default:
      switch scalar.value {
      case 0..<0x20, 0x7F, 0x2028, 0x2029, 0xFEFF:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default:
        out.unicodeScalars.append(scalar)
      }
    }
  }
  out += "\""
}
