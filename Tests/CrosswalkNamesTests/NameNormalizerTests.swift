// Pins the five name levels of DESIGN.md 'Names': which spellings meet at the romanization
// level, which must stay apart, what the phonetic skeleton joins, and the ICU traps.
import Testing

@testable import CrosswalkNames

/// Pairs of spellings of one name, across scripts and romanization schemes.
let sameRomanization: [(String, String)] = [
  ("Kishida", "Kisida"), ("Kishida", "Кисида"), ("Kisida", "Кисида"),
  ("Shinzo", "Sinzo"), ("Shinzo", "Синдзо"), ("Tsugaru", "Tugaru"), ("Fukui", "Hukui"),
  ("Ōno", "Ono"), ("Ono", "Oono"), ("Ono", "Ohno"), ("Ōno", "Ohno"),
  ("Osechkin", "Осечкин"), ("Kunashir", "Кунашир"),
  ("Zakharova", "Zaharova"), ("Zakharova", "Захарова"), ("Khabarovsk", "Habarovsk"),
  ("Yuzhno-Sakhalinsk", "Южно-Сахалинск"), ("Yuzhno-Sakhalinsk", "Juzhno-Sakhalinsk"),
  ("Shchukin", "Щукин"), ("Shchukin", "Schukin"), ("Shchukin", "Ščukin"),
  ("Matsuno", "Мацуно"), ("Hayashi", "Хаяси"),
  ("Dmitriy", "Dmitry"), ("Dmitrii", "Dmitry"), ("Sergey", "Sergei"), ("Sergei", "Sergej"),
  ("Yelena", "Elena"), ("Tatyana", "Tatiana"), ("Tatiana", "Tat'jana"),
  ("Poliakova", "Polyakova"), ("Zhdanov", "Ždanov"), ("Tsvetkov", "Cvetkov"),
  ("Chaikovsky", "Čajkovskij"), ("Kirill", "Kiril"), ("Vasiliev", "Vasilyev"),
  ("Vasilyev", "Vasil'ev"), ("Yuri", "Jurij"), ("Yuriy", "Yuri"), ("Fyodor", "Fëdor"),
  ("Fyodor", "Fjodor"), ("Nikolai", "Nikolaj"), ("Nikolay", "Nikolai"),
  ("Zelensky", "Зеленский"), ("Zelenskyy", "Zelenskiy"), ("Aleksandr", "Alexandr"),
  ("Grozev", "Грозев"), ("Syota", "Shota"), ("Tiyo", "Chiyo"), ("Zyun'iti", "Jun'ichi"),
  ("Satou", "Sato"), ("Yuuki", "Yūki"), ("Shinbashi", "Shimbashi"),
  ("Kōzuki", "Kozuki"), ("Kouzuki", "Kozuki"), ("Yōsuke", "Yohsuke"), ("Yôsuke", "Yousuke"),
  ("Shūhei", "Syûhei"), ("Ken'ichi", "Kenichi"), ("キシダ", "Kishida"),
  ("グナシリ", "Gunashiri"), ("ぐなしり", "Gunashiri"), ("F. Kisida", "F Kishida"),
  ("La Pérouse", "La Perouse"), ("FUMIO KISHIDA", "Fumio Kishida"),
  ("キシダ・フミオ", "Kishida Fumio"), ("Ｋｕｎａｓｈｉｒ", "Kunashir"),
]

/// Pairs of different names that a romanization key must keep apart.
let differentRomanization: [(String, String)] = [
  ("Kishida", "Kushida"), ("Ivanov", "Ivanova"), ("Putin", "Putina"), ("Kim", "Kimura"),
  ("Sato", "Saito"), ("Kunashir", "Kunashiri"), ("Gunashiri", "Kunashiri"),
  ("Etorobu", "Etorofu"), ("Iturup", "Etorofu"), ("Osechkin", "Ozekin"), ("Kiyoko", "Kyoko"),
  ("Ohara", "Ora"), ("Inoue", "Ino"), ("Sakhalin", "Sakhalinsk"), ("Kiev", "Kyiv"),
  ("Tokyo", "Kyoto"), ("Shinzo", "Shinji"), ("Fumio", "Fumiko"), ("Kozuki", "Kazuki"),
  ("Matsuno", "Matsuda"), ("Zakharova", "Zakharov"), ("Smirnov", "Smirnova"),
  ("Ovechko", "Ovechkin"), ("Yamada", "Yamato"), ("Sushko", "Sushkov"),
  ("Shikotan", "Shikoku"), ("Kuril", "Kurile"), ("Tsugaru", "Tsugawa"),
  ("Tanaka", "Tanabe"), ("Suzuki", "Sasaki"), ("Nakamura", "Nakayama"),
  ("Takahashi", "Takahata"), ("Oda", "Ota"), ("Goto", "Kato"), ("Kondo", "Kudo"),
  ("Lavrov", "Lavrova"), ("Peskov", "Pestov"), ("Medvedev", "Medvedeva"),
  ("Kadyrov", "Kadyrova"), ("Pavel", "Pavlov"), ("Ivan", "Ivana"), ("岸田", "Kishida"),
  ("国後島", "Kunashir"), ("Habomai", "Hamomai"),
]

