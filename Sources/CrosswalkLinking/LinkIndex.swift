import CrosswalkCore
import CrosswalkGlossaryData
import CrosswalkICU
import CrosswalkNames
import Foundation

/// A glossary name as indexed: the name as written, or another Latin form of it (a Cyrillic name
/// in French transliteration).
struct IndexedForm: Sendable {
  let entity: Int32
  /// Position in the entity's `names`.
  let name: Int32
  /// How this form was made from the name, when it is not the name itself.
  let form: String?
  /// Its tokens in the index's `tokens`: one array for all, not one per form.
  let firstToken: Int32
  let tokenCount: Int32
}

/// Exact keys of one level: most keys belong to one name, so a key maps to that name's form, or
/// (negative) to a list of forms in `overflow`. One array per key would cost a million
/// allocations for a large glossary. Keys are 64-bit hashes (`NameAnalysis.exactHash`).
struct ExactKeys: Sendable {
  private var single: [UInt64: Int32] = [:]
  private var overflow: [[Int32]] = []

  init(capacity: Int = 0) { single.reserveCapacity(capacity) }

  mutating func add(_ key: UInt64, _ form: Int32) {
    // One probe of the table: most keys are new.
    let absent = Int32.min
    let known = single[key, default: absent]
    if known == absent {
      single[key] = form
    } else if known >= 0 {
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

/// The data the linker needs besides the glossary and the name rules: confusions and kanji name
/// readings. Built in by default.
public struct LinkData: Sendable {
  public var confusions: ConfusionTable
  public var readings: NameReadings
  public static func builtIn() throws(NameError) -> LinkData {
    guard let confusions = EmbeddedGlossaries.file(ConfusionTable.file) else {
      throw .missingRules(file: ConfusionTable.file)
    }
    var readings = NameReadings()
    if let text = EmbeddedGlossaries.file(NameReadings.file) { readings = try NameReadings(text: text) }
    return LinkData(confusions: try ConfusionTable(text: confusions), readings: readings)
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
  private let tokens: [NameToken]
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
  /// The entities each entity is declared distinct from (both ways), by position.
  private let distinct: [Int32: [Int32]]

  /// Indexes `glossary`; `progress` is called now and then with the entities done so far.
  public init(
    glossary: Glossary, data given: LinkData? = nil, progress: ((Int) -> Void)? = nil
  ) throws(NameError) {
    let data: LinkData
    if let given { data = given } else { data = try LinkData.builtIn() }
    self.glossary = glossary
    self.data = data
    let normalizer = try NameNormalizer()
    let nameCount = glossary.entities.reduce(0) { $0 + $1.nameCount }
    var forms: [IndexedForm] = []
    forms.reserveCapacity(nameCount * 3 / 2)
    var tokens: [NameToken] = []
    tokens.reserveCapacity(nameCount * 3)
    var exact = [ExactKeys](repeating: ExactKeys(capacity: nameCount * 3 / 2), count: Self.exactLevels.count)
    var romanPostings: [UInt64: [Int32]] = [:]
    var phoneticPostings: [UInt64: [Int32]] = [:]
    var entitiesWithToken: [UInt64: Int] = [:]
    var distinct: [Int32: [Int32]] = [:]
    let entityIndices = Dictionary(
      glossary.entities.enumerated().map { ($0.element.id, Int32($0.offset)) }, uniquingKeysWith: { a, _ in a })

    for (entityIndex, entity) in glossary.entities.enumerated() {
      if entityIndex % 10_000 == 0 { progress?(entityIndex) }
      for other in entity.distinct {
        guard let otherIndex = entityIndices[other] else { continue }
        distinct[Int32(entityIndex), default: []].append(otherIndex)
        distinct[otherIndex, default: []].append(Int32(entityIndex))
      }
      var entityTokens: [UInt64] = []
      func add(_ analysis: NameAnalysis, name: Int, form: String?) {
        let firstToken = tokens.count
        analysis.appendTokens(to: &tokens)
        if tokens.count == firstToken { return }
        let formID = Int32(forms.count)
        forms.append(
          IndexedForm(
            entity: Int32(entityIndex), name: Int32(name), form: form, firstToken: Int32(firstToken),
            tokenCount: Int32(tokens.count - firstToken)))
        for (position, level) in Self.exactLevels.enumerated() {
          exact[position].add(analysis.exactHash(level), formID)
        }
        for token in tokens[firstToken...] where !token.isInitial {
          appendUnique(&romanPostings[token.romanHash, default: []], formID)
          appendUnique(&phoneticPostings[token.phoneticHash, default: []], formID)
          if !entityTokens.contains(token.romanHash) { entityTokens.append(token.romanHash) }
        }
      }
      for position in 0..<entity.nameCount {
        let analysis = try normalizer.analyze(entity.name(at: position).text)
        add(analysis, name: position, form: nil)
        if let french = try normalizer.frenchForm(of: analysis) {
          add(french, name: position, form: "French transliteration")
        }
      }
      for token in entityTokens { entitiesWithToken[token, default: 0] += 1 }
    }
    progress?(glossary.entities.count)

    let count = Double(max(1, glossary.entities.count))
    let rarest = log(1 + count)
    self.forms = forms
    self.tokens = tokens
    self.exact = exact
    self.romanPostings = romanPostings
    self.phoneticPostings = phoneticPostings
    self.tokenWeights = entitiesWithToken.mapValues {
      min(3, max(1, 3 * log(1 + count / Double($0)) / rarest))
    }
    self.unknownTokenWeight = 3
    self.distinct = distinct
  }

  /// Whether the glossary declares the two entities distinct (look-alikes never confused).
  func areDistinct(_ a: Int32, _ b: Int32) -> Bool { distinct[a]?.contains(b) ?? false }

  /// Whether any entity declares another distinct.
  var hasDistinctEntities: Bool { !distinct.isEmpty }

  /// The tokens of a form.
  func tokens(of form: Int32) -> ArraySlice<NameToken> {
    let indexed = forms[Int(form)]
    let first = Int(indexed.firstToken)
    return tokens[first..<(first + Int(indexed.tokenCount))]
  }

  /// The weight of a token by its romanization key.
  func weight(of token: NameToken) -> Double { tokenWeights[token.romanHash] ?? unknownTokenWeight }

  /// The forms whose key at `exactLevels[level]` is the name's.
  func exactForms(_ level: Int, _ name: NameAnalysis) -> [Int32] {
    exact[level].forms(name.exactHash(Self.exactLevels[level]))
  }

  /// Names indexed (forms included).
  public var formCount: Int { forms.count }
}

/// A key with its tokens in sorted order, so that token order does not matter.
func sortedTokens(_ key: String) -> String {
  let tokens = key.split(separator: " ")
  return tokens.count < 2 ? key : tokens.sorted().joined(separator: " ")
}

private func appendUnique(_ list: inout [Int32], _ id: Int32) {
  if list.last != id { list.append(id) }
}
