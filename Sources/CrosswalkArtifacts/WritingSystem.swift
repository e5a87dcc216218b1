/// A coarse script of a letter, by code point range alone: cheap enough to ask of every letter
/// of a document, where ICU's script property is a call per scalar.
enum WritingSystem: String {
  case latin = "Latin script", cyrillic = "Cyrillic", greek = "Greek", kana = "Japanese", han = "Chinese characters"
  case hangul = "Hangul", arabic = "Arabic script", hebrew = "Hebrew script", other

  init(_ scalar: Unicode.Scalar) {
    switch scalar.value {
    case 0...0x24F, 0x1E00...0x1EFF, 0xFF21...0xFF3A, 0xFF41...0xFF5A: self = .latin
    case 0x370...0x3FF, 0x1F00...0x1FFF: self = .greek
    case 0x400...0x52F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F: self = .cyrillic
    case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: self = .kana
    case 0x3005, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: self = .han
    case 0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF: self = .hangul
    case 0x590...0x5FF, 0xFB1D...0xFB4F: self = .hebrew
    case 0x600...0x6FF, 0x750...0x77F, 0x8A0...0x8FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: self = .arabic
    default: self = .other
    }
  }

  /// The language a run in this script most likely came from (`text` tells Ukrainian from
  /// Russian), or nil when the script is shared by several (Chinese characters).
  func route(of text: [Unicode.Scalar]) -> String? {
    switch self {
    case .cyrillic: text.contains { "іїєґІЇЄҐ".unicodeScalars.contains($0) } ? "uk" : "ru"
    case .kana: "ja"
    case .hangul: "ko"
    case .greek: "el"
    case .hebrew: "he"
    case .arabic: "ar"
    case .latin, .han, .other: nil
    }
  }
}
