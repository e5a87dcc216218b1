import CrosswalkCore
import CrosswalkGlossaryData
import CrosswalkICU
import CrosswalkNames
import Foundation

/// One token of an indexed name, at the levels the linker compares.
struct IndexedToken: Sendable {
  let latin: String
  let romanKey: String
  let phonetic: String
  /// `keyHash` of the romanization key and of the skeleton, for the index's tables.
  let romanHash: UInt64
  let phoneticHash: UInt64

  init(latin: String, romanKey: String, phonetic: String) {
    self.latin = latin
    self.romanKey = romanKey
    self.phonetic = phonetic
    self.romanHash = keyHash(romanKey)
    self.phoneticHash = keyHash(phonetic)
  }

  /// A single letter: an initial (F. Kisida).
  var isInitial: Bool { latin.unicodeScalars.count == 1 }
}

/// A glossary name as indexed: the name as written, or another Latin form of it (a Cyrillic name
/// in French transliteration).
struct IndexedForm: Sendable {
  let entity: Int32
  /// Position in the entity's `names`.
  let name: Int32
  /// How this form was made from the name, when it is not the name itself.
  let form: String?
  let tokens: [IndexedToken]
}

/// Exact keys of one level: most keys belong to one name, so a key maps to that name's form, or
/// (negative) to a list of forms in `overflow`. One array per key would cost a million
/// allocations for a large glossary. Keys are 64-bit hashes (`keyHash`): hashing a String in a
/// Swift dictionary normalizes it, which dominated the cost of indexing Cyrillic and kana names;
/// two of a million keys meet by chance with a probability near 10⁻⁸.
struct ExactKeys: Sendable {
  private var single: [UInt64: Int32] = [:]
  private var overflow: [[Int32]] = []

  mutating func add(_ key: UInt64, _ form: Int32) {
    guard let known = single[key] else {
      single[key] = form
      return
    }
    if known >= 0 {
      if known == form { return }
      overflow.append([known, form])
      single[key] = -Int32(overflow.count)
    } else if overflow[Int(-known) - 1].last != form {
      overflow[Int(-known) - 1].append(form)
    }
  }

  func forms(_ key: UInt64) -> [Int32] {
    guard let known = single[key] else { return [] }
    return known >= 0 ? [known] : overflow[Int(-known) - 1]
  }
}

/// The data the linker needs besides the glossary: confusions, other transliteration schemes,
/// kanji name readings. Built in by default.
public struct LinkData: Sendable {
  public var confusions: ConfusionTable
  public var readings: NameReadings
  /// ICU rules for Cyrillic in French transliteration, or nil for none.
  public var frenchRules: String?

  public static let frenchRulesFile = "transforms/cyrillic-latin-french.txt"

  public static func builtIn() throws(NameError) -> LinkData {
    guard let confusions = EmbeddedGlossaries.file(ConfusionTable.file) else {
      throw .missingRules(file: ConfusionTable.file)
    }
    var readings = NameReadings()
    if let text = EmbeddedGlossaries.file(NameReadings.file) { readings = try NameReadings(text: text) }
    return LinkData(
      confusions: try ConfusionTable(text: confusions), readings: readings,
      frenchRules: EmbeddedGlossaries.file(frenchRulesFile))
  }
}

/// Every name of a glossary under its keys, built once and shared by the linkers of all threads.
///
/// Exact keys (literal, folded, latin, romanization; tokens sorted, so Kishida Fumio = Fumio
/// Kishida) find names that match outright; token postings by romanization key and phonetic
/// skeleton find fuzzy candidates, so a query never scans the glossary.
public final class LinkIndex: Sendable {
  public let glossary: Glossary
  let data: LinkData
  let forms: [IndexedForm]
  /// Exact keys of the literal, folded, latin and romanization levels, in that order.
  let exact: [ExactKeys]
  static let exactLevels: [NameLevel] = [.literal, .folded, .latin, .romanization]
  /// Forms by the `keyHash` of a token's romanization key, and of its skeleton.
  let romanPostings: [UInt64: [Int32]]
  let phoneticPostings: [UInt64: [Int32]]
  /// Rare tokens weigh more, by romanization key: the inverse document frequency
  /// ln(1 + entities / entities with the token), scaled so that a token of one entity weighs 3
  /// and clipped at 1. The clip keeps a common token from weighing nothing: a name with one
  /// token unaccounted for never scores above 3/4, however common the rest.
  let tokenWeights: [UInt64: Double]
  /// The weight of a token no entity has.
  let unknownTokenWeight: Double

