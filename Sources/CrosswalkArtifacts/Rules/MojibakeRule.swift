import CrosswalkCore
import Foundation

/// UTF-8 text that was decoded with the wrong code page somewhere on its way (РљСѓСЂРёР» for
/// Курил), found and repaired by `MojibakeRepairer` line by line.
struct MojibakeRule: ArtifactRule {
  static let description = RuleDescription(
    id: "mojibake", family: .encoding, severity: .error,
    summary: "UTF-8 decoded with the wrong code page, with the repaired text",
    description: """
      Text that was UTF-8 and was read as windows-1251, windows-1252, ISO-8859-1, KOI8-R or \
      Shift_JIS, once or twice over (РљСѓСЂРёР» for Курил, CafÃ© for Café, Р С™ for К). The \
      span is mapped back to bytes through the code page and decoded as UTF-8; it is reported \
      only when the result is plausible text with enough evidence, so ordinary accented or \
      Cyrillic text (Её, Zürich, ÂNGELA) is left alone. The repaired text is the suggestion. \
      The document itself was decoded correctly: the damage happened before it was saved.
      """,
    triggering: [
      "Сообщение: ⟦РљСѓСЂРёР»⟧ острова.", "The Caf⟦Ã©⟧ in Paris.", "Signed by ⟦Ð¡ÐµÑ€Ð³ÐµÐ¹⟧ on Monday.",
      "Minister ⟦п╪п╦я─⟧ today.", "Report: ⟦譁ｰ縺励＞⟧ data.",
    ],
    nonTriggering: [
      "Её зовут Анна, её брат — Пётр.", "The café in Zürich and São Paulo.", "ÂNGELA ÑANDÚ",
      "東京で「ﾌｧﾐﾘｰｾｯﾄ」を販売", "Straße “Fuß”, Maß…",
    ])

  /// Garbled Cyrillic or kanji is no text in a foreign language, no mixture of scripts, and
  /// its quotation marks (РЎ„, â€”) are bytes, not quotations.
  static let supersedes: Set<String> = ["untranslated-text", "mixed-script", "quote-mismatch"]

  private let repairer: MojibakeRepairer

  init(data: ArtifactData) throws(ArtifactError) {
    do { repairer = try MojibakeRepairer() } catch { throw .icu("\(error)") }
  }

  func findings(in input: RuleInput) -> [Finding] {
    let document = input.document
    // One scan of the whole text decides almost every clean document without splitting lines;
    // decomposed text is scanned line by line once composed.
    guard
      repairer.mayContainMojibake(document.text)
        || document.scalars.contains(where: TextScan.isCombiningMark)
    else { return [] }
    var found: [Finding] = []
    for line in TextScan.lines(document.scalars) {
      let composed = ComposedLine(document.scalars[line.start..<line.end])
      for run in repairer.runs(in: composed.text) {
        let garbled = TextSpan(start: line.start + composed.offset(run.start), end: line.start + composed.offset(run.end))
        let rounds = run.rounds == 2 ? " twice" : ""
        found.append(
          finding(
            garbled, "UTF-8 text read as \(run.codePage)\(rounds)",
            suggestion: run.repaired, evidence: ["\(run.codePage)", "rounds: \(run.rounds)"]))
      }
    }
    return found
  }
}

/// A line in NFC with the way back to the line's own offsets. Garbled text is a sequence of code
/// page characters; once decomposed (Ã as A and a combining tilde) its bytes are no longer the
/// UTF-8 it came from, so the repairer reads the composed form.
private struct ComposedLine {
  let text: String
  /// For each scalar of `text`, and one past the end, its offset in the line as written; nil
  /// when nothing was composed.
  private let offsets: [Int]?

  init(_ scalars: ArraySlice<Unicode.Scalar>) {
    guard scalars.contains(where: TextScan.isCombiningMark) else {
      text = makeString(scalars)
      offsets = nil
      return
    }
    // Composition stays inside a grapheme cluster, so each cluster is composed on its own.
    let written = makeString(scalars)
    var composed = String.UnicodeScalarView()
    var offsets: [Int] = []
    var offset = 0
    for cluster in written {
      let clusterScalars = cluster.unicodeScalars
      for scalar in String(cluster).precomposedStringWithCanonicalMapping.unicodeScalars {
        composed.append(scalar)
        offsets.append(offset)
      }
      offset += clusterScalars.count
    }
    offsets.append(offset)
    text = String(composed)
    self.offsets = offsets
  }

  /// The line offset of `composedOffset`.
  func offset(_ composedOffset: Int) -> Int { offsets?[composedOffset] ?? composedOffset }
}
