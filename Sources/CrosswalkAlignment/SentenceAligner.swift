import Foundation

/// One sentence to align: its text and its anchors (`AlignmentAnchors`).
public struct AlignmentSentence: Sendable {
  public let text: String
  public let anchors: Set<String>
  /// Letters and digits: the length that Gale and Church compare (spaces say nothing across
  /// scripts).
  public let length: Int

  public init(text: String, anchors: Set<String>) {
    self.text = text
    self.anchors = anchors
    length = text.unicodeScalars.reduce(0) { $0 + ($1.properties.isWhitespace ? 0 : 1) }
  }
}

/// A group of source sentences aligned with a group of translation sentences (either may be
/// empty), with how sure the aligner is.
public struct Bead: Sendable, Equatable {
  public let source: [Int]
  public let translation: [Int]
  /// From 0 to 1: lengths that agree and anchors shared make it high.
  public let score: Double

  public init(source: [Int], translation: [Int], score: Double) {
    self.source = source
    self.translation = translation
    self.score = score
  }
}

/// Sentence alignment without a trained model: a dynamic program over beads (1-1, 1-0, 0-1,
/// 2-1, 1-2, 2-2, 3-1, 1-3) scoring the length ratio as Gale and Church do (in letters, the ratio
/// of the whole texts) together with anchors shared across scripts, weighed down when frequent.
/// Long texts are searched inside a band around the path that anchors occurring once on each
/// side draw.
public struct SentenceAligner: Sendable {
  /// The bead shapes and their prior costs (−ln of how often each occurs in translated text,
  /// relative to 1-1).
  static let shapes: [(source: Int, translation: Int, cost: Double)] = [
    (1, 1, 0), (1, 0, 4.5), (0, 1, 4.5), (2, 1, 2.3), (1, 2, 2.3), (2, 2, 4.4), (3, 1, 4.8), (1, 3, 4.8),
  ]
  /// Gale and Church's variance of the length difference per letter.
  static let variance = 6.8
  /// What anchors weigh against lengths: a bead whose anchors all agree gains this much.
  static let anchorWeight = 3.0
  /// Texts with more cells than this (sentences × sentences) are searched in a band: about
  /// 630 sentences a side.
  public let fullSearchCells: Int

  public init(fullSearchCells: Int = 400_000) { self.fullSearchCells = fullSearchCells }

  public func align(source: [AlignmentSentence], translation: [AlignmentSentence]) -> [Bead] {
    let n = source.count, m = translation.count
    if n == 0 || m == 0 {
      return source.indices.map { Bead(source: [$0], translation: [], score: 0) }
        + translation.indices.map { Bead(source: [], translation: [$0], score: 0) }
    }
    let model = Model(source: source, translation: translation)
    let band = (n + 1) * (m + 1) > fullSearchCells ? model.band() : nil

    // cost[i][j]: the cheapest alignment of the first i source and j translation sentences.
    let width = m + 1
    var cost = [Double](repeating: .infinity, count: (n + 1) * width)
    var step = [Int8](repeating: -1, count: (n + 1) * width)
    cost[0] = 0
    for i in 0...n {
      let columns = band.map { $0[i] } ?? (0...m)
      for j in columns where !(i == 0 && j == 0) {
        var best = Double.infinity
        var bestShape: Int8 = -1
        for (shapeIndex, shape) in Self.shapes.enumerated() where shape.source <= i && shape.translation <= j {
          let previous = cost[(i - shape.source) * width + j - shape.translation]
          guard previous < .infinity else { continue }
          let total =
            previous + shape.cost
            + model.cost(source: (i - shape.source)..<i, translation: (j - shape.translation)..<j)
          if total < best {
            best = total
            bestShape = Int8(shapeIndex)
          }
        }
        cost[i * width + j] = best
        step[i * width + j] = bestShape
      }
    }

    var beads: [Bead] = []
    var i = n, j = m
    while i > 0 || j > 0 {
      let shapeIndex = Int(step[i * width + j])
      guard shapeIndex >= 0 else {
        // Outside the band (never on the path it allows): what is left pairs up in order.
        if i > 0 { beads.append(Bead(source: [i - 1], translation: [], score: 0)); i -= 1 }
        if j > 0 { beads.append(Bead(source: [], translation: [j - 1], score: 0)); j -= 1 }
        continue
      }
      let shape = Self.shapes[shapeIndex]
      let sources = (i - shape.source)..<i, translations = (j - shape.translation)..<j
      beads.append(
        Bead(
          source: Array(sources), translation: Array(translations),
          score: model.confidence(source: sources, translation: translations)))
      i -= shape.source
      j -= shape.translation
    }
    return beads.reversed()
  }
}

