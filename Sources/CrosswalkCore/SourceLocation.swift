/// Where something was read: a file and, when known, a 1-based line and column (columns count
/// Unicode scalars, as everywhere in Crosswalk).
public struct SourceLocation: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
  /// The file as the user named it.
  public let file: String
  /// 1-based line, or nil when the whole file is meant.
  public let line: Int?
  /// 1-based column, or nil.
  public let column: Int?

  public init(file: String, line: Int? = nil, column: Int? = nil) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// `file:line:column`, as compilers and editors write positions.
  public var description: String {
    [file, line.map(String.init), column.map(String.init)].compactMap { $0 }.joined(separator: ":")
  }

  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.file, lhs.line ?? 0, lhs.column ?? 0) < (rhs.file, rhs.line ?? 0, rhs.column ?? 0)
  }
}

/// How serious a diagnostic or a finding is.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
  case info, warning, error

  private var rank: Int {
    switch self {
    case .info: 0
    case .warning: 1
    case .error: 2
    }
  }

  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A problem found in configuration or data (a glossary, a rules file), in compiler style:
/// `glossary.yaml:12:5: error: unknown key 'aliasses'; did you mean 'aliases'?`
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
  public let location: SourceLocation
  public let severity: Severity
  /// One phrase, no trailing period, the thing named in quotes, the fix when known.
  public let message: String

  public init(_ severity: Severity, at location: SourceLocation, _ message: String) {
    self.severity = severity
    self.location = location
    self.message = message
  }

  public var description: String { "\(location): \(severity.rawValue): \(message)" }
}
