import CrosswalkCore
import CrosswalkICU
import CrosswalkNames

/// Another entity a query could be, with its score.
public struct LinkCandidate: Sendable, Equatable {
  public let entity: Entity
  public let score: Double
  /// The glossary name that scored best.
  public let matchedName: EntityName
}

/// What a query links to, and why.
public struct Resolution: Sendable {
  public let query: String
  /// The linked entity, or nil when no candidate reaches the threshold or two tie.
  public let entity: Entity?
  /// The score of the best candidate (linked or not), 0…1.
  public let score: Double
  /// How the best candidate matched: literal, folded, latin, romanization (a level whose key
  /// was equal), fuzzy (the weighted edit distance) or kanji-reading; nil when nothing matched.
  public let method: String?
  /// The glossary name that matched.
  public let matchedName: EntityName?
  /// The steps and rules behind the score, in words.
  public let explanation: [String]
  /// The confusions that fired, with their routes.
  public let rules: [FiredRule]
  /// Languages the matched rendering betrays (a variant's route, the confusions' routes).
  public let routes: [String]
  /// The best candidates, best first (the linked entity among them).
  public let candidates: [LinkCandidate]

  /// One line: `Gunashiri → Kunashir (place) 0.85: …`.
  public var summary: String {
    let score = String(format: "%.2f", self.score)
    guard let entity else {
      return "\(query) → nothing"
        + (candidates.first.map { " (best: \($0.entity.name), \(String(format: "%.2f", $0.score)))" } ?? "")
        + (explanation.isEmpty ? "" : ": " + explanation.joined(separator: "; "))
    }
    return "\(query) → \(entity.name) (\(entity.type)) \(score): "
      + explanation.joined(separator: "; ")
  }
}

/// Resolutions by the `keyHash` of their surface, nil among them (nothing linked): what a
/// caller that links the same surfaces again and again remembers. Not a dictionary of strings:
/// Swift's string hashing normalizes every string it hashes.
public struct ResolutionMemo {
  private var positions = HashedKeyTable<Int32>(filler: -1)
  private var resolutions: [Resolution?] = []

  public init() {}

  /// Surfaces remembered.
  public var count: Int { resolutions.count }

  /// The resolution remembered for `hash` (itself nil when nothing linked), or nil when none is.
  public func link(_ hash: UInt64) -> Resolution?? {
    guard let position = positions[hash] else { return nil }
    return .some(resolutions[Int(position)])
  }

  public mutating func insert(_ resolution: Resolution?, for hash: UInt64) {
    if positions.insertNew(hash, Int32(resolutions.count)) == nil { resolutions.append(resolution) }
  }
}

/// Links names to glossary entities through a `LinkIndex`. Holds ICU handles: one per thread.
public final class Linker {
  /// The documented default: a link needs every token of the name accounted for, with at most
  /// known confusions between them (docs/names.md 'Linking').
  public static let defaultThreshold = 0.8

  public let index: LinkIndex
  public var threshold: Double
  private let normalizer: NameNormalizer

  /// A query longer than this (in Unicode scalars or tokens) is not a name: nothing links.
  static let maxScalars = 256
  static let maxTokens = 12
  /// Fuzzy candidates scored per query, the best by shared rare tokens.
  static let candidateLimit = 12
  /// A posting list longer than this only confirms candidates found through rarer tokens.
  static let postingCap = 500
  /// Names sharing one exact key that are looked at (more are a tie all the same).
  static let exactLimit = 64
  /// Past the first token's candidates, a list longer than this adds none of its own.
  static let confirmOnly = 64
  /// Two entities this close are a tie: nothing links.
  static let tieMargin = 0.005
  /// Two tokens pair only this similar or more: one unexplained letter (0.5) is too many.
  static let tokenFloor = 0.7
  /// Candidates below this score are not listed.
  static let listedScore = 0.3

  public convenience init(index: LinkIndex, threshold: Double = Linker.defaultThreshold) throws(NameError) {
    let normalizer = try NameNormalizer(knownWords: index.knownWords)
    self.init(index: index, threshold: threshold, normalizer: normalizer)
  }

