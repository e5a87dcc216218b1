internal import CICUShim

/// ICU's spoof checker (UTS #39): mixed-script words and confusable look-alikes.
///
/// Configured at the highly restrictive level, which accepts Latin, Cyrillic or Greek alone,
/// and Japanese (Han with kana and Latin), but not a Latin word with a Cyrillic letter in it.
public final class SpoofChecker {
  /// What a check found in a string.
  public struct Issues: OptionSet, Sendable, Hashable {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// Scripts mixed beyond the highly restrictive level (a Cyrillic а in a Latin word).
    public static let mixedScript = Issues(rawValue: Int32(CICU_SPOOF_MIXED_SCRIPT.rawValue))
    /// Mixed scripts, where a part is confusable with letters of another script.
    public static let mixedScriptConfusable = Issues(
      rawValue: Int32(CICU_SPOOF_MIXED_CONFUSABLE.rawValue))
    /// The whole string looks like a string in another script.
    public static let wholeScriptConfusable = Issues(
      rawValue: Int32(CICU_SPOOF_WHOLE_CONFUSABLE.rawValue))
    /// Digits from more than one numbering system.
    public static let mixedNumbers = Issues(rawValue: Int32(CICU_SPOOF_MIXED_NUMBERS.rawValue))
    /// Invisible characters, or a combining mark repeated on one letter.
    public static let invisible = Issues(rawValue: Int32(CICU_SPOOF_INVISIBLE.rawValue))
  }

  private let handle: OpaquePointer
  private static let prototypes = PrototypeCache()

  /// A checker with Crosswalk's configuration.
  public init() throws(ICUError) {
    handle = try Self.prototypes.clone(
      key: "spoof",
      open: { () throws(ICUError) -> OpaquePointer in
        var status: Int32 = 0
        let opened = cicu_spoof_open(&status)
        guard status <= 0, let opened else {
          cicu_spoof_close(opened)
          throw .failed(
            operation: "opening the spoof checker", code: status, name: ICUError.name(of: status))
        }
        return opened
      },
      clone: { (prototype: OpaquePointer) throws(ICUError) -> OpaquePointer in
        var status: Int32 = 0
        let copy = cicu_spoof_clone(prototype, &status)
        guard status <= 0, let copy else {
          cicu_spoof_close(copy)
          throw .failed(
            operation: "cloning the spoof checker", code: status, name: ICUError.name(of: status))
        }
        return copy
      })
  }

  deinit { cicu_spoof_close(handle) }

  /// What is suspicious about `text`; empty for a clean word or an empty string.
  public func check(_ text: String) throws(ICUError) -> Issues {
    if text.isEmpty { return [] }
    let units = Array(text.utf16)
    var status: Int32 = 0
    let flags = cicu_spoof_check(handle, units, Int32(units.count), &status)
    try ICUError.check(status, "spoof-checking text")
    return Issues(rawValue: flags)
  }

  /// The confusable skeleton of `text`: two strings that look alike share it (UTS #39).
  public func skeleton(_ text: String) throws(ICUError) -> String {
    if text.isEmpty { return text }
    let handle = self.handle
    let output = try utf16Result("computing a confusable skeleton", input: Array(text.utf16)) {
      source, length, out, capacity, status in
      cicu_spoof_skeleton(handle, source, length, out, capacity, &status)
    }
    return String(utf16Units: output)
  }

  /// True when `a` and `b` look alike (they share a skeleton) though they may differ.
  public func areConfusable(_ a: String, _ b: String) throws(ICUError) -> Bool {
    try skeleton(a) == skeleton(b)
  }
}
