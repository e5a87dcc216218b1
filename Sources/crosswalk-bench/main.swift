// Benchmarks over generated names in Cyrillic, katakana and Latin (the three scripts of the
// sample corpus), and over a generated corpus of English, Russian and Japanese text:
//   normalize  the name normalizer's throughput, on one core;
//   resolve    a glossary of N generated entities indexed, then names resolved against it, on one
//              core (DESIGN.md targets: index built in under 2 s, 20,000 names/s, under 500 MB);
//   mentions   `crosswalk mentions` over a generated corpus of N MB in files of 20 to 200 KB, on
//              one thread and on every core (targets: 5 MB/s per core, a speed-up of 0.8 per
//              core: 1.6 on 2 cores);
//   check      `crosswalk check` (every rule) over the same kind of corpus, on one thread and on
//              every core (target: 10 MB/s per core), with the seconds of each stage and rule.
//
//   swift run -c release crosswalk-bench [--only normalize|resolve|mentions|check] [--names N] [--entities N]
//     [--megabytes N] [--jobs N] [--corpus DIR] [--seed S]
//
// `--corpus DIR` (repeatable) runs the mentions and check benchmarks over existing documents instead.
//
// Names are drawn the way real name lists are: per script, a pool of given names and a larger
// pool of surnames, each made of random syllables and drawn with Zipf frequencies (a few names
// are common, most are rare). A fixed seed makes every run measure the same work. Two rounds:
// one with the normalizer's word cache off (every word computed by ICU: the cold cost) and
// one with it on (how bulk work such as indexing a glossary runs).
import CrosswalkArtifacts
import CrosswalkCore
import CrosswalkDocuments
import CrosswalkGlossary
import CrosswalkLinking
import CrosswalkMentions
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
var megabytes = 50
var corpusPaths: [String] = []
/// Where to write the generated corpus and leave it (to profile or inspect it); nil: a
/// temporary folder, removed at the end.
var corpusOutput: String?
var jobs = ProcessInfo.processInfo.activeProcessorCount
var only: String?
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
  switch argument {
  case "--names": count = arguments.next().flatMap(Int.init) ?? count
  case "--seed": seed = arguments.next().flatMap(UInt64.init) ?? seed
  case "--entities": entityCount = arguments.next().flatMap(Int.init) ?? entityCount
  case "--megabytes": megabytes = arguments.next().flatMap(Int.init).map { max(1, $0) } ?? megabytes
  case "--jobs": jobs = arguments.next().flatMap(Int.init).map { max(1, $0) } ?? jobs
  case "--corpus": corpusPaths += arguments.next().map { [$0] } ?? []
  case "--write-corpus": corpusOutput = arguments.next()
  case "--only" where only == nil:
    only = arguments.next()
    if !["normalize", "resolve", "mentions", "check"].contains(only) { fallthrough }
  default:
    FileHandle.standardError.write(
      Data(
        "usage: crosswalk-bench [--only normalize|resolve|mentions|check] [--names N] [--entities N] [--megabytes N] [--jobs N] [--corpus DIR | --write-corpus DIR] [--seed S]\n"
          .utf8))
    exit(64)
  }
}
let selected = only
/// Whether the benchmark `name` runs: all of them unless `--only` names one.
func runs(_ name: String) -> Bool { selected == nil || selected == name }

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
  if !runs("normalize") { throw CancellationError() }
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

if runs("resolve") {
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

// MARK: - mentions

/// Glossary names by script and kind of slot, for the corpus generator.
struct CorpusNames {
  enum Slot: Int, CaseIterable { case person, place, organization, other }
  /// [script][slot]: script 0 Latin, 1 Cyrillic, 2 Japanese (kanji and katakana).
  var names = [[[String]]](repeating: [[String]](repeating: [], count: 4), count: 3)

  init(_ glossary: Glossary) {
    for entity in glossary.entities {
      let slot: Slot =
        switch entity.type {
        case "person": .person
        case "place": .place
        case "organization": .organization
        default: .other
        }
      for name in entity.names {
        guard let script = Self.script(of: name.text) else { continue }
        names[script][slot.rawValue].append(name.text)
      }
    }
    // A slot the glossary has no name for in a script takes any name of that script.
    for script in 0..<3 {
      let any = names[script].flatMap { $0 }
      for slot in 0..<4 where names[script][slot].isEmpty { names[script][slot] = any }
    }
  }

  /// 0 for Latin, 1 for Cyrillic, 2 for kanji or katakana (not readings in hiragana with
  /// spaces), nil for names that mix scripts or have none of them.
  static func script(of text: String) -> Int? {
    var latin = false, cyrillic = false, japanese = false, hiraganaOnly = true
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F: latin = true
      case 0x400...0x52F: cyrillic = true
      case 0x3040...0x309F: japanese = true
      case 0x30A0...0x30FF, 0x4E00...0x9FFF, 0x3400...0x4DBF: japanese = true; hiraganaOnly = false
      default: break
      }
    }
    switch (latin, cyrillic, japanese) {
    case (true, false, false): return 0
    case (false, true, false): return 1
    case (false, false, true): return hiraganaOnly || text.contains(" ") ? nil : 2
    default: return nil
    }
  }
}

