/// Appends `text` as a double-quoted string that JSON and YAML read back as the same text:
/// quotes, backslashes and line ends escaped, and `\uXXXX` for the characters either format
/// (or a reader's eye) cannot take raw: controls, DEL, the line and paragraph separators and
/// the byte order mark.
public func appendDoubleQuoted(_ text: String, to out: inout String) {
  var bytes: [UInt8] = []
  appendDoubleQuoted(text, to: &bytes)
  out += String(decoding: bytes, as: UTF8.self)
}

/// `appendDoubleQuoted` in UTF-8, into an array or another `ByteSink`. Output of a large corpus quotes millions of short strings,
/// nearly all of which need no escape: runs without one are copied whole.
@inlinable
public func appendDoubleQuoted<Sink: ByteSink>(_ text: String, to out: inout Sink) {
  out.write(0x22)
  var contiguous = text
  contiguous.withUTF8 { bytes in
    var runStart = 0
    var position = 0
    while position < bytes.count {
      let byte = bytes[position]
      // Nearly every byte: printable ASCII other than the quote and the backslash, or a byte
      // of a multi-byte sequence that cannot start an escaped one.
      if byte >= 0x20, byte != 0x22, byte != 0x5C, byte != 0x7F, byte != 0xE2, byte != 0xEF {
        position += 1
        continue
      }
      // Escaped: ASCII controls, DEL, quote and backslash; E2 80 A8/A9 (U+2028/9) and EF BB BF
      // (U+FEFF) among the multi-byte sequences.
      let escape: String
      switch byte {
      case 0x22: escape = "\\\""
      case 0x5C: escape = "\\\\"
      case 0x0A: escape = "\\n"
      case 0x0D: escape = "\\r"
      case 0x09: escape = "\\t"
      case 0..<0x20, 0x7F: escape = unicodeEscape(UInt32(byte))
      case 0xE2 where position + 2 < bytes.count && bytes[position + 1] == 0x80
        && (bytes[position + 2] == 0xA8 || bytes[position + 2] == 0xA9):
        escape = unicodeEscape(bytes[position + 2] == 0xA8 ? 0x2028 : 0x2029)
      case 0xEF where position + 2 < bytes.count && bytes[position + 1] == 0xBB && bytes[position + 2] == 0xBF:
        escape = unicodeEscape(0xFEFF)
      default:
        position += 1
        continue
      }
      out.write(UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
      out.write(Array(escape.utf8))
      position += byte < 0x80 ? 1 : 3
      runStart = position
    }
    out.write(UnsafeBufferPointer(rebasing: bytes[runStart...]))
  }
  out.write(0x22)
}

@usableFromInline
func unicodeEscape(_ value: UInt32) -> String {
  let hex = String(value, radix: 16)
  return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
}
