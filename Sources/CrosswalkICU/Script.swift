internal import CICUShim
import CrosswalkCore

/// A Unicode script (ISO 15924), as ICU assigns it to code points.
public struct Script: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// ICU's UScriptCode value.
  public let code: Int32

  /// The script with this ICU code.
  public init(code: Int32) { self.code = code }

  public static let common = Script(code: 0)
  public static let inherited = Script(code: 1)
  public static let arabic = Script(code: 2)
  public static let cyrillic = Script(code: 8)
  public static let greek = Script(code: 14)
  public static let han = Script(code: 17)
  public static let hangul = Script(code: 18)
  public static let hebrew = Script(code: 19)
  public static let hiragana = Script(code: 20)
  public static let katakana = Script(code: 22)
  public static let latin = Script(code: 25)
  public static let unknown = Script(code: 103)

  /// The script of `scalar`; Common for punctuation and digits, Inherited for combining marks.
  public init(of scalar: Unicode.Scalar) {
    var status: Int32 = 0
    let code = cicu_script_of(scalar.value, &status)
    self.code = status > 0 ? Script.unknown.code : code
  }

  /// The ISO 15924 code ("Cyrl", "Kana").
  public var shortName: String { String(cString: cicu_script_short_name(code)) }

  /// The long name ("Cyrillic", "Katakana").
  public var name: String { String(cString: cicu_script_long_name(code)) }

  /// True for Common and Inherited, which take the script of the text around them.
  public var isShared: Bool { self == .common || self == .inherited }

  /// The scripts a scalar is used with (Unicode Script_Extensions): the prolonged sound mark
  /// ー is Common, but is used with Hiragana and Katakana.
  public static func extensions(of scalar: Unicode.Scalar) -> [Script] {
    var codes = [Int32](repeating: 0, count: 16)
    var status: Int32 = 0
    let count = cicu_script_extensions(scalar.value, &codes, Int32(codes.count), &status)
    guard status <= 0 else { return [Script(of: scalar)] }
    return codes.prefix(Int(count)).map(Script.init(code:))
  }

  public static func < (lhs: Script, rhs: Script) -> Bool { lhs.code < rhs.code }

  public var description: String { shortName }
}

/// A maximal stretch of text in one script.
public struct ScriptRun: Hashable, Sendable {
  /// The run's script; Common only when the whole text has no other.
  public let script: Script
  /// Where the run lies, in Unicode scalars.
  public let span: TextSpan
  /// The run's text.
  public let text: String
}

extension Script {
  /// The runs of `text` by script. Common and Inherited scalars (spaces, digits, marks, ー)
  /// belong to the run before them, or to the first real script when the text starts with them.
  public static func runs(in text: String) -> [ScriptRun] {
    // Most names are in one script: one run, the text itself, with no copying.
    var only: Script?
    var count = 0
    for scalar in text.unicodeScalars {
      let script = Script(of: scalar)
      count += 1
      if script.isShared { continue }
      if only == nil {
        only = script
      } else if only != script {
        only = nil
        count = -1
        break
      }
    }
    if count >= 0 {
      guard count > 0 else { return [] }
      let script = only ?? Script(of: text.unicodeScalars.first ?? " ")
      return [ScriptRun(script: script, span: TextSpan(start: 0, end: count), text: text)]
    }
    var runs: [ScriptRun] = []
    var current: Script? = nil
    var start = 0
    var buffer = String.UnicodeScalarView()
    var offset = 0
    for scalar in text.unicodeScalars {
      let script = Script(of: scalar)
      if !script.isShared, let running = current, running != script, !running.isShared {
        runs.append(
          ScriptRun(script: running, span: TextSpan(start: start, end: offset), text: String(buffer)))
        buffer = String.UnicodeScalarView()
        start = offset
        current = script
      } else if !script.isShared, current == nil || current?.isShared == true {
        current = script
      } else if current == nil {
        current = script
      }
      buffer.append(scalar)
      offset += 1
    }
    if let running = current, !buffer.isEmpty {
      runs.append(ScriptRun(script: running, span: TextSpan(start: start, end: offset), text: String(buffer)))
    }
    return runs
  }

  /// The distinct scripts of `text`, Common and Inherited left out.
  public static func set(in text: String) -> Set<Script> {
    var scripts = Set<Script>()
    for scalar in text.unicodeScalars {
      let script = Script(of: scalar)
      if !script.isShared { scripts.insert(script) }
    }
    return scripts
  }
}
