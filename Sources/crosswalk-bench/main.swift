// Benchmark: the name normalizer's throughput on one core, over generated names in Cyrillic,
// katakana and Latin (the three scripts of the sample corpus).
//
//   swift run -c release crosswalk-bench [--names N] [--seed S]
//
// Names are drawn the way real name lists are: per script, a pool of given names and a larger
// pool of surnames, each made of random syllables and drawn with Zipf frequencies (a few names
// are common, most are rare). A fixed seed makes every run measure the same work. Two rounds:
// one with the normalizer's token cache off (every token computed by ICU: the cold cost) and
// one with it on (how bulk work such as indexing a glossary runs).
import CrosswalkNames
import Foundation

struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

let syllables = [
  [
    "ка", "ми", "ро", "сла", "ва", "ни", "ко", "лай", "ев", "ов", "щу", "жа", "чё", "хи", "цы", "дми", "тр",
    "ий", "ель", "ю",
  ],
  ["カ", "シ", "ダ", "フ", "ミ", "オ", "グ", "ナ", "リ", "ト", "ショ", "ウ", "ン", "キ", "ツ", "ヤ", "マ", "ー", "ジ", "ロ"],
  [
    "ka", "shi", "da", "ter", "ov", "ou", "kh", "ina", "zh", "ō", "va", "mi", "ts", "ch", "yu", "ie", "ru",
    "ni", "sky", "é",
  ],
]

/// A pool of distinct words of 2 to 4 syllables, capitalized.
func pool(_ size: Int, from syllables: [String], _ rng: inout SplitMix64) -> [String] {
  var words = Set<String>()
  while words.count < size {
    let count = 2 + Int(rng.next() % 3)
    let text = (0..<count).map { _ in syllables[Int(rng.next() % UInt64(syllables.count))] }.joined()
    words.insert(text.prefix(1).uppercased() + text.dropFirst())
  }
  return words.sorted()
}

/// Draws indices 0..<n with probability proportional to 1 / (rank + 1).
struct Zipf {
  let cumulative: [Double]
  init(_ n: Int) {
    var total = 0.0
    cumulative = (0..<n).map { rank in
      total += 1 / Double(rank + 1)
      return total
    }
  }
  func draw(_ rng: inout SplitMix64) -> Int {
    let target = Double(rng.next() >> 11) / Double(1 << 53) * (cumulative.last ?? 0)
    var low = 0, high = cumulative.count - 1
    while low < high {
      let mid = (low + high) / 2
      if cumulative[mid] < target { low = mid + 1 } else { high = mid }
    }
    return low
  }
}

var count = 100_000
var seed: UInt64 = 2026
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
  switch argument {
  case "--names": count = arguments.next().flatMap(Int.init) ?? count
  case "--seed": seed = arguments.next().flatMap(UInt64.init) ?? seed
  default:
    FileHandle.standardError.write(Data("usage: crosswalk-bench [--names N] [--seed S]\n".utf8))
    exit(64)
  }
}

var rng = SplitMix64(state: seed)
let givenNames = syllables.map { pool(1_000, from: $0, &rng) }
let surnames = syllables.map { pool(20_000, from: $0, &rng) }
let givenZipf = Zipf(1_000), surnameZipf = Zipf(20_000)
let names = (0..<count).map { _ -> String in
  let script = Int(rng.next() % 3)
  let surname = surnames[script][surnameZipf.draw(&rng)]
  if rng.next() % 3 == 0 { return surname }
  return givenNames[script][givenZipf.draw(&rng)] + " " + surname
}
do {
  let tokens = Set(names.flatMap { $0.split(separator: " ") })
  print("names: \(count) (\(tokens.count) distinct tokens), seed \(seed)")
  for cached in [false, true] {
    // A fresh normalizer each round: the warm round starts with an empty token cache too.
    let normalizer = try NameNormalizer()
    normalizer.useTokenCache = cached
    _ = try normalizer.keys(for: "warm up")
    let start = ContinuousClock.now
    var checksum = 0
    for name in names { checksum &+= try normalizer.keys(for: name).romanization.utf8.count }
    let elapsed = ContinuousClock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    let label = cached ? "token cache on " : "token cache off"
    if cached {
      // Once more over the same names: every token known, the per-name floor.
      let again = ContinuousClock.now
      for name in names { checksum &+= try normalizer.keys(for: name).romanization.utf8.count }
      let floor = ContinuousClock.now - again
      let floorSeconds = Double(floor.components.seconds) + Double(floor.components.attoseconds) * 1e-18
      print(
        "normalize, all tokens known: \(String(format: "%.3f", floorSeconds)) s, \(Int(Double(count) / floorSeconds)) names/s"
      )
    }
    print(
      "normalize, \(label): \(String(format: "%.3f", seconds)) s on one core, \(Int(Double(count) / seconds)) names/s (checksum \(checksum))"
    )
  }
} catch {
  FileHandle.standardError.write(Data("crosswalk-bench: error: \(error)\n".utf8))
  exit(2)
}
