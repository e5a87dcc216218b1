/// Text decoded from bytes, with how its encoding was found.
public struct DecodedText: Sendable, Equatable {
  /// How the encoding of a text was decided.
  public enum Evidence: String, Sendable, Equatable {
    /// A byte order mark at the start.
    case byteOrderMark = "byte-order-mark"
    /// The caller named the encoding.
    case declared
    /// The bytes are valid UTF-8 (plain ASCII included).
    case validUTF8 = "valid-utf8"
    /// Zero bytes in every other position: UTF-16 without a byte order mark.
    case utf16Pattern = "utf16-pattern"
    /// Mostly valid UTF-8 with a few undecodable bytes, which were replaced.
    case damagedUTF8 = "damaged-utf8"
    /// ICU's statistical charset detector.
    case detected
  }

  /// The decoded text, byte order mark removed.
  public let text: String
  /// The encoding's name ("UTF-8", "UTF-16LE", "windows-1251", "Shift_JIS", …).
  public let encoding: String
  /// True when the bytes began with a byte order mark.
  public let hadByteOrderMark: Bool
  /// How many undecodable byte sequences became U+FFFD.
  public let replacedSequences: Int
  /// How the encoding was decided.
  public let evidence: Evidence
  /// How sure the decision is, 0…100 (100 unless the detector guessed).
  public let confidence: Int
}

/// Turns bytes into text: a byte order mark, else the UTF-16 byte pattern, else valid UTF-8, else
/// ICU's detector decides.
///
/// Owns a detector and converters; not `Sendable`, so give each thread its own.
public final class TextDecoder {
  private let detector: CharsetDetector
  private var converters: [String: CharsetConverter] = [:]

  /// How many leading bytes the detector reads: enough for a confident guess, bounded for speed.
  public static let detectionSample = 256 * 1024

  /// A decoder with its own detector.
  public init() throws(ICUError) {
    detector = try CharsetDetector()
  }

  /// The text of `bytes`. `declaredEncoding`, when given, is used as is (after a byte order
  /// mark of the same family is removed). Undecodable bytes become U+FFFD and are counted.
  public func decode(_ bytes: [UInt8], declaredEncoding: String? = nil) throws(ICUError)
    -> DecodedText
  {
    if let bom = Self.byteOrderMark(bytes), declaredEncoding == nil {
      return try convert(
        Array(bytes.dropFirst(bom.length)), encoding: bom.encoding, bom: true, evidence: .byteOrderMark,
        confidence: 100)
    }
    if let declared = declaredEncoding {
      // A byte order mark decides the byte order of a declared Unicode encoding ("UTF-16" with
      // FF FE is little-endian). ICU's canonical name tells the family, whatever the spelling
      // ("utf8" is UTF-8). A mark before a legacy charset is left to that charset.
      let family = try converter(for: declared).canonicalName.uppercased()
      if let bom = Self.byteOrderMark(bytes), family.hasPrefix("UTF-"),
        family.hasPrefix(String(bom.encoding.prefix(6)))
      {
        return try convert(
          Array(bytes.dropFirst(bom.length)), encoding: bom.encoding, bom: true, evidence: .declared,
          confidence: 100)
      }
      return try convert(bytes, encoding: declared, bom: false, evidence: .declared, confidence: 100)
    }
    // UTF-16 first: ASCII and basic Cyrillic in UTF-16 are valid UTF-8 too (every byte < 0x80).
    if let utf16 = Self.utf16Pattern(bytes) {
      return try convert(bytes, encoding: utf16, bom: false, evidence: .utf16Pattern, confidence: 90)
    }
    if let text = String(validating: bytes, as: UTF8.self) {
      return DecodedText(
        text: text, encoding: "UTF-8", hadByteOrderMark: false, replacedSequences: 0,
        evidence: .validUTF8, confidence: 100)
    }
    if Self.isMostlyUTF8(bytes) {
      return try convert(bytes, encoding: "UTF-8", bom: false, evidence: .damagedUTF8, confidence: 80)
    }
    // The detector names some charsets that no converter opens (EBCDIC Arabic is "IBM420_ltr"):
    // take its guesses in order, and UTF-8 with replacements when none can be decoded.
    for match in try detector.detect(bytes.prefix(Self.detectionSample)) {
      do {
        return try convert(
          bytes, encoding: match.charset, bom: false, evidence: .detected, confidence: match.confidence)
      } catch .unknownCharset(_) {
        continue
      }
    }
    return try convert(bytes, encoding: "UTF-8", bom: false, evidence: .detected, confidence: 0)
  }

