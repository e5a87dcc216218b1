import CrosswalkNames

/// One cheap substitution of glossaries/linking/confusions.tsv, in one direction.
struct Confusion: Sendable {
  enum Place: String, Sendable {
    case any, initial, final, interior
    case interiorLong = "interior-long"
  }

  /// The query's letters and the glossary name's letters (either may be empty).
  let query: [UInt32]
  let glossary: [UInt32]
  let cost: Double
  let place: Place
  /// The language the confusion betrays, or nil.
  let route: String?
  let rule: String
}

/// What one edit of a token alignment was: a named confusion, or an unexplained letter.
public struct FiredRule: Hashable, Sendable, Codable {
  /// The rule's name (from confusions.tsv).
  public let rule: String
  /// The letters it changed, query side then glossary side ("" when inserted or dropped).
  public let from: String
  public let to: String
  /// The route it betrays, if any.
  public let route: String?
  public let cost: Double

  /// "g→k: g/k voicing (katakana dakuten confusion)", or the rule alone when a letter was added
  /// or dropped.
  public var description: String {
    from.isEmpty || to.isEmpty ? rule : "\(from)→\(to): \(rule)"
  }
}

/// The weighted edit distance between two tokens' romanization keys, with the confusions of a
/// data file priced low and every other edit priced `unexplainedCost`.
public struct ConfusionTable: Sendable {
  public static let file = "linking/confusions.tsv"

  let confusions: [Confusion]
  /// The most query letters one confusion spans (the rows one step of an alignment can skip).
  let longestQuerySide: Int
  let unexplainedCost: Double
  let unexplainedRule: String
  /// `*  _` lines: any one letter dropped (or added) inside a long token.
  let dropped: Confusion?
  /// Up to eight Latin letters no confusion touches (a, m, n, …): each must be matched by the
  /// same letter, or dropped or changed at a price, so their counts tell at a glance that two
  /// tokens are too far apart.
  let rigidLetters: [UInt32]
  /// The confusions by the last letter of their query side, and of their glossary side.
  private let queryEndings: Endings
  private let glossaryEndings: Endings

  /// Confusions by the last letter of one side, so that preparing a token looks at the few
  /// that can end at each of its letters rather than at all of them.
  private struct Endings: Sendable {
    /// Those whose side is empty: they end everywhere.
    var everywhere = Mask()
    /// Indexed by an ASCII last letter (romanization keys are nearly all ASCII).
    var ascii = [[(index: Int, letters: [UInt32])]](repeating: [], count: 128)
    var other: [(index: Int, letters: [UInt32])] = []

    init(_ confusions: [Confusion], side: (Confusion) -> [UInt32]) {
      for (index, confusion) in confusions.enumerated() {
        let letters = side(confusion)
        if let last = letters.last {
          if last < 128 { ascii[Int(last)].append((index, letters)) } else { other.append((index, letters)) }
        } else {
          everywhere.insert(index)
        }
      }
    }

    /// The confusions whose side ends at `end` of `letters`.
    func mask(_ letters: [UInt32], end: Int) -> Mask {
      var mask = everywhere
      guard end > 0 else { return mask }
      let last = letters[end - 1]
      for (index, side) in last < 128 ? ascii[Int(last)] : other
      where side.count <= end && letters[(end - side.count)..<end].elementsEqual(side) {
        mask.insert(index)
      }
      return mask
    }
  }

