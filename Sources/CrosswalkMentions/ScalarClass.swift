import Foundation

/// What a scalar is to the mention finder, and its folded form: lower case, Latin diacritics
/// removed, ё as е, katakana as hiragana, fullwidth forms as ASCII, dashes as '-' and
/// apostrophes as '\''. Glossary names and document text are folded by this one function, so
/// that they meet whatever their case, accents or kana.
struct ScalarClass {
  enum Kind: UInt8 {
    case other = 0, letter, cyrillic, cjk, digit, mark, apostrophe, hyphen, space, newline, period
  }

  let kind: Kind
  let isUppercase: Bool
  /// The folded scalar, or nil when folding drops it (combining marks, the katakana middle dot).
  let folded: Unicode.Scalar?

  /// Table of the first scalars (Latin, Greek, Cyrillic, punctuation, kana), computed once:
  /// folding by Foundation per scalar would dominate the cost of scanning text.
  private static let table: [UInt32] = (0..<tableSize).map { encode(compute(UInt32($0))) }
  private static var tableSize: UInt32 { 0x3100 }

  /// The table in hand, for a loop over many scalars: each read of the lazily made static
  /// costs a call to check that it is made (12 million calls in 12 MB of text).
  struct Classifier {
    fileprivate let table: [UInt32]

    @inline(__always)
    func callAsFunction(_ scalar: Unicode.Scalar) -> ScalarClass {
      scalar.value < ScalarClass.tableSize
        ? ScalarClass.decode(table[Int(scalar.value)]) : ScalarClass.compute(scalar.value)
    }
  }

  static var classifier: Classifier { Classifier(table: table) }

  @inline(__always)
  init(_ scalar: Unicode.Scalar) {
    self = Self.classifier(scalar)
  }

  private init(kind: Kind, isUppercase: Bool = false, folded: Unicode.Scalar?) {
    self.kind = kind
    self.isUppercase = isUppercase
    self.folded = folded
  }

  private static func encode(_ value: ScalarClass) -> UInt32 {
    (value.folded?.value ?? 0x1F_FFFF) | UInt32(value.kind.rawValue) << 24 | (value.isUppercase ? 1 << 31 : 0)
  }

  private static func decode(_ bits: UInt32) -> ScalarClass {
    let scalarBits = bits & 0x1F_FFFF
    return ScalarClass(
      kind: Kind(rawValue: UInt8((bits >> 24) & 0x7F)) ?? .other, isUppercase: bits >> 31 == 1,
      folded: scalarBits == 0x1F_FFFF ? nil : Unicode.Scalar(scalarBits))
  }

  private static func compute(_ value: UInt32) -> ScalarClass {
    guard let scalar = Unicode.Scalar(value) else { return ScalarClass(kind: .other, folded: nil) }
    switch value {
    case 0x0A, 0x0D, 0x85, 0x2028, 0x2029: return ScalarClass(kind: .newline, folded: "\n")
    case 0x09, 0x20, 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return ScalarClass(kind: .space, folded: " ")
    case 0x2E: return ScalarClass(kind: .period, folded: ".")
    case 0x27, 0x60, 0xB4, 0x2BC, 0x2018, 0x2019, 0x2032: return ScalarClass(kind: .apostrophe, folded: "'")
    case 0x2D, 0x2010...0x2015, 0x2212, 0xFE63, 0xFF0D: return ScalarClass(kind: .hyphen, folded: "-")
    case 0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39: return ScalarClass(kind: .digit, folded: scalar)
    case 0xFF10...0xFF19: return ScalarClass(kind: .digit, folded: Unicode.Scalar(value - 0xFF10 + 0x30))
    case 0xFF21...0xFF3A:
      return ScalarClass(kind: .letter, isUppercase: true, folded: Unicode.Scalar(value - 0xFF21 + 0x61))
    case 0xFF41...0xFF5A: return ScalarClass(kind: .letter, folded: Unicode.Scalar(value - 0xFF41 + 0x61))
    case 0x30FB: return ScalarClass(kind: .cjk, folded: nil)  // ・ between the parts of a name
    case 0x30A1...0x30F6: return ScalarClass(kind: .cjk, folded: Unicode.Scalar(value - 0x60))
    case 0x30FD, 0x30FE: return ScalarClass(kind: .cjk, folded: Unicode.Scalar(value - 0x60))
    case 0x3005, 0x3006, 0x3041...0x309F, 0x30A0...0x30FF, 0x31F0...0x31FF, 0x3400...0x4DBF,
      0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FFFF:
      return ScalarClass(kind: .cjk, folded: scalar)
    case 0x401: return ScalarClass(kind: .cyrillic, isUppercase: true, folded: "е")
    case 0x451: return ScalarClass(kind: .cyrillic, folded: "е")
    case 0x141: return ScalarClass(kind: .letter, isUppercase: true, folded: "l")
    case 0x142: return ScalarClass(kind: .letter, folded: "l")
    case 0xD8: return ScalarClass(kind: .letter, isUppercase: true, folded: "o")
    case 0xF8: return ScalarClass(kind: .letter, folded: "o")
    case 0x110: return ScalarClass(kind: .letter, isUppercase: true, folded: "d")
    case 0x111: return ScalarClass(kind: .letter, folded: "d")
    case 0x131: return ScalarClass(kind: .letter, folded: "i")
    default: break
    }
    let properties = scalar.properties
    switch properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .spacingMark: return ScalarClass(kind: .mark, folded: nil)
    case .decimalNumber: return ScalarClass(kind: .digit, folded: scalar)
    default: break
    }
    guard properties.isAlphabetic else { return ScalarClass(kind: .other, folded: scalar) }
    let kind: Kind = (0x400...0x52F).contains(value) ? .cyrillic : .letter
    let lower = properties.lowercaseMapping.unicodeScalars
    var folded = lower.count == 1 ? lower.first ?? scalar : scalar
    if kind == .letter, value >= 0xC0, value < 0x2000 {
      // A Latin or Greek letter with accents: its base letter.
      let base = String(Character(folded)).decomposedStringWithCanonicalMapping.unicodeScalars.first
      if let base, base.properties.isAlphabetic { folded = base }
    }
    return ScalarClass(
      kind: kind, isUppercase: properties.isUppercase || properties.generalCategory == .titlecaseLetter,
      folded: folded)
  }
}
