internal import CICUShim

/// A failure reported by ICU, with the ICU error code that names it.
public enum ICUError: Error, CustomStringConvertible, Equatable, Sendable {
  /// An ICU call failed; `code` is the UErrorCode value and `name` its symbol (U_INVALID_ID).
  case failed(operation: String, code: Int32, name: String)
  /// Transliteration rules did not compile: `line` is 1-based, `offset` 0-based within the line.
  case invalidRules(id: String, line: Int, offset: Int, context: String, code: Int32, name: String)
  /// A text was longer than ICU's 32-bit lengths allow.
  case textTooLong(operation: String, length: Int)
  /// A charset name that ICU does not know.
  case unknownCharset(String)

  public var description: String {
    switch self {
    case .failed(let operation, let code, let name):
      return "ICU \(operation) failed: \(name) (\(code))"
    case .invalidRules(let id, let line, let offset, let context, let code, let name):
      let near = context.isEmpty ? "" : " near '\(context)'"
      return "transliteration rules '\(id)' line \(line), offset \(offset): \(name) (\(code))\(near)"
    case .textTooLong(let operation, let length):
      return "ICU \(operation): text of \(length) UTF-16 units is too long"
    case .unknownCharset(let name):
      return "unknown charset '\(name)'"
    }
  }

  /// The symbolic name ICU gives `code` ("U_BUFFER_OVERFLOW_ERROR").
  static func name(of code: Int32) -> String {
    guard let name = cicu_error_name(code) else { return "U_ERROR_\(code)" }
    return String(cString: name)
  }

  /// Throws `.failed` when `status` is an ICU failure (positive); warnings pass.
  static func check(_ status: Int32, _ operation: @autoclosure () -> String) throws(ICUError) {
    if status > 0 { throw .failed(operation: operation(), code: status, name: name(of: status)) }
  }
}

/// The version of the ICU library this process runs on.
public var icuVersion: String {
  var buffer = [CChar](repeating: 0, count: 32)
  cicu_version(&buffer, Int32(buffer.count))
  return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
