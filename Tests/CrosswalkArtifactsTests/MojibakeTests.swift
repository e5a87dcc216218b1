// Mojibake detection and repair: a corpus test over Tests/Fixtures/mojibake (garbled.tsv made
// from clean.txt by make-garbled.py) and edge cases.
import CrosswalkICU
import Foundation
import Testing

@testable import CrosswalkArtifacts

/// The mojibake fixtures and helpers shared by the tests below.
enum MojibakeFixtures {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures").appendingPathComponent("mojibake")

  /// One line of garbled.tsv.
  struct Row {
    var codePage: String
    var rounds: Int
    var garbled: String
    var original: String
  }

  static func cleanLines() throws -> [String] {
    let text = try String(contentsOf: folder.appendingPathComponent("clean.txt"), encoding: .utf8)
    return text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
  }

  static func garbledRows() throws -> [Row] {
    let text = try String(contentsOf: folder.appendingPathComponent("garbled.tsv"), encoding: .utf8)
    return text.split(separator: "\n", omittingEmptySubsequences: true).compactMap { line in
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard fields.count == 4, let rounds = Int(fields[1]) else { return nil }
      return Row(codePage: fields[0], rounds: rounds, garbled: fields[2], original: fields[3])
    }
  }

  /// `text` garbled through ICU: UTF-8 bytes decoded with `charset`, `rounds` times.
  static func garble(_ text: String, _ charset: String, rounds: Int = 1) throws -> String {
    let converter = try CharsetConverter(charset: charset)
    var result = text
    for _ in 0..<rounds { result = try converter.decode(Array(result.utf8)).text }
    return result
  }

  /// True when `a` and `b` have the same Unicode scalars (String's `==` would also accept
  /// canonically equivalent text).
  static func same(_ a: String, _ b: String) -> Bool {
    a.unicodeScalars.elementsEqual(b.unicodeScalars)
  }

  /// The scalar offsets `runs` cover.
  static func covered(_ runs: [MojibakeRun]) -> Set<Int> {
    var offsets = Set<Int>()
    for run in runs { offsets.formUnion(run.start..<run.end) }
    return offsets
  }
}

@Suite struct MojibakeCorpusTests {
  /// Counts for one (code page, rounds) pair.
  struct Tally {
    var lines = 0
    var detected = 0
    var repaired = 0
    var labelled = 0

    mutating func add(_ other: Tally) {
      lines += other.lines
      detected += other.detected
      repaired += other.repaired
      labelled += other.labelled
    }
  }

  static func ratio(_ part: Int, _ whole: Int) -> Double { whole == 0 ? 1 : Double(part) / Double(whole) }

  static func percent(_ part: Int, _ whole: Int) -> String {
    String(format: "%6.1f%%", 100 * ratio(part, whole))
  }