@Suite("Name levels")
struct NameNormalizerTests {
  @Test("spellings of one name share the romanization key", arguments: sameRomanization)
  func sharesRomanization(_ pair: (String, String)) throws {
    let normalizer = try NameNormalizer()
    let a = try normalizer.keys(for: pair.0), b = try normalizer.keys(for: pair.1)
    #expect(a.romanization == b.romanization, "\(pair.0) → \(a.romanization), \(pair.1) → \(b.romanization)")
    #expect(!a.romanization.isEmpty)
  }

  @Test("different names keep different romanization keys", arguments: differentRomanization)
  func differsInRomanization(_ pair: (String, String)) throws {
    let normalizer = try NameNormalizer()
    let a = try normalizer.keys(for: pair.0), b = try normalizer.keys(for: pair.1)
    #expect(a.romanization != b.romanization, "both \(a.romanization)")
  }

  @Test("the tables are as large as the issue asks")
  func tablesAreLargeEnough() {
    #expect(sameRomanization.count >= 40)
    #expect(differentRomanization.count >= 40)
  }

  @Test(
    "the phonetic key joins route variants that the romanization key keeps apart",
    arguments: [("Gunashiri", "Kunashiri"), ("Etorobu", "Etorofu"), ("Osechkin", "Ozekin")])
  func phoneticJoinsVariants(_ pair: (String, String)) throws {
    let normalizer = try NameNormalizer()
    let a = try normalizer.keys(for: pair.0), b = try normalizer.keys(for: pair.1)
    #expect(a.phonetic == b.phonetic)
    #expect(a.romanization != b.romanization)
    #expect(a.firstSharedLevel(with: b) == .phonetic)
  }

  @Test("kanji are never read in Mandarin: 国後島 stays kanji at every level")
  func kanjiStayKanji() throws {
    let keys = try NameNormalizer().keys(for: "国後島")
    for level in NameLevel.allCases {
      #expect(keys.key(level) == "国後島", "\(level): \(keys.key(level))")
      #expect(!keys.key(level).contains("guo"))
    }
    #expect(keys.scripts == ["Hani"])
    #expect(keys.steps.contains { $0.contains("Han kept") })
  }