/// Writes news-like text in English, Russian and Japanese: sentences from templates with
/// glossary names (in their spellings, Russian inflections, and misspellings), invented
/// capitalized names, numbers, dates and lower-case filler.
struct CorpusWriter {
  var rng: SplitMix64
  let names: CorpusNames
  let zipf: [[Zipf]]
  /// Invented given names and surnames by script (0 Latin, 1 Cyrillic, 2 katakana).
  let inventedGiven: [[String]]
  let inventedSurnames: [[String]]

  init(seed: UInt64, names: CorpusNames, given: [[String]], surnames: [[String]]) {
    rng = SplitMix64(state: seed)
    self.names = names
    zipf = names.names.map { $0.map { Zipf(max(1, $0.count)) } }
    inventedGiven = given
    inventedSurnames = surnames
  }

  mutating func pick<T>(_ items: [T]) -> T { items[Int(rng.next() % UInt64(items.count))] }
  mutating func chance(_ percent: UInt64) -> Bool { rng.next() % 100 < percent }
  mutating func number(_ range: ClosedRange<Int>) -> Int {
    range.lowerBound + Int(rng.next() % UInt64(range.count))
  }
  /// A number with thousands separators, as English news writes it (12,500).
  mutating func grouped(_ range: ClosedRange<Int>) -> String {
    var digits = String(number(range))
    var index = digits.endIndex
    while digits.distance(from: digits.startIndex, to: index) > 3 {
      index = digits.index(index, offsetBy: -3)
      digits.insert(",", at: index)
    }
    return digits
  }

  /// A glossary name of `script` for `slot`, common names more often.
  mutating func glossaryName(_ script: Int, _ slot: CorpusNames.Slot) -> String {
    let list = names.names[script][slot.rawValue]
    return list[zipf[script][slot.rawValue].draw(&rng)]
  }

  /// A made-up person of `script` (0 Latin, 1 Cyrillic, 2 katakana), given name and surname or
  /// the surname alone.
  mutating func inventedPerson(_ script: Int) -> String {
    let pools = [2, 0, 1][script]  // The syllable pools are ordered Cyrillic, katakana, Latin.
    let surname = pick(inventedSurnames[pools])
    if chance(30) { return surname }
    return pick(inventedGiven[pools]) + (script == 2 ? "・" : " ") + surname
  }

  // English

