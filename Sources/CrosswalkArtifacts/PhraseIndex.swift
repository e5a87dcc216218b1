import CrosswalkCore

/// Entries of a list rule (calques, acronyms) by their first word, matched word by word in a
/// sentence, longest first, without overlap. Words are compared by their `keyHash`: every word of
/// every sentence is looked up, and a string made or compared per word cost more than the rest of
/// the rule.
struct PhraseIndex<Entry> {
  private let entries: [Entry]
  /// The `keyHash` of each entry's words, in the order of `entries`.
  private let phrases: [[UInt64]]
  /// Positions in `entries` by the key of their first word.
  private let byFirstWord: HashedKeyTable<[Int32]>

  /// `words(entry)` are the entry's words as `key` gives them for a text word.
  init(_ entries: [Entry], words: (Entry) -> [String]) {
    var kept: [Entry] = []
    var phrases: [[UInt64]] = []
    var table = HashedKeyTable<[Int32]>(capacity: entries.count, filler: [])
    for entry in entries {
      let keys = words(entry).map { keyHash($0) }
      guard let first = keys.first else { continue }
      table[first, default: []].append(Int32(kept.count))
      kept.append(entry)
      phrases.append(keys)
    }
    self.entries = kept
    self.phrases = phrases
    byFirstWord = table
  }

  /// The entries found in `words`, each with the positions it covers: the longest entry at a
  /// word that `accepts` (its context), then on after it. `key` gives a text word's `keyHash`
  /// as the list writes words, or nil for a word no entry can hold.
  func matches(
    in words: ArraySlice<ScannedWord>, key: (ScannedWord) -> UInt64?, accepts: (Entry) -> Bool
  ) -> [(entry: Entry, range: Range<Int>)] {
    var found: [(entry: Entry, range: Range<Int>)] = []
    var index = words.startIndex
    while index < words.endIndex {
      var best: (position: Int, length: Int)?
      if let first = key(words[index]), let positions = byFirstWord[first] {
        for position in positions.lazy.map(Int.init) {
          let length = phrases[position].count
          guard index + length <= words.endIndex, length > best?.length ?? 0,
            phrases[position].indices.dropFirst().allSatisfy({ key(words[index + $0]) == phrases[position][$0] }),
            accepts(entries[position])
          else { continue }
          best = (position, length)
        }
      }
      guard let best else {
        index += 1
        continue
      }
      found.append((entries[best.position], index..<(index + best.length)))
      index += best.length
    }
    return found
  }
}
