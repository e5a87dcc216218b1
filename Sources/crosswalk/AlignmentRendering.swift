import CrosswalkAlignment
import CrosswalkCore

/// An alignment written out for people (text, Markdown, HTML side by side) and for programs
/// (tsv, jsonl per DESIGN.md).
struct AlignmentRendering {
  let pair: AlignedPair
  /// The pair rules' findings by bead.
  private let mismatchesByBead: [Int: [PairMismatch]]

  init(pair: AlignedPair) {
    self.pair = pair
    mismatchesByBead = Dictionary(grouping: pair.mismatches, by: \.bead)
  }

  var beads: [Bead] { pair.beads }
  var mismatches: [PairMismatch] { pair.mismatches }
  var source: AlignedSide { pair.source }
  var translation: AlignedSide { pair.translation }

  func render(_ format: Align.Format) -> String {
    switch format {
    case .text: text
    case .tsv: tsv
    case .jsonl: jsonl
    case .md: markdown
    case .html: html
    }
  }

  /// The mismatches of bead `index`.
  private func found(_ index: Int) -> [PairMismatch] { mismatchesByBead[index] ?? [] }

  private func texts(_ bead: Bead) -> (String, String) {
    (bead.source.map { source.texts[$0] }.joined(separator: " "), bead.translation.map { translation.texts[$0] }.joined(separator: " "))
  }

  private func indices(_ list: [Int]) -> String { "[" + list.map(String.init).joined(separator: ",") + "]" }

  private var text: String {
    var out = "\(source.document.path) ↔ \(translation.document.path): \(source.texts.count) and \(translation.texts.count) sentences, \(beads.count) beads\n"
    for (index, bead) in beads.enumerated() {
      let (left, right) = texts(bead)
      out += "\n\(indices(bead.source)):\(indices(bead.translation)) \(format(bead.score))\n"
      out += "  < " + (left.isEmpty ? "—" : left) + "\n"
      out += "  > " + (right.isEmpty ? "—" : right) + "\n"
      for mismatch in found(index) { out += "  ! \(mismatch.message) [\(mismatch.rule)]\n" }
    }
    return out + "\n\(mismatches.count) mismatch\(mismatches.count == 1 ? "" : "es") in aligned sentences\n"
  }

  private var tsv: String {
    var out = "source\ttranslation\tscore\tsourceText\ttranslationText\tfindings\n"
    for (index, bead) in beads.enumerated() {
      let (left, right) = texts(bead)
      let findings = found(index).map { "\($0.rule): \($0.message)" }.joined(separator: "; ")
      out += [indices(bead.source), indices(bead.translation), format(bead.score), cleanedCell(left), cleanedCell(right), cleanedCell(findings)]
        .joined(separator: "\t") + "\n"
    }
    return out
  }

  private var jsonl: String {
    beads.enumerated().map { index, bead in
      let (left, right) = texts(bead)
      let findings = found(index).map { JSON.object([("rule", .string($0.rule)), ("message", .string($0.message))]) }
      return JSON.object([
        ("source", .array(bead.source.map(JSON.int))), ("translation", .array(bead.translation.map(JSON.int))),
        ("sourceText", .string(left)), ("translationText", .string(right)), ("score", .fraction(bead.score)),
        ("findings", .array(findings)),
      ]).compact + "\n"
    }.joined()
  }

  /// The beads as a Markdown table: `align --format md`, and each pair of the report.
  var markdown: String {
    var out = "| source | translation | score | \(markdownCell(source.document.path)) | \(markdownCell(translation.document.path)) | findings |\n|---|---|---|---|---|---|\n"
    for (index, bead) in beads.enumerated() {
      let (left, right) = texts(bead)
      let findings = found(index).map { "**\($0.rule)**: \(markdownCell($0.message))" }.joined(separator: "<br>")
      out += "| \(indices(bead.source)) | \(indices(bead.translation)) | \(format(bead.score)) | \(markdownCell(left)) | \(markdownCell(right)) | \(findings) |\n"
    }
    return out
  }

  /// The beads side by side as an HTML table (classes n, weak, empty, mismatch): `align --format
  /// html`, and each pair of the report.
  var htmlTable: String {
    var out =
      "<table class=\"pair\"><tr><th class=\"n\">beads</th><th>\(markupEscaped(source.document.path))</th><th>\(markupEscaped(translation.document.path))</th><th class=\"n\">score</th></tr>\n"
    for (index, bead) in beads.enumerated() {
      let (left, right) = texts(bead)
      let kind = bead.source.isEmpty || bead.translation.isEmpty ? " class=\"empty\"" : bead.score < 0.5 ? " class=\"weak\"" : ""
      let notes = found(index).map { "<div class=\"mismatch\">\(markupEscaped($0.message)) [\(markupEscaped($0.rule))]</div>" }.joined()
      out += "<tr\(kind)><td class=\"n\">\(indices(bead.source)):\(indices(bead.translation))</td><td>\(markupEscaped(left))</td><td>\(markupEscaped(right))\(notes)</td><td class=\"n\">\(format(bead.score))</td></tr>\n"
    }
    return out + "</table>\n"
  }

  private var html: String {
    let out = """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8">
      <title>\(markupEscaped(source.document.path)) ↔ \(markupEscaped(translation.document.path))</title>
      <style>
      body{font:15px/1.45 system-ui,sans-serif;margin:1.5em;color:#222}
      table{border-collapse:collapse;width:100%;table-layout:fixed}
      td,th{border-top:1px solid #ddd;padding:.4em .6em;vertical-align:top;text-align:left}
      th{background:#f4f4f4}
      td.n{width:5em;color:#666;font-size:13px}
      tr.weak td{background:#fff4e0}
      tr.empty td{background:#fde8e8}
      .mismatch{margin-top:.3em;color:#a00;font-weight:600}
      </style></head><body>
      <h1>Sentence alignment</h1>
      <p>\(source.texts.count) source and \(translation.texts.count) translation sentences in \(beads.count) beads. Beads with a score under 0.5 are shaded; beads with a side missing are red; \(mismatches.count) mismatch\(mismatches.count == 1 ? "" : "es") of numbers and entities are called out in red.</p>

      """
    return out + htmlTable + "</body></html>\n"
  }

  private func format(_ score: Double) -> String { String((score * 1000).rounded() / 1000) }

}

/// `text` on one line for a table cell (tabs and line breaks would break a tsv row or a
/// Markdown table): tabs and line ends as spaces, CRLF as one.
func cleanedCell(_ text: String) -> String {
  // By scalars: mapping Characters was a twentieth of `align --format tsv`.
  var cleaned = String.UnicodeScalarView()
  var previous: Unicode.Scalar = " "
  for scalar in text.unicodeScalars {
    defer { previous = scalar }
    switch scalar {
    case "\n" where previous == "\r": continue
    case "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": cleaned.append(" ")
    default: cleaned.append(scalar)
    }
  }
  return String(cleaned)
}

/// `text` for a Markdown table cell: on one line, its pipes escaped.
func markdownCell(_ text: String) -> String { cleanedCell(text).replacingOccurrences(of: "|", with: "\\|") }
