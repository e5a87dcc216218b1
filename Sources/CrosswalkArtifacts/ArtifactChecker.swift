import CrosswalkCore
import CrosswalkDocuments
import CrosswalkMentions

/// Runs the enabled rules over documents: sentences, linked mentions, then each rule. One per
/// thread (rules and the mention finder own ICU handles).
public final class ArtifactChecker {
  private let rules: [any ArtifactRule]
  /// The ids of the rules whose findings are returned.
  private let reported: Set<String>
  private let segmenter = Segmenter()
  private let finder: MentionFinder

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
    do { finder = try MentionFinder(resources: mentions) } catch { throw .icu("\(error)") }
  }

  /// The findings of `document`, in text order (then by rule id).
  public func check(_ document: Document) throws(ArtifactError) -> [Finding] {
    let segmentation: Segmentation
    let mentions: [Mention]
    do {
      segmentation = try segmenter.segment(document, words: false)
      mentions = try finder.mentions(in: document, segmentation: segmentation)
    } catch {
      throw .icu("\(error)")
    }
    let input = RuleInput(document: document, segmentation: segmentation, mentions: mentions)
    let found = rules.flatMap { $0.findings(in: input) }
    let summaries = rules.compactMap { $0 as? any SummaryRule }.flatMap { $0.findings(in: input, after: found) }
    return (found + summaries).filter { reported.contains($0.rule) }.sorted {
      ($0.span.start, $0.span.end, $0.rule) < ($1.span.start, $1.span.end, $1.rule)
    }
  }
}