  @Test func corpusRecallRepairAndFalsePositives() throws {
    let repairer = try MojibakeRepairer()
    let rows = try MojibakeFixtures.garbledRows()
    let clean = try MojibakeFixtures.cleanLines()
    #expect(rows.count >= 300)
    #expect(clean.count >= 240)

    var tallies: [String: Tally] = [:]
    var misses: [String] = []
    for row in rows {
      let runs = repairer.runs(in: row.garbled)
      var tally = Tally(lines: 1)
      if !runs.isEmpty { tally.detected = 1 }
      if MojibakeFixtures.same(MojibakeRepairer.apply(runs, to: row.garbled), row.original) {
        tally.repaired = 1
      } else if misses.count < 12 {
        misses.append("\(row.codePage) ×\(row.rounds): \(row.original) ← \(runs)")
      }
      // windows-1252 and ISO-8859-1 garble most lines identically; either label is right then.
      let sameBytes: (MojibakeRun) -> Bool = { run in
        guard let expected = MojibakeCodePage(charset: row.codePage) else { return false }
        if run.codePage == expected { return true }
        let latin: Set<MojibakeCodePage> = [.windows1252, .latin1]
        guard latin.contains(run.codePage), latin.contains(expected) else { return false }
        let text = String(String.UnicodeScalarView(Array(row.garbled.unicodeScalars)[run.start..<run.end]))
        return text.unicodeScalars.allSatisfy { !(0x80...0x9F).contains($0.value) }
          && text.unicodeScalars.allSatisfy { $0.value < 0x100 }
      }
      if !runs.isEmpty && runs.allSatisfy({ sameBytes($0) && $0.rounds == row.rounds }) { tally.labelled = 1 }
      tallies["\(row.codePage)\t\(row.rounds)", default: Tally()].add(tally)
    }

    var falsePositives: [String] = []
    for line in clean {
      let runs = repairer.runs(in: line)
      if !runs.isEmpty { falsePositives.append("\(line) → \(runs)") }
    }

    var total = Tally()
    var table = "code page      rounds  lines  recall  repaired  labelled\n"
    for codePage in MojibakeCodePage.allCases {
      for rounds in 1...2 {
        guard let tally = tallies["\(codePage.charset)\t\(rounds)"] else { continue }
        total.add(tally)
        table +=
          codePage.charset.padding(toLength: 15, withPad: " ", startingAt: 0) + "\(rounds)     "
          + String(format: "%6d", tally.lines) + " " + Self.percent(tally.detected, tally.lines) + "  "
          + Self.percent(tally.repaired, tally.lines) + "  " + Self.percent(tally.labelled, tally.lines)
          + "\n"
      }
    }
    table +=
      "overall        -     " + String(format: "%6d", total.lines) + " "
      + Self.percent(total.detected, total.lines)
      + "  " + Self.percent(total.repaired, total.lines) + "  " + Self.percent(total.labelled, total.lines)
      + "\n"
    table += "false positives on \(clean.count) clean lines: \(falsePositives.count)\n"
    print(table)
    for miss in misses { print("not repaired: \(miss)") }
    for falsePositive in falsePositives { print("false positive: \(falsePositive)") }

    #expect(Self.ratio(total.detected, total.lines) >= 0.95)
    #expect(Self.ratio(total.repaired, total.lines) >= 0.90)
    #expect(falsePositives.isEmpty)
  }

  /// A garbled line inside a clean English sentence: the runs stay inside the garbled part, cover
  /// all its non-ASCII characters, and the repair restores the sentence.
  @Test func garbledLineInsideCleanSentence() throws {
    let repairer = try MojibakeRepairer()
    let rows = try MojibakeFixtures.garbledRows()
    let prefix = "The file said: "
    let suffix = " and more."
    var sampled = 0
    var failures: [String] = []
    for (index, row) in rows.enumerated() where index % 5 == 0 {
      // Only lines the engine repairs on their own; the corpus test measures the rest.
      guard MojibakeFixtures.same(repairer.repaired(row.garbled), row.original) else { continue }
      sampled += 1
      let line = prefix + row.garbled + suffix
      let runs = repairer.runs(in: line)
      let garbledRange =
        prefix.unicodeScalars.count..<(prefix.unicodeScalars.count + row.garbled.unicodeScalars.count)
      let scalars = Array(line.unicodeScalars)
      let nonASCII = Set(garbledRange.filter { scalars[$0].value >= 0x80 })
      let covered = MojibakeFixtures.covered(runs)
      let inside = runs.allSatisfy { garbledRange.contains($0.start) && $0.end <= garbledRange.upperBound }
      let repaired = MojibakeRepairer.apply(runs, to: line)
      if !inside || !nonASCII.isSubset(of: covered)
        || !MojibakeFixtures.same(repaired, prefix + row.original + suffix)
      {
        failures.append("\(row.codePage) ×\(row.rounds): \(line) → \(runs)")
      }
    }
    print(
      "embedded: \(sampled - failures.count) of \(sampled) sampled lines repaired inside a clean sentence")
    for failure in failures.prefix(10) { print("embedded failure: \(failure)") }
    #expect(sampled >= 100)
    #expect(failures.isEmpty)
  }
}

@Suite struct MojibakeEdgeCaseTests {
  @Test func emptyAndASCIILinesHaveNoRunsAndNeedNoICU() throws {
    let repairer = try MojibakeRepairer()
    #expect(repairer.runs(in: "").isEmpty)
    #expect(repairer.runs(in: "Plain ASCII text, with punctuation: (a) [b] {c} ~ 1.5% & more!").isEmpty)
    #expect(repairer.repaired("") == "")
    #expect(repairer.converterCalls == 0)
  }

