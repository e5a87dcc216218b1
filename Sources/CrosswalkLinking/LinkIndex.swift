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
  private var single: HashedKeyTable<Int32>
  private var overflow: [[Int32]] = []

  /// The keys of `forms[i]` are `keys[i]`; forms come in ascending order. The table is filled
  /// in the order of its slots, not of the forms: a large table is then written front to
  /// back instead of at random, which halves the cost of building it.
  init(keys: [UInt64], forms: [Int32]) {
    single = HashedKeyTable(capacity: keys.count, filler: 0)
    for position in single.fillingOrder(of: keys) { add(keys[position], forms[position]) }
  }

  private mutating func add(_ key: UInt64, _ form: Int32) {
    guard let known = single.insertNew(key, form) else { return }
    if known >= 0 {
      if known == form { return }
      overflow.append([known, form])
      single[key, default: 0] = -Int32(overflow.count)
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
  public let data: LinkData
  /// The words of the glossary's names, read once here and shared with every linker.
  let knownWords: KnownWords
  /// `Linker.canPair` by the token's `romanHash`, as the linkers of all threads work it out.
  let pairableTokens = SharedKeyTable<Bool>(limit: 200_000)
  let forms: [IndexedForm]
  private let tokens: [NameToken]
  /// The weight of each token of `tokens` (see `tokenWeights`).
  private let tokenWeightList: [Double]
  /// Each form's tokens' total weight, and the largest (initials count: they can pair).
  let formWeights: [Double]
  let heaviestForm: Double
  /// Exact keys of the literal, folded, latin and romanization levels, in that order.
  let exact: [ExactKeys]
  static let exactLevels: [NameLevel] = [.literal, .folded, .latin, .romanization]
  /// Forms by the `keyHash` of a token's romanization key, and of its skeleton.
  let romanPostings: Postings
  let phoneticPostings: Postings
  /// The glossary's distinct tokens (initials aside) by the hash of their sound skeleton, and
  /// by the hashes of the skeleton with one letter deleted: the known confusions that change a
  /// skeleton mostly drop one consonant (Hiroka for Hirokazu, ж lost between vowels).
  /// Each distinct token once, so that a partner is an index into this list.
  let partnerTokens: [NameToken]
  private let partnersBySkeleton: [UInt64: [Int32]]
  private let partnersByShorterSkeleton: [UInt64: [Int32]]
  /// The glossary's initials (the A. of A. Rudenko): a token that starts with one can pair.
  private let initials: Set<Unicode.Scalar>
  /// Rare tokens weigh more, by romanization key: the inverse document frequency
  /// ln(1 + entities / entities with the token), scaled so that a token of one entity weighs 3
  /// and clipped at 1. The clip keeps a common token from weighing nothing: a name with one
  /// token unaccounted for never scores above 3/4, however common the rest.
  let tokenWeights: HashedKeyTable<Double>
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
    var exactKeys = [[UInt64]](repeating: [], count: Self.exactLevels.count)
    for level in exactKeys.indices { exactKeys[level].reserveCapacity(nameCount * 3 / 2) }
    var exactForms: [Int32] = []
    var romanKeys: [UInt64] = [], phoneticKeys: [UInt64] = [], postedForms: [Int32] = []
    var entitiesWithToken = HashedKeyTable<Int>(filler: 0)
    var distinct: [Int32: [Int32]] = [:]

    for (entityIndex, entity) in glossary.entities.enumerated() {
      if entityIndex % 10_000 == 0 { progress?(entityIndex) }
      for other in entity.distinct {
        guard let position = glossary.position(of: other) else { continue }
        let otherIndex = Int32(position)
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
          exactKeys[position].append(analysis.exactHash(level))
        }
        exactForms.append(formID)
        for token in tokens[firstToken...] where !token.isInitial {
          romanKeys.append(token.romanHash)
          phoneticKeys.append(token.phoneticHash)
          postedForms.append(formID)
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
    self.exact = exactKeys.map { ExactKeys(keys: $0, forms: exactForms) }
    self.romanPostings = Postings(keys: romanKeys, forms: postedForms)
    var partnerTokens: [NameToken] = []
    var partnersBySkeleton: [UInt64: [Int32]] = [:], partnersByShorterSkeleton: [UInt64: [Int32]] = [:]
    var skeletonTokenSeen = Set<UInt64>()
    for token in tokens where !token.isInitial && skeletonTokenSeen.insert(token.romanHash).inserted {
      let partner = Int32(partnerTokens.count)
      partnerTokens.append(token)
      partnersBySkeleton[token.phoneticHash, default: []].append(partner)
      for key in Self.shorterSkeletons(token) { partnersByShorterSkeleton[key, default: []].append(partner) }
    }
    self.partnerTokens = partnerTokens
    self.partnersBySkeleton = partnersBySkeleton
    self.partnersByShorterSkeleton = partnersByShorterSkeleton
    self.initials = Set(tokens.filter(\.isInitial).compactMap(\.latin.unicodeScalars.first))
    self.phoneticPostings = Postings(keys: phoneticKeys, forms: postedForms)
    let tokenWeights = entitiesWithToken.mapValues(filler: 0) {
      min(3, max(1, 3 * log(1 + count / Double($0)) / rarest))
    }
    self.tokenWeights = tokenWeights
    self.unknownTokenWeight = 3
    let tokenWeightList = tokens.map { [tokenWeights] in tokenWeights[$0.romanHash] ?? 3 }
    self.tokenWeightList = tokenWeightList
    let formWeights = forms.map { form in
      tokenWeightList[Int(form.firstToken)..<Int(form.firstToken + form.tokenCount)].reduce(0, +)
    }
    self.formWeights = formWeights
    self.heaviestForm = formWeights.max() ?? 0
    self.distinct = distinct
    self.knownWords = normalizer.wordsRead
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

  /// The weights of a form's tokens, in the order of `tokens(of:)`.
  func weights(of form: Int32) -> ArraySlice<Double> {
    let indexed = forms[Int(form)]
    let first = Int(indexed.firstToken)
    return tokenWeightList[first..<(first + Int(indexed.tokenCount))]
  }

  /// Whether some glossary name has an initial (the A. of A. Rudenko).
  var hasInitials: Bool { !initials.isEmpty }

  /// The glossary tokens that `token` might pair with, as positions in `partnerTokens`, each
  /// once: those whose sound skeleton is its own, or one letter longer or shorter; and whether a
  /// glossary initial can take it.
  func possiblePartners(of token: NameToken) -> (tokens: [Int32], initial: Bool) {
    var partners = partnersBySkeleton[token.phoneticHash] ?? []
    partners += partnersByShorterSkeleton[token.phoneticHash] ?? []
    // The three lists hold skeletons of three lengths, and each list a token once.
    for key in Self.shorterSkeletons(token) { partners += partnersBySkeleton[key] ?? [] }
    return (partners, token.latin.unicodeScalars.first.map(initials.contains) ?? false)
  }

  /// The hashes of a token's skeleton with each letter deleted in turn, each skeleton once.
  private static func shorterSkeletons(_ token: NameToken) -> [UInt64] {
    let letters = Array(token.phonetic.unicodeScalars)
    guard letters.count > 1 else { return [] }
    // Deleting any letter of a run of one letter gives the same skeleton: the first is deleted.
    return letters.indices.filter { $0 == 0 || letters[$0] != letters[$0 - 1] }.map { skipped in
      var hasher = KeyHasher()
      for index in letters.indices where index != skipped { hasher.add(letters[index]) }
      return hasher.value
    }
  }

  /// Whether two skeletons are equal or a letter added or dropped apart: the pairs
  /// `possiblePartners` finds. True for anything but ASCII (not decided here).
  static func skeletonsWithinOneLetter(_ a: String, _ b: String) -> Bool {
    var a = a, b = b
    return a.withUTF8 { x in
      b.withUTF8 { y in
        guard x.allSatisfy({ $0 < 0x80 }), y.allSatisfy({ $0 < 0x80 }) else { return true }
        let (long, short) = x.count >= y.count ? (x, y) : (y, x)
        guard long.count - short.count <= 1 else { return false }
        var i = 0
        while i < short.count, long[i] == short[i] { i += 1 }
        // Past the first difference, the rest agrees with the longer one's letter dropped.
        return i == short.count || (long.count > short.count && long[(i + 1)...].elementsEqual(short[i...]))
      }
    }
  }

  /// The weight of a token by its romanization key.
  func weight(of token: NameToken) -> Double { tokenWeights[token.romanHash] ?? unknownTokenWeight }

  /// The forms whose key at `exactLevels[level]` is the name's.
  func exactForms(_ level: Int, _ name: NameAnalysis) -> [Int32] {
    exact[level].forms(name.exactHash(Self.exactLevels[level]))
  }

  /// Names indexed (forms included).
  public var formCount: Int { forms.count }

  /// The readings of Japanese names this index links kanji names with.
  public var readings: NameReadings { data.readings }
}

/// A key with its tokens in sorted order, so that token order does not matter.
func sortedTokens(_ key: String) -> String {
  let tokens = key.split(separator: " ")
  return tokens.count < 2 ? key : tokens.sorted().joined(separator: " ")
}

/// Forms by token key: each key's forms, ascending and once each, in one array for all keys.
struct Postings: Sendable {
  private let lists: HashedKeyTable<Range<Int32>>
  private let forms: [Int32]

  /// `forms[i]` has a token whose key is `keys[i]`; forms come in ascending order.
  init(keys: [UInt64], forms given: [Int32]) {
    // Count each key's forms, lay the lists out one after another, then fill them.
    var ids = HashedKeyTable<Int32>(capacity: keys.count / 4, filler: 0)
    var counts: [Int32] = [], last: [Int32] = []
    var listOfPair = [Int32](repeating: -1, count: keys.count)
    for (position, key) in keys.enumerated() {
      let id = ids.insertNew(key, Int32(counts.count)) ?? Int32(counts.count)
      if Int(id) == counts.count {
        counts.append(0)
        last.append(-1)
      }
      guard last[Int(id)] != given[position] else { continue }
      last[Int(id)] = given[position]
      counts[Int(id)] += 1
      listOfPair[position] = id
    }
    var starts = [Int32](repeating: 0, count: counts.count + 1)
    for id in counts.indices { starts[id + 1] = starts[id] + counts[id] }
    var forms = [Int32](repeating: 0, count: Int(starts[counts.count]))
    var next = starts
    for (position, id) in listOfPair.enumerated() where id >= 0 {
      forms[Int(next[Int(id)])] = given[position]
      next[Int(id)] += 1
    }
    var lists = HashedKeyTable<Range<Int32>>(capacity: counts.count, filler: 0..<0)
    ids.forEach { key, id in lists[key, default: 0..<0] = starts[Int(id)]..<starts[Int(id) + 1] }
    self.lists = lists
    self.forms = forms
  }

  /// The forms with a token of this key, ascending; nil when none has.
  subscript(key: UInt64) -> ArraySlice<Int32>? {
    guard let range = lists[key] else { return nil }
    return forms[Int(range.lowerBound)..<Int(range.upperBound)]
  }
}
