/// The five levels at which names are compared (DESIGN.md 'Names'), from exact to coarse.
public enum NameLevel: String, CaseIterable, Codable, Sendable, Comparable {
  /// NFC, white space collapsed.
  case literal
  /// Case folded (NFKC), Latin diacritics removed, punctuation inside names unified.
  case folded
  /// Other scripts written in Latin letters by ICU, script by script; kanji kept.
  case latin
  /// Spelling-scheme differences folded (Hepburn/Kunrei, Russian schemes): finds candidates.
  case romanization
  /// A coarse consonant skeleton: finds candidates, never decides.
  case phonetic

  /// 0 for literal up to 4 for phonetic.
  public var rank: Int {
    switch self {
    case .literal: 0
    case .folded: 1
    case .latin: 2
    case .romanization: 3
    case .phonetic: 4
    }
  }

  public static func < (lhs: NameLevel, rhs: NameLevel) -> Bool { lhs.rank < rhs.rank }
}