  /// A linker on another index that reads names with `other`'s normalizer, on the same thread:
  /// a name linked to both indexes (the glossary, then the known names) is read once.
  public convenience init(index: LinkIndex, threshold: Double, readingLike other: Linker) {
    self.init(index: index, threshold: threshold, normalizer: other.normalizer)
  }

  private init(index: LinkIndex, threshold: Double, normalizer: NameNormalizer) {
    self.index = index
    self.threshold = threshold
    self.normalizer = normalizer
    confusions = index.data.confusions
  }

  /// The index's, held here: reached through the index, the table was copied (and its arrays
  /// retained) at every token pair.
  private let confusions: ConfusionTable

  /// How much a resolution does: the full account, or only what decides the link.
  private struct Effort {
    /// Explanations and the candidate list.
    var explains: Bool
    /// Candidates that cannot score this much are dropped unscored (0: none is).
    var cutoff: Double
  }

  /// The link for `query`, explained, with the `top` candidates (linked or not).
  public func resolve(_ query: String, top: Int = 3) throws(NameError) -> Resolution {
    try resolve(query, top: top, effort: Effort(explains: true, cutoff: 0))
  }

  /// The link for `query` and no more: the same entity, score and method as `resolve` when it
  /// links, but no explanation or candidates, and when nothing links the score is 0. Candidates
  /// that cannot reach the threshold are abandoned as soon as that is certain, which makes this
  /// several times cheaper for names the glossary does not have (most names in running text).
  public func link(_ query: String) throws(NameError) -> Resolution {
    let result = try resolve(query, top: 1, effort: Effort(explains: false, cutoff: threshold))
    guard result.entity != nil else {
      return Resolution(
        query: query, entity: nil, score: 0, method: nil, matchedName: nil, explanation: [], rules: [],
        routes: [], candidates: [])
    }
    return Resolution(
      query: query, entity: result.entity, score: result.score, method: result.method,
      matchedName: result.matchedName, explanation: [], rules: [], routes: [], candidates: [])
  }

  private func resolve(_ query: String, top: Int, effort: Effort) throws(NameError) -> Resolution {
    let scalars = query.unicodeScalars.count
    if scalars > Self.maxScalars {
      return nothing(query, because: "longer than a name (\(scalars) characters)")
    }
    let name = try normalizer.analyze(query)
    if name.isEmpty { return nothing(query, because: name.isBlank ? "empty" : "no letters") }
    let count = name.tokens.count
    if count > Self.maxTokens { return nothing(query, because: "longer than a name (\(count) words)") }
    var best = try score(query: query, name: name, top: top, effort: effort)
    if (best.entity == nil) && !index.data.readings.isEmpty
      && query.unicodeScalars.contains(where: { Script(of: $0) == .han })
    {
      if let read = try readKanji(query, top: top, effort: effort), read.score > best.score { best = read }
    }
    return best
  }

  private func nothing(_ query: String, because reason: String) -> Resolution {
    Resolution(
      query: query, entity: nil, score: 0, method: nil, matchedName: nil, explanation: [reason],
      rules: [], routes: [], candidates: [])
  }

  // MARK: Scoring

  private struct Scored {
    var form: Int32
    var score: Double
    var method: String
  }