  @Test("BGN's middle dots and primes never reach a key")
  func bgnMarksStripped() throws {
    let normalizer = try NameNormalizer()
    for name in ["Мэр", "Ельцин", "Подъячев", "Братское"] {
      let keys = try normalizer.keys(for: name)
      for level in [NameLevel.latin, .romanization, .phonetic] {
        let key = keys.key(level)
        #expect(
          !key.unicodeScalars.contains { [0xB7, 0x2B9, 0x2BA].contains($0.value) }, "\(name) \(level): \(key)"
        )
      }
    }
    // The dot keeps т and с apart (Brat·skoye); it must not split the word.
    #expect(try normalizer.keys(for: "Братское").latin == "bratskoye")
  }

  @Test("Katakana-Latin's tilde, macrons and middle dot never reach a key")
  func katakanaMarksStripped() throws {
    let normalizer = try NameNormalizer()
    #expect(try normalizer.keys(for: "オーノ").latin == "ono")
    #expect(try normalizer.keys(for: "キシダ・フミオ").latin == "kishida fumio")
    #expect(!(try normalizer.keys(for: "ヴァシリー").latin.contains("~")))
    // A leading ー gives ICU a macron with no letter: it must not survive.
    #expect(try normalizer.keys(for: "ーカ").romanization == "ka")
  }

  @Test("conventional spellings come from glossaries, not transforms: BGN writes Kiyev")
  func bgnSpellingsAreNotConventional() throws {
    let normalizer = try NameNormalizer()
    #expect(try normalizer.keys(for: "Киев").latin == "kiyev")
    #expect(try normalizer.keys(for: "Київ").latin == "kyyiv")
  }

  @Test("kana voicing marks fold in the phonetic key only")
  func kanaVoicing() throws {
    let normalizer = try NameNormalizer()
    let voiced = try normalizer.keys(for: "グナシリ"), plain = try normalizer.keys(for: "クナシリ")
    #expect(voiced.folded != plain.folded)
    #expect(voiced.romanization != plain.romanization)
    #expect(voiced.phonetic == plain.phonetic)
  }

  @Test(
    "each level is what DESIGN.md says",
    arguments: [
      ("  Fumio   KISHIDA ", "Fumio KISHIDA", "fumio kishida"),
      ("La Pérouse", "La Pérouse", "la perouse"),
      ("Yuzhno-Sakhalinsk", "Yuzhno-Sakhalinsk", "yuzhno sakhalinsk"),
      ("Ken\u{2019}ichi", "Ken\u{2019}ichi", "kenichi"),
      ("Ｏｓｅｃｈｋｉｎ", "Ｏｓｅｃｈｋｉｎ", "osechkin"),
    ])
  func literalAndFolded(_ row: (String, String, String)) throws {
    let keys = try NameNormalizer().keys(for: row.0)
    #expect(keys.literal == row.1)
    #expect(keys.folded == row.2)
  }

  @Test("the literal key is NFC")
  func literalIsNFC() throws {
    let keys = try NameNormalizer().keys(for: "Pe\u{301}rouse")
    #expect(keys.literal.unicodeScalars.map(\.value) == "Pérouse".unicodeScalars.map(\.value))
  }

  @Test(
    "scripts are reported",
    arguments: [
      ("Kishida", ["Latn"]), ("Кисида", ["Cyrl"]), ("キシダ", ["Kana"]), ("きしだ", ["Hira"]),
      ("岸田 Fumio", ["Hani", "Latn"]), ("1941", []),
    ])
  func scripts(_ row: (String, [String])) throws {
    #expect(try NameNormalizer().keys(for: row.0).scripts == row.1)
  }

  @Test("empty and blank names have empty keys", arguments: ["", "   ", "\t\n"])
  func blank(_ name: String) throws {
    let keys = try NameNormalizer().keys(for: name)
    for level in NameLevel.allCases { #expect(keys.key(level).isEmpty) }
  }

  @Test(
    "odd input never traps",
    arguments: [
      "\u{0}\u{1}\u{7F}", "😀 Kishida", "\u{FFFD}\u{FFFD}", "\u{301}\u{301}", "Kishida\u{200B}Fumio",
      String(repeating: "Кисида ", count: 5_000), String(repeating: "ш", count: 20_000),
    ])
  func oddInput(_ name: String) throws {
    let keys = try NameNormalizer().keys(for: name)
    #expect(keys.input == name)
  }

  @Test("a vowel-only token keeps its romanization as its skeleton")
  func vowelOnlyToken() throws {
    let keys = try NameNormalizer().keys(for: "Ai Oe")
    #expect(keys.phonetic == keys.romanization)
    #expect(!keys.phonetic.isEmpty)
  }

  @Test("the token cache changes nothing but speed")
  func tokenCacheIsTransparent() throws {
    let names = sameRomanization.flatMap { [$0.0, $0.1] } + differentRomanization.flatMap { [$0.0, $0.1] }
    let cold = try NameNormalizer()
    cold.useWordCache = false
    let warm = try NameNormalizer()
    for _ in 0..<2 {
      for name in names { #expect(try cold.keys(for: name) == warm.keys(for: name), "\(name)") }
    }
  }

  @Test("steps say what was done")
  func steps() throws {
    let keys = try NameNormalizer().keys(for: "Кисида")
    #expect(keys.steps.contains("Cyrillic → Latin by Russian-Latin/BGN"))
    #expect(keys.steps.contains("read as Japanese: kisida"))
    #expect(keys.romanization == "kishida")
  }
}
