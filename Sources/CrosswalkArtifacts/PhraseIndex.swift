import CrosswalkCore

/// Entries of a list rule (calques, acronyms) by their first word, matched word by word in a
/// sentence, longest first, without overlap.
struct PhraseIndex<Entry> {
  private let byFirstWord: [String: [(entry: Entry, words: [String])]]

  /// `words(entry)` are the entry's words as `key` gives them for a text word.
  init(_ entries: [Entry], words: (Entry) -> [String]) {
    var index: [String: [(entry: Entry, words: [String])]] = [:]
    for entry in entries {
      let entryWords = words(entry)
      if let first = entryWords.first { index[first, default: []].append((entry, entryWords)) }
    }
    byFirstWord = index
  }

  /// The entries found in `words`, each with the positions it covers: the longest entry at a
  /// word that `accepts` (its context), then on after it.
  func matches(
    in words: ArraySlice<ScannedWord>, key: (ScannedWord) -> String, accepts: (Entry) -> Bool
  ) -> [(entry: Entry, range: Range<Int>)] {
    var found: [(entry: Entry, range: Range<Int>)] = []
    var index = words.startIndex
    while index < words.endIndex {
      var best: (entry: Entry, length: Int)?
      for candidate in byFirstWord[key(words[index])] ?? [] where index + candidate.words.count <= words.endIndex {
        let length = candidate.words.count
        guard length > (best?.length ?? 0),
          (1..<length).allSatisfy({ key(words[index + $0]) == candidate.words[$0] }), accepts(candidate.entry)
        else { continue }
        best = (candidate.entry, length)
      }
      guard let best else {
        index += 1
        continue
      }
      found.append((best.entry, index..<(index + best.length)))
      index += best.length
    }
    return found
  }
}
