/// `text` safe in XML or HTML content and attribute values: markup characters become
/// entities, so document text is shown and never run; carriage returns, tabs and line feeds
/// become character references so that no parser normalizes them away; control characters XML
/// cannot hold become U+FFFD.
public func markupEscaped(_ text: String) -> String {
  var out = ""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "&": out += "&amp;"
    case "<": out += "&lt;"
    case ">": out += "&gt;"
    case "\"": out += "&quot;"
    case "'": out += "&apos;"
    case "\r": out += "&#13;"
    case "\t": out += "&#9;"
    case "\n": out += "&#10;"
    default:
      if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
        out += "\u{FFFD}"
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
  }
  return out
}
