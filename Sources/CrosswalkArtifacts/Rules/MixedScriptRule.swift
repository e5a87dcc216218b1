import CrosswalkCore
import CrosswalkICU

/// A word whose letters come from scripts no word mixes: a Cyrillic а inside a Latin word, the
/// trace of a keyboard switch or of text assembled from look-alikes. ICU's spoof checker
/// (UTS #39, highly restrictive) decides.
final class MixedScriptRule: ArtifactRule {
  static let description = RuleDescription(
    id: "mixed-script", family: .encoding, severity: .error,
    summary: "a word mixing scripts (a Cyrillic а in a Latin word)",
    description: """
      Each word with letters of more than one script is given to ICU's spoof checker at the \
      highly restrictive level, which allows Japanese (kanji, kana and Latin) but not Latin with \
      Cyrillic or Greek. Such a word looks right and matches nothing: search, linking and \
      spelling checks all miss it.
      """,
    triggering: ["The island of ⟦Kun\u{0430}shir⟧ is disputed.", "Премьер ⟦Kиcида⟧ прибыл."],
    nonTriggering: ["The island of Kunashir is disputed.", "Премьер Кисида прибыл.", "東京のJR線とNHKの番組。"])

  private let checker: SpoofChecker

  init(data: ArtifactData) throws(ArtifactError) {
    do { checker = try SpoofChecker() } catch { throw .icu("\(error)") }
  }

  func findings(in input: RuleInput) -> [Finding] {
    var found: [Finding] = []
    let scalars = input.scalars
    for word in input.words where Self.mayMixScripts(word.span, in: scalars) {
      var scripts: Set<Script> = []
      for offset in word.span.start..<word.span.end where TextScan.isLetter(scalars[offset]) {
        let script = scalars[offset].isASCII ? Script.latin : Script(of: scalars[offset])
        if !script.isShared { scripts.insert(script) }
      }
      guard scripts.count >= 2 else { continue }
      let text = input.document.text(of: word.span)
      guard let issues = try? checker.check(text), issues.contains(.mixedScript) || issues.contains(.mixedScriptConfusable)
      else { continue }
      found.append(
        finding(
          word.span, "'\(text)' mixes \(scripts.sorted().map(\.name).joined(separator: " and ")) letters",
          suggestion: nil))
    }
    return found
  }

  /// False when the word's letters plainly share one script (or are Japanese): most words, told
  /// by code point ranges before any ICU call. Letters outside the ranges ask ICU.
  private static func mayMixScripts(_ span: TextSpan, in scalars: [Unicode.Scalar]) -> Bool {
    var first: WritingSystem?
    for offset in span.start..<span.end {
      let scalar = scalars[offset]
      // ASCII digits and Latin letters: Latin or nothing.
      let system = scalar.isASCII ? WritingSystem.latin : WritingSystem(scalar)
      if system == .other {
        if TextScan.isLetter(scalar) { return true }
        continue
      }
      guard let seen = first else {
        first = system
        continue
      }
      let japanese = (seen == .han || seen == .kana) && (system == .han || system == .kana)
      if seen != system && !japanese { return true }
    }
    return false
  }
}