  private func score(query: String, name: NameAnalysis, top: Int, effort: Effort) throws(NameError)
    -> Resolution
  {
    let tokens = name.tokens
    let queryWeights = tokens.map { index.weight(of: $0) }
    var scored: [Scored] = []
    // When linking, the weight of the tokens that can pair with no glossary token counts
    // against every candidate (`canPair`). Most capitalized words in running text are names
    // the glossary does not have: this settles them before any candidate is looked at.
    var unpairable = 0.0
    // The best a pair can score: 1, but 0.85 when only initials can pair (F. for Fumio), unless
    // the glossary has initials too.
    var ceiling = 1.0
    if effort.cutoff > 0 {
      var pairable = false
      for (position, token) in tokens.enumerated() where !token.isInitial {
        if canPair(token) { pairable = true } else { unpairable += queryWeights[position] }
      }
      if !pairable { ceiling = tokens.contains(where: \.isInitial) ? (index.hasInitials ? 1 : 0.85) : 0 }
    }
    /// Whether a name of this weight can reach the cutoff with all its tokens paired.
    func canReachCutoff(_ weight: Double) -> Bool { ceiling * weight >= effort.cutoff * (weight + unpairable) }
    guard canReachCutoff(index.heaviestForm) else {
      return decide(
        query: query, name: name, weights: queryWeights, scored: [], looked: 0, top: top, explains: false)
    }
    // Exact keys first: the finest level that matches is the method, and coarser levels could
    // only add weaker candidates. A key shared by very many names is a tie whatever the rest.
    // (An unpairable token is in no glossary name: no exact key can match.)
    let exactScores: [Double] = [1.0, 0.99, 0.97, 0.95]
    for (position, level) in LinkIndex.exactLevels.enumerated() where unpairable == 0 {
      let forms = index.exactForms(position, name)
      if forms.isEmpty { continue }
      for form in forms.prefix(Self.exactLimit) {
        scored.append(Scored(form: form, score: exactScores[position], method: level.rawValue))
      }
      break
    }
    // A fuzzy score stays below every exact one: with an exact match, fuzzy candidates could
    // neither win nor tie, so they are not looked for.
    var looked = scored.count
    if scored.isEmpty {
      let candidates = fuzzyCandidates(tokens, queryWeights)
      looked = candidates.count
      for form in candidates where canReachCutoff(index.formWeights[Int(form)]) {
        let value = alignment(
          tokens, queryWeights, index.tokens(of: form), index.weights(of: form), explain: false,
          cutoff: effort.cutoff
        ).score
        if value > 0 { scored.append(Scored(form: form, score: min(0.94, value), method: "fuzzy")) }
      }
    }
    return decide(
      query: query, name: name, weights: queryWeights, scored: scored, looked: looked, top: top,
      explains: effort.explains)
  }

  private struct Hit {
    var weight: Double
    var lastToken: Int

    /// A token counts once, however many of the name's tokens it matches.
    mutating func add(_ tokenWeight: Double, from token: Int) {
      guard token != lastToken else { return }
      weight += tokenWeight
      lastToken = token
    }
  }

  /// Forms that share tokens with the query, by romanization key or phonetic skeleton, the
  /// best `candidateLimit` by the weight of the tokens they share. Rare tokens go first; a
  /// token whose posting list is longer than `postingCap` only confirms forms already found.
  private func fuzzyCandidates(_ tokens: [NameToken], _ weights: [Double]) -> [Int32] {
    // A token the glossary has is looked up by its romanization key; only a token it does not
    // have (a misspelling, another route's rendering) is looked up by its skeleton, whose lists
    // are long.
    let lists = tokens.indices.filter { !tokens[$0].isInitial }.compactMap {
      position -> (Int, ArraySlice<Int32>)? in
      let token = tokens[position]
      guard let list = index.romanPostings[token.romanHash] ?? index.phoneticPostings[token.phoneticHash]
      else { return nil }
      return (position, list)
    }.sorted { $0.1.count < $1.1.count }
    hits.removeAll(keepingCapacity: true)
    for (position, list) in lists {
      // Once rarer tokens have found candidates, a long list only confirms them.
      if list.count > Self.postingCap || (!hits.isEmpty && list.count > Self.confirmOnly) {
        for form in Array(hits.keys) where list.binarySearchContains(form) {
          credit(form, position, weights[position])
        }
      } else {
        for form in list { credit(form, position, weights[position]) }
      }
    }
    if hits.count <= Self.candidateLimit { return hits.keys.sorted() }
    // The best `candidateLimit` by shared weight (ties by form), kept sorted as hits stream by.
    func before(_ a: (form: Int32, weight: Double), _ b: (form: Int32, weight: Double)) -> Bool {
      a.weight != b.weight ? a.weight > b.weight : a.form < b.form
    }
    var best: [(form: Int32, weight: Double)] = []
    best.reserveCapacity(Self.candidateLimit + 1)
    for (form, hit) in hits {
      let candidate = (form: form, weight: hit.weight)
      if best.count == Self.candidateLimit, let last = best.last, !before(candidate, last) { continue }
      let position = best.firstIndex { before(candidate, $0) } ?? best.count
      best.insert(candidate, at: position)
      if best.count > Self.candidateLimit { best.removeLast() }
    }
    return best.map(\.form)
  }

