import CrosswalkCore

/// A name found in a document, linked to an entity or left unresolved.
public struct Mention: Sendable {
  /// How the mention was found.
  public enum Source: String, Sendable {
    /// A glossary name, matched folded (and, for Russian, without its ending).
    case glossary
    /// A run of capitalized words, linked through the resolver.
    case capitalized
    /// A later, shorter form of a name the document gave in full (Kishida after Fumio Kishida).
    case shortForm = "short-form"
    /// A kanji surname and given name, or a surname before a title (森本氏).
    case kanjiName = "kanji-name"
    /// A katakana word the resolver links (オセチキン), or a name in parts (ドミトリー・サフォノフ).
    case katakana
    /// Japanese words before a suffix of places or institutions (根室市, 蒼陵大学).
    case nameSuffix = "name-suffix"
    /// A place or organization of known-names.tsv, which the glossary has no entity for.
    case knownName = "known-name"
  }

  public let span: TextSpan
  /// The text as written.
  public let surface: String
  /// The linked entity, or nil for a name the glossaries do not have.
  public let entity: Entity?
  /// The glossary name that matched, when linked.
  public let matchedName: EntityName?
  /// The entity's type, or a guess for unresolved names found as Japanese personal names.
  public let type: String?
  /// 0…1: 1 for a glossary name as written, the resolver's score for the others, 0 when
  /// unresolved.
  public let score: Double
  /// How the link was made: literal, folded, inflected, short-form, or the resolver's method
  /// (romanization, fuzzy, kanji-reading, …); nil when unresolved.
  public let method: String?
  public let source: Source

  public init(
    span: TextSpan, surface: String, entity: Entity?, matchedName: EntityName?, type: String?,
    score: Double, method: String?, source: Source
  ) {
    self.span = span
    self.surface = surface
    self.entity = entity
    self.matchedName = matchedName
    self.type = type
    self.score = score
    self.method = method
    self.source = source
  }
}
