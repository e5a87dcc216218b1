import CrosswalkCore

/// Bytes that could not be decoded, replaced with U+FFFD when the document was read, and
/// replacement characters already in the text.
struct InvalidEncodingRule: ArtifactRule {
  static let description = RuleDescription(
    id: "invalid-encoding", family: .encoding, severity: .error,
    summary: "undecodable bytes or U+FFFD in the text",
    description: """
      The loader replaces bytes its encoding cannot decode with U+FFFD and records where; a \
      replacement character may also come in with text copied from a page that was read wrongly. \
      Either way letters are lost: find the original or set the encoding in the manifest.
      """,
    triggering: ["The minister of ⟦\u{FFFD}⟧oreign affairs.", "Кун⟦\u{FFFD}\u{FFFD}⟧ир."],
    nonTriggering: ["The minister of foreign affairs.", "Кунашир — остров."])

  init(data: ArtifactData) {}

  func findings(in input: RuleInput) -> [Finding] {
    var found: [Finding] = []
    var position = 0
    let scalars = input.scalars
    while position < scalars.count {
      guard scalars[position] == "\u{FFFD}" else {
        position += 1
        continue
      }
      var end = position + 1
      while end < scalars.count, scalars[end] == "\u{FFFD}" { end += 1 }
      let span = TextSpan(start: position, end: end)
      let decoded = input.document.encoding.replacements.contains { $0.start < end && $0.end > position }
      found.append(
        finding(
          span,
          decoded
            ? "\(span.count) undecodable byte sequence\(span.count == 1 ? "" : "s") (read as \(input.document.encoding.name))"
            : "replacement character U+FFFD in the text",
          suggestion: decoded ? "set the document's encoding in the manifest" : nil))
      position = end
    }
    return found
  }
}