  /// Whether a query token can pair with some glossary token: the glossary has it (by its
  /// romanization key), it starts with a glossary initial, or a glossary token whose sound
  /// skeleton is a letter longer, shorter or the same as its own is within known confusions of
  /// it. Known confusions mostly change no more of a skeleton (a test counts the exceptions
  /// among the glossary's tokens and their misspellings), but not all: Petuxov (x for х read
  /// as ks) is no partner of Petukhov here, so `link` misses a few names that `resolve` links
  /// (docs/names.md 'Linking').
  private func canPair(_ token: NameToken) -> Bool {
    if index.romanPostings[token.romanHash] != nil { return true }
    if let known = pairable[token.romanHash], known != 0 { return known == 2 }
    if let shared = index.pairableTokens[token.romanHash] {
      rememberPairable(token, shared)
      return shared
    }
    let partners = index.possiblePartners(of: token)
    // Straight to the edit distance: these pairs are looked at once, and remembering them
    // would crowd the pairs that candidates share out of `similarities`.
    let limit = 2 * (1 - Self.tokenFloor)
    var pairs = partners.initial
    if !pairs, !partners.tokens.isEmpty {
      let mine = prepared(token)
      pairs = partners.tokens.contains { partner in
        confusions.distance(mine, preparedPartner(partner), explain: false, limit: limit).cost <= limit
      }
    }
    rememberPairable(token, pairs)
    index.pairableTokens.insert(pairs, for: token.romanHash)
    return pairs
  }

  private func rememberPairable(_ token: NameToken, _ pairs: Bool) {
    if pairable.count >= 100_000 { pairable.removeAll() }
    pairable[token.romanHash, default: 0] = pairs ? 2 : 1
  }

  /// `canPair` by the token's `romanHash`: 1 no, 2 yes (bounded).
  private var pairable = HashedKeyTable<UInt8>(filler: 0)

  /// Forms found by `fuzzyCandidates` so far, with the weight of the tokens they share: kept
  /// from query to query for its capacity.
  private var hits: [Int32: Hit] = [:]

  @inline(__always)
  private func credit(_ form: Int32, _ token: Int, _ weight: Double) {
    let unseen = Hit(weight: 0, lastToken: -1)
    hits[form, default: unseen].add(weight, from: token)
  }

  /// The best form per entity, ties and look-alikes settled, the winner explained.
  private func decide(
    query: String, name analysis: NameAnalysis, weights: [Double], scored: [Scored], looked: Int, top: Int,
    explains: Bool
  ) -> Resolution {
    // Best first, then the best form of each entity (a handful of candidates: no hashing).
    var ranked: [Scored] = []
    var entities: [Int32] = []
    for candidate in scored.sorted(by: isBetter) {
      let entity = index.forms[Int(candidate.form)].entity
      if entities.contains(entity) { continue }
      entities.append(entity)
      ranked.append(candidate)
    }
    // Look-alikes declared distinct are never both candidates: the weaker one goes.
    if index.hasDistinctEntities {
      var kept: [Scored] = []
      for candidate in ranked {
        let entity = index.forms[Int(candidate.form)].entity
        if !kept.contains(where: { index.areDistinct(entity, index.forms[Int($0.form)].entity) }) {
          kept.append(candidate)
        }
      }
      ranked = kept
    }

    // Candidates too weak to be worth a look are not listed.
    let listed = explains ? ranked.filter { $0.score >= Self.listedScore }.prefix(top) : []
    let candidates = listed.map { candidate in
      let form = index.forms[Int(candidate.form)]
      let entity = index.glossary.entities[Int(form.entity)]
      return LinkCandidate(entity: entity, score: candidate.score, matchedName: entity.name(at: Int(form.name)))
    }
    guard let winner = ranked.first else {
      return Resolution(
        query: query, entity: nil, score: 0, method: nil, matchedName: nil,
        explanation: [
          looked == 0
            ? "no glossary name shares a token or its sound"
            : "\(looked) glossary name\(looked == 1 ? " shares" : "s share") a token's key or sound skeleton,"
              + " but no token is within known confusions of the query's"
        ], rules: [], routes: [], candidates: [])
    }
    let form = index.forms[Int(winner.form)]
    let entity = index.glossary.entities[Int(form.entity)]
    let name = entity.name(at: Int(form.name))
    let (words, rules) = explains ? explain(winner, query: analysis, weights: weights) : ([], [])
    var explanation = words
    var routes: [String] = []
    if let route = name.route { routes.append(route) }
    for rule in rules { if let route = rule.route, !routes.contains(route) { routes.append(route) } }

    var linked: Entity? = winner.score >= threshold ? entity : nil
    if linked != nil, ranked.count > 1, ranked[1].score >= threshold,
      winner.score - ranked[1].score < Self.tieMargin
    {
      linked = nil
      let other = index.glossary.entities[Int(index.forms[Int(ranked[1].form)].entity)]
      explanation.insert("ambiguous: '\(entity.id)' and '\(other.id)' match equally well", at: 0)
    } else if linked == nil && explains {
      explanation.append(
        "below the threshold \(twoDecimals(threshold)) (best: \(entity.id))")
    }
    return Resolution(
      query: query, entity: linked, score: winner.score, method: winner.method, matchedName: name,
      explanation: explanation, rules: rules, routes: linked == nil ? [] : routes,
      candidates: Array(candidates))
  }

