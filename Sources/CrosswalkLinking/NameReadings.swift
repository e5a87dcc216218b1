import CrosswalkCore
import CrosswalkICU
import CrosswalkNames

/// Readings of Japanese surnames and given names written in kanji
/// (glossaries/names/japanese-name-readings.tsv). ICU cannot read kanji as Japanese (its Han-Latin
/// gives Mandarin), so a kanji name with no kanji alias in the glossary is read through this
/// table, and every reading is tried.
public struct NameReadings: Sendable {
  public static let file = "names/japanese-name-readings.tsv"

  private var surnames: [String: [String]] = [:]
  private var givenNames: [String: [String]] = [:]
  private var longestSurname = 0
  /// The `keyHash` of every surname and given name, to test a run of scalars for one without
  /// making a string (a scan tries every place in Japanese text).
  private var surnameKeys = HashedKeyTable<Bool>(filler: false)
  private var givenNameKeys = HashedKeyTable<Bool>(filler: false)

  public init() {}

  /// Reads `kanji<TAB>reading<TAB>surname|given` lines; `#` starts a comment.
  public init(text: String, file: String = NameReadings.file) throws(NameError) {
    for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
      if line.isEmpty || line.hasPrefix("#") { continue }
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard fields.count == 3, !fields[0].isEmpty, !fields[1].isEmpty else {
        throw .invalidTable(
          file: file, line: index + 1, message: "expected kanji, reading and part, tab-separated")
      }
      switch fields[2] {
      case "surname":
        surnames[fields[0], default: []].append(fields[1])
        surnameKeys[keyHash(fields[0]), default: true] = true
        longestSurname = max(longestSurname, fields[0].count)
      case "given":
        givenNames[fields[0], default: []].append(fields[1])
        givenNameKeys[keyHash(fields[0]), default: true] = true
      default:
        throw .invalidTable(
          file: file, line: index + 1, message: "part '\(fields[2])' is not surname or given")
      }
    }
  }

  /// Latin readings of a kanji name, surname first ("watanabe yuta"), most common first; at most
  /// `limit`. The name is one word (渡辺裕太) or surname and given name apart (渡辺 裕太).
  public func readings(of name: String, limit: Int = 12) -> [String] {
    let parts = name.split(whereSeparator: { $0.isWhitespace || $0 == "・" || $0 == "　" })
    var splits: [(surname: Substring, given: Substring)] = []
    if parts.count == 2 {
      splits.append((parts[0], parts[1]))
    } else if parts.count == 1, let word = parts.first {
      // Every place the surname could end, longest surname first.
      for length in stride(from: min(longestSurname, word.count - 1), through: 1, by: -1) {
        let end = word.index(word.startIndex, offsetBy: length)
        splits.append((word[..<end], word[end...]))
      }
    }
    var result: [String] = []
    for split in splits {
      guard let family = surnames[String(split.surname)] else { continue }
      // A given name in kana (中村あすか) is read by the normalizer's script transforms.
      let kana = split.given.unicodeScalars.allSatisfy {
        let script = Script(of: $0)
        return script == .hiragana || script == .katakana || $0 == "ー"
      }
      guard let given = kana ? [String(split.given)] : givenNames[String(split.given)] else { continue }
      for surname in family {
        for first in given where result.count < limit {
          let reading = "\(surname) \(first)"
          if !result.contains(reading) { result.append(reading) }
        }
      }
    }
    return result
  }

  public var isEmpty: Bool { surnames.isEmpty && givenNames.isEmpty }

  /// Whether the table (very probably: by 64-bit hash) reads these scalars as a surname.
  /// (A slice, not any sequence: generic, the call from another module hashed through
  /// witness tables, a twentieth of the time of Japanese text.)
  public func isSurname(scalars kanji: ArraySlice<Unicode.Scalar>) -> Bool {
    surnameKeys[keyHash(scalars: kanji)] != nil
  }

  /// Whether the table (very probably: by 64-bit hash) reads these scalars as a given name.
  public func isGivenName(scalars kanji: ArraySlice<Unicode.Scalar>) -> Bool {
    givenNameKeys[keyHash(scalars: kanji)] != nil
  }
}
