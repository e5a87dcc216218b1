import CrosswalkCore

/// Entries of a list rule (calques, acronyms) by their first word, matched word by word in a
/// sentence, longest first, without overlap.
struct PhraseIndex<Entry> {
  private let entries: [(entry: Entry, words: [String])]
  /// Positions in `entries` by the `keyHash` of their first word. Every word of a text is
  /// looked up: a String key would be normalized and hashed again by the Dictionary, and its
  /// entries copied out, for the few words that begin a phrase.
  private let byFirstWord: HashedKeyTable<[Int]>

  /// `words(entry)` are the entry's words as `key` gives them for a text word.
  init(_ entries: [Entry], words: (Entry) -> [String]) {
    var indexed: [(entry: Entry, words: [String])] = []
    var table = HashedKeyTable<[Int]>(capacity: entries.count, filler: [])
    for entry in entries {
      let entryWords = words(entry)
      guard let first = entryWords.first else { continue }
      table[keyHash(first), default: []].append(indexed.count)
      indexed.append((entry, entryWords))
    }
    self.entries = indexed
    byFirstWord = table
  }

  /// The entries found in `words`, each with the positions it covers: the longest entry at a
  /// word that `accepts` (its context), then on after it.
  func matches(
    in words: ArraySlice<ScannedWord>, key: (ScannedWord) -> String, accepts: (Entry) -> Bool
  ) -> [(entry: Entry, range: Range<Int>)] {
    var found: [(entry: Entry, range: Range<Int>)] = []
    var index = words.startIndex
    while index < words.endIndex {
      var best: (position: Int, length: Int)?
      let first = key(words[index])
      if !first.isEmpty, let positions = byFirstWord[keyHash(first)] {
        for position in positions {
          let phrase = entries[position].words
          guard index + phrase.count <= words.endIndex, phrase.count > best?.length ?? 0, phrase[0] == first,
            (1..<phrase.count).allSatisfy({ key(words[index + $0]) == phrase[$0] }), accepts(entries[position].entry)
          else { continue }
          best = (position, phrase.count)
        }
      }
      guard let best else {
        index += 1
        continue
      }
      found.append((entries[best.position].entry, index..<(index + best.length)))
      index += best.length
    }
    return found
  }
}
