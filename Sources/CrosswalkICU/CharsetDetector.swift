internal import CICUShim

/// One guess of ICU's charset detector.
public struct CharsetMatch: Hashable, Sendable {
  /// The charset's name as ICU's detector gives it ("windows-1251", "Shift_JIS").
  public let charset: String
  /// The language the detector guessed with it ("ru", "ja"), or "".
  public let language: String
  /// How sure the detector is, 0…100.
  public let confidence: Int
}

/// ICU's statistical charset detector.
public final class CharsetDetector {
  private let handle: OpaquePointer

  /// Opens a detector.
  public init() throws(ICUError) {
    var status: Int32 = 0
    let opened = cicu_detector_open(&status)
    guard status <= 0, let opened else {
      cicu_detector_close(opened)
      throw .failed(
        operation: "opening the charset detector", code: status, name: ICUError.name(of: status))
    }
    handle = opened
  }

  deinit { cicu_detector_close(handle) }

  /// The detector's guesses for `bytes`, best first; none for empty input.
  public func detect(_ bytes: ArraySlice<UInt8>) throws(ICUError) -> [CharsetMatch] {
    if bytes.isEmpty { return [] }
    guard bytes.count < Int(Int32.max) else {
      throw .textTooLong(operation: "detecting a charset", length: bytes.count)
    }
    var matches = [cicu_charset_match](repeating: cicu_charset_match(), count: 32)
    var status: Int32 = 0
    let count = bytes.withUnsafeBufferPointer { source in
      source.withMemoryRebound(to: CChar.self) { chars in
        cicu_detector_detect(
          handle, chars.baseAddress, Int32(chars.count), &matches, Int32(matches.count), &status)
      }
    }
    try ICUError.check(status, "detecting a charset")
    return matches.prefix(Int(count)).map { match in
      CharsetMatch(
        charset: Self.string(match.name), language: Self.string(match.language),
        confidence: Int(match.confidence))
    }
  }

  private static func string<T>(_ tuple: T) -> String {
    withUnsafeBytes(of: tuple) { raw in
      String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
    }
  }
}