  @Test func replacementCharacterIsLeftAlone() throws {
    let repairer = try MojibakeRepairer()
    #expect(repairer.runs(in: "Broken \u{FFFD}\u{FFFD} bytes here").isEmpty)
    #expect(repairer.runs(in: "Ð\u{FFFD}Ñ\u{FFFD} and \u{FFFD}").isEmpty)
    // A garbled word next to U+FFFD is still found; the U+FFFD stays outside the run.
    let line = "\u{FFFD} CafÃ© \u{FFFD}"
    let runs = repairer.runs(in: line)
    #expect(runs.count == 1)
    #expect(MojibakeRepairer.apply(runs, to: line) == "\u{FFFD} Café \u{FFFD}")
  }

  @Test func hugeCleanLineIsDecidedWithoutICU() throws {
    let repairer = try MojibakeRepairer()
    let clean = try MojibakeFixtures.cleanLines()
    var line = ""
    var index = 0
    while line.unicodeScalars.count < 200_000 {
      line += clean[index % clean.count] + " "
      index += 1
    }
    #expect(line.unicodeScalars.count >= 200_000)
    #expect(repairer.runs(in: line).isEmpty)
    #expect(repairer.converterCalls == 0)
  }

  @Test func hugeLineWithOneGarbledWordAtTheEnd() throws {
    let repairer = try MojibakeRepairer()
    let filler = String(repeating: "The café in Zürich is open; ", count: 8_000)
    let line = filler + "Ð\u{A1}ÐµÑ€Ð³ÐµÐ¹."
    let runs = repairer.runs(in: line)
    #expect(runs.count == 1)
    #expect(runs.first?.start == filler.unicodeScalars.count)
    #expect(runs.first?.repaired == "Сергей")
  }

  @Test func lineWithTwoGarbledRuns() throws {
    let repairer = try MojibakeRepairer()
    let first = try MojibakeFixtures.garble("Сергей Иванов", "windows-1252")
    let second = try MojibakeFixtures.garble("Анна Петрова", "windows-1251")
    let line = "Signed: \(first), witnessed by \(second) in 2024."
    let runs = repairer.runs(in: line)
    #expect(runs.count == 2)
    guard runs.count == 2 else { return }
    let firstStart = "Signed: ".unicodeScalars.count
    #expect(runs[0].start == firstStart)
    #expect(runs[0].end == firstStart + first.unicodeScalars.count)
    #expect(runs[0].repaired == "Сергей Иванов")
    #expect(runs[0].codePage == .windows1252)
    #expect(runs[1].repaired == "Анна Петрова")
    #expect(runs[1].codePage == .windows1251)
    #expect(runs[1].rounds == 1)
    #expect(
      MojibakeRepairer.apply(runs, to: line) == "Signed: Сергей Иванов, witnessed by Анна Петрова in 2024.")
  }

  @Test(arguments: [
    ("Кирил", "windows-1251", 1), ("Кирилл Петров", "windows-1251", 2), ("Café au lait", "windows-1252", 1),
    ("It’s “quoted” — really…", "windows-1252", 1), ("naïve résumé", "windows-1252", 2),
    ("Dvořák in Łódź", "ISO-8859-1", 1), ("Müller", "ISO-8859-1", 2), ("Москва", "KOI8-R", 1),
    ("Москва, Россия", "KOI8-R", 2), ("東京都", "windows-1251", 1), ("新しい", "Shift_JIS", 1),
    ("The café’s façade", "Shift_JIS", 1), ("€45", "windows-1252", 1), ("25 °C", "windows-1251", 1),
    ("Şener", "windows-1252", 1), ("Čech", "windows-1252", 1), ("Katja Hein ©", "windows-1252", 1),
    ("Số 4 phố số 2, Quận Hoàn Kiếm", "windows-1252", 1), ("ул. Кедровая, д. 87 к. 11", "windows-1251", 2),
    ("«52988 Darmstadt»", "ISO-8859-1", 2), ("Demʼjanenko, Vasilʹev", "KOI8-R", 1),
  ])
  func knownGarbling(text: String, charset: String, rounds: Int) throws {
    let repairer = try MojibakeRepairer()
    let garbled = try MojibakeFixtures.garble(text, charset, rounds: rounds)
    let runs = repairer.runs(in: garbled)
    #expect(MojibakeFixtures.same(MojibakeRepairer.apply(runs, to: garbled), text), "\(garbled) → \(runs)")
    #expect(runs.allSatisfy { $0.rounds == rounds })
  }

  /// Python's Shift_JIS decodes 0x8160 as U+301C, ICU's as U+FF5E: both repair.
  @Test func shiftJISWaveDashForms() throws {
    let repairer = try MojibakeRepairer()
    #expect(repairer.repaired("ﾃ\u{301C}") == "Á`")
    #expect(repairer.repaired("ﾃ\u{FF5E}") == "Á`")
  }

  @Test func designExample() throws {
    let repairer = try MojibakeRepairer()
    let runs = repairer.runs(in: "Сообщение: РљСѓСЂРёР»")
    #expect(runs == [MojibakeRun(start: 11, end: 21, codePage: .windows1251, rounds: 1, repaired: "Курил")])
  }

  @Test(arguments: [
    "Zürich", "São Paulo", "Ângela", "Ærø", "Ñandú", "ÂNGELA ÑANDÚ", "Dvořák, Łódź, naïve, résumé, façade",
    "ВСЁ БОЛЬШЕ СЕМЕЙ ВЫБИРАЮТ ОТДЫХ НА ЧЁРНОМ МОРЕ", "ЕЩЁ ОДНА НОВОСТЬ», «ВСЁ ТАК»",
    "«НТВ» и «РИА» — №\u{A0}5",
    "Её зовут Анна, её брат — Пётр, всё её.", "её её", "В\u{A0}2020 году, О\u{A0}1 и К\u{A0}2",
    "в\u{A0}Москве и\u{A0}Казани не\u{A0}было снега", "Різдво, Рік, Сім’я, Їжак, Ґанок",
    "«Газета В» (формат В»)",
    "東京で「ﾌｧﾐﾘｰｾｯﾄ」を販売", "ｶﾀｶﾅ ﾃｽﾄ ｱｲｳｴｵ", "Le CAFÉ… est ouvert", "GRÜN» und „Fuß“", "Ça coûte 5 € — déjà vu",
    "Ω≈ç√∫˜µ≤≥÷", "±°©®™ ¼ ½ ¾", "¡Hola! ¿Qué tal?", "Ελληνικά κείμενα", "中文的句子，还有标点。",
    "V NÍŽINÁCH, KRÍŽIK KLEPÁČ", "«60138 Lempäälä»…", "ЗІ ЇЖАКОМ, ЇЇ ЄВА", "魏街s座", "莉子 riko given",
    "ﾛｸﾞ催眠術ｸﾙｰﾄｽﾄｰｽﾄ管理する葉ﾄﾘﾋﾞｭｰﾄ", "Её слова. Её дом. Её сад. Её кот. Её сын. Её мир.",
    "CŒUR, SŒUR, Œuvre", "Straße “Fuß”, Maß…",
  ])
  func cleanTextIsNeverFlagged(line: String) throws {
    let repairer = try MojibakeRepairer()
    #expect(repairer.runs(in: line).isEmpty, "\(repairer.runs(in: line))")
  }
}