  private func isBetter(_ a: Scored, _ b: Scored) -> Bool {
    if a.score != b.score { return a.score > b.score }
    let ka = index.forms[Int(a.form)], kb = index.forms[Int(b.form)]
    // On equal scores, the name itself before a derived form, then glossary order.
    if (ka.form == nil) != (kb.form == nil) { return ka.form == nil }
    return a.form < b.form
  }

  /// The words of an explanation: what was matched, the levels' steps, the confusions.
  private func explain(_ winner: Scored, query: NameAnalysis, weights: [Double]) -> ([String], [FiredRule]) {
    let tokens = query.tokens
    let form = index.forms[Int(winner.form)]
    let entity = index.glossary.entities[Int(form.entity)]
    let name = entity.name(at: Int(form.name))
    var words: [String] = []
    switch name.kind {
    case .canonical: words.append("canonical name '\(name.text)'")
    case .alias:
      words.append("alias '\(name.text)'" + (name.usage.map { " (usage: \($0))" } ?? ""))
    case .variant:
      words.append(
        "known variant '\(name.text)'" + (name.route.map { " (route \($0))" } ?? "")
          + " of '\(entity.name)'")
    }
    if let derived = form.form { words.append("matched in \(derived)") }
    switch winner.method {
    case "literal": break
    case "folded":
      if sortedTokens(query.keys.literal.lowercased()) != sortedTokens(name.text.lowercased()) {
        words.append("case, diacritics and punctuation folded")
      }
    case "latin":
      words.append(contentsOf: query.keys.steps.filter { $0.contains("→ Latin") })
      if !words.contains(where: { $0.contains("→ Latin") }) { words.append("equal in Latin letters") }
    case "romanization":
      words.append("spelling schemes folded (romanization key '\(sortedTokens(query.keys.romanization))')")
    default: break
    }
    var rules: [FiredRule] = []
    if winner.method == "fuzzy" {
      let result = alignment(
        tokens, weights, index.tokens(of: winner.form), index.weights(of: winner.form), explain: true)
      rules = result.rules
      words.append(contentsOf: result.notes)
      words.append(contentsOf: rules.map(\.description))
    } else if name.kind == .variant {
      // Say how a known variant differs from the entity's proper names.
      let proper = entity.names.filter { $0.kind != .variant }
      var bestDifference: (Double, [FiredRule], String)?
      for other in proper {
        guard let otherTokens = try? normalizer.analyze(other.text).tokens else { continue }
        // Any difference is worth saying here, even one too large to pair tokens by.
        let otherWeights = otherTokens.map { index.weight(of: $0) }
        let result = alignment(tokens, weights, otherTokens[...], otherWeights[...], explain: true, floor: 0)
        if result.score > (bestDifference?.0 ?? 0) {
          bestDifference = (result.score, result.rules, other.text)
        }
      }
      if let (_, difference, other) = bestDifference, !difference.isEmpty {
        words.append("differs from '\(other)' by " + difference.map(\.description).joined(separator: ", "))
        rules = difference
      }
    }
    let queryOrder = tokens.map(\.latin), nameOrder = index.tokens(of: winner.form).map(\.latin)
    if queryOrder != nameOrder && queryOrder.sorted() == nameOrder.sorted() {
      words.append("token order ignored")
    }
    return (words, rules)
  }

