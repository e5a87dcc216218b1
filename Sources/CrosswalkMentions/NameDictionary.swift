import CrosswalkCore

/// Every glossary name, folded and cut into words (or, for Japanese and Chinese, into folded
/// characters), in prefix tables: finding the names in a text walks the text once and never
/// scans the glossary. Built once per glossary and shared by all threads.
///
/// Each table maps the hash of a prefix (a run of word keys, or of folded characters) to 0 when
/// longer names continue it, or to 1 + the index of the names that end there.
public final class NameDictionary: Sendable {
  /// One glossary name as the dictionary holds it.
  struct Form: Sendable {
    /// The glossary entity, or -1 for a known name (`MentionLexicon.knownNames`).
    let entity: Int32
    /// The name's position in `Entity.names`.
    let name: Int32
    let wordCount: Int32
    /// In text, one of the matched words must be capitalized (see `needsCapital`).
    let needsCapital: Bool
    /// Words of the name in capitals (NATO, МИД): bit i set means word i must be in capitals.
    let capsMask: UInt32
  }

  let glossary: Glossary
  /// Names the glossary has no entity for but that are surely names (known-names.tsv).
  let knownNames: [MentionLexicon.KnownName]
  let forms: [Form]
  let wordPrefixes: HashedKeyTable<Int32>
  let characterPrefixes: HashedKeyTable<Int32>
  /// Form indices of the names that end at a prefix.
  let endings: [[Int32]]
  /// The longest name in words, and in folded characters.
  let longestWords: Int
  let longestCharacters: Int
  let tokenizer: WordTokenizer
  /// The key of every word of every name written in words.
  let nameWords: HashedKeySet
  /// The forms that name a state (states.txt): every name of a glossary entity or of a group of
  /// known names that the list names.
  let stateForms: Set<Int32>

  public init(glossary: Glossary, lexicon: MentionLexicon) {
    self.glossary = glossary
    knownNames = lexicon.knownNames
    tokenizer = WordTokenizer(endings: lexicon.russianEndings)
    var forms: [Form] = []
    var words = HashedKeyTable<Int32>(filler: 0)
    var characters = HashedKeyTable<Int32>(filler: 0)
    var endings: [[Int32]] = []
    var longestWords = 0
    var longestCharacters = 0
    var nameWords = HashedKeySet()
    var stateForms = Set<Int32>()
    let stateEntities = Set(
      glossary.entities.indices.filter { glossary.entities[$0].names.contains { lexicon.states.contains($0.text.lowercased()) } })
    let stateGroups = Set(lexicon.knownNames.filter { lexicon.states.contains($0.name.lowercased()) }.map(\.group))
    func isState(_ entityIndex: Int32, _ nameIndex: Int32) -> Bool {
      entityIndex >= 0
        ? stateEntities.contains(Int(entityIndex)) : stateGroups.contains(lexicon.knownNames[Int(nameIndex)].group)
    }
    func addEnding(_ table: inout HashedKeyTable<Int32>, _ key: UInt64, form: Int32) {
      let value = table[key] ?? 0
      if value > 0 {
        if !endings[Int(value) - 1].contains(form) { endings[Int(value) - 1].append(form) }
      } else {
        endings.append([form])
        table[key, default: 0] = Int32(endings.count)
      }
    }
    // Glossary names, then known names (entity -1), so that a glossary name comes first where
    // both match.
    let names =
      glossary.entities.enumerated().flatMap { entityIndex, entity in
        entity.names.enumerated().map { (Int32(entityIndex), Int32($0.offset), $0.element.text) }
      } + lexicon.knownNames.enumerated().map { (Int32(-1), Int32($0.offset), $0.element.name) }
    for (entityIndex, nameIndex, text) in names {
      let scalars = Array(text.unicodeScalars)
      let pieces = tokenizer.tokenize(scalars[...])
      if pieces.runs.isEmpty, !pieces.tokens.isEmpty, pieces.tokens.count <= 32 {
        var mask: UInt32 = 0
        for (i, token) in pieces.tokens.enumerated() where token.isAllCaps { mask |= 1 << UInt32(i) }
        let form = Int32(forms.count)
        if isState(entityIndex, nameIndex) { stateForms.insert(form) }
        forms.append(
          Form(
            entity: entityIndex, name: nameIndex, wordCount: Int32(pieces.tokens.count),
            needsCapital: Self.needsCapital(pieces.tokens, known: entityIndex < 0), capsMask: mask))
        for keys in Self.keyChoices(pieces.tokens) {
          var hash: UInt64 = 0
          for (i, key) in keys.enumerated() {
            if entityIndex >= 0 { nameWords.insert(key) }
            hash = Self.extend(hash, key)
            if i < keys.count - 1 { _ = words.insertNew(hash, 0) }
          }
          addEnding(&words, hash, form: form)
        }
        longestWords = max(longestWords, pieces.tokens.count)
      } else if pieces.tokens.isEmpty, pieces.runs.count >= 1 {
        // Kana and kanji names; spaces inside (きしだ ふみお) do not count.
        let folded = pieces.runs.flatMap(\.folded)
        guard !folded.isEmpty else { continue }
        let form = Int32(forms.count)
        forms.append(Form(entity: entityIndex, name: nameIndex, wordCount: 0, needsCapital: false, capsMask: 0))
        var hash: UInt64 = 0
        for (i, scalar) in folded.enumerated() {
          hash = Self.extend(hash, UInt64(scalar.value))
          if i < folded.count - 1 { _ = characters.insertNew(hash, 0) }
        }
        addEnding(&characters, hash, form: form)
        longestCharacters = max(longestCharacters, folded.count)
      }
    }
    self.forms = forms
    self.nameWords = nameWords
    self.stateForms = stateForms
    self.wordPrefixes = words
    self.characterPrefixes = characters
    self.endings = endings
    self.longestWords = longestWords
    self.longestCharacters = longestCharacters
  }

