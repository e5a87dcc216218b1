import CrosswalkCore
import CrosswalkICU
import CrosswalkDocuments
import CrosswalkMentions
import CrosswalkNames

/// Runs the enabled rules over documents: sentences, linked mentions, then each rule. One per
/// thread (rules and the mention finder own ICU handles).
public final class ArtifactChecker {
  private let rules: [any ArtifactRule]
  /// The ids of the rules whose findings are returned.
  private let reported: Set<String>
  private let segmenter = Segmenter()
  private let finder: MentionFinder
  /// Links names the glossary lacks to known places and organizations, for the name rules (nil
  /// when no rule reads mentions).
  private let knownNames: KnownNameLinker?
  /// False when no rule that runs reads mentions.
  private let findsMentions: Bool
  /// When set, the wall seconds spent so far in each stage of `check`: "sentences", "mentions",
  /// "words" and each rule id (for the benchmark, which reports where the time goes).
  public var stageSeconds: [String: Double]?

  /// A checker running the rules whose ids `enabled` accepts.
  public init(
    data: ArtifactData, mentions: MentionResources, enabled: (String) -> Bool = { _ in true }
  ) throws(ArtifactError) {
    // A summary rule reads every other rule's findings, so with one enabled all rules run.
    let summarizing = RuleRegistry.all.contains { $0 is any SummaryRule.Type && enabled($0.description.id) }
    var rules: [any ArtifactRule] = []
    var reported = Set<String>()
    for rule in RuleRegistry.all where summarizing || enabled(rule.description.id) {
      rules.append(try rule.init(data: data))
      if enabled(rule.description.id) { reported.insert(rule.description.id) }
    }
    self.rules = rules
    self.reported = reported
    findsMentions = rules.contains { type(of: $0).readsMentions }
    do { finder = try MentionFinder(resources: mentions) } catch { throw .icu("\(error)") }
    knownNames = findsMentions ? KnownNameLinker(finder: finder) : nil
  }

  /// What checking a document found, with the sentences and mentions the rules read.
  public struct Analysis: Sendable {
    public let findings: [Finding]
    public let sentences: [TextSpan]
    public let mentions: [Mention]
    /// For each of `mentions` the glossary lacks, the known place or organization it was linked
    /// to for the name rules (Habarovsk: Khabarovsk), else nil; empty when no rule reads mentions.
    public let knownNames: [Entity?]
  }

  /// The findings of `document`, in text order (then by rule id).
  public func check(_ document: Document) throws(ArtifactError) -> [Finding] {
    try analyze(document, mentions: false).findings
  }

  /// The findings of `document` with its sentences and, with `mentions` (or when a rule reads
  /// them), its linked mentions: what a report needs, made once.
  public func analyze(_ document: Document, mentions wanted: Bool = true) throws(ArtifactError) -> Analysis {
    let segmentation: Segmentation
    let mentions: [Mention]
    do {
      segmentation = try timed("sentences") { () throws(ICUError) in try segmenter.segment(document, words: false) }
      mentions =
        findsMentions || wanted
        ? try timed("mentions") { () throws(ICUError) in try finder.mentions(in: document, segmentation: segmentation) }
        : []
    } catch {
      throw .icu("\(error)")
    }
    let linked: [Mention]
    do {
      linked = try timed("known names") { () throws(NameError) in try knownNames?.linking(mentions) ?? mentions }
    } catch {
      throw .icu("\(error)")
    }
    let input = timed("words") { RuleInput(document: document, segmentation: segmentation, mentions: linked) }
    var found: [Finding] = []
    for rule in rules { found += timed(type(of: rule).description.id) { rule.findings(in: input) } }
    for rule in rules where !type(of: rule).supersedes.isEmpty {
      let mine = found.filter { $0.rule == type(of: rule).description.id }.map(\.span)
      found.removeAll { finding in
        type(of: rule).supersedes.contains(finding.rule) && mine.contains { $0.overlaps(finding.span) }
      }
    }
    for case let rule as any SummaryRule in rules {
      found += timed(type(of: rule).description.id) { rule.findings(in: input, after: found) }
    }
    let reportedFindings = found.filter { reported.contains($0.rule) }.sorted {
      ($0.span.start, $0.span.end, $0.rule) < ($1.span.start, $1.span.end, $1.rule)
    }
    let known: [Entity?] = knownNames == nil ? [] : zip(mentions, linked).map { $0.entity == nil ? $1.entity : nil }
    return Analysis(findings: reportedFindings, sentences: segmentation.sentences, mentions: mentions, knownNames: known)
  }

  /// `body`, timed into `stageSeconds[stage]` when the checker is measuring.
  private func timed<T, E: Error>(_ stage: String, _ body: () throws(E) -> T) throws(E) -> T {
    guard stageSeconds != nil else { return try body() }
    let start = ContinuousClock.now
    defer {
      let elapsed = ContinuousClock.now - start
      stageSeconds?[stage, default: 0] +=
        Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }
    return try body()
  }
}