  static let enNouns = [
    "agreement", "talks", "delegation", "sanctions", "ministry", "report", "treaty", "border", "fleet",
    "election", "statement", "investigation", "budget", "exercise", "summit", "proposal", "committee",
    "court", "pipeline", "harbour", "island", "visit", "ceasefire", "referendum", "embassy", "museum",
    "festival", "harvest", "bridge",
  ]
  static let enPast = [
    "signed", "rejected", "announced", "postponed", "approved", "criticized", "discussed", "extended",
    "suspended", "welcomed", "reviewed", "confirmed", "questioned", "opened",
  ]
  static let enBase = [
    "sign", "reject", "announce", "postpone", "approve", "review", "extend", "suspend", "resume",
  ]
  static let enAdjectives = [
    "new", "joint", "disputed", "annual", "former", "military", "economic", "northern", "regional",
    "official", "bilateral", "secret", "long-delayed", "controversial",
  ]
  static let months = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
  ]
  static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

  /// A Latin glossary name as news text writes it: mostly as is, sometimes possessive, in
  /// capitals, or misspelled by a letter.
  mutating func englishName(_ slot: CorpusNames.Slot) -> String {
    let name = glossaryName(0, slot)
    switch rng.next() % 20 {
    case 0: return name.uppercased()
    case 1, 2: return name + "'s"
    case 3:
      if let k = name.firstIndex(of: "k") { return name.replacingCharacters(in: k...k, with: "kh") }
      if let i = name.lastIndex(of: "i") { return name.replacingCharacters(in: i...i, with: "y") }
      return name
    default: return name
    }
  }

  mutating func englishDate() -> String {
    switch rng.next() % 3 {
    case 0: return "\(pick(Self.months)) \(number(1...28)), \(number(1945...2025))"
    case 1: return "\(number(1...28)) \(pick(Self.months))"
    default: return pick(Self.weekdays)
    }
  }

  mutating func englishSentence() -> String {
    switch rng.next() % 10 {
    case 0:
      return
        "\(englishName(.person)) met \(englishName(.person)) in \(englishName(.place)) on \(englishDate()), officials said."
    case 1:
      return
        "According to \(englishName(.organization)), \(grouped(2...90_000)) people took part in the \(pick(Self.enNouns)) near \(englishName(.place))."
    case 2:
      return
        "\(inventedPerson(0)), a spokesman for \(englishName(.organization)), said the \(pick(Self.enNouns)) would \(pick(Self.enBase)) the \(pick(Self.enNouns)) by \(pick(Self.months)) \(number(2000...2030))."
    case 3:
      return
        "The \(pick(Self.enAdjectives)) \(pick(Self.enNouns)) was \(pick(Self.enPast)) after \(englishName(.person)) visited \(englishName(.place)) in \(number(1950...2025))."
    case 4:
      return
        "In a statement on \(pick(Self.weekdays)), \(englishName(.organization)) said that the \(englishName(.other)) had \(pick(Self.enPast)) the \(pick(Self.enNouns)) of \(englishName(.place))."
    case 5:
      return
        "\(inventedPerson(0)) told reporters in \(englishName(.place)) that \(englishName(.person)) had \(pick(Self.enPast)) \(number(1...99)).\(number(0...9)) percent of the \(pick(Self.enNouns))."
    case 6:
      return
        "Mr. \(pick(inventedSurnames[2])) and Ms. \(pick(inventedSurnames[2])) of \(inventedPerson(0)) & Partners \(pick(Self.enPast)) the \(pick(Self.enAdjectives)) \(pick(Self.enNouns))."
    default:
      // Filler: lower-case words only.
      var words = ["the", pick(Self.enAdjectives), pick(Self.enNouns), pick(Self.enPast), "the"]
      for _ in 0..<number(2...10) { words.append(pick(Self.enNouns)) }
      words += ["and", "the", pick(Self.enNouns), "for", String(number(2...500)), "days"]
      let text = words.joined(separator: " ")
      return text.prefix(1).uppercased() + text.dropFirst() + "."
    }
  }

  mutating func englishParagraph() -> String {
    var text = ""
    if chance(10) {
      // A headline in title case.
      text =
        "Talks Between \(englishName(.place)) And \(englishName(.place)) Stall Over \(englishName(.other))\n\n"
    }
    text += (0..<number(3...8)).map { _ in englishSentence() }.joined(separator: " ")
    return text + "\n\n"
  }

  // Russian

  static let ruNouns = [
    "соглашение", "переговоры", "делегацию", "санкции", "доклад", "договор", "границу", "флот", "выборы",
    "заявление", "расследование", "бюджет", "учения", "саммит", "предложение", "визит",
  ]
  static let ruPast = [
    "подписал", "отклонил", "объявил", "отложил", "одобрил", "раскритиковал", "обсудил", "продлил",
    "приостановил", "приветствовал",
  ]
  static let ruAdjectives = [
    "новый", "совместный", "спорный", "ежегодный", "военный", "экономический", "северный",
  ]
  static let ruMonths = [
    "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября",
    "декабря",
  ]
  static let ruFiller = [
    "по данным источников", "как сообщается", "в течение года", "на прошлой неделе", "в ближайшее время",
    "по мнению экспертов", "несмотря на возражения",
  ]
  static let consonants = Set("бвгджзклмнпрстфхцчшщ".unicodeScalars)

  /// A Cyrillic name with the ending of a case: а, у, ом, е after a consonant, ы/е/у/ой for а.
  mutating func russianName(_ slot: CorpusNames.Slot) -> String {
    let name = glossaryName(1, slot)
    guard name != name.uppercased(), chance(60), let last = name.unicodeScalars.last else { return name }
    var scalars = String.UnicodeScalarView(name.unicodeScalars.dropLast())
    if Self.consonants.contains(last) {
      scalars.append(last)
      scalars.append(contentsOf: pick(["а", "у", "ом", "е"]).unicodeScalars)
    } else if last == "а" {
      scalars.append(contentsOf: pick(["ы", "е", "у", "ой"]).unicodeScalars)
    } else if last == "я" {
      scalars.append(contentsOf: pick(["и", "е", "ю", "ей"]).unicodeScalars)
    } else {
      return name
    }
    return String(scalars)
  }

  mutating func russianSentence() -> String {
    switch rng.next() % 8 {
    case 0:
      return
        "\(russianName(.person)) встретился с \(russianName(.person)) в \(russianName(.place)) \(number(1...28)) \(pick(Self.ruMonths)) \(number(1945...2025)) года."
    case 1:
      return
        "По словам \(russianName(.person)), в \(russianName(.place)) \(pick(Self.ruPast)) \(pick(Self.ruNouns)) с \(russianName(.organization))."
    case 2:
      return
        "\(inventedPerson(1)) сообщил агентству \(russianName(.organization)), что \(pick(Self.ruFiller)) \(number(2...5000)) человек \(pick(Self.ruPast)) \(pick(Self.ruNouns))."
    case 3:
      return
        "\(russianName(.organization)) \(pick(Self.ruPast)) \(pick(Self.ruAdjectives)) \(pick(Self.ruNouns)) о \(russianName(.other))."
    case 4:
      return
        "Как заявил \(inventedPerson(1)), \(russianName(.person)) \(pick(Self.ruPast)) \(pick(Self.ruNouns)) \(number(1...28)) \(pick(Self.ruMonths))."
    default:
      var words = [pick(Self.ruFiller), pick(Self.ruAdjectives), pick(Self.ruNouns)]
      for _ in 0..<number(2...8) { words.append(pick(Self.ruNouns)) }
      words += ["и", pick(Self.ruFiller), pick(Self.ruNouns)]
      let text = words.joined(separator: " ")
      return text.prefix(1).uppercased() + text.dropFirst() + "."
    }
  }

  mutating func russianParagraph() -> String {
    (0..<number(3...8)).map { _ in russianSentence() }.joined(separator: " ") + "\n\n"
  }

  // Japanese

  static let jaNouns = [
    "会談", "協定", "交渉", "制裁", "報告書", "条約", "国境", "艦隊", "選挙", "声明", "調査", "予算", "演習",
    "首脳会議",
  ]
  static let jaVerbs = ["発表した", "署名した", "拒否した", "延期した", "承認した", "批判した", "協議した", "確認した"]
  static let jaFiller = [
    "政府は新たな方針を示した。", "この問題をめぐる議論は続いている。",
    "関係者によると、詳細はまだ明らかになっていない。", "今後の見通しについては不透明だ。",
    "専門家は慎重な対応を求めている。",
  ]
  static let kanjiSurnames = ["田中", "鈴木", "佐藤", "高橋", "山本", "中村", "小林", "加藤", "吉田", "山田"]
  static let kanjiGiven = ["太郎", "健一", "花子", "誠", "大輔", "美穂", "翔太", "裕子"]

  mutating func japaneseSentence() -> String {
    switch rng.next() % 8 {
    case 0:
      return
        "\(glossaryName(2, .person))は\(number(1990...2025))年\(number(1...12))月\(number(1...28))日、\(glossaryName(2, .place))で\(glossaryName(2, .organization))の代表と会談した。"
    case 1:
      return
        "\(glossaryName(2, .organization))によると、\(glossaryName(2, .place))では\(number(2...9000))人が\(pick(Self.jaNouns))に参加した。"
    case 2:
      return "\(pick(Self.kanjiSurnames))\(pick(Self.kanjiGiven))氏は\(glossaryName(2, .other))について記者会見で説明した。"
    case 3:
      return
        "\(inventedPerson(2))さんは\(glossaryName(2, .place))を訪問し、\(glossaryName(2, .person))と\(pick(Self.jaNouns))を\(pick(Self.jaVerbs))。"
    case 4:
      return
        "\(glossaryName(2, .place))の\(pick(Self.jaNouns))について、\(pick(Self.kanjiSurnames))首相が\(pick(Self.jaVerbs))。"
    default:
      return pick(Self.jaFiller)
    }
  }

  mutating func japaneseParagraph() -> String {
    (0..<number(3...8)).map { _ in japaneseSentence() }.joined() + "\n\n"
  }

  mutating func paragraph(_ language: Int) -> String {
    switch language {
    case 0: englishParagraph()
    case 1: russianParagraph()
    default: japaneseParagraph()
    }
  }
}