  /// The word keys a name is indexed under: each Cyrillic word by its stem and, when an ending
  /// was stripped, by its whole form (`WordToken.unstrippedKey`); every combination, for names
  /// of up to four such words (longer ones by their stems only).
  static func keyChoices(_ tokens: [WordToken]) -> [[UInt64]] {
    let stripped = tokens.indices.filter { tokens[$0].unstrippedKey != nil }
    guard stripped.count <= 4 else { return [tokens.map(\.key)] }
    return (0..<(1 << stripped.count)).map { choice in
      var keys = tokens.map(\.key)
      for (bit, index) in stripped.enumerated() where choice & (1 << bit) != 0 {
        keys[index] = tokens[index].unstrippedKey ?? keys[index]
      }
      return keys
    }
  }

  /// The hash of a prefix one step longer.
  @inline(__always)
  static func extend(_ hash: UInt64, _ next: UInt64) -> UInt64 {
    mix(hash &* 0x9E37_79B9_7F4A_7C15 ^ next)
  }

  /// Whether text must capitalize a word of the name to be it: yes for a name of one
  /// capitalized word (China, not china) and for names with capitals past their first word
  /// (Sea of Japan); no for a name in sentence case (Отряд № 731, Курильская гряда), which
  /// running text writes in lower case. A known name (known-names.tsv) always needs the capital
  /// it has: its words in lower case are common words (западный берег, not Западный берег).
  static func needsCapital(_ words: [WordToken], known: Bool) -> Bool {
    if words.count == 1 || known { return words.contains(where: \.isCapitalized) }
    return words.dropFirst().contains { $0.isCapitalized }
  }

  /// The type of a form's entity, or of its known name.
  func type(ofForm index: Int32) -> String {
    let form = forms[Int(index)]
    return form.entity >= 0 ? glossary.entities[Int(form.entity)].type : knownNames[Int(form.name)].type
  }

  /// The text of a form: its glossary name, or its known name.
  func text(ofForm index: Int32) -> String {
    let form = forms[Int(index)]
    return form.entity >= 0
      ? glossary.entities[Int(form.entity)].name(at: Int(form.name)).text : knownNames[Int(form.name)].name
  }

  /// How many names the dictionary holds.
  public var formCount: Int { forms.count }
}
