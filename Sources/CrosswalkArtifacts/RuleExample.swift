import CrosswalkCore

/// A rule's example: the text with ⟦ ⟧ removed and the spans they marked, in Unicode scalars.
public struct RuleExample: Sendable, Equatable {
  public let text: String
  public let spans: [TextSpan]

  public static let open: Unicode.Scalar = "⟦"
  public static let close: Unicode.Scalar = "⟧"

  /// Reads the markers; nil when they do not pair up.
  public init?(marked: String) {
    var text = String.UnicodeScalarView()
    var spans: [TextSpan] = []
    var start: Int?
    var count = 0
    for scalar in marked.unicodeScalars {
      switch scalar {
      case Self.open:
        guard start == nil else { return nil }
        start = count
      case Self.close:
        guard let opened = start else { return nil }
        spans.append(TextSpan(start: opened, end: count))
        start = nil
      default:
        text.append(scalar)
        count += 1
      }
    }
    guard start == nil else { return nil }
    self.text = String(text)
    self.spans = spans
  }
}
