import CrosswalkICU

/// Why names could not be normalized: broken rule data or an ICU failure.
public enum NameError: Error, CustomStringConvertible, Equatable, Sendable {
  /// A rules file the normalizer needs is not there.
  case missingRules(file: String)
  /// A line of a rules table could not be read.
  case invalidTable(file: String, line: Int, message: String)
  /// ICU transform rules did not compile; `line` is 1-based within the file, when ICU knows it.
  case invalidRules(file: String, line: Int?, message: String)
  /// ICU failed while normalizing a name.
  case icu(ICUError)

  public var description: String {
    switch self {
    case .missingRules(let file): return "\(file): rules file not found"
    case .invalidTable(let file, let line, let message): return "\(file):\(line): \(message)"
    case .invalidRules(let file, let line, let message):
      return line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)"
    case .icu(let error): return error.description
    }
  }
}