/// The costs of beads between two texts: lengths and weighted anchors.
struct Model {
  let source: [AlignmentSentence]
  let translation: [AlignmentSentence]
  /// Translation letters per source letter, over the whole texts.
  let ratio: Double
  /// Each anchor's weight: 1 when it is in one sentence per side, less the more sentences have it.
  let weights: [String: Double]
  /// Each sentence's anchors that the other text has too, as numbers into `weightOf`: the
  /// search compares these millions of times, so without strings or sets.
  let sourceAnchors: [[Int32]]
  let translationAnchors: [[Int32]]
  let weightOf: [Double]
  /// The anchors of every run of one to three sentences, for each side: a bead's sides are such
  /// runs, so the search compares two lists made once.
  let sourceRuns: AnchorRuns, translationRuns: AnchorRuns

  init(source: [AlignmentSentence], translation: [AlignmentSentence]) {
    self.source = source
    self.translation = translation
    let sourceLetters = max(1, source.reduce(0) { $0 + $1.length })
    let translationLetters = max(1, translation.reduce(0) { $0 + $1.length })
    ratio = Double(translationLetters) / Double(sourceLetters)
    var inSource: [String: Int] = [:], inTranslation: [String: Int] = [:]
    for sentence in source { for anchor in sentence.anchors { inSource[anchor, default: 0] += 1 } }
    for sentence in translation { for anchor in sentence.anchors { inTranslation[anchor, default: 0] += 1 } }
    var weights: [String: Double] = [:]
    for (anchor, count) in inSource {
      // An anchor one side never has cannot be shared: it says nothing.
      guard let other = inTranslation[anchor] else { continue }
      weights[anchor] = 1 / (1 + log(Double(max(count, other))))
    }
    self.weights = weights
    var numbers: [String: Int32] = [:]
    var weightOf: [Double] = []
    for (anchor, weight) in weights.sorted(by: { $0.key < $1.key }) {
      numbers[anchor] = Int32(weightOf.count)
      weightOf.append(weight)
    }
    self.weightOf = weightOf
    sourceAnchors = source.map { $0.anchors.compactMap { numbers[$0] }.sorted() }
    translationAnchors = translation.map { $0.anchors.compactMap { numbers[$0] }.sorted() }
    sourceRuns = AnchorRuns(sourceAnchors, weights: weightOf)
    translationRuns = AnchorRuns(translationAnchors, weights: weightOf)
  }

  /// Gale and Church: how unlikely the two lengths are for a translation, as −ln of the
  /// two-sided probability of their normalized difference.
  func lengthCost(_ sourceLength: Int, _ translationLength: Int) -> Double {
    let expected = Double(sourceLength) * ratio
    let scale = max(1, (Double(sourceLength) + Double(translationLength) / ratio) / 2)
    let delta = abs(Double(translationLength) - expected) / sqrt(scale * SentenceAligner.variance * ratio)
    // Past 5.05, erfc is below the floor: most beads the search tries are that unlikely.
    let x = delta / 2.squareRoot()
    return x > 5.05 ? Self.lengthCostFloor : -log(max(erfc(x), 1e-12))
  }

  static let lengthCostFloor = -log(1e-12)

  /// How much of the anchors' weight the two sides share (0 to 1) and the weight, or nil when
  /// neither side has an anchor the other text has anywhere. An anchor in two sentences of one
  /// side counts once.
  func agreement(source sources: Range<Int>, translation translations: Range<Int>) -> (shared: Double, weight: Double)? {
    // The search asks this millions of times: two runs made once, and when their anchor bits
    // do not meet, nothing is shared.
    let left = sourceRuns.index(of: sources), right = translationRuns.index(of: translations)
    let total = sourceRuns.weight[left] + translationRuns.weight[right]
    guard total > 0 else { return nil }
    guard sourceRuns.bits[left] & translationRuns.bits[right] != 0 else { return (0, total) }
    var shared = 0.0
    var a = sourceRuns.bounds[left], b = translationRuns.bounds[right]
    let aEnd = sourceRuns.bounds[left + 1], bEnd = translationRuns.bounds[right + 1]
    while a < aEnd && b < bEnd {
      let x = sourceRuns.ids[a], y = translationRuns.ids[b]
      if x < y {
        a += 1
      } else if y < x {
        b += 1
      } else {
        shared += 2 * weightOf[Int(x)]
        a += 1
        b += 1
      }
    }
    return (shared / total, total)
  }

  func cost(source sources: Range<Int>, translation translations: Range<Int>) -> Double {
    guard !sources.isEmpty && !translations.isEmpty else { return 0 }
    let sourceLength = sources.reduce(0) { $0 + source[$1].length }
    let translationLength = translations.reduce(0) { $0 + translation[$1].length }
    var total = lengthCost(sourceLength, translationLength)
    if let (shared, weight) = agreement(source: sources, translation: translations) {
      // Agreeing anchors pull a bead together, disagreeing ones push it apart; a single weak
      // anchor counts less than several.
      total += SentenceAligner.anchorWeight * (1 - 2 * shared) * min(1, weight)
    }
    return total
  }

