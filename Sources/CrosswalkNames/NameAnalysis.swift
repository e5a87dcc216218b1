import CrosswalkCore

/// One token of a name at the levels the linker compares, with hashes of its keys for the
/// linker's tables.
public struct NameToken: Sendable, Equatable {
  public let latin: String
  public let romanization: String
  public let phonetic: String
  /// `keyHash` of the romanization key and of the skeleton.
  public let romanHash: UInt64
  public let phoneticHash: UInt64
  /// A single letter: an initial (F. Kisida).
  public let isInitial: Bool

  public init(latin: String, romanization: String, phonetic: String) {
    self.latin = latin
    self.romanization = romanization
    self.phonetic = phonetic
    self.romanHash = keyHash(romanization)
    self.phoneticHash = keyHash(phonetic)
    self.isInitial = latin.unicodeScalars.count == 1
  }
}

/// What the normalizer makes of one whitespace-separated word of a name. Its keys may hold
/// spaces (punctuation unified into one, a script transform that splits). A class: words are
/// cached and shared by every name that has them.
final class WordKeys: Sendable {
  let literal: String
  let folded: String
  let latin: String
  let romanization: String
  let phonetic: String
  let caseFolded: Bool
  let separatorsUnified: Bool
  let scripts: [String]
  /// Steps after case folding and punctuation.
  let steps: [String]
  let tokens: [NameToken]
  /// `keyHash` of the literal word.
  let literalHash: UInt64
  /// For the folded, latin and romanization keys: the sum of `mix(keyHash(part))` over the
  /// key's space-separated parts, and their count. Sums ignore order, so a name's exact key is
  /// the sum over its words, with no sorting and no allocation.
  let foldedSum: PartSum
  let latinSum: PartSum
  let romanizationSum: PartSum

  struct PartSum: Sendable {
    var sum: UInt64 = 0
    var count: UInt64 = 0

    init() {}

    init(_ parts: [Substring]) {
      for part in parts { sum &+= mix(keyHash(part)) }
      count = UInt64(parts.count)
    }

    static func += (a: inout PartSum, b: PartSum) {
      a.sum &+= b.sum
      a.count &+= b.count
    }
  }

  func partSum(_ level: NameLevel) -> PartSum? {
    switch level {
    case .folded: foldedSum
    case .latin: latinSum
    case .romanization: romanizationSum
    case .literal, .phonetic: nil
    }
  }

  init(
    literal: String, folded: String, latin: String, romanization: String, phonetic: String,
    caseFolded: Bool, separatorsUnified: Bool, scripts: [String], steps: [String]
  ) {
    self.literal = literal
    self.folded = folded
    self.latin = latin
    self.romanization = romanization
    self.phonetic = phonetic
    self.caseFolded = caseFolded
    self.separatorsUnified = separatorsUnified
    self.scripts = scripts
    self.steps = steps
    self.literalHash = keyHash(literal)
    let latinParts = spaceSeparated(latin), romanParts = spaceSeparated(romanization)
    let phoneticParts = spaceSeparated(phonetic)
    if latinParts.count == romanParts.count, romanParts.count == phoneticParts.count {
      tokens = romanParts.indices.map {
        NameToken(
          latin: String(latinParts[$0]), romanization: String(romanParts[$0]),
          phonetic: String(phoneticParts[$0]))
      }
    } else {
      // A transform split one level's key and not another's: compare by romanization alone.
      tokens = romanParts.map { NameToken(latin: String($0), romanization: String($0), phonetic: String($0)) }
    }
    foldedSum = PartSum(spaceSeparated(folded))
    latinSum = PartSum(latinParts)
    romanizationSum = PartSum(romanParts)
  }
}

/// The space-separated parts of a key, empty ones left out. Splits bytes, not Characters:
/// grapheme breaking is the costly part of `split` on Cyrillic and kana.
func spaceSeparated(_ key: String) -> [Substring] {
  let bytes = key.utf8
  var parts: [Substring] = []
  var start = bytes.startIndex
  var index = start
  while index != bytes.endIndex {
    if bytes[index] == UInt8(ascii: " ") {
      if start != index { parts.append(key[start..<index]) }
      start = bytes.index(after: index)
    }
    index = bytes.index(after: index)
  }
  if start != index { parts.append(key[start..<index]) }
  return parts
}

/// A name as the normalizer reads it, word by word: the linker takes its tokens and the hashes
/// of its exact keys from here without joining and splitting strings; `keys` gives the keys
/// a person reads.
public struct NameAnalysis: Sendable {
  /// The name as given.
  public let input: String
  let words: [WordKeys]

  init(input: String, words: [WordKeys]) {
    self.input = input
    self.words = words
  }

  /// The name's tokens, in order.
  public var tokens: [NameToken] { words.count == 1 ? words[0].tokens : words.flatMap(\.tokens) }

  /// Appends the name's tokens to `list`.
  public func appendTokens(to list: inout [NameToken]) {
    for word in words { list.append(contentsOf: word.tokens) }
  }

  /// No letters or digits: nothing to compare.
  public var isEmpty: Bool { words.allSatisfy { $0.tokens.isEmpty } }

  /// The literal key is empty: the name was blank.
  public var isBlank: Bool { words.isEmpty }

  /// Whether any word of the name is written in `script` (an ISO 15924 code).
  public func contains(script: String) -> Bool { words.contains { $0.scripts.contains(script) } }

  /// A hash of the name's key at `level` (literal, folded, latin or romanization): the literal
  /// key as written; the other levels with token order ignored (Kishida Fumio = Fumio Kishida).
  public func exactHash(_ level: NameLevel) -> UInt64 {
    guard level != .literal else {
      return words.reduce(0x9E37_79B9_7F4A_7C15) { mix($0 ^ $1.literalHash) }
    }
    var total = WordKeys.PartSum()
    for word in words {
      if let sum = word.partSum(level) { total += sum }
    }
    return mix(total.sum ^ total.count)
  }

  /// The name's keys at every level, with the steps that made them.
  public var keys: NameKeys {
    func joined(_ key: (WordKeys) -> String) -> String {
      words.map(key).filter { !$0.isEmpty }.joined(separator: " ")
    }
    var steps: [String] = []
    if words.contains(where: \.caseFolded) { steps.append("case folded (NFKC)") }
    if words.contains(where: \.separatorsUnified) { steps.append("punctuation unified") }
    var scripts: Set<String> = []
    for word in words {
      scripts.formUnion(word.scripts)
      for step in word.steps where !steps.contains(step) { steps.append(step) }
    }
    return NameKeys(
      input: input, literal: words.map(\.literal).joined(separator: " "), folded: joined(\.folded),
      latin: joined(\.latin), romanization: joined(\.romanization), phonetic: joined(\.phonetic),
      scripts: scripts.sorted(), steps: steps)
  }
}
