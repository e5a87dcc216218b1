import ArgumentParser
import CrosswalkCore
import CrosswalkNames
import Foundation

/// `crosswalk normalize`: every level's key for each name, so a user sees why names meet.
struct Normalize: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show each name's key at every level and the rules that fired.",
    discussion: """
      Levels, from exact to coarse: literal (NFC), folded (case, diacritics, punctuation), \
      latin (other scripts transliterated by ICU; kanji kept), romanization (spelling schemes \
      folded: Kisida = Kishida = Кисида), phonetic (a consonant skeleton: Gunashiri = Kunashiri). \
      Two names that share a key at a level meet there; the romanization and phonetic keys find \
      candidates for linking and never decide a link on their own.

      EXAMPLES
        crosswalk normalize Kisida Kishida Кисида
        crosswalk normalize Gunashiri Kunashiri Кунашир --format json
        crosswalk normalize 国後島 クナシリ
        printf 'Ōno\\nOhno\\n' | crosswalk normalize --input - --format jsonl
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json, jsonl, tsv
  }

  @OptionGroup var names: NameInputOptions

  @Option(name: .long, help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
  var format: Format = .text

  @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
  var output: String?


  func run() throws {
    let normalizer: NameNormalizer
    do {
      normalizer = try NameNormalizer()
    } catch {
      throw fail(error)
    }
    let out = try Output(path: output)
    var renderer = KeysRenderer(format: format, out: out)
    var all: [NameKeys] = []

    func handle(_ name: String, source: String?) throws {
      do {
        let keys = try normalizer.keys(for: name)
        renderer.add(keys)
        if format == .text && all.count < 1000 { all.append(keys) }
      } catch {
        throw fail(source.map { "\($0): \(error)" } ?? "\(error)")
      }
    }

    renderer.begin()
    try names.forEach(handle)
    renderer.end(meetings: all)
    try out.finish()
  }
}

/// Writes `NameKeys` in one of the output formats, streaming one name at a time.
struct KeysRenderer {
  let format: Normalize.Format
  let out: Output
  private var count = 0

  init(format: Normalize.Format, out: Output) {
    self.format = format
    self.out = out
  }

  private static let encoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }()

  private func json(_ keys: NameKeys) -> String {
    guard let data = try? Self.encoder.encode(keys) else { return "{}" }
    return String(decoding: data, as: UTF8.self)
  }

  func begin() {
    switch format {
    case .json: out.write("[")
    case .tsv:
      out.write((["input"] + NameLevel.allCases.map(\.rawValue) + ["scripts"]).joined(separator: "\t") + "\n")
    case .text, .jsonl: break
    }
  }

  mutating func add(_ keys: NameKeys) {
    defer { count += 1 }
    switch format {
    case .json:
      out.write((count == 0 ? "\n  " : ",\n  ") + json(keys))
    case .jsonl:
      out.write(json(keys) + "\n")
    case .tsv:
      let fields =
        [keys.input] + NameLevel.allCases.map { keys.key($0) } + [keys.scripts.joined(separator: ",")]
      out.write(fields.map { $0.replacingOccurrences(of: "\t", with: " ") }.joined(separator: "\t") + "\n")
    case .text:
      var lines = [(count == 0 ? "" : "\n") + keys.input]
      for level in NameLevel.allCases {
        lines.append(
          "  " + level.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0) + keys.key(level))
      }
      lines.append("  scripts      " + (keys.scripts.isEmpty ? "none" : keys.scripts.joined(separator: ", ")))
      if !keys.steps.isEmpty { lines.append("  steps        " + keys.steps.joined(separator: "; ")) }
      out.write(lines.joined(separator: "\n") + "\n")
    }
  }

  /// Closes the output; in text, says at which level the names meet.
  func end(meetings names: [NameKeys]) {
    switch format {
    case .json: out.write(count == 0 ? "]\n" : "\n]\n")
    case .text where names.count > 1:
      out.write("\n" + Self.meetings(names) + "\n")
    case .text, .jsonl, .tsv: break
    }
  }

  /// One line per level that joins at least two names: which names meet there.
  static func meetings(_ names: [NameKeys]) -> String {
    var lines: [String] = []
    for level in NameLevel.allCases {
      var groups: [String: [String]] = [:]
      var order: [String] = []
      for keys in names where !keys.key(level).isEmpty {
        let key = keys.key(level)
        if groups[key] == nil { order.append(key) }
        groups[key, default: []].append(keys.input)
      }
      let joined = order.compactMap { key -> String? in
        guard let members = groups[key], members.count > 1 else { return nil }
        return members.joined(separator: " = ") + " (\(key))"
      }
      if !joined.isEmpty {
        lines.append(level.rawValue + ": " + joined.joined(separator: "; "))
      }
    }
    return lines.isEmpty
      ? "The names share no key at any level." : "Meet at\n  " + lines.joined(separator: "\n  ")
  }
}