let corpusLanguages = ["en", "ru", "ja"]
/// The shares of the corpus in bytes: 60% English, 25% Russian, 15% Japanese.
let corpusShares = [0.60, 0.25, 0.15]

/// Writes files of 20 to 200 KB into `folder` until they hold `bytes` bytes; each file's
/// language is the one furthest below its share (and ends its name: 00012-ru.txt). Returns the
/// bytes written in each language.
func writeCorpus(into folder: String, bytes: Int, writer: inout CorpusWriter) throws -> [Int] {
  var written = [0, 0, 0]
  var files = 0
  while written.reduce(0, +) < bytes {
    let total = Double(written.reduce(0, +)) + 110_000
    let deficits = (0..<3).map { corpusShares[$0] * total - Double(written[$0]) }
    let language = deficits.indices.max { deficits[$0] < deficits[$1] } ?? 0
    let target = writer.number(20_000...200_000)
    var text = ""
    text.reserveCapacity(target + 4_000)
    while text.utf8.count < target { text += writer.paragraph(language) }
    let path = (folder as NSString).appendingPathComponent(
      String(format: "%05d-%@.txt", files, corpusLanguages[language]))
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    written[language] += text.utf8.count
    files += 1
  }
  return written
}

/// Resident memory of this process now, in MB (Linux: VmRSS of /proc/self/status).
func residentMB() -> Int? {
  guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
  for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
    return line.split(separator: " ").dropFirst().first.flatMap { Int($0) }.map { $0 / 1024 }
  }
  return nil
}

/// Resets the peak resident memory (VmHWM) of this process; false where Linux does not allow it.
func resetPeakResident() -> Bool {
  (try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)) != nil
}

/// CPU time of the whole process (all threads), in seconds.
func processCPUSeconds() -> Double { cpuSeconds(CLOCK_PROCESS_CPUTIME_ID) }

/// CPU time of the calling thread, in seconds.
func threadCPUSeconds() -> Double { cpuSeconds(CLOCK_THREAD_CPUTIME_ID) }

