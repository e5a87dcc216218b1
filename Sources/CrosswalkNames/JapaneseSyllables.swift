import CrosswalkCore
import Foundation

/// Decides whether a Latin token reads as a Japanese name: whether it splits into Japanese
/// syllables. The syllable inventory is data (glossaries/transforms/japanese-syllables.txt).
///
/// The decision steers only the readings that romanization schemes disagree on: 'ou' is a
/// long o in Satou but French у in Gourov; a circumflex is a long vowel in Syôta but я or ю
/// in ISO 9; Japanese keeps doubled consonants (Hattori is not Hatori).
public struct JapaneseSyllables: Sendable {
  /// Membership by letter: `isVowel[byte]` for the 256 byte values.
  private let isVowel: [Bool]
  /// Onsets packed into an integer, one byte per letter (at most 4 letters).
  private let onsets: Set<UInt32>
  private let longestOnset: Int
  /// Letters with marks that Japanese romanizations never write (ISO 9 â, ê; Slavic š, č, ž).
  private let foreignLetters: Set<Unicode.Scalar>

  /// Reads the `vowels:` and `onsets:` lines of the syllables file.
  public init(text: String, file: String) throws(NameError) {
    var vowels: [String] = []
    var onsets: [String] = []
    var foreign: [String] = []
    for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let line = rawLine.trimmingSpaces()
      if line.isEmpty || line.hasPrefix("#") { continue }
      let parts = line.split(separator: ":", maxSplits: 1)
      let values = parts.count == 2 ? parts[1].split(separator: " ").map(String.init) : []
      switch parts.first.map(String.init) {
      case "vowels": vowels = values
      case "onsets": onsets = values
      case "foreign": foreign = values
      default:
        throw .invalidTable(
          file: file, line: number + 1, message: "expected 'vowels:', 'onsets:' or 'foreign:', got '\(line)'")
      }
    }
    guard !vowels.isEmpty else {
      throw .invalidTable(file: file, line: 1, message: "no 'vowels:' line")
    }
    let ascii = (vowels + onsets).allSatisfy { $0.utf8.allSatisfy { $0 >= 0x61 && $0 <= 0x7A } }
    guard ascii else {
      throw .invalidTable(file: file, line: 1, message: "syllables must be lower-case ASCII letters")
    }
    guard onsets.allSatisfy({ $0.utf8.count <= 4 }), vowels.allSatisfy({ $0.utf8.count == 1 }) else {
      throw .invalidTable(file: file, line: 1, message: "vowels are one letter, onsets at most four")
    }
    var isVowel = [Bool](repeating: false, count: 256)
    for vowel in vowels { isVowel[Int(vowel.utf8.first ?? 0)] = true }
    self.isVowel = isVowel
    self.onsets = Set(onsets.map { Self.pack($0.utf8[...]) })
    self.longestOnset = onsets.map(\.utf8.count).max() ?? 0
    self.foreignLetters = Set(foreign.flatMap(\.unicodeScalars))
  }

  private static func pack<C: Collection<UInt8>>(_ letters: C) -> UInt32 {
    letters.reduce(0) { $0 << 8 | UInt32($1) }
  }

  /// False when `token` (lower-case, diacritics kept) has a `foreign:` letter, one no Japanese
  /// romanization writes: Šosse and Lihačeva are not Japanese, whatever their syllables.
  public func allowsLetters(_ token: some StringProtocol) -> Bool {
    !token.unicodeScalars.contains { foreignLetters.contains($0) }
  }

  /// True when `token` (lower-case, diacritics removed) splits into Japanese syllables.
  public func matches(_ token: some StringProtocol) -> Bool {
    matches(letters: Array(token.utf8))
  }

  /// `matches` for a token's UTF-8 bytes.
  public func matches(letters: [UInt8]) -> Bool {
    guard !letters.isEmpty, letters.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return false }
    var reachable = [Bool](repeating: false, count: letters.count + 1)
    reachable[0] = true
    for start in 0..<letters.count where reachable[start] {
      markSyllableEnds(letters, from: start, in: &reachable)
    }
    return reachable[letters.count]
  }

  /// Marks where a syllable starting at `start` can end.
  private func markSyllableEnds(_ s: [UInt8], from start: Int, in reachable: inout [Bool]) {
    let n = UInt8(ascii: "n"), h = UInt8(ascii: "h"), o = UInt8(ascii: "o"), c = UInt8(ascii: "c")
    let letter = s[start]
    let nextIsVowel = start + 1 < s.count && isVowel[Int(s[start + 1])]
    if isVowel[Int(letter)] { reachable[start + 1] = true }
    // Syllabic n, not before a vowel (that is the onset n).
    if letter == n, !nextIsVowel { reachable[start + 1] = true }
    // Passport Hepburn's long o: Ohno, Satoh.
    if letter == h, start > 0, s[start - 1] == o, !nextIsVowel { reachable[start + 1] = true }
    // A doubled consonant belongs to the next syllable (Hattori; Hepburn 'tch' and 'cch').
    if start + 1 < s.count, !isVowel[Int(letter)], letter != n,
      s[start + 1] == letter || (s[start + 1] == c && letter == UInt8(ascii: "t"))
    {
      reachable[start + 1] = true
    }
    var packed: UInt32 = 0
    for length in 1...max(1, longestOnset) where start + length < s.count {
      packed = packed << 8 | UInt32(s[start + length - 1])
      if isVowel[Int(s[start + length])], onsets.contains(packed) {
        reachable[start + length + 1] = true
      }
    }
  }
}
