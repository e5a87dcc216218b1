// Benchmarks on one core, over generated names in Cyrillic, katakana and Latin (the three
// scripts of the sample corpus):
//   normalize  the name normalizer's throughput;
//   resolve    a glossary of N generated entities indexed, then names resolved against it
//              (DESIGN.md targets: index built in under 2 s, 20,000 names/s, under 500 MB).
//
//   swift run -c release crosswalk-bench [--only normalize|resolve] [--names N] [--entities N] [--seed S]
//
// Names are drawn the way real name lists are: per script, a pool of given names and a larger
// pool of surnames, each made of random syllables and drawn with Zipf frequencies (a few names
// are common, most are rare). A fixed seed makes every run measure the same work. Two rounds:
// one with the normalizer's word cache off (every word computed by ICU: the cold cost) and
// one with it on (how bulk work such as indexing a glossary runs).
import CrosswalkCore
import CrosswalkLinking
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
var entityCount = 100_000
var only: String?
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
  switch argument {
  case "--names": count = arguments.next().flatMap(Int.init) ?? count
  case "--seed": seed = arguments.next().flatMap(UInt64.init) ?? seed
  case "--entities": entityCount = arguments.next().flatMap(Int.init) ?? entityCount
  case "--only": only = arguments.next()
  default:
    FileHandle.standardError.write(
      Data("usage: crosswalk-bench [--only normalize|resolve] [--names N] [--entities N] [--seed S]\n".utf8))
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
func seconds(since start: ContinuousClock.Instant) -> Double {
  let elapsed = ContinuousClock.now - start
  return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
}

/// Peak resident memory of this process, in MB (Linux: VmHWM of /proc/self/status).
func peakResidentMB() -> Int? {
  guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
  for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
    return line.split(separator: " ").dropFirst().first.flatMap { Int($0) }.map { $0 / 1024 }
  }
  return nil
}

/// A glossary of generated people: a Latin canonical name, and aliases in Cyrillic and katakana
/// made of the same pools' words at the same ranks (so that common tokens stay common).
func generatedGlossary(_ count: Int, _ rng: inout SplitMix64) -> Glossary {
  var entities: [Entity] = []
  entities.reserveCapacity(count)
  for index in 0..<count {
    let given = givenZipf.draw(&rng), surname = surnameZipf.draw(&rng)
    let name = givenNames[2][given] + " " + surnames[2][surname]
    let aliases = [0, 1].map { script in
      EntityName(givenNames[script][given] + " " + surnames[script][surname], kind: .alias)
    }
    entities.append(Entity(id: "e\(index)", type: "person", name: name, aliases: aliases))
  }
  return Glossary(entities: entities)
}

/// The three kinds of query, a third each.
let queryKinds = ["glossary names as written", "one letter voiced (k → g)", "names not in the glossary"]

/// Queries with their kind: glossary names as written, names with one letter voiced (k → g, as
/// the Japanese route does), and names that are not there.
func resolveQueries(_ glossary: Glossary, _ count: Int, _ rng: inout SplitMix64) -> [(name: String, kind: Int)] {
  (0..<count).map { _ in
    let entity = glossary.entities[Int(rng.next() % UInt64(glossary.entities.count))]
    let names = entity.names
    let name = names[Int(rng.next() % UInt64(names.count))].text
    let kind = Int(rng.next() % 3)
    switch kind {
    case 0: return (name, kind)
    case 1: return (name.replacingOccurrences(of: "k", with: "g"), kind)
    default:
      return (givenNames[2][givenZipf.draw(&rng)] + " " + surnames[2][surnameZipf.draw(&rng)] + "a", kind)
    }
  }
}

do {
  if only == "resolve" { throw CancellationError() }
  let tokens = Set(names.flatMap { $0.split(separator: " ") })
  print("names: \(count) (\(tokens.count) distinct tokens), seed \(seed)")
  for cached in [false, true] {
    // A fresh normalizer each round: the warm round starts with an empty word cache too.
    let normalizer = try NameNormalizer()
    normalizer.useWordCache = cached
    _ = try normalizer.keys(for: "warm up")
    let start = ContinuousClock.now
    var checksum = 0
    for name in names { checksum &+= try normalizer.keys(for: name).romanization.utf8.count }
    let elapsed = ContinuousClock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    let label = cached ? "word cache on " : "word cache off"
    if cached {
      // Once more over the same names: every token known, the per-name floor.
      let again = ContinuousClock.now
      for name in names { checksum &+= try normalizer.keys(for: name).romanization.utf8.count }
      let floor = ContinuousClock.now - again
      let floorSeconds = Double(floor.components.seconds) + Double(floor.components.attoseconds) * 1e-18
      print(
        "normalize, all words known: \(String(format: "%.3f", floorSeconds)) s, \(Int(Double(count) / floorSeconds)) names/s"
      )
    }
    print(
      "normalize, \(label): \(String(format: "%.3f", seconds)) s on one core, \(Int(Double(count) / seconds)) names/s (checksum \(checksum))"
    )
  }
} catch is CancellationError {
} catch {
  FileHandle.standardError.write(Data("crosswalk-bench: error: \(error)\n".utf8))
  exit(2)
}

if only != "normalize" {
  do {
    let glossary = generatedGlossary(entityCount, &rng)
    let queries = resolveQueries(glossary, count, &rng)
    let data = try LinkData.builtIn()
    let start = ContinuousClock.now
    let index = try LinkIndex(glossary: glossary, data: data)
    let indexSeconds = seconds(since: start)
    print(
      "resolve: index of \(entityCount) entities (\(index.formCount) names and forms) built in \(String(format: "%.2f", indexSeconds)) s"
    )
    let linker = try Linker(index: index)
    _ = try linker.resolve("warm up")
    let resolveStart = ContinuousClock.now
    var linked = 0
    var byKind = [Double](repeating: 0, count: queryKinds.count)
    var ofKind = [Int](repeating: 0, count: queryKinds.count)
    for query in queries {
      let queryStart = ContinuousClock.now
      if try linker.resolve(query.name).entity != nil { linked += 1 }
      byKind[query.kind] += seconds(since: queryStart)
      ofKind[query.kind] += 1
    }
    let resolveSeconds = seconds(since: resolveStart)
    print(
      "resolve: \(count) names in \(String(format: "%.2f", resolveSeconds)) s on one core, \(Int(Double(count) / resolveSeconds)) names/s (\(linked) linked)"
    )
    for (kind, label) in queryKinds.enumerated() where ofKind[kind] > 0 {
      print("resolve:   \(label): \(Int(byKind[kind] / Double(ofKind[kind]) * 1e6)) µs per name")
    }
    if let peak = peakResidentMB() { print("resolve: peak resident memory \(peak) MB") }
  } catch {
    FileHandle.standardError.write(Data("crosswalk-bench: error: \(error)\n".utf8))
    exit(2)
  }
}