  // MARK: Token alignment

  /// Pairs the query's tokens with a name's, best pairs first, and scores the pairing: the
  /// weighted mean of the pairs' similarities, where every token left unpaired counts as 0 with
  /// its own weight (initials left over count for nothing: a patronymic initial is no evidence).
  ///
  /// With a `cutoff`, a pairing that cannot score that much is abandoned (score 0) as soon as
  /// that is certain. Pairs score at most 1, so when tokens of weight `unpaired` can have no
  /// partner, the score is at most `paired / (paired + unpaired)` whatever the pairing: the
  /// query's tokens are looked at one by one against all of the name's total weight, and the
  /// name's tokens once every pair's similarity is known.
  func alignment(
    _ query: [NameToken], _ queryWeights: [Double], _ name: ArraySlice<NameToken>,
    _ nameWeights: ArraySlice<Double>, explain: Bool, floor: Double = Linker.tokenFloor,
    cutoff: Double = 0
  ) -> (score: Double, rules: [FiredRule], notes: [String]) {
    // Name tokens by offset 0..<m from `name.startIndex`; similarities row by row.
    let m = name.count, first = name.startIndex
    let nameWeight = nameWeights.reduce(0, +)
    var queryWithoutPartner = 0.0
    func cannotReachCutoff(_ paired: Double, _ unpaired: Double) -> Bool {
      cutoff > 0 && paired < cutoff * (paired + unpaired)
    }
    // Before any similarity: with k = min(query, name) tokens, at most the name's k heaviest
    // tokens pair, and at least the query's lightest tokens beyond k go unpaired (initials,
    // which may go unpaired for nothing, aside).
    if cutoff > 0, query.count != m, !query.contains(where: \.isInitial), !name.contains(where: \.isInitial) {
      let k = min(query.count, m)
      let paired = sumOfLargest(nameWeights, k)
      let unpairedQuery = queryWeights.reduce(0, +) - sumOfLargest(queryWeights[...], k)
      if cannotReachCutoff(paired, nameWeight - paired + unpairedQuery) { return (0, [], []) }
    }
    return withUnsafeTemporaryAllocation(of: Double.self, capacity: query.count * m) { similarity in
      for (q, queryToken) in query.enumerated() {
        var hasPartner = false
        for n in 0..<m {
          let value = tokenSimilarity(queryToken, name[first + n], floor: floor, pruning: cutoff > 0)
          // A pair with an unexplained difference is no pair: both tokens count as extra.
          similarity.initializeElement(at: q * m + n, to: value >= floor ? value : 0)
          hasPartner = hasPartner || value >= floor
        }
        if !hasPartner && !queryToken.isInitial {
          queryWithoutPartner += queryWeights[q]
          if cannotReachCutoff(nameWeight, queryWithoutPartner) {
            return (0, [], [])
          }
        }
      }
      if cutoff > 0 {
        var nameWithPartner = 0.0, nameWithoutPartner = 0.0
        for n in 0..<m {
          let weight = nameWeights[nameWeights.startIndex + n]
          if query.indices.contains(where: { similarity[$0 * m + n] > 0 }) {
            nameWithPartner += weight
          } else if !name[first + n].isInitial {
            nameWithoutPartner += weight
          }
        }
        if cannotReachCutoff(nameWithPartner, queryWithoutPartner + nameWithoutPartner) { return (0, [], []) }
      }
      return pairUp(query, queryWeights, name, nameWeights, similarity, explain: explain)
    }
  }

