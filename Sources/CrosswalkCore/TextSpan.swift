/// A half-open range of Unicode-scalar offsets into a decoded text: `start` inclusive, `end`
/// exclusive, both 0-based. Every position Crosswalk stores inside is in this one unit; lines,
/// columns and UTF-16 offsets are converted at the edges.
public struct TextSpan: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
  /// The first scalar of the span.
  public let start: Int
  /// One past the last scalar of the span.
  public let end: Int

  /// A span from `start` up to, not including, `end`; a reversed pair is put in order.
  public init(start: Int, end: Int) {
    self.start = min(start, end)
    self.end = max(start, end)
  }

  /// How many scalars the span covers.
  public var count: Int { end - start }

  /// True when the span covers no scalar.
  public var isEmpty: Bool { start == end }

  /// True when the two spans share a scalar.
  public func overlaps(_ other: TextSpan) -> Bool { start < other.end && other.start < end }

  public static func < (lhs: TextSpan, rhs: TextSpan) -> Bool {
    (lhs.start, lhs.end) < (rhs.start, rhs.end)
  }

  public var description: String { "\(start)..<\(end)" }
}

extension String {
  /// The scalars of `span`, or an empty string when the span lies outside the text.
  public func scalars(in span: TextSpan) -> String {
    let scalars = unicodeScalars
    guard span.start >= 0, span.end <= scalars.count else { return "" }
    let from = scalars.index(scalars.startIndex, offsetBy: span.start)
    let to = scalars.index(from, offsetBy: span.count)
    return String(scalars[from..<to])
  }
}
