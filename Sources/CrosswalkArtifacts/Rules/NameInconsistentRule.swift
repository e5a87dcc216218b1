import CrosswalkCore
import CrosswalkMentions

/// One entity written two ways in one document (Kishida … Kisida): readers take two spellings
/// for two people, and searches find half the text.
struct NameInconsistentRule: ArtifactRule {
  static let description = RuleDescription(
    id: "name-inconsistent", family: .names, severity: .warning,
    summary: "one entity rendered two ways in one document",
    description: """
      Mentions linked to the same entity are compared by their spelling (case, inflection and \
      script aside: Кисиды and Кисида are one spelling, and a short form after the full name is \
      one too). Each later spelling that differs from the first is flagged, with the first as \
      suggestion; when the first is itself the non-standard one (Kiev, then Kyiv), the message \
      says so and the glossary's name is what to write. Names the glossary lacks are compared \
      word by word through the standard spellings of glossaries/artifacts/route-spellings.tsv \
      (Hayasi, then Hayashi); places and organizations of glossaries/mentions/known-names.tsv are \
      linked as name-variant links them (Kushiro, then Kusiro).
      """,
    triggering: [
      "Fumio Kishida spoke first. Later ⟦Kisida⟧ left.", "Vladimir Osechkin wrote it. ⟦Ozekin⟧ agreed.",
      "Aid went to Kiev in May. In June ⟦Kyiv⟧ asked for more.",
      "Ferries left Hokkaido in May. In June the ⟦Hokkaidou⟧ office agreed.",
      "Minister Yosimasa Hayasi spoke first. Later Minister ⟦Hayashi⟧ left.",
      "Boats left Nakhodka at dawn. The port of ⟦Nahodoka⟧ was closed.",
    ],
    nonTriggering: [
      "Fumio Kishida spoke first. Later Kishida left.", "Визит Кисиды. Кисида прибыл.",
      "Kunashir and 国後島 are one island, in two scripts.",
      "Minister Yoshimasa Hayashi spoke first. Later Minister Hayashi left.",
    ])

  static let readsMentions = true

  private let spellings: RouteSpellings

  init(data: ArtifactData) {
    spellings = RouteSpellings(data.routeSpellings, japanese: data.japanese)
  }

  func findings(in input: RuleInput) -> [Finding] {
    var first: [Spelling: (mention: Mention, isRespelling: Bool)] = [:]
    var found: [Finding] = []
    var unlinked = UnlinkedSpellings()
    for mention in input.mentions {
      if mention.entity == nil {
        found += unlinked.add(mention, spellings).map { message, suggestion, first in
          finding(mention.span, message, suggestion: suggestion, evidence: ["first written '\(first)'"])
        }
        continue
      }
      guard let entity = mention.entity, let script = Self.comparedScript(mention) else { continue }
      // Two proper names of one entity (Kuril Islands, Kuril chain) are a writer's choice; a
      // variant, a fuzzy link or a spelling through another script is another spelling.
      let isRespelling = mention.respelling != nil && !mention.isGlossed(in: input.scalars)
      let spelling = Spelling(script: script, entity: ObjectIdentifier(entity))
      guard let seen = first[spelling] else {
        first[spelling] = (mention, isRespelling)
        continue
      }
      // A short form, or a longer form containing the first, in whole words, is the same spelling
      // (Hokkaidou is not Hokkaido).
      if !isRespelling && !seen.isRespelling { continue }
      let key = Self.comparedSpelling(mention), seenKey = Self.comparedSpelling(seen.mention)
      if key == seenKey || seenKey.hasSuffix(" " + key) || key.hasSuffix(" " + seenKey)
        || seenKey.hasPrefix(key + " ") || key.hasPrefix(seenKey + " ")
      {
        continue
      }
      // The suggestion is the first spelling, unless that one is the respelling (Kiev before
      // Kyiv): then this mention is the right one and the first is what to change.
      let firstSurface = seen.mention.surface
      let message = "'\(mention.surface)' and '\(firstSurface)' name the same \(entity.type) (\(entity.name))"
      if seen.isRespelling && !isRespelling {
        found.append(
          finding(
            mention.span, message + "; '\(firstSurface)' is the non-standard one",
            evidence: ["first written '\(firstSurface)'"]))
      } else {
        found.append(
          finding(
            mention.span, message, suggestion: isRespelling && seen.isRespelling ? entity.name : firstSurface,
            evidence: ["first written '\(firstSurface)'"]))
      }
    }
    return found
  }

  /// An entity's spellings are compared within one script only (Kishida in a Russian text is a
  /// quotation, not an inconsistency).
  private struct Spelling: Hashable {
    let script: Script
    /// The entity, by identity: its id would be hashed as a string at every mention.
    let entity: ObjectIdentifier
  }

  private enum Script { case latin, cyrillic }

  /// The script whose spellings `mention` is compared with; nil for Japanese, which is not
  /// compared (kanji and kana forms of one name are both normal).
  private static func comparedScript(_ mention: Mention) -> Script? {
    let surface = mention.surface
    if surface.unicodeScalars.contains(where: { $0.value >= 0x3040 && $0.value <= 0x9FFF }) { return nil }
    return surface.unicodeScalars.contains(where: { $0.value >= 0x400 && $0.value <= 0x4FF }) ? .cyrillic : .latin
  }

  /// The spelling compared: lower case, and for Russian the matched glossary name when the
  /// mention was found inflected (Кисиды). Made only when two spellings are compared: most
  /// mentions are an entity's first or a plain repeat.
  private static func comparedSpelling(_ mention: Mention) -> String {
    if mention.method == "inflected", comparedScript(mention) == .cyrillic, let matched = mention.matchedName?.text {
      return matched.lowercased()
    }
    return mention.surface.lowercased()
  }
}

/// Names the glossary lacks, compared word by word through their standard spellings
/// (`RouteSpellings`): Hayasi in one mention and Hayashi in another are one name spelled two ways.
private struct UnlinkedSpellings {
  private var japaneseWords: Set<[UInt8]> = []
  /// Standard spellings of words written otherwise, with the word as first written.
  private var respelled: [[UInt8]: [UInt8]] = [:]
  /// Words that read as Japanese written in standard spelling, with the name they were first
  /// seen in.
  private var standard: [[UInt8]: String] = [:]

  /// The findings for `mention`: message, suggestion and the first spelling.
  mutating func add(_ mention: Mention, _ spellings: RouteSpellings) -> [(String, String?, String)] {
    guard spellings.mayRead(mention.surface) else { return [] }
    var found: [(String, String?, String)] = []
    if let reading = spellings.read(mention.surface, japaneseWords: &japaneseWords), !reading.words.isEmpty {
      for (written, correct) in reading.words {
        if let first = standard[correct] {
          found.append(("'\(mention.surface)' and '\(first)' spell one name two ways", reading.suggestion, first))
        }
        if respelled[correct] == nil { respelled[correct] = written }
      }
      return found
    }
    for (word, _) in RouteSpellings.words(of: mention.surface) where spellings.looksJapanese(word) {
      if let written = respelled[word] {
        let first = String(decoding: written, as: UTF8.self)
        found.append((
          "'\(mention.surface)' and '\(first)' spell one name two ways; '\(first)' is the non-standard one", nil,
          first
        ))
      }
      if standard[word] == nil { standard[word] = mention.surface }
    }
    return found
  }
}