  private func convert(
    _ bytes: [UInt8], encoding: String, bom: Bool, evidence: DecodedText.Evidence, confidence: Int
  ) throws(ICUError) -> DecodedText {
    let converter = try converter(for: encoding)
    var (text, replaced) = try converter.decode(bytes)
    if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
    return DecodedText(
      text: text, encoding: encoding, hadByteOrderMark: bom, replacedSequences: replaced,
      evidence: evidence, confidence: confidence)
  }

  /// The converter for `encoding`, opened once per decoder.
  private func converter(for encoding: String) throws(ICUError) -> CharsetConverter {
    if let cached = converters[encoding] { return cached }
    let opened = try CharsetConverter(charset: encoding)
    converters[encoding] = opened
    return opened
  }

  /// Why `bytes` look like a binary file rather than text, or nil for text: NUL bytes in the
  /// first 8 KB (outside UTF-16 and UTF-32, where they are expected), or many control bytes.
  public static func binaryEvidence(_ bytes: [UInt8]) -> String? {
    if byteOrderMark(bytes) != nil || utf16Pattern(bytes) != nil { return nil }
    let sample = bytes.prefix(8192)
    if let nul = sample.firstIndex(of: 0) { return "a NUL byte at byte \(nul)" }
    let controls = sample.reduce(0) { count, byte in
      count + (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C && byte != 0x1B ? 1 : 0)
    }
    if !sample.isEmpty, controls * 10 > sample.count { return "\(controls) control bytes in the first \(sample.count)" }
    return nil
  }

  /// True when the bytes are UTF-8 apart from a few damaged sequences: at least four valid
  /// multi-byte characters for each invalid byte. A legacy code page read as UTF-8 gives far
  /// more invalid bytes than valid sequences, so the detector still sees those.
  private static func isMostlyUTF8(_ bytes: [UInt8]) -> Bool {
    var iterator = bytes.prefix(detectionSample).makeIterator()
    var decoder = UTF8()
    var valid = 0
    var invalid = 0
    loop: while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar): if scalar.value > 0x7F { valid += 1 }
      case .error: invalid += 1
      case .emptyInput: break loop
      }
    }
    return invalid > 0 && valid >= 4 * invalid
  }

  private static func byteOrderMark(_ bytes: [UInt8]) -> (encoding: String, length: Int)? {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return ("UTF-8", 3) }
    if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return ("UTF-32LE", 4) }
    if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return ("UTF-32BE", 4) }
    if bytes.starts(with: [0xFF, 0xFE]) { return ("UTF-16LE", 2) }
    if bytes.starts(with: [0xFE, 0xFF]) { return ("UTF-16BE", 2) }
    return nil
  }

  /// UTF-16 without a byte order mark shows as one byte position (the high byte) taking very few
  /// distinct values: 0x00 for Latin text, 0x04 for Cyrillic, 0x30 for kana. ICU's detector
  /// does not look for it.
  private static func utf16Pattern(_ bytes: [UInt8]) -> String? {
    let sample = bytes.prefix(4096)
    guard sample.count >= 16, sample.count % 2 == 0 else { return nil }
    var even = [Int](repeating: 0, count: 256)
    var odd = [Int](repeating: 0, count: 256)
    for (i, byte) in sample.enumerated() {
      if i % 2 == 0 { even[Int(byte)] += 1 } else { odd[Int(byte)] += 1 }
    }
    let pairs = sample.count / 2
    func concentrated(_ counts: [Int]) -> Bool {
      counts.sorted(by: >).prefix(3).reduce(0, +) * 100 >= pairs * 95
    }
    func hasZeroOrLowHigh(_ counts: [Int]) -> Bool { counts[0] > 0 || counts[4] > 0 || counts[0x30] > 0 }
    if concentrated(odd), !concentrated(even), hasZeroOrLowHigh(odd) { return "UTF-16LE" }
    if concentrated(even), !concentrated(odd), hasZeroOrLowHigh(even) { return "UTF-16BE" }
    // Kanji spread the high byte over 0x4E…0x9F: look for one byte position that stays in the
    // high bytes of CJK text (kana, kanji, fullwidth forms, ASCII) while the other does not.
    func cjkHighShare(_ counts: [Int]) -> Int {
      let inRange = counts[0] + counts[0x30] + counts[0xFF] + counts[0x4E...0x9F].reduce(0, +)
      return inRange * 100 / pairs
    }
    if String(validating: sample, as: UTF8.self) == nil {
      if cjkHighShare(odd) >= 95, cjkHighShare(even) < 60 { return "UTF-16LE" }
      if cjkHighShare(even) >= 95, cjkHighShare(odd) < 60 { return "UTF-16BE" }
    }
    return nil
  }
}