  /// Reads the table; `file` names it in errors.
  public init(text: String, file: String = ConfusionTable.file) throws(NameError) {
    var confusions: [Confusion] = []
    var unexplained: (Double, String)?
    var dropped: Confusion?
    for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
      if line.isEmpty || line.hasPrefix("#") { continue }
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      func bad(_ message: String) -> NameError {
        .invalidTable(file: file, line: index + 1, message: message)
      }
      guard fields.count == 6 else {
        throw bad(
          "expected 6 tab-separated fields (one, other, cost, where, route, rule), found \(fields.count)")
      }
      guard let cost = Double(fields[2]), cost > 0, cost <= 1 else {
        throw bad("cost '\(fields[2])' is not a number in (0, 1]")
      }
      guard let place = Confusion.Place(rawValue: fields[3]) else {
        throw bad("where '\(fields[3])' is not any, initial, final, interior or interior-long")
      }
      let route = fields[4] == "-" ? nil : fields[4]
      let rule = fields[5]
      if fields[0] == "unexplained" {
        unexplained = (cost, rule)
        continue
      }
      func letters(_ text: String) -> [UInt32] { text == "_" ? [] : text.unicodeScalars.map(\.value) }
      let one = letters(fields[0])
      let other = letters(fields[1])
      if one == other || (fields[0] != "*" && fields[0].contains("*")) {
        throw bad("the two spellings must differ, and * stands alone")
      }
      if fields[0] == "*" {
        guard other.isEmpty else { throw bad("* (any letter) pairs with _ (nothing) only") }
        dropped = Confusion(query: [], glossary: [], cost: cost, place: place, route: route, rule: rule)
        continue
      }
      confusions.append(
        Confusion(query: one, glossary: other, cost: cost, place: place, route: route, rule: rule))
      confusions.append(
        Confusion(query: other, glossary: one, cost: cost, place: place, route: route, rule: rule))
    }
    guard confusions.count <= 128 else {
      throw .invalidTable(file: file, line: 1, message: "at most 64 confusions (each is used both ways)")
    }
    guard let unexplained else {
      throw .invalidTable(file: file, line: 1, message: "no 'unexplained' line (the cost of any other edit)")
    }
    self.confusions = confusions
    self.longestQuerySide = max(1, confusions.map(\.query.count).max() ?? 1)
    queryEndings = Endings(confusions, side: \.query)
    glossaryEndings = Endings(confusions, side: \.glossary)
    self.unexplainedCost = unexplained.0
    self.unexplainedRule = unexplained.1
    self.dropped = dropped
    let touched = Set(confusions.flatMap { $0.query + $0.glossary })
    rigidLetters = Array(
      (Unicode.Scalar("a").value...Unicode.Scalar("z").value).filter { !touched.contains($0) }.prefix(8))
  }

  /// A token's letters with, for each position, the confusions whose query side (and whose
  /// glossary side) ends there: computed once per token, reused for every pair it is in.
  struct Prepared: Sendable {
    /// The token itself.
    let token: String
    let letters: [UInt32]
    let queryEnds: [Mask]
    let glossaryEnds: [Mask]
    /// How often each of `rigidLetters` occurs, a byte each (saturating).
    let rigidCounts: UInt64
  }

  /// Up to 128 confusions, one bit each.
  struct Mask: Sendable {
    var low: UInt64 = 0
    var high: UInt64 = 0

    mutating func insert(_ bit: Int) {
      if bit < 64 { low |= 1 << UInt64(bit) } else { high |= 1 << UInt64(bit - 64) }
    }

    static func & (a: Mask, b: Mask) -> Mask { Mask(low: a.low & b.low, high: a.high & b.high) }

    /// Calls `body` with every bit set.
    func forEach(_ body: (Int) -> Void) {
      var bits = low
      while bits != 0 {
        body(bits.trailingZeroBitCount)
        bits &= bits - 1
      }
      bits = high
      while bits != 0 {
        body(64 + bits.trailingZeroBitCount)
        bits &= bits - 1
      }
    }
  }

  func prepare(_ token: String) -> Prepared {
    let letters = token.unicodeScalars.map(\.value)
    func ends(_ endings: Endings) -> [Mask] {
      (0...letters.count).map { endings.mask(letters, end: $0) }
    }
    var rigidCounts: UInt64 = 0
    for letter in letters {
      guard let slot = rigidLetters.firstIndex(of: letter) else { continue }
      let shift = UInt64(slot * 8)
      if (rigidCounts >> shift) & 0xFF < 0xFF { rigidCounts += 1 << shift }
    }
    return Prepared(
      token: token, letters: letters, queryEnds: ends(queryEndings), glossaryEnds: ends(glossaryEndings),
      rigidCounts: rigidCounts)
  }

  /// The fewest letters that must be dropped or changed without a confusion to make the rigid
  /// letters of `a` and `b` agree.
  private func rigidDifference(_ a: Prepared, _ b: Prepared) -> Int {
    var difference = 0
    for slot in rigidLetters.indices {
      let shift = UInt64(slot * 8)
      let x = Int((a.rigidCounts >> shift) & 0xFF), y = Int((b.rigidCounts >> shift) & 0xFF)
      difference += abs(x - y)
    }
    return difference
  }

  /// The cheapest alignment of a query token with a glossary token (romanization keys): its
  /// cost and, when `explain`, the edits on it. An alignment that cannot stay within `limit`
  /// is abandoned early and costs infinity.
  func distance(_ a: Prepared, _ b: Prepared, explain: Bool, limit: Double = .infinity)
    -> (cost: Double, rules: [FiredRule])
  {
    if a.letters == b.letters { return (0, []) }
    // Each rigid letter too many or too few costs a drop, or half an unexplained edit at least
    // (one substitution can right two counts: a for m).
    if limit.isFinite {
      let perLetter = min(dropped?.cost ?? .infinity, unexplainedCost / 2)
      if Double(rigidDifference(a, b)) * perLetter > limit { return (.infinity, []) }
    }
    let cells = (a.letters.count + 1) * (b.letters.count + 1)
    return withUnsafeTemporaryAllocation(of: Double.self, capacity: cells) { cost in
      cost.initialize(repeating: .infinity)
      return align(a, b, cost, explain: explain, limit: limit)
    }
  }

  private func align(
    _ a: Prepared, _ b: Prepared, _ cost: UnsafeMutableBufferPointer<Double>, explain: Bool, limit: Double
  ) -> (cost: Double, rules: [FiredRule]) {
    let query = a.letters, glossary = b.letters
    let n = query.count, m = glossary.count
    let width = m + 1
    // How each cell was reached: -1 match, -2 unexplained, -3 long-token drop, else a confusion.
    var step = [Int32](repeating: 0, count: explain ? (n + 1) * width : 0)
    var from = [Int32](repeating: 0, count: explain ? (n + 1) * width : 0)
    cost[0] = 0
    let longQuery = n >= 7, longGlossary = m >= 7
    // Every path to the end visits one of any `longestQuerySide` consecutive rows: when all
    // their cells are over the limit, so is the end.
    var rowsOverLimit = 0

    for i in 0...n {
      var rowMinimum = Double.infinity
      for j in 0...m where i > 0 || j > 0 {
        var best = Double.infinity
        var how: Int32 = 0
        var previous = 0
        @inline(__always) func consider(_ value: Double, _ kind: Int32, _ origin: Int) {
          if value < best {
            best = value
            how = kind
            previous = origin
          }
        }
        if i > 0, j > 0 {
          let diagonal = (i - 1) * width + (j - 1)
          let same = query[i - 1] == glossary[j - 1]
          consider(cost[diagonal] + (same ? 0 : unexplainedCost), same ? -1 : -2, diagonal)
        }
        if i > 0 {
          let up = (i - 1) * width + j
          consider(cost[up] + unexplainedCost, -2, up)
          if let dropped, longQuery, i > 1, i < n { consider(cost[up] + dropped.cost, -3, up) }
        }
        if j > 0 {
          let left = i * width + (j - 1)
          consider(cost[left] + unexplainedCost, -2, left)
          if let dropped, longGlossary, j > 1, j < m { consider(cost[left] + dropped.cost, -3, left) }
        }
        (a.queryEnds[i] & b.glossaryEnds[j]).forEach { index in
          let confusion = confusions[index]
          let si = i - confusion.query.count, sj = j - confusion.glossary.count
          let fits: Bool
          switch confusion.place {
          case .any: fits = true
          case .initial: fits = si == 0 && sj == 0
          case .final: fits = i == n && j == m
          case .interior: fits = si > 0 && sj > 0 && i < n && j < m
          case .interiorLong: fits = si > 0 && sj > 0 && i < n && j < m && max(n, m) >= 7
          }
          if fits { consider(cost[si * width + sj] + confusion.cost, Int32(index), si * width + sj) }
        }
        let cell = i * width + j
        cost[cell] = best
        rowMinimum = min(rowMinimum, best)
        if explain {
          step[cell] = how
          from[cell] = Int32(previous)
        }
      }
      if i == 0 { rowMinimum = 0 }
      rowsOverLimit = rowMinimum > limit ? rowsOverLimit + 1 : 0
      if rowsOverLimit >= longestQuerySide && i < n { return (.infinity, []) }
    }
    let total = cost[n * width + m]
    guard explain else { return (total, []) }

    var rules: [FiredRule] = []
    var cell = n * width + m
    while cell != 0 {
      let origin = Int(from[cell])
      let (ci, cj) = (cell / width, cell % width)
      let (oi, oj) = (origin / width, origin % width)
      let text = { (letters: ArraySlice<UInt32>) in
        String(String.UnicodeScalarView(letters.compactMap(Unicode.Scalar.init)))
      }
      let (rule, route, price): (String?, String?, Double)
      switch step[cell] {
      case -1: (rule, route, price) = (nil, nil, 0)
      case -2: (rule, route, price) = (unexplainedRule, nil, unexplainedCost)
      case -3: (rule, route, price) = (dropped?.rule, dropped?.route, dropped?.cost ?? 0)
      default:
        let confusion = confusions[Int(step[cell])]
        (rule, route, price) = (confusion.rule, confusion.route, confusion.cost)
      }
      if let rule {
        rules.append(
          FiredRule(
            rule: rule, from: text(query[oi..<ci]), to: text(glossary[oj..<cj]), route: route,
            cost: price))
      }
      cell = origin
    }
    return (total, rules.reversed())
  }
}