  /// The greedy pairing of `alignment`, best weighted similarity first.
  private func pairUp(
    _ query: [NameToken], _ queryWeights: [Double], _ name: ArraySlice<NameToken>,
    _ nameWeights: ArraySlice<Double>, _ similarity: UnsafeMutableBufferPointer<Double>, explain: Bool
  ) -> (score: Double, rules: [FiredRule], notes: [String]) {
    let m = name.count, first = name.startIndex, weightsFirst = nameWeights.startIndex
    // Names have a handful of tokens: bit sets, not arrays (at most `maxTokens` on the query side;
    // a glossary name longer than 64 tokens pairs its first 64).
    var queryFree: UInt64 = query.count >= 64 ? .max : (1 << UInt64(query.count)) - 1
    var nameFree: UInt64 = m >= 64 ? .max : (1 << UInt64(m)) - 1
    var pairs: [(q: Int, n: Int)] = []
    while true {
      var best: (q: Int, n: Int, value: Double)?
      for q in 0..<min(query.count, 64) where queryFree & (1 << UInt64(q)) != 0 {
        for n in 0..<min(m, 64) where nameFree & (1 << UInt64(n)) != 0 && similarity[q * m + n] > 0 {
          let value = similarity[q * m + n] * nameWeights[weightsFirst + n]
          if value > (best?.value ?? 0) { best = (q, n, value) }
        }
      }
      guard let best else { break }
      pairs.append((best.q, best.n))
      queryFree &= ~(1 << UInt64(best.q))
      nameFree &= ~(1 << UInt64(best.n))
    }
    func isFree(_ set: UInt64, _ position: Int) -> Bool { position >= 64 || set & (1 << UInt64(position)) != 0 }
    var total = 0.0, weight = 0.0
    for (q, n) in pairs {
      total += similarity[q * m + n] * nameWeights[weightsFirst + n]
      weight += nameWeights[weightsFirst + n]
    }
    for q in query.indices where isFree(queryFree, q) && !query[q].isInitial { weight += queryWeights[q] }
    for n in 0..<m where isFree(nameFree, n) && !name[first + n].isInitial {
      weight += nameWeights[weightsFirst + n]
    }
    let score = weight > 0 ? total / weight : 0
    guard explain else { return (score, [], []) }

    var rules: [FiredRule] = []
    var notes: [String] = []
    for (q, n) in pairs.sorted(by: { $0.q < $1.q }) {
      let (a, b) = (query[q], name[first + n])
      if a.isInitial != b.isInitial {
        notes.append("initial '\(a.isInitial ? a.latin : b.latin).' for '\(a.isInitial ? b.latin : a.latin)'")
      } else {
        rules += confusions.distance(prepared(a), prepared(b), explain: true).rules
      }
    }
    for q in query.indices where isFree(queryFree, q) {
      notes.append(
        query[q].isInitial
          ? "initial '\(query[q].latin).' not in the glossary name"
          : "'\(query[q].latin)' not in the glossary name")
    }
    for n in 0..<m where isFree(nameFree, n) && !name[first + n].isInitial {
      notes.append("'\(name[first + n].latin)' missing from the query")
    }
    return (score, rules, notes)
  }

  /// Initials match the tokens they start at a lower score; other tokens by edit distance.
  /// When `pruning` (linking), a pair whose sound skeletons are more than a letter apart is 0
  /// without aligning: the rule `canPair` rests on.
  private func tokenSimilarity(_ a: NameToken, _ b: NameToken, floor: Double, pruning: Bool) -> Double {
    switch (a.isInitial, b.isInitial) {
    case (true, true): return a.latin == b.latin ? 1 : 0
    case (true, false): return b.latin.hasPrefix(a.latin) ? 0.85 : 0
    case (false, true): return a.latin.hasPrefix(b.latin) ? 0.85 : 0
    case (false, false):
      if a.romanHash == b.romanHash { return 1 }
      if pruning, floor >= Self.tokenFloor, !LinkIndex.skeletonsWithinOneLetter(a.phonetic, b.phonetic) { return 0 }
      // Candidates share tokens (given names, 'Island'): a pair is aligned once.
      let remembered = floor == Self.tokenFloor
      let pair = mix(a.romanHash &+ mix(b.romanHash))
      if remembered, let known = similarities[pair] ?? nil, known.query == a.romanHash,
        known.name == b.romanHash
      {
        return known.similarity
      }
      // Similarity 1 - cost/2: an alignment dearer than the floor allows need not be finished.
      let limit = 2 * (1 - floor)
      let cost = confusions.distance(prepared(a), prepared(b), explain: false, limit: limit).cost
      let similarity = max(0, 1 - cost / 2)
      if remembered {
        if similarities.count >= 100_000 { similarities.removeAll() }
        similarities[pair, default: nil] = Similarity(query: a.romanHash, name: b.romanHash, similarity: similarity)
      }
      return similarity
    }
  }

