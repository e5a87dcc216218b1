internal import CICUShim
import CrosswalkCore

/// What kind of text a word segment holds, from ICU's rule status.
public enum WordKind: Sendable, Hashable {
  /// Spaces, punctuation and symbols.
  case none
  /// Numbers.
  case number
  /// Letters of alphabetic scripts.
  case letter
  /// Kana.
  case kana
  /// Ideographs (kanji), segmented by ICU's dictionary.
  case ideographic

  init(ruleStatus: Int32) {
    switch ruleStatus {
    case 100..<200: self = .number
    case 200..<300: self = .letter
    case 300..<400: self = .kana
    case 400..<500: self = .ideographic
    default: self = .none
    }
  }

  /// True for segments that hold a word rather than spaces or punctuation.
  public var isWord: Bool { self != .none }
}

/// One segment found by a break iterator.
public struct TextSegment: Hashable, Sendable {
  /// Where the segment lies, in Unicode scalars.
  public let span: TextSpan
  /// ICU's rule status for the segment (for words, see `wordKind`).
  public let ruleStatus: Int32

  /// The kind of word segment this is (meaningful for word iteration only).
  public var wordKind: WordKind { WordKind(ruleStatus: ruleStatus) }
}

/// An ICU break iterator: characters, words, lines or sentences, per locale.
///
/// Japanese and Chinese text is segmented into words by ICU's dictionary whatever the locale.
/// Each instance owns a private handle cloned from a per-process prototype; it is not
/// `Sendable`, so give each thread its own.
public final class TextBreaker {
  /// What a break iterator divides text into.
  public enum Unit: Sendable, Hashable {
    case character, word, line, sentence

    fileprivate var shim: cicu_break_kind {
      switch self {
      case .character: CICU_BREAK_CHARACTER
      case .word: CICU_BREAK_WORD
      case .line: CICU_BREAK_LINE
      case .sentence: CICU_BREAK_SENTENCE
      }
    }
  }

  /// The unit this iterator divides text into.
  public let unit: Unit
  /// The locale whose rules it follows ("" for the root rules).
  public let locale: String
  private let handle: OpaquePointer

  private static let prototypes = PrototypeCache()

  /// A break iterator for `unit` under `locale` ("ja", "ru", "en", or "" for the root rules).
  public init(_ unit: Unit, locale: String = "") throws(ICUError) {
    self.unit = unit
    self.locale = locale
    handle = try Self.prototypes.clone(
      key: "\(unit):\(locale)",
      open: { () throws(ICUError) -> OpaquePointer in
        var status: Int32 = 0
        let opened = cicu_breaker_open(unit.shim, locale, &status)
        guard status <= 0, let opened else {
          cicu_breaker_close(opened)
          throw .failed(
            operation: "opening a \(unit) break iterator for '\(locale)'", code: status,
            name: ICUError.name(of: status))
        }
        return opened
      },
      clone: { (prototype: OpaquePointer) throws(ICUError) -> OpaquePointer in
        var status: Int32 = 0
        let copy = cicu_breaker_clone(prototype, &status)
        guard status <= 0, let copy else {
          cicu_breaker_close(copy)
          throw .failed(
            operation: "cloning a break iterator", code: status, name: ICUError.name(of: status))
        }
        return copy
      })
  }

  deinit { cicu_breaker_close(handle) }

  /// The segments of `text`, in order, covering it without gaps; offsets are Unicode scalars.
  public func segments(of text: String) throws(ICUError) -> [TextSegment] {
    try segments(of: Array(text.unicodeScalars)[...])
  }

  /// The segments of a text given as its scalars (a document's, which it keeps anyway: a
  /// String would first be measured in UTF-16 for ICU, a pass of its own over large text).
  public func segments(of scalars: ArraySlice<Unicode.Scalar>) throws(ICUError) -> [TextSegment] {
    var units: [UInt16] = []
    units.reserveCapacity(scalars.count)
    for scalar in scalars {
      if scalar.value < 0x10000 {
        units.append(UInt16(truncatingIfNeeded: scalar.value))
      } else {
        units.append(UTF16.leadSurrogate(scalar))
        units.append(UTF16.trailSurrogate(scalar))
      }
    }
    guard units.count < Int(Int32.max) - 1 else {
      throw .textTooLong(operation: "breaking text", length: units.count)
    }
    if units.isEmpty { return [] }
    var boundaries = [Int32](repeating: 0, count: units.count + 1)
    var statuses = [Int32](repeating: 0, count: units.count + 1)
    var status: Int32 = 0
    let count = cicu_breaker_boundaries(
      handle, units, Int32(units.count), &boundaries, &statuses, Int32(boundaries.count), &status)
    try ICUError.check(status, "breaking text into \(unit)s")

    // Boundaries come as UTF-16 offsets; walk the units once to turn them into scalar offsets.
    var segments: [TextSegment] = []
    segments.reserveCapacity(Int(count))
    var unitIndex = 0
    var scalarIndex = 0
    var previousScalar = 0
    for i in 0..<Int(count) {
      let target = Int(boundaries[i])
      while unitIndex < target {
        if !UTF16.isTrailSurrogate(units[unitIndex]) || unitIndex == 0
          || !UTF16.isLeadSurrogate(units[unitIndex - 1])
        {
          scalarIndex += 1
        }
        unitIndex += 1
      }
      if i > 0 {
        segments.append(
          TextSegment(span: TextSpan(start: previousScalar, end: scalarIndex), ruleStatus: statuses[i]))
      }
      previousScalar = scalarIndex
    }
    return segments
  }
}