func cpuSeconds(_ clock: clockid_t) -> Double {
  var time = timespec()
  clock_gettime(clock, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

/// The one-minute load average: above the core count, other processes compete for the cores.
func loadAverage() -> Double? {
  var loads = [0.0, 0.0, 0.0]
  return getloadavg(&loads, 3) > 0 ? loads[0] : nil
}

/// Seconds this process's threads have spent runnable but waiting for a core (Linux schedstat),
/// nil where the kernel does not say.
func runQueueSeconds() -> Double? {
  guard let tasks = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task") else {
    return nil
  }
  var total = 0.0
  var found = false
  for task in tasks {
    guard let text = try? String(contentsOfFile: "/proc/self/task/\(task)/schedstat", encoding: .utf8) else {
      continue
    }
    let fields = text.split(separator: " ")
    guard fields.count >= 2, let wait = Double(fields[1]) else { continue }
    total += wait * 1e-9
    found = true
  }
  return found ? total : nil
}

/// Wall and thread CPU seconds of a stage.
struct StageTime {
  var wall = 0.0, cpu = 0.0
  static func += (total: inout StageTime, time: StageTime) {
    total.wall += time.wall
    total.cpu += time.cpu
  }
}

/// Times `body` in wall and in this thread's CPU seconds.
func timed<T>(_ time: inout StageTime, _ body: () throws -> T) rethrows -> T {
  let wall = ContinuousClock.now
  let cpu = threadCPUSeconds()
  defer {
    time.wall = seconds(since: wall)
    time.cpu = threadCPUSeconds() - cpu
  }
  return try body()
}

/// One thread's tools, as `crosswalk mentions` makes them (plus a segmenter, to time sentence
/// breaks apart: `MentionFinder.mentions(in:)` is `segment` without words, then
/// `mentions(in:segmentation:)`, which adds word breaks for texts with Japanese or Chinese).
struct MentionWorker {
  let loader: DocumentLoader
  let segmenter: Segmenter
  let finder: MentionFinder
}

/// What one document gave, with the seconds each stage took.
struct DocumentRun {
  var document: Document?
  var mentions: [Mention] = []
  /// The mentions as the CLI's jsonl.
  var output: [UInt8] = []
  var error: String?
  var load = StageTime(), segment = StageTime(), find = StageTime(), render = StageTime()
}

/// Totals of a run over the corpus.
struct RunTotals {
  var mentions = 0, linked = 0, documents = 0, errors = 0, outputBytes = 0
  var load = StageTime(), segment = StageTime(), find = StageTime(), render = StageTime()
  var deliver = 0.0
  var wall = 0.0, cpu = 0.0
  /// Seconds the threads were runnable but had no core (other processes had them).
  var runQueue: Double?
  var peakMB: Int?, startMB: Int?
  var firstError: String?
  /// en, ru, ja, and other languages.
  var byLanguage = [(bytes: Int, cpu: Double, mentions: Int)](repeating: (0, 0, 0), count: 4)
  /// The distinct surfaces of the mentions: how often the resolver sees the same text.
  var surfaces = Set<Int>()
}

func mentionRun(
  _ sources: [DocumentSource], jobs: Int, resources: MentionResources
) throws -> RunTotals {
  var totals = RunTotals()
  let resetMemory = resetPeakResident()
  totals.startMB = residentMB()
  let cpuStart = processCPUSeconds()
  let runQueueStart = runQueueSeconds()
  let start = ContinuousClock.now
  try orderedParallelMap(
    count: sources.count, jobs: jobs,
    makeWorker: {
      MentionWorker(
        loader: try DocumentLoader(), segmenter: Segmenter(), finder: try MentionFinder(resources: resources))
    },
    work: { (worker: inout MentionWorker, item: Int) -> DocumentRun in
      var run = DocumentRun()
      do {
        let document = try timed(&run.load) { try worker.loader.load(sources[item]) }
        let segmentation = try timed(&run.segment) { try worker.segmenter.segment(document, words: false) }
        run.mentions = try timed(&run.find) { try worker.finder.mentions(in: document, segmentation: segmentation) }
        // What `crosswalk mentions --format jsonl` does on the worker thread: UTF-8 bytes,
        // which it writes as they are (a String of them would be checked and copied again).
        run.output = timed(&run.render) { MentionFormat.jsonl.utf8(run.mentions, in: document) }
        run.document = document
      } catch {
        run.error = "\(sources[item].path): \(error)"
      }
      return run
    },
    deliver: { item, run in
      totals.documents += 1
      totals.load += run.load
      totals.segment += run.segment
      totals.find += run.find
      let language = run.document.flatMap { corpusLanguages.firstIndex(of: $0.language) } ?? 3
      totals.byLanguage[language].bytes += run.document?.encoding.byteCount ?? 0
      totals.byLanguage[language].cpu += run.load.cpu + run.segment.cpu + run.find.cpu + run.render.cpu
      totals.byLanguage[language].mentions += run.mentions.count
      if let error = run.error {
        totals.errors += 1
        if totals.firstError == nil { totals.firstError = error }
      }
      guard run.document != nil else { return }
      totals.mentions += run.mentions.count
      totals.render += run.render
      for mention in run.mentions {
        totals.surfaces.insert(mention.surface.hashValue)
        if mention.entity != nil { totals.linked += 1 }
      }
      // In order, on one thread at a time, the CLI writes what the workers rendered.
      let clock = ContinuousClock.now
      totals.outputBytes += run.output.count
      totals.deliver += seconds(since: clock)
    })
  totals.wall = seconds(since: start)
  totals.cpu = processCPUSeconds() - cpuStart
  if let runQueueStart, let runQueueEnd = runQueueSeconds() { totals.runQueue = runQueueEnd - runQueueStart }
  if resetMemory { totals.peakMB = peakResidentMB() }
  return totals
}

/// A benchmark corpus: generated into a folder (a temporary one unless `--write-corpus` names
/// it), or the folders of `--corpus`; listed as the CLI lists it.
struct PreparedCorpus {
  let sources: [DocumentSource]
  let totalBytes: Int
  let folder: String
  let isTemporary: Bool

  func removeIfTemporary() { if isTemporary { try? FileManager.default.removeItem(atPath: folder) } }
}

func prepareCorpus(
  name: String, glossary: Glossary, megabytes: Int, seed: UInt64, corpus: [String], writeTo corpusOutput: String?
) throws -> PreparedCorpus {
  let folder =
    corpusOutput
    ?? (NSTemporaryDirectory() as NSString).appendingPathComponent(
      "crosswalk-bench-\(name)-\(ProcessInfo.processInfo.processIdentifier)")
  var description = "given"
  if corpus.isEmpty {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let clock = ContinuousClock.now
    var writer = CorpusWriter(
      seed: seed ^ 0x6D65_6E74_696F_6E73, names: CorpusNames(glossary), given: givenNames, surnames: surnames)
    let bytesByLanguage = try writeCorpus(into: folder, bytes: megabytes << 20, writer: &writer)
    let total = Double(bytesByLanguage.reduce(0, +))
    let shares = (0..<3).map {
      "\(corpusLanguages[$0]) \(Int((Double(bytesByLanguage[$0]) / total * 100).rounded()))%"
    }
    description =
      "generated (\(shares.joined(separator: ", ")) by bytes, seed \(seed)) in \(String(format: "%.2f", seconds(since: clock))) s"
  }
  let clock = ContinuousClock.now
  let listing = try CorpusWalker.list(corpus.isEmpty ? [folder] : corpus)
  let listSeconds = seconds(since: clock)
  let totalBytes = listing.sources.reduce(0) { total, source in
    total
      // The file's size, not a symbolic link's (a corpus of links to another's files).
      + ((try? FileManager.default.attributesOfItem(atPath: (source.path as NSString).resolvingSymlinksInPath))?[.size]
        as? NSNumber ?? 0).intValue
  }
  print(
    "\(name): corpus of \(String(format: "%.1f", Double(totalBytes) / Double(1 << 20))) MB in \(listing.sources.count) files, \(description); listed in \(String(format: "%.2f", listSeconds)) s"
  )
  return PreparedCorpus(
    sources: listing.sources, totalBytes: totalBytes, folder: folder, isTemporary: corpus.isEmpty && corpusOutput == nil)
}

func mentionsBenchmark(megabytes: Int, jobs: Int, seed: UInt64, corpus: [String], writeTo corpusOutput: String?) throws {
  let f2 = { (value: Double) in String(format: "%.2f", value) }
  let f1 = { (value: Double) in String(format: "%.1f", value) }
  let mb = Double(1 << 20)

  // The resources, built once as the CLI does: glossary, link index, lexicon, name dictionary.
  let resourceClock = ContinuousClock.now
  let load = GlossaryLoader.builtIn()
  let glossarySeconds = seconds(since: resourceClock)
  var stepClock = ContinuousClock.now
  let index = try LinkIndex(glossary: load.glossary)
  let indexSeconds = seconds(since: stepClock)
  stepClock = ContinuousClock.now
  let resources = MentionResources(index: index, lexicon: try MentionLexicon.builtIn())
  let resourcesSeconds = seconds(since: stepClock)
  print(
    "mentions: resources built in \(f2(glossarySeconds + indexSeconds + resourcesSeconds)) s (glossary \(f2(glossarySeconds)) s, link index \(f2(indexSeconds)) s, lexicon and name dictionary \(f2(resourcesSeconds)) s; \(load.glossary.entities.count) entities)"
  )

  let prepared = try prepareCorpus(
    name: "mentions", glossary: load.glossary, megabytes: megabytes, seed: seed, corpus: corpus, writeTo: corpusOutput)
  defer { prepared.removeIfTemporary() }
  let sources = prepared.sources
  let totalBytes = prepared.totalBytes
  var clock = ContinuousClock.now

  // Warm-up: a document of each language (the first three of a given corpus) on a throwaway
  // finder loads ICU's rules and dictionaries, which every later run in this process shares.
  clock = ContinuousClock.now
  let warmUp =
    corpus.isEmpty
    ? corpusLanguages.compactMap { language in sources.first { $0.path.hasSuffix("-\(language).txt") } }
    : Array(sources.prefix(3))
  _ = try mentionRun(warmUp, jobs: 1, resources: resources)
  print("mentions: warm-up (\(warmUp.count) documents, ICU data loaded) \(f2(seconds(since: clock))) s")

  let cores = ProcessInfo.processInfo.activeProcessorCount
  if let load = loadAverage() {
    let busy = load > Double(cores) - 0.5
    print(
      "mentions: load average \(f2(load)) on \(cores) cores\(busy ? " (other processes compete for the cores: wall-clock figures suffer, CPU-second figures much less)" : "")"
    )
  }
  var single: RunTotals?
  for threads in jobs > 1 ? [1, jobs] : [1] {
    // Fresh resources per run: the threads' shared caches live in them, and a run after
    // another would start warm.
    let fresh = try MentionResources(glossary: load.glossary)
    let totals = try mentionRun(sources, jobs: threads, resources: fresh)
    let megabytes = Double(totalBytes) / mb
    let rate = megabytes / totals.wall
    let perCore = rate / Double(threads)
    print(
      "mentions: \(threads) thread\(threads == 1 ? "" : "s"): \(f2(totals.wall)) s, \(f1(rate)) MB/s, \(f1(perCore)) MB/s per core (target ≥ 5)\(perCore >= 5 ? "" : "  BELOW TARGET"); \(f1(megabytes / totals.cpu)) MB per CPU-second; CPU busy \(f2(totals.cpu / totals.wall)) of \(threads) core\(threads == 1 ? "" : "s")"
    )
    print(
      "mentions:   \(totals.mentions) mentions (\(Int(Double(totals.mentions) / megabytes)) per MB, \(totals.surfaces.count) distinct surfaces), \(totals.linked) linked (\(Int((Double(totals.linked) / Double(max(1, totals.mentions)) * 100).rounded()))%), \(totals.documents) documents, \(totals.errors) errors; jsonl-like output \(f1(Double(totals.outputBytes) / mb)) MB"
    )
    if let error = totals.firstError { print("mentions:   first error: \(error)") }
    // Of the threads' wall time, what was not spent on a core: waiting for one (the machine is
    // busy), or asleep (a lock, I/O, or nothing to do, such as the tail of the last documents).
    let offCPU = max(0, Double(threads) * totals.wall - totals.cpu)
    if let runQueue = totals.runQueue {
      print(
        "mentions:   off CPU \(f2(offCPU)) thread-seconds: waiting for a core \(f2(min(runQueue, offCPU))) s, asleep (locks, I/O, idle) \(f2(max(0, offCPU - runQueue))) s"
      )
    }
    let stagesCPU = totals.load.cpu + totals.segment.cpu + totals.find.cpu + totals.render.cpu
    func share(_ time: StageTime) -> String {
      "\(f2(time.cpu)) s (\(Int((time.cpu / stagesCPU * 100).rounded()))%, wall \(f2(time.wall)) s)"
    }
    print(
      "mentions:   stages in thread CPU-seconds: load and decode \(share(totals.load)), ICU sentences \(share(totals.segment)), mention finding (with ICU words for CJK text) \(share(totals.find)), jsonl \(share(totals.render)); in-order output (serial) \(f2(totals.deliver)) s"
    )
    if threads == 1 {
      let byLanguage = (0..<4).filter { totals.byLanguage[$0].bytes > 0 }.map { language in
        let (bytes, cpu, mentions) = totals.byLanguage[language]
        let megabytes = Double(bytes) / mb
        return
          "\((corpusLanguages + ["other"])[language]) \(f1(megabytes / max(cpu, 1e-9))) MB/s (\(Int(Double(mentions) / max(megabytes, 1e-9))) mentions per MB)"
      }
      print(
        "mentions:   by language, per CPU-second from load to jsonl: \(byLanguage.joined(separator: ", "))"
      )
    }
    if let peak = totals.peakMB {
      print(
        "mentions:   peak resident memory \(peak) MB (\(totals.startMB.map(String.init) ?? "?") MB when the run started)"
      )
    }
    if let single {
      let speedUp = single.wall / totals.wall
      let target = 0.8 * Double(min(threads, cores))
      print(
        "mentions: speed-up \(f2(speedUp)) on \(threads) threads (target ≥ \(f1(target)))\(speedUp >= target ? "" : "  BELOW TARGET"), \(cores) cores available; CPU-seconds per MB \(f2(totals.cpu / single.cpu))× those of 1 thread"
      )
      if single.mentions != totals.mentions || single.linked != totals.linked {
        print(
          "mentions: warning: \(threads) threads found \(totals.mentions) mentions, 1 thread \(single.mentions)"
        )
      }
    } else {
      single = totals
    }
  }
}

if runs("mentions") {
  do {
    try mentionsBenchmark(
      megabytes: megabytes, jobs: jobs, seed: seed, corpus: corpusPaths, writeTo: corpusOutput)
  } catch {
    FileHandle.standardError.write(Data("crosswalk-bench: error: \(error)\n".utf8))
    exit(2)
  }
}

// MARK: - check

/// One thread's tools for the check benchmark, as `crosswalk check` makes them.
struct CheckWorker {
  let loader: DocumentLoader
  let checker: ArtifactChecker
}

/// What checking one document gave: its findings by rule, and where the time went.
struct CheckedDocument {
  var bytes = 0
  var findings: [String: Int] = [:]
  var stages: [String: Double] = [:]
  var load = StageTime(), check = StageTime()
  var error: String?
}

/// `crosswalk check` over a corpus, on `jobs` threads: wall and CPU seconds, findings by rule,
/// and (with `stages`) the seconds of each stage and rule.
func checkRun(
  _ sources: [DocumentSource], jobs: Int, data: ArtifactData, resources: MentionResources, stages: Bool
) throws -> (wall: Double, cpu: Double, bytes: Int, errors: Int, findings: [String: Int], stages: [String: Double], load: Double, check: Double, peakMB: Int?) {
  var findings: [String: Int] = [:]
  var stageTotals: [String: Double] = [:]
  var bytes = 0, errors = 0
  var load = 0.0, check = 0.0
  let resetMemory = resetPeakResident()
  let cpuStart = processCPUSeconds()
  let start = ContinuousClock.now
  try orderedParallelMap(
    count: sources.count, jobs: jobs,
    makeWorker: { CheckWorker(loader: try DocumentLoader(), checker: try ArtifactChecker(data: data, mentions: resources)) },
    work: { (worker: inout CheckWorker, item: Int) -> CheckedDocument in
      var run = CheckedDocument()
      if stages { worker.checker.stageSeconds = [:] }
      do {
        let document = try timed(&run.load) { try worker.loader.load(sources[item]) }
        run.bytes = document.encoding.byteCount
        for finding in try timed(&run.check, { try worker.checker.check(document) }) {
          run.findings[finding.rule, default: 0] += 1
        }
      } catch {
        run.error = "\(sources[item].path): \(error)"
      }
      run.stages = worker.checker.stageSeconds ?? [:]
      return run
    },
    deliver: { _, run in
      bytes += run.bytes
      if run.error != nil { errors += 1 }
      findings.merge(run.findings, uniquingKeysWith: +)
      stageTotals.merge(run.stages, uniquingKeysWith: +)
      load += run.load.cpu
      check += run.check.cpu
    })
  let wall = seconds(since: start)
  return (
    wall, processCPUSeconds() - cpuStart, bytes, errors, findings, stageTotals, load, check,
    resetMemory ? peakResidentMB() : nil
  )
}

func checkBenchmark(megabytes: Int, jobs: Int, seed: UInt64, corpus: [String], writeTo corpusOutput: String?) throws {
  let f2 = { (value: Double) in String(format: "%.2f", value) }
  let f1 = { (value: Double) in String(format: "%.1f", value) }
  let clock = ContinuousClock.now
  let glossary = GlossaryLoader.builtIn().glossary
  let resources = try MentionResources(glossary: glossary)
  let data = try ArtifactData.builtIn()
  print("check: resources (glossary, link index, lexicon, rule data) built in \(f2(seconds(since: clock))) s")
  let prepared = try prepareCorpus(
    name: "check", glossary: glossary, megabytes: megabytes, seed: seed, corpus: corpus, writeTo: corpusOutput)
  defer { prepared.removeIfTemporary() }
  let megabytesTotal = Double(prepared.totalBytes) / Double(1 << 20)
  _ = try checkRun(Array(prepared.sources.prefix(3)), jobs: 1, data: data, resources: resources, stages: false)
  let cores = ProcessInfo.processInfo.activeProcessorCount
  if let load = loadAverage(), load > Double(cores) - 0.5 {
    print("check: load average \(f2(load)) on \(cores) cores: other processes compete, wall-clock figures suffer")
  }
  var singleWall: Double?
  for threads in jobs > 1 ? [1, jobs] : [1] {
    // Fresh resources per run, as for mentions.
    let fresh = try MentionResources(glossary: glossary)
    let run = try checkRun(prepared.sources, jobs: threads, data: data, resources: fresh, stages: threads == 1)
    let perCore = megabytesTotal / run.wall / Double(threads)
    print(
      "check: \(threads) thread\(threads == 1 ? "" : "s"): \(f2(run.wall)) s, \(f1(megabytesTotal / run.wall)) MB/s, \(f1(perCore)) MB/s per core (target ≥ 10)\(perCore >= 10 ? "" : "  BELOW TARGET"); \(f1(megabytesTotal / run.cpu)) MB per CPU-second; CPU busy \(f2(run.cpu / run.wall)) of \(threads)"
    )
    let byRule = run.findings.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) \($0.value)" }
    print("check:   \(run.findings.values.reduce(0, +)) findings (\(byRule.joined(separator: ", "))), \(run.errors) errors")
    if !run.stages.isEmpty {
      let total = run.load + run.stages.values.reduce(0, +)
      let shares = ([("load and decode", run.load)] + run.stages.sorted { $0.value > $1.value }.map { ($0.key, $0.value) })
        .map { "\($0.0) \(f2($0.1)) s (\(Int(($0.1 / total * 100).rounded()))%)" }
      print("check:   stages and rules, 1 thread, seconds: \(shares.joined(separator: ", "))")
    }
    if let peak = run.peakMB { print("check:   peak resident memory \(peak) MB") }
    if let single = singleWall {
      print("check: speed-up \(f2(single / run.wall)) on \(threads) threads (target ≥ \(f1(0.8 * Double(min(threads, cores)))))")
    } else {
      singleWall = run.wall
    }
  }
}

if runs("check") {
  do {
    try checkBenchmark(megabytes: megabytes, jobs: jobs, seed: seed, corpus: corpusPaths, writeTo: corpusOutput)
  } catch {
    FileHandle.standardError.write(Data("crosswalk-bench: error: \(error)\n".utf8))
    exit(2)
  }
}