/// The `mojibake` rule over whole documents: document offsets on later lines, and the repair as
/// the suggestion.
@Suite struct MojibakeRuleTests {
  @Test func findingOnALaterLineHasDocumentOffsetsAndTheRepair() throws {
    let garbled = try MojibakeFixtures.garble("Кунашир", "windows-1251")
    let text = "Первая строка.\r\nВторая: Её дом.\r\nТретья: \(garbled) и всё.\n"
    let found = try RuleTestResources.findings(of: "mojibake", in: text)
    #expect(found.count == 1)
    let finding = try #require(found.first)
    let document = RuleTestResources.document(text)
    #expect(document.text(of: finding.span) == garbled)
    #expect(document.location(of: finding.span.start).line == 3)
    #expect(finding.suggestion == "Кунашир")
  }

  @Test func everyGarbledFixtureLineIsFoundInOneDocument() throws {
    let rows = try MojibakeFixtures.garbledRows()
    let clean = try MojibakeFixtures.cleanLines()
    // Garbled and clean lines interleaved: each garbled line gives findings on its own line only.
    var lines: [String] = []
    var garbledLines = Set<Int>()
    for (index, row) in rows.enumerated() where index % 7 == 0 {
      garbledLines.insert(lines.count + 1)
      lines.append(row.garbled)
      lines.append(clean[index % clean.count])
    }
    let text = lines.joined(separator: "\n")
    let document = RuleTestResources.document(text)
    let found = try RuleTestResources.findings(of: "mojibake", in: text)
    let flagged = Set(found.map { document.location(of: $0.span.start).line })
    #expect(flagged == garbledLines)
  }
}
