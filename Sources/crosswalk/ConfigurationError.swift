import CrosswalkCore

/// A configuration or baseline file that cannot be used: missing, unreadable, malformed, or with
/// unknown keys or rule ids. Every problem is a diagnostic naming the file and, where there is
/// one, the line and column; the command prints them all and exits with 2.
struct ConfigurationError: Error, CustomStringConvertible {
  /// The problems, in file order.
  let diagnostics: [Diagnostic]

  /// One problem at `file` (and `line`, when known).
  init(file: String, line: Int? = nil, _ message: String) {
    diagnostics = [Diagnostic(.error, at: SourceLocation(file: file, line: line), message)]
  }

  /// Several problems found in one read.
  init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

  /// A file that could not be read as text; `what` says which file it is meant to be.
  init(_ failure: LineReader.Failure, what: String) {
    switch failure {
    case .unreadable(let path, let reason): self.init(file: path, "cannot read the \(what): \(reason)")
    case .invalidUTF8(let path, let line):
      self.init(file: path, line: line, "invalid UTF-8; the \(what) must be UTF-8 text")
    case .lineTooLong(let path, let line, let limit):
      self.init(file: path, line: line, "line longer than \(limit) bytes")
    case .binary(let path, let line):
      self.init(file: path, line: line, "binary data (NUL byte); the \(what) must be text")
    }
  }

  /// The problems, one a line.
  var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
