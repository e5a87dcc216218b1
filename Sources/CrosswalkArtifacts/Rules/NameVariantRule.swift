import CrosswalkCore
import CrosswalkMentions
import CrosswalkNames

/// A known entity written in a non-standard rendering (Gunashiri for Kunashir): the link's
/// matched name is a declared variant, or the link needed fuzzy confusions. The route the
/// rendering betrays goes with the finding.
struct NameVariantRule: ArtifactRule {
  static let description = RuleDescription(
    id: "name-variant", family: .names, severity: .warning,
    summary: "a non-standard rendering of a known entity, with its route",
    description: """
      A mention that links to a glossary entity through a variant (a rendering the glossary marks \
      as non-standard, often with the language it came through), through a fuzzy match, or \
      through a spelling no Latin name of the entity has (Saharin: the katakana name サハリン \
      written in Latin letters; Etorohu: another romanization scheme) is flagged with the \
      entity's canonical name as suggestion. Variants that betray a route (Gunashiri: Russian \
      through Japanese katakana) carry it, as does the script of the name a spelling came \
      through; route inference reads it. Names the glossary lacks are read by their spelling \
      (glossaries/artifacts/route-spellings.tsv): a Russian name through Japanese katakana by \
      its ending (Korusakofu: -ofu for -ov), a Japanese name through Russian Cyrillic by its \
      syllables, when every word of the name reads as Japanese (Sigeru Isiba: si for shi), and \
      such a word alone after it. Places and organizations the glossary lacks but \
      glossaries/mentions/known-names.tsv lists are linked as glossary entities are, when the \
      spelling also differs from a Latin name of theirs in at most about one letter in three \
      (Habarovsk: Khabarovsk; Kusiro: Kushiro, through Кусиро), or is the romanization of one of \
      their names in another script and no word of their English name (Nahotoka: ナホトカ; not \
      Shell for Royal Dutch Shell, through Шелл); a name that differs from theirs only by a \
      Russian adjective's ending on a word is another form of it, no variant (Severo-Kurilsk \
      district for Severo-Kurilsky District). In a longer name the glossary \
      lacks, a word after 'of' and the first word of a place's name are read alone, as the place \
      it is built on (the Promotion Bureau of Hokkaidou; Saharin Oblast; not Tokio Marine, an \
      insurer). A variant the glossary declares is read there however short (government of RF).
      """,
    triggering: [
      "Japan claims ⟦Gunashiri⟧ and ⟦Etorobu⟧.", "Talks with ⟦Kisida⟧ ended.", "Ferries to ⟦Saharin⟧ resumed in May.",
      "Prime Minister ⟦Sigeru Isiba⟧ spoke. ⟦Isiba⟧ left.", "The ship reached ⟦Korusakofu⟧ in May.",
      "Timber leaves ⟦Wanino⟧ for Osaka.", "Students of ⟦Khokkaido University⟧ came.",
      "Boats left ⟦Kusiro⟧ at dawn.", "The ship left ⟦Nahotoka⟧ for Niigata.", "Officials of the ⟦Saharin⟧ Oblast government met.",
      "The Nemuro Promotion Bureau of ⟦Hokkaidou⟧ wrote.", "The chairman of government of ⟦RF⟧ signed it.",
      "The Japanese ⟦Mitsubisi⟧ kept its share.",
    ],
    nonTriggering: [
      "Japan claims Kunashir and Iturup.", "Talks with Kishida ended.", "Визит Кисиды в Москву.",
      "Ferries to Sakhalin resumed in May.", "Talks in the SShA ended.",
      "The Japan Foundation and Eurasia Wire reported it.", "Nikita Mikhalkov met Shigeru Ishiba.",
      "They boarded the Rossiya (Россия) in Moscow.", "Graduates joined the Ministry of Foreign Affairs.",
      "Timber leaves Vanino for Osaka.", "Brands such as Chery and Geely sell well.",
      "The Severo-Kurilsky district voted.", "Boats reached the Severo-Kurilsk district in May.",
      "Vasily Golovnin sailed. Golovnin was taken.",
      "Shell and the Pentagon said so.", "The #MeToo movement spread.", "Maruhoku Bussan shipped cars to Busan.",
      "Tokio Marine insured the cargo.",
    ])

  static let readsMentions = true

  private let spellings: RouteSpellings

  init(data: ArtifactData) {
    spellings = RouteSpellings(data.routeSpellings, japanese: data.japanese)
  }

  func findings(in input: RuleInput) -> [Finding] {
    var found: [Finding] = []
    var japaneseWords: Set<[UInt8]> = []
    // A name followed by its original script in brackets was written so on purpose.
    for mention in input.mentions where !mention.isGlossed(in: input.scalars) {
      if mention.entity == nil, let spelled = spellings.read(mention.surface, japaneseWords: &japaneseWords) {
        let language = TranslationRoute.name(of: spelled.route)
        found.append(
          finding(
            mention.span, "'\(mention.surface)' is spelled the way names come through \(language): \(spelled.hint)",
            suggestion: spelled.suggestion, evidence: [spelled.hint, "route \(spelled.route)"], route: spelled.route))
        continue
      }
      guard let entity = mention.entity, let matched = mention.matchedName, let how = mention.respelling else { continue }
      // A variant in another script than the canonical name's is a translation, not a variant.
      guard isLatin(mention.surface) == isLatin(entity.name) else { continue }
      // A spelling through another script's name tells the route by that script (Saharin for サハリン).
      let route = matched.route ?? (how == .spelledThrough ? routeOfScript(of: matched.text) : nil)
      found.append(
        finding(
          mention.span,
          "'\(mention.surface)' is \(how.rawValue) '\(entity.name)'" + (route.map { " (route \($0))" } ?? ""),
          suggestion: entity.name,
          evidence: ["'\(mention.surface)' → \(entity.id) by \(mention.method ?? "link")"] + (route.map { ["route \($0)"] } ?? []),
          route: route))
    }
    return found
  }
}

/// The language of the first letter of `name` whose script points to one (kana Japanese,
/// Cyrillic Russian), as untranslated text is routed.
private func routeOfScript(of name: String) -> String? {
  let scalars = Array(name.unicodeScalars)
  return scalars.lazy.compactMap { WritingSystem($0).route(of: scalars) }.first
}
