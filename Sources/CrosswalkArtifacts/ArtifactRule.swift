import CrosswalkCore
import CrosswalkDocuments
import CrosswalkMentions

/// The families of DESIGN.md 'Artifact rules'.
public enum RuleFamily: String, Sendable, CaseIterable {
  case names, terms, mechanics, scraping, encoding, provenance, pairs
}

/// What a rule is, for `crosswalk rules`, the configuration and the generic example test.
public struct RuleDescription: Sendable {
  /// Kebab-case, never changed once shipped (DESIGN.md's table).
  public let id: String
  public let family: RuleFamily
  public let severity: Severity
  /// One line.
  public let summary: String
  /// What the rule looks for and why it matters, in a few sentences.
  public let description: String
  /// Texts the rule must flag, each expected finding's span between ⟦ and ⟧.
  public let triggering: [String]
  /// Texts the rule must leave alone.
  public let nonTriggering: [String]

  public init(
    id: String, family: RuleFamily, severity: Severity, summary: String, description: String,
    triggering: [String], nonTriggering: [String]
  ) {
    self.id = id
    self.family = family
    self.severity = severity
    self.summary = summary
    self.description = description
    self.triggering = triggering
    self.nonTriggering = nonTriggering
  }
}

/// What a rule reads: the decoded document, its sentences, its words and its mentions linked to
/// entities. Rules never re-read files, and the words are scanned once for all rules.
public struct RuleInput {
  public let document: Document
  public let segmentation: Segmentation
  public let mentions: [Mention]
  /// The document's words, in order.
  let words: [ScannedWord]
  /// For each sentence of `segmentation`, the positions in `words` of the words wholly inside it.
  private let sentenceWords: [Range<Int>]

  public init(document: Document, segmentation: Segmentation, mentions: [Mention]) {
    self.document = document
    self.segmentation = segmentation
    self.mentions = mentions
    let words = TextScan.words(document.scalars, in: TextSpan(start: 0, end: document.scalars.count))
    self.words = words
    // Sentences and words are both in text order: one pass finds every sentence's words.
    var next = 0
    sentenceWords = segmentation.sentences.map { sentence in
      while next < words.count, words[next].span.start < sentence.start { next += 1 }
      let first = next
      while next < words.count, words[next].span.end <= sentence.end { next += 1 }
      return first..<next
    }
  }

  /// The scalars of the document.
  public var scalars: [Unicode.Scalar] { document.scalars }

  /// The words of the sentence at `index` in `segmentation.sentences`.
  func words(ofSentence index: Int) -> ArraySlice<ScannedWord> { words[sentenceWords[index]] }
}

/// One artifact rule: a file under Rules/, listed in `RuleRegistry.all`. A rule is made once
/// per thread (it may own ICU handles) from the shared data.
public protocol ArtifactRule {
  static var description: RuleDescription { get }
  /// Whether `findings(in:)` reads `RuleInput.mentions`: finding and linking them is most of the
  /// cost of a document, spared when no enabled rule reads them.
  static var readsMentions: Bool { get }
  /// Rules whose findings say less where this rule's do: a finding of theirs that overlaps one
  /// of this rule's is dropped (garbled text is no foreign-language text).
  static var supersedes: Set<String> { get }
  init(data: ArtifactData) throws(ArtifactError)
  func findings(in input: RuleInput) -> [Finding]
}

/// A rule that reads the other rules' findings (translation-route). It runs after them; while it
/// is enabled every other rule runs too, and only the enabled ones are reported.
protocol SummaryRule: ArtifactRule {
  func findings(in input: RuleInput, after others: [Finding]) -> [Finding]
}

extension ArtifactRule {
  public static var readsMentions: Bool { false }
  public static var supersedes: Set<String> { [] }

  /// A finding of this rule at its default severity.
  func finding(
    _ span: TextSpan, _ message: String, suggestion: String? = nil, evidence: [String] = [], route: String? = nil
  ) -> Finding {
    Finding(
      rule: Self.description.id, severity: Self.description.severity, span: span, message: message,
      suggestion: suggestion, evidence: evidence, route: route)
  }
}

/// Why the checker could not be set up: a malformed data file, or ICU.
public enum ArtifactError: Error, CustomStringConvertible, Sendable {
  /// A data file of glossaries/artifacts with a bad line.
  case invalidData(file: String, line: Int, message: String)
  /// A data file that is missing from the built-in glossaries.
  case missingData(file: String)
  /// ICU failed (opening a converter or the spoof checker).
  case icu(String)

  public var description: String {
    switch self {
    case .invalidData(let file, let line, let message): "\(file):\(line): error: \(message)"
    case .missingData(let file): "missing built-in data file '\(file)'"
    case .icu(let message): "ICU: \(message)"
    }
  }
}
