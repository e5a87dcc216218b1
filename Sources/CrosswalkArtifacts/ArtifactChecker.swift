import CrosswalkCore
import CrosswalkDocuments
import CrosswalkMentions

/// Runs the enabled rules over documents: sentences, linked mentions, then each rule. One per
/// thread (rules and the mention finder own ICU handles).
public final class ArtifactChecker {
  private let rules: [any ArtifactRule]
  private let segmenter = Segmenter()
  private let finder: MentionFinder

  /// A checker running the rules whose ids `enabled` accepts.
  public init(
    data: ArtifactData, mentions: MentionResources, enabled: (String) -> Bool = { _ in true }
  ) throws(ArtifactError) {
    var rules: [any ArtifactRule] = []
    for rule in RuleRegistry.all where enabled(rule.description.id) { rules.append(try rule.init(data: data)) }
    self.rules = rules
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
    return rules.flatMap { $0.findings(in: input) }.sorted {
      ($0.span.start, $0.span.end, $0.rule) < ($1.span.start, $1.span.end, $1.rule)
    }
  }
}
