/// A name's key at every level, with what the normalizer did to reach them.
public struct NameKeys: Sendable, Equatable, Codable {
  /// The name as given.
  public let input: String
  public let literal: String
  public let folded: String
  public let latin: String
  public let romanization: String
  public let phonetic: String
  /// The scripts of the name (ISO 15924 codes), Common and Inherited left out.
  public let scripts: [String]
  /// What was done, in order, as short phrases a person can check.
  public let steps: [String]

  /// The key at `level`.
  public func key(_ level: NameLevel) -> String {
    switch level {
    case .literal: literal
    case .folded: folded
    case .latin: latin
    case .romanization: romanization
    case .phonetic: phonetic
    }
  }

  /// The finest level at which two names share a key, or nil when they share none.
  public func firstSharedLevel(with other: NameKeys) -> NameLevel? {
    NameLevel.allCases.first { key($0) == other.key($0) && !key($0).isEmpty }
  }
}