  /// From 0 to 1: the length probability, raised by shared anchors and lowered by unshared ones.
  func confidence(source sources: Range<Int>, translation translations: Range<Int>) -> Double {
    guard !sources.isEmpty && !translations.isEmpty else { return 0 }
    let sourceLength = sources.reduce(0) { $0 + source[$1].length }
    let translationLength = translations.reduce(0) { $0 + translation[$1].length }
    let lengths = exp(-lengthCost(sourceLength, translationLength))
    guard let (shared, _) = agreement(source: sources, translation: translations) else {
      return (lengths * 1000).rounded() / 1000
    }
    return ((lengths + shared) / 2 * 1000).rounded() / 1000
  }

  /// For each source position 0...n, the translation positions searched: a strip around the
  /// line through anchors that occur in exactly one sentence on each side (kept in order).
  func band() -> [ClosedRange<Int>] {
    let n = source.count, m = translation.count
    var sourceAt: [String: Int] = [:], translationAt: [String: Int] = [:]
    var unique = Set<String>()
    for (index, sentence) in source.enumerated() {
      for anchor in sentence.anchors where weights[anchor] == 1 { sourceAt[anchor] = index }
    }
    for (index, sentence) in translation.enumerated() {
      for anchor in sentence.anchors where weights[anchor] == 1 { translationAt[anchor] = index; unique.insert(anchor) }
    }
    var points = unique.compactMap { anchor in sourceAt[anchor].map { ($0, translationAt[anchor] ?? 0) } }.sorted { $0 < $1 }
    // The longest chain increasing on both sides: anchors out of order are noise.
    points = Self.increasingChain(points)
    let path = [(0, 0)] + points + [(n, m)]
    let halfWidth = max(25, (n + m) / 40)
    var ranges: [ClosedRange<Int>] = []
    var segment = 0
    for i in 0...n {
      while segment + 1 < path.count - 1, path[segment + 1].0 <= i { segment += 1 }
      let (i0, j0) = path[segment], (i1, j1) = path[min(segment + 1, path.count - 1)]
      let centre = i1 == i0 ? j1 : j0 + (j1 - j0) * (i - i0) / (i1 - i0)
      ranges.append(max(0, centre - halfWidth)...min(m, centre + halfWidth))
    }
    return ranges
  }

  static func increasingChain(_ points: [(Int, Int)]) -> [(Int, Int)] {
    guard !points.isEmpty else { return [] }
    var length = [Int](repeating: 1, count: points.count)
    var previous = [Int](repeating: -1, count: points.count)
    for b in points.indices {
      for a in 0..<b where points[a].0 < points[b].0 && points[a].1 < points[b].1 && length[a] + 1 > length[b] {
        length[b] = length[a] + 1
        previous[b] = a
      }
    }
    var index = length.indices.max { length[$0] < length[$1] } ?? 0
    var chain: [(Int, Int)] = []
    while index >= 0 {
      chain.append(points[index])
      index = previous[index]
    }
    return chain.reversed()
  }
}

/// For each sentence and each run of one to three sentences starting there: the distinct anchor
/// ids, ascending (an anchor in two sentences of a run counts once), their bits (id mod 64) and
/// their total weight. Flat arrays, read millions of times without reference counting.
struct AnchorRuns {
  static let longest = 3
  /// Run r (`index(of:)`) has the ids `ids[bounds[r]..<bounds[r + 1]]`.
  private(set) var ids: [Int32] = []
  private(set) var bounds: [Int] = [0]
  private(set) var bits: [UInt64] = []
  private(set) var weight: [Double] = []
  private let count: Int

  init(_ anchors: [[Int32]], weights: [Double]) {
    count = anchors.count
    // Runs of 1...longest sentences starting at each sentence, then one empty run for ranges
    // that are not such runs (beads are at most three sentences a side).
    for length in 1...Self.longest {
      for start in anchors.indices {
        let lists = anchors[start..<min(anchors.count, start + length)]
        let run = lists.count == 1 ? lists[start] : Array(Set(lists.joined())).sorted()
        ids += run
        bounds.append(ids.count)
        bits.append(run.reduce(0) { $0 | 1 << UInt64($1 & 63) })
        weight.append(run.reduce(0) { $0 + weights[Int($1)] })
      }
    }
    bounds.append(ids.count)
    bits.append(0)
    weight.append(0)
  }

  /// The run of `range`: sentences range.lowerBound..<range.upperBound.
  func index(of range: Range<Int>) -> Int {
    guard (1...Self.longest).contains(range.count) else { return Self.longest * count }
    return (range.count - 1) * count + range.lowerBound
  }
}
