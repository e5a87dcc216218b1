internal import CICUShim
import Synchronization

/// An ICU transliterator, by system id ("Russian-Latin/BGN") or compiled from rules text.
///
/// Each instance owns a private ICU handle, cloned from a per-process prototype so that rules
/// are compiled once per process. An instance is not `Sendable`: give each thread its own.
public final class Transliterator {
  /// The id the transliterator was opened with.
  public let id: String
  private let handle: OpaquePointer

  private static let prototypes = PrototypeCache()
  /// Rules texts compiled to a `TransformProgram`, nil for those outside its subset.
  private static let programs = Mutex<[String: TransformProgram?]>([:])

  /// Run instead of ICU's engine: nil for transforms by id and rules outside the subset.
  private let program: TransformProgram?

  /// True when Crosswalk's own engine runs these rules, ICU only compiled them.
  public var runsOwnEngine: Bool { program != nil }

  /// Opens the ICU transliterator with this id; an unknown id throws with `U_INVALID_ID`.
  public init(id: String) throws(ICUError) {
    self.id = id
    self.skipsUntouchedText = false
    program = nil
    let units = Array(id.utf16)
    handle = try Self.prototypes.clone(
      key: "id:" + id,
      open: { () throws(ICUError) -> OpaquePointer in
        var status: Int32 = 0
        let opened = cicu_translit_open_id(units, Int32(units.count), &status)
        try ICUError.check(status, "opening transliterator '\(id)'")
        guard let opened else {
          throw .failed(operation: "opening transliterator '\(id)'", code: 1, name: "U_NULL")
        }
        return opened
      },
      clone: Self.clone)
  }

  /// Compiles ICU transform rules (the syntax of ICU's rule-based transliterator) under `id`.
  /// A syntax error throws `.invalidRules` with the line and offset ICU reports.
  /// `skipsUntouchedText` is for a single pass of rules only (see `sourceSet`). With
  /// `ownEngine`, rules within `TransformProgram`'s subset run there, with ICU's results.
  public init(id: String, rules: String, skipsUntouchedText: Bool = false, ownEngine: Bool = true) throws(ICUError) {
    self.id = id
    self.skipsUntouchedText = skipsUntouchedText
    program = ownEngine ? Self.programs.withLock { known in
      if let compiled = known[rules] { return compiled }
      let compiled = TransformProgram(rules: rules)
      known[rules] = compiled
      return compiled
    } : nil
    let idUnits = Array(id.utf16)
    let ruleUnits = Array(rules.utf16)
    handle = try Self.prototypes.clone(
      key: "rules:" + id + "\u{0}" + rules,
      open: { () throws(ICUError) -> OpaquePointer in
        var status: Int32 = 0
        var parseError = cicu_parse_error()
        let opened = cicu_translit_open_rules(
          idUnits, Int32(idUnits.count), ruleUnits, Int32(ruleUnits.count), &parseError, &status)
        guard status <= 0, let opened else {
          cicu_translit_close(opened)
          let context = withUnsafeBytes(of: parseError.pre_context) { pre in
            withUnsafeBytes(of: parseError.post_context) { post in
              String(utf16Units: Array(pre.bindMemory(to: UInt16.self).prefix { $0 != 0 }))
                + String(utf16Units: Array(post.bindMemory(to: UInt16.self).prefix { $0 != 0 }))
            }
          }
          let position = Self.position(
            inRules: ruleUnits, line: Int(parseError.line), offset: Int(parseError.offset))
          throw .invalidRules(
            id: id, line: position.line, offset: position.offset, context: context, code: status,
            name: ICUError.name(of: status))
        }
        return opened
      },
      clone: Self.clone)
  }

  /// The 1-based line and the offset within it of a rule error. ICU's rule parser gives no line,
  /// only an offset from the start of the rules, pointing just past the previous rule's ';':
  /// white space and comments after it are skipped to reach the rule at fault.
  static func position(inRules units: [UInt16], line: Int, offset: Int) -> (line: Int, offset: Int) {
    if line > 0 || offset < 0 { return (max(line, 0), offset) }
    var position = min(offset, units.count)
    var inComment = false
    while position < units.count {
      let unit = units[position]
      if inComment {
        if unit == 0x0A { inComment = false }
      } else if unit == 0x23 {  // '#'
        inComment = true
      } else if !(unit == 0x20 || unit == 0x09 || unit == 0x0A || unit == 0x0D) {
        break
      }
      position += 1
    }
    let before = units[..<position]
    let lineStart = (before.lastIndex(of: 0x0A) ?? -1) + 1
    return (1 + before.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }, position - lineStart)
  }

  private static func clone(_ prototype: OpaquePointer) throws(ICUError) -> OpaquePointer {
    var status: Int32 = 0
    let copy = cicu_translit_clone(prototype, &status)
    try ICUError.check(status, "cloning a transliterator")
    guard let copy else {
      throw .failed(operation: "cloning a transliterator", code: 1, name: "U_NULL")
    }
    return copy
  }

  deinit { cicu_translit_close(handle) }

  /// True when text with no character of `sourceSet` is returned without a call into ICU.
  public let skipsUntouchedText: Bool

  /// The characters this transliterator's rules can change, as ICU reports them. ICU's report is
  /// complete for a single pass of rules but not for compound transforms (Katakana-Latin, or
  /// rules with '::' passes), where later passes change what earlier ones wrote.
  public private(set) lazy var sourceSet: ScalarSet = {
    // A set ICU cannot report is taken as everything: the fast path is then never used.
    ScalarSet { ranges, capacity, status in cicu_translit_source_ranges(handle, ranges, capacity, &status) }
      ?? .everything
  }()

  /// The transliteration of `text`.
  public func transliterate(_ text: String) throws(ICUError) -> String {
    if text.isEmpty { return text }
    if skipsUntouchedText && !sourceSet.containsAny(of: text) { return text }
    if let program { return try program.apply(text) }
    let handle = self.handle
    return try utf8Result("transliterating with '\(id)'", input: text) {
      source, length, out, capacity, status in
      cicu_translit_apply_utf8(handle, source, length, out, capacity, &status)
    }
  }
}
