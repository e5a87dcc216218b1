/// Every artifact rule, sorted by id. A new rule is one file under Rules/ and one line here; a
/// test checks that every file is listed.
public enum RuleRegistry {
  static var all: [any ArtifactRule.Type] {
    [
    BoilerplateRule.self,
    CalqueRule.self,
    CaseAnomalyRule.self,
    DoubledWordRule.self,
    GluedWordsRule.self,
    InvalidEncodingRule.self,
    MixedScriptRule.self,
    MojibakeRule.self,
    NameInconsistentRule.self,
    NameVariantRule.self,
    PunctuationRunRule.self,
    QuoteMismatchRule.self,
    TranslationRouteRule.self,
    TranslatorMarkerRule.self,
    UntranslatedAcronymRule.self,
    UntranslatedTextRule.self,
    ]
  }

  /// The descriptions of every rule, by id order.
  public static var descriptions: [RuleDescription] { all.map { $0.description } }

  /// The rule with this id.
  public static func description(of id: String) -> RuleDescription? { descriptions.first { $0.id == id } }
}