  /// Indexes `glossary`; `progress` is called now and then with the entities done so far.
  public init(
    glossary: Glossary, data given: LinkData? = nil, progress: ((Int) -> Void)? = nil
  ) throws(NameError) {
    let data: LinkData
    if let given { data = given } else { data = try LinkData.builtIn() }
    self.glossary = glossary
    self.data = data
    let normalizer = try NameNormalizer()
    var french: Transliterator?
    if let rules = data.frenchRules {
      do {
        french = try Transliterator(id: "Crosswalk-Cyrillic-Latin-French", rules: rules)
      } catch {
        throw .invalidRules(file: LinkData.frenchRulesFile, line: nil, message: error.description)
      }
    }

    var forms: [IndexedForm] = []
    var exact = [ExactKeys](repeating: ExactKeys(), count: Self.exactLevels.count)
    var frenchTokens: [String: String] = [:]
    var romanPostings: [UInt64: [Int32]] = [:]
    var phoneticPostings: [UInt64: [Int32]] = [:]
    var entitiesWithToken: [UInt64: Int] = [:]

    for (entityIndex, entity) in glossary.entities.enumerated() {
      if entityIndex % 10_000 == 0 { progress?(entityIndex) }
      var entityTokens: Set<UInt64> = []
      for (nameIndex, name) in entity.names.enumerated() {
        var variants: [(text: String, form: String?)] = [(name.text, nil)]
        if let french, name.text.unicodeScalars.contains(where: { Script(of: $0) == .cyrillic }) {
          // Token by token, remembered: names repeat their tokens.
          var parts: [String] = []
          for token in name.text.split(separator: " ") {
            if let known = frenchTokens[String(token)] {
              parts.append(known)
              continue
            }
            do {
              let latin = try french.transliterate(String(token))
              if frenchTokens.count > 200_000 { frenchTokens.removeAll(keepingCapacity: true) }
              frenchTokens[String(token)] = latin
              parts.append(latin)
            } catch {
              throw .icu(error)
            }
          }
          let latin = parts.joined(separator: " ")
          if latin != name.text { variants.append((latin, "French transliteration")) }
        }
        for (text, form) in variants {
          let keys = try normalizer.keys(for: text)
          let tokens = indexedTokens(keys)
          if tokens.isEmpty { continue }
          let formID = Int32(forms.count)
          forms.append(
            IndexedForm(
              entity: Int32(entityIndex), name: Int32(nameIndex), form: form, tokens: tokens))
          for (position, level) in Self.exactLevels.enumerated() {
            exact[position].add(exactKey(keys, level), formID)
          }
          for token in tokens where !token.isInitial {
            appendUnique(&romanPostings[token.romanHash, default: []], formID)
            appendUnique(&phoneticPostings[token.phoneticHash, default: []], formID)
            entityTokens.insert(token.romanHash)
          }
        }
      }
      for token in entityTokens { entitiesWithToken[token, default: 0] += 1 }
    }
    progress?(glossary.entities.count)

    let count = Double(max(1, glossary.entities.count))
    let rarest = log(1 + count)
    self.forms = forms
    self.exact = exact
    self.romanPostings = romanPostings
    self.phoneticPostings = phoneticPostings
    self.tokenWeights = entitiesWithToken.mapValues {
      min(3, max(1, 3 * log(1 + count / Double($0)) / rarest))
    }
    self.unknownTokenWeight = 3
  }

  /// The weight of a token by its romanization key.
  func weight(of token: IndexedToken) -> Double { tokenWeights[token.romanHash] ?? unknownTokenWeight }

  /// The forms whose key at `level` (one of `exactLevels`) is `key`.
  func exactForms(_ level: Int, _ keys: NameKeys) -> [Int32] {
    exact[level].forms(exactKey(keys, Self.exactLevels[level]))
  }

  /// Names indexed (forms included).
  public var formCount: Int { forms.count }
}

/// A name's tokens at the latin, romanization and phonetic levels, which split alike.
func indexedTokens(_ keys: NameKeys) -> [IndexedToken] {
  let latin = keys.latin.split(separator: " ")
  let roman = keys.romanization.split(separator: " ")
  let phonetic = keys.phonetic.split(separator: " ")
  guard latin.count == roman.count, roman.count == phonetic.count else {
    // Should not happen (the normalizer builds them token by token); fall back to romanization.
    return roman.map { IndexedToken(latin: String($0), romanKey: String($0), phonetic: String($0)) }
  }
  return (0..<roman.count).map { index in
    IndexedToken(
      latin: String(latin[index]), romanKey: String(roman[index]), phonetic: String(phonetic[index]))
  }
}

/// The exact key of a level: the literal name as it is; the other levels with token order
/// ignored (Kishida Fumio = Fumio Kishida).
func exactKey(_ keys: NameKeys, _ level: NameLevel) -> UInt64 {
  level == .literal ? keyHash(keys.literal) : tokenSetHash(keys.key(level))
}

/// 64-bit FNV-1a over the UTF-8 bytes, then mixed: Swift's String hashing normalizes text
/// first, far slower for the millions of keys of a large glossary.
func keyHash(_ text: some StringProtocol) -> UInt64 {
  var hash: UInt64 = 0xcbf2_9ce4_8422_2325
  for byte in text.utf8 {
    hash ^= UInt64(byte)
    hash &*= 0x0000_0100_0000_01b3
  }
  return mix(hash)
}

/// A hash of a key's space-separated tokens that ignores their order (but not repeats).
func tokenSetHash(_ key: String) -> UInt64 {
  var hashes: [UInt64] = []
  for token in key.utf8.split(separator: UInt8(ascii: " ")) {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in token {
      hash ^= UInt64(byte)
      hash &*= 0x0000_0100_0000_01b3
    }
    hashes.append(mix(hash))
  }
  if hashes.count == 1 { return hashes[0] }
  hashes.sort()
  return hashes.reduce(0x9E37_79B9_7F4A_7C15) { mix($0 ^ $1) &+ 0x9E37_79B9_7F4A_7C15 }
}

/// The finalizer of SplitMix64: spreads every input bit over the output.
@inline(__always)
private func mix(_ value: UInt64) -> UInt64 {
  var z = value
  z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
  z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
  return z ^ (z >> 31)
}

/// A key with its tokens in sorted order, so that token order does not matter.
func sortedTokens(_ key: String) -> String {
  let tokens = key.split(separator: " ")
  return tokens.count < 2 ? key : tokens.sorted().joined(separator: " ")
}

private func appendUnique(_ list: inout [Int32], _ id: Int32) {
  if list.last != id { list.append(id) }
}
