extension String {
  /// Without white space at either end, read scalar by scalar: Foundation's
  /// `trimmingCharacters(in:)` bridges every string, and over the thousands of lines of the data
  /// files it was a third of a short run's time.
  public func trimmingSpaces() -> String { trimmed(Substring(self).unicodeScalars) }
}

extension Substring {
  /// Without white space at either end (`String.trimmingSpaces`).
  public func trimmingSpaces() -> String { trimmed(unicodeScalars) }
}

private func trimmed(_ scalars: Substring.UnicodeScalarView) -> String {
  guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
    let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
  else { return "" }
  return String(scalars[first...last])
}