  private struct Similarity {
    let query: UInt64
    let name: UInt64
    let similarity: Double
  }

  /// Token similarities at the default floor already computed, by the `romanHash` of the
  /// query token and the name token (bounded).
  private var similarities = HashedKeyTable<Similarity?>(filler: nil)


  /// Tokens prepared for the edit distance, remembered (bounded): names share their tokens.
  private var preparedTokens = HashedKeyTable<ConfusionTable.Prepared?>(filler: nil)

  /// The index's `partnerTokens` prepared, as `canPair` needs them: a token the glossary
  /// has is a partner of some fifty novel tokens.
  private var preparedPartners: [ConfusionTable.Prepared?] = []

  private func preparedPartner(_ partner: Int32) -> ConfusionTable.Prepared {
    let position = Int(partner)
    if preparedPartners.isEmpty { preparedPartners = Array(repeating: nil, count: index.partnerTokens.count) }
    if let known = preparedPartners[position] { return known }
    let made = confusions.prepare(index.partnerTokens[position].romanization)
    preparedPartners[position] = made
    return made
  }

  private func prepared(_ token: NameToken) -> ConfusionTable.Prepared {
    if let known = preparedTokens[token.romanHash] ?? nil, known.token == token.romanization { return known }
    let made = confusions.prepare(token.romanization)
    if preparedTokens.count >= 100_000 { preparedTokens.removeAll() }
    preparedTokens[token.romanHash, default: nil] = made
    return made
  }

  // MARK: Kanji

  /// A kanji name read through the name-reading table, each reading tried as a Latin name.
  private func readKanji(_ query: String, top: Int, effort: Effort) throws(NameError) -> Resolution? {
    var best: (Resolution, String)?
    var linkedTo: Set<String> = []
    for reading in index.data.readings.readings(of: query) {
      let result = try score(query: query, name: normalizer.analyze(reading), top: top, effort: effort)
      if let entity = result.entity { linkedTo.insert(entity.id) }
      if result.score > (best?.0.score ?? 0) { best = (result, reading) }
    }
    guard let (result, reading) = best else { return nil }
    let factor = 0.97
    let score = result.score * factor
    var explanation = ["kanji read as '\(reading)' (name-reading table)"] + result.explanation
    var entity = score >= threshold ? result.entity : nil
    if linkedTo.count > 1 {
      entity = nil
      explanation.insert("ambiguous: the readings link \(linkedTo.sorted().joined(separator: ", "))", at: 0)
    }
    return Resolution(
      query: query, entity: entity, score: score, method: "kanji-reading",
      matchedName: result.matchedName, explanation: explanation, rules: result.rules,
      routes: result.routes,
      candidates: result.candidates.map {
        LinkCandidate(entity: $0.entity, score: $0.score * factor, matchedName: $0.matchedName)
      })
  }
}

/// The sum of the `k` largest values, without sorting a copy (names have a handful of tokens).
private func sumOfLargest(_ values: ArraySlice<Double>, _ k: Int) -> Double {
  if k >= values.count { return values.reduce(0, +) }
  guard values.count <= 64 else { return values.sorted(by: >).prefix(k).reduce(0, +) }
  var taken: UInt64 = 0, sum = 0.0
  for _ in 0..<k {
    var best = -1
    for (offset, value) in values.enumerated() where taken & (1 << UInt64(offset)) == 0 {
      if best < 0 || value > values[values.startIndex + best] { best = offset }
    }
    taken |= 1 << UInt64(best)
    sum += values[values.startIndex + best]
  }
  return sum
}

extension ArraySlice where Element == Int32 {
  /// Membership in a sorted list.
  fileprivate func binarySearchContains(_ value: Int32) -> Bool {
    var low = startIndex, high = endIndex
    while low < high {
      let middle = (low + high) / 2
      if self[middle] < value { low = middle + 1 } else { high = middle }
    }
    return low < endIndex && self[low] == value
  }
}

/// `value` with two decimals (0.80), without Foundation's formatter on the hot path.
func twoDecimals(_ value: Double) -> String {
  let hundredths = Int((value * 100).rounded())
  let fraction = abs(hundredths % 100)
  return "\(hundredths < 0 ? "-" : "")\(abs(hundredths / 100)).\(fraction < 10 ? "0" : "")\(fraction)"
}
