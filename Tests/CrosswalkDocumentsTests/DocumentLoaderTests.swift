// Pins DocumentLoader on real files: UTF-8 with and without a byte order mark, UTF-16 in both byte
// orders with and without a mark, windows-1251 and Shift_JIS detected and decoded exactly,
// damaged UTF-8 with its replacement span, NUL bytes inside and past the 8 KB binary sniff,
// binary files, the empty file, the size limit, a 20 MB line, files that cannot be read (missing,
// a folder, a dangling symbolic link, no permission, a FIFO), and the document's language from
// the manifest or from its letters (`LanguageGuess`).
import CrosswalkCore
import CrosswalkICU
import Foundation
import Testing

@testable import CrosswalkDocuments

/// A few sentences of Russian, all in windows-1251.
let russianSentences = """
  Премьер-министр Японии Фумио Кисида прилетел в Токио поздно вечером. На следующий день он \
  встретился с правозащитником Владимиром Осечкиным. Разговор касался Курильских островов, \
  пакта о нейтралитете 1941 года и рассекреченных архивов ФСБ. Журналисты ждали у входа до \
  полуночи, но заявлений для прессы так и не последовало.
  Утром МИД России опубликовал короткий комментарий Марии Захаровой.
  """

/// A few sentences of Japanese (kanji, hiragana, katakana), all in Shift_JIS.
let japaneseSentences = """
  岸田文雄首相は昨日の午後、東京でオセチキン氏と会談した。話し合いは北方領土と日ソ中立条約、\
  そしてロシアが公開した機密文書について行われた。記者たちは夜遅くまで官邸の前で待っていたが、\
  首相は何も語らなかった。
  翌朝、ロシア外務省のザハロワ報道官が短い談話を発表した。
  """

@Suite("DocumentLoader")
struct DocumentLoaderTests {
  static func encode(_ text: String, _ charset: String) throws -> [UInt8] {
    let (bytes, replaced) = try CharsetConverter(charset: charset).encode(text)
    #expect(replaced == 0, "\(charset) cannot hold the whole sample")
    return bytes
  }

  /// Writes `bytes` to a fresh file and loads it, with `entry` from a manifest when given.
  static func load(
    _ bytes: [UInt8], name: String = "doc.txt", entry: ManifestEntry? = nil,
    loader: DocumentLoader? = nil
  ) throws -> Document {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = try folder.write(name, bytes)
    let source = DocumentSource(path: path, id: entry?.id ?? "doc", entry: entry)
    return try (loader ?? DocumentLoader()).load(source)
  }

  /// The problem loading `path` throws, or nil when it loads.
  static func problem(
    loading path: String, loader: DocumentLoader? = nil
  ) throws -> DocumentProblem? {
    let loader = try loader ?? DocumentLoader()
    do {
      _ = try loader.load(DocumentSource(path: path, id: "x"))
      return nil
    } catch {
      return error
    }
  }

  // MARK: Unicode encodings

  @Test("UTF-8 with and without a byte order mark gives the same text, the mark dropped")
  func utf8() throws {
    let text = "Kishida 岸田 Кисида 😀\r\nline two\n"
    let plain = try Self.load(Array(text.utf8))
    let marked = try Self.load([0xEF, 0xBB, 0xBF] + Array(text.utf8))
    #expect(plain.text == text)
    #expect(marked.text == text)
    #expect(marked.scalars.first == "K")
    #expect(plain.scalars == marked.scalars)
    #expect(plain.encoding.name == "UTF-8")
    #expect(plain.encoding.evidence == "valid-utf8")
    #expect(plain.encoding.byteCount == text.utf8.count)
    #expect(marked.encoding.name == "UTF-8")
    #expect(marked.encoding.evidence == "byte-order-mark")
    #expect(marked.encoding.byteCount == text.utf8.count + 3)
    #expect(plain.encoding.replacements.isEmpty && marked.encoding.replacements.isEmpty)
    #expect(plain.lines.lineCount == 3)
    #expect(plain.id == "doc")
    #expect(plain.path.hasSuffix("/doc.txt"))
  }

  @Test(
    "UTF-16 in both byte orders with a byte order mark",
    arguments: [("Russian", russianSentences), ("Japanese", japaneseSentences)])
  func utf16WithMark(language: String, text: String) throws {
    for charset in ["UTF-16LE", "UTF-16BE"] {
      let mark: [UInt8] = charset == "UTF-16LE" ? [0xFF, 0xFE] : [0xFE, 0xFF]
      let bytes = try mark + Self.encode(text, charset)
      let document = try Self.load(bytes)
      #expect(document.text == text, "\(language) \(charset)")
      #expect(document.scalars.first != "\u{FEFF}")
      #expect(document.encoding.name == charset)
      #expect(document.encoding.evidence == "byte-order-mark")
      #expect(document.encoding.byteCount == bytes.count)
      #expect(document.encoding.replacements.isEmpty)
      #expect(document.lines.lineCount == 2)
    }
  }

  /// Japanese mostly in kana, which keeps UTF-16's high bytes to a few values (0x30, 0x00).
  static let kanaSentences = """
    キシダ フミオ は きのう トウキョウ で オセチキン と あいました。ふたり は しま の こと を はなしました。
    あさ に なって、ザハロワ さん が みじかい コメント を だしました。
    """

  @Test(
    "UTF-16 in both byte orders without a byte order mark, its NUL bytes no sign of a binary file",
    arguments: [("Russian", russianSentences), ("Japanese kana", kanaSentences)])
  func utf16WithoutMark(language: String, text: String) throws {
    for charset in ["UTF-16LE", "UTF-16BE"] {
      let bytes = try Self.encode(text, charset)
      #expect(bytes.contains(0), "the line end's NUL byte")
      let document = try Self.load(bytes)
      #expect(document.text == text, "\(language) \(charset)")
      #expect(document.encoding.name == charset)
      #expect(document.encoding.evidence == "utf16-pattern")
      #expect(document.encoding.replacements.isEmpty)
      #expect(document.lines.lineCount == 2)
    }
  }

  @Test("Japanese with many kanji in UTF-16 without a byte order mark")
  func kanjiUTF16WithoutMark() throws {
    // Kanji spread UTF-16's high bytes over 0x4E…0x9F, unlike Latin, Cyrillic or kana text.
    for charset in ["UTF-16LE", "UTF-16BE"] {
      let bytes = try Self.encode(japaneseSentences, charset)
      let document = try Self.load(bytes)
      #expect(document.text == japaneseSentences)
      #expect(document.encoding.name == charset)
    }
  }

  // MARK: Legacy encodings

  @Test("windows-1251 Russian is detected and decoded exactly")
  func windows1251() throws {
    let bytes = try Self.encode(russianSentences, "windows-1251")
    #expect(bytes.count == russianSentences.unicodeScalars.count)  // one byte a letter
    let document = try Self.load(bytes)
    #expect(document.encoding.name == "windows-1251")
    #expect(document.encoding.evidence == "detected")
    #expect(document.encoding.confidence > 0 && document.encoding.confidence <= 100)
    #expect(document.text == russianSentences)
    #expect(document.encoding.replacements.isEmpty)
    #expect(document.language == "ru")
    #expect(document.languageSource == .detected)
  }

  @Test("Shift_JIS Japanese is detected and decoded exactly")
  func shiftJIS() throws {
    let bytes = try Self.encode(japaneseSentences, "Shift_JIS")
    let document = try Self.load(bytes)
    #expect(document.encoding.name == "Shift_JIS")
    #expect(document.encoding.evidence == "detected")
    #expect(document.text == japaneseSentences)
    #expect(document.encoding.replacements.isEmpty)
    #expect(document.language == "ja")
  }

  @Test("the sample corpus's windows-1251 and Shift_JIS briefs decode without replacements")
  func corpusLegacyFiles() throws {
    let loader = try DocumentLoader()
    let samples = [("ru/brief-cp1251.txt", "windows-1251", "ru"), ("ja/brief-sjis.txt", "Shift_JIS", "ja")]
    for (relative, charset, language) in samples {
      let path = (corpusFolder as NSString).appendingPathComponent(relative)
      let document = try loader.load(DocumentSource(path: path, id: relative))
      #expect(document.encoding.name == charset)
      #expect(document.encoding.replacements.isEmpty)
      #expect(document.language == language)
      // The same text as the bytes decoded by a converter for the known charset.
      let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
      let (expected, replaced) = try CharsetConverter(charset: charset).decode(bytes)
      #expect(replaced == 0)
      #expect(document.text == expected)
    }
  }

  // MARK: Damaged text

  @Test("one bad byte in UTF-8 is one replacement at its offset, the rest intact")
  func damagedUTF8() throws {
    let before = "Кисида прилетел на Кунашир рано утром. "
    let after = "Местные жители встретили премьера у причала, несмотря на холодный ветер."
    let bytes = Array(before.utf8) + [0xFF] + Array(after.utf8)
    let document = try Self.load(bytes)
    #expect(document.encoding.name == "UTF-8")
    #expect(document.encoding.evidence == "damaged-utf8")
    #expect(document.encoding.byteCount == bytes.count)
    let offset = before.unicodeScalars.count
    #expect(document.encoding.replacements == [TextSpan(start: offset, end: offset + 1)])
    #expect(document.text == before + "\u{FFFD}" + after)
    #expect(document.scalars[offset] == "\u{FFFD}")
    #expect(document.language == "ru")
  }

  @Test("a bad byte past the detector's 256 KB sample is still one replacement in UTF-8")
  func damagedUTF8PastTheSample() throws {
    let paragraph = "Кисида прилетел на Кунашир рано утром, и местные жители встретили его у причала.\n"
    let head = String(repeating: paragraph, count: TextDecoder.detectionSample / paragraph.utf8.count + 1)
    #expect(head.utf8.count > TextDecoder.detectionSample)
    let tail = "Конец."
    let document = try Self.load(Array(head.utf8) + [0xFF] + Array(tail.utf8))
    #expect(document.encoding.name == "UTF-8")
    let offset = head.unicodeScalars.count
    #expect(document.encoding.replacements == [TextSpan(start: offset, end: offset + 1)])
    #expect(document.text == head + "\u{FFFD}" + tail)
  }

  @Test("a cut multi-byte character and a stray continuation byte are each reported")
  func damagedSequences() throws {
    let text = "Кисида прилетел на Кунашир. Мэр встретил его у причала."
    var bytes = Array(text.utf8)
    // "Кисида" is 12 bytes; drop the second byte of "и" (bytes 2–3) and insert a lone 0x80 later.
    bytes.remove(at: 3)
    let stray = Array("Кисида прилетел".utf8).count - 1  // after the byte removed
    bytes.insert(0x80, at: stray)
    let document = try Self.load(bytes)
    #expect(document.encoding.evidence == "damaged-utf8")
    #expect(document.encoding.replacements.count == 2)
    for span in document.encoding.replacements {
      #expect(span.count == 1)
      #expect(document.scalars[span.start] == "\u{FFFD}")
    }
    #expect(document.text.unicodeScalars.filter { $0 == "\u{FFFD}" }.count == 2)
    #expect(document.text.hasPrefix("К\u{FFFD}сида"))
    #expect(document.text.hasSuffix(" на Кунашир. Мэр встретил его у причала."))
  }

  @Test("a NUL byte in the first 8 KB marks a binary file, a warning naming it")
  func nulInTheFirst8K() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = try folder.write("notes.txt", Array("Kishida met Osechkin.".utf8) + [0] + Array("more".utf8))
    let problem = try #require(try Self.problem(loading: path))
    #expect(problem == .binary(path: path, evidence: "a NUL byte at byte 21"))
    #expect(problem.isWarning)
    #expect(problem.path == path)
    #expect(problem.description.hasPrefix(path + ": "))
    #expect(problem.description.contains("binary"))
  }

  @Test("the binary sniff reads the first 8,192 bytes: a NUL just past them is replaced text")
  func nulAfter8K() throws {
    let line = "Kishida met Osechkin in Tokyo.\n"  // 31 bytes
    var head = String(repeating: line, count: 8192 / line.utf8.count + 1)
    head = String(head.utf8.prefix(8192)) ?? ""
    #expect(head.utf8.count == 8192)
    let tail = "Then he flew to Kunashir."
    let loaded = try Self.load(Array(head.utf8) + [0] + Array(tail.utf8))
    #expect(loaded.encoding.replacements == [TextSpan(start: 8192, end: 8193)])
    #expect(loaded.text == head + "\u{FFFD}" + tail)
    #expect(!loaded.text.utf8.contains(0))
    #expect(loaded.encoding.evidence == "valid-utf8")
    // One byte earlier, the NUL is inside the sniffed bytes.
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = try folder.write("edge.txt", Array(head.utf8.dropLast()) + [0] + Array(tail.utf8))
    #expect(try Self.problem(loading: path) == .binary(path: path, evidence: "a NUL byte at byte 8191"))
  }

  @Test("several NUL bytes past the sniff are each a replacement")
  func severalNULsAfter8K() throws {
    let head = [UInt8](repeating: UInt8(ascii: "a"), count: 9000)
    let bytes = head + [0, 0x62, 0] + Array("Кисида".utf8) + [0]
    let document = try Self.load(bytes)
    #expect(
      document.encoding.replacements == [
        TextSpan(start: 9000, end: 9001), TextSpan(start: 9002, end: 9003), TextSpan(start: 9009, end: 9010),
      ])
    #expect(document.scalars.count == 9010)
  }

  @Test("a PNG is a binary file")
  func png() throws {
    var bytes: [UInt8] = [
      0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52,
    ]
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    for _ in 0..<4096 {
      state ^= state << 13
      state ^= state >> 7
      state ^= state << 17
      bytes.append(UInt8(truncatingIfNeeded: state >> 24))
    }
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = try folder.write("picture.png", bytes)
    let problem = try #require(try Self.problem(loading: path))
    #expect(problem == .binary(path: path, evidence: "a NUL byte at byte 8"))
    #expect(problem.isWarning)
  }

  @Test("many control bytes without a NUL mark a binary file")
  func controlBytes() throws {
    // A third of the bytes are controls (0x01…0x07).
    let bytes: [UInt8] = (0..<600).map { (i: Int) -> UInt8 in i % 3 == 0 ? UInt8(1 + i % 7) : 0x61 }
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = try folder.write("data.bin", bytes)
    let problem = try #require(try Self.problem(loading: path))
    #expect(problem == .binary(path: path, evidence: "200 control bytes in the first 600"))
    // Tabs, form feeds, escapes and line ends are text.
    let text = try Self.load(Array(String(repeating: "a\tb\u{0C}c\u{1B}[0m\r\n", count: 50).utf8))
    #expect(text.lines.lineCount == 51)
  }

  @Test("an empty file is a document with empty text")
  func emptyFile() throws {
    let document = try Self.load([])
    #expect(document.text.isEmpty)
    #expect(document.scalars.isEmpty)
    #expect(document.lines.lineCount == 1)
    #expect(document.encoding.byteCount == 0)
    #expect(document.encoding.replacements.isEmpty)
    #expect(document.language == "und")
    #expect(document.languageSource == .detected)
  }

  // MARK: Size

  @Test("a file over the size limit is refused, naming the file; one at the limit loads")
  func sizeLimit() throws {
    let loader = try DocumentLoader(sizeLimit: 1000)
    #expect(loader.sizeLimit == 1000)
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let over = try folder.write("over.txt", [UInt8](repeating: UInt8(ascii: "a"), count: 1001))
    let problem = try #require(try Self.problem(loading: over, loader: loader))
    #expect(problem == .tooLarge(path: over, bytes: 1001, limit: 1000))
    #expect(!problem.isWarning)
    #expect(problem.description.hasPrefix(over + ": 1001 bytes"))
    let at = try folder.write("at.txt", [UInt8](repeating: UInt8(ascii: "a"), count: 1000))
    let document = try loader.load(DocumentSource(path: at, id: "at"))
    #expect(document.scalars.count == 1000)
    #expect(DocumentLoader.defaultSizeLimit == 50 * 1024 * 1024)
  }

  @Test("a 20 MB file of one line loads under the default limit")
  func twentyMegabytesOnOneLine() throws {
    let sentence = "Kishida met Osechkin in Tokyo. "
    let count = (20 << 20) / sentence.utf8.count + 1
    let text = String(repeating: sentence, count: count)
    #expect(text.utf8.count > 20 << 20)
    let document = try Self.load(Array(text.utf8))
    #expect(document.lines.lineCount == 1)
    #expect(document.scalars.count == sentence.unicodeScalars.count * count)
    #expect(document.encoding.byteCount == text.utf8.count)
    #expect(document.encoding.evidence == "valid-utf8")
    #expect(document.text == text)
    #expect(document.language == "en")
    #expect(document.location(of: document.scalars.count - 1).column == document.scalars.count)
  }

  // MARK: Files that cannot be read

  @Test("a missing file, a folder and a dangling symbolic link are unreadable, naming the path")
  func unreadable() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let missing = folder.path("missing.txt")
    #expect(try Self.problem(loading: missing) == .unreadable(path: missing, reason: "no such file"))
    let subfolder = try folder.folder("sub")
    #expect(try Self.problem(loading: subfolder) == .unreadable(path: subfolder, reason: "is a folder"))
    let dangling = try folder.link("dangling.txt", to: folder.path("gone.txt"))
    #expect(
      try Self.problem(loading: dangling) == .unreadable(path: dangling, reason: "a broken symbolic link"))
    for path in [missing, subfolder, dangling] {
      let problem = try #require(try Self.problem(loading: path))
      #expect(!problem.isWarning)
      #expect(problem.description.hasPrefix(path + ": cannot read: "))
    }
  }

  @Test("a symbolic link to a file, or to a folder, is followed")
  func symbolicLinks() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("real.txt", "Кисида")
    let link = try folder.link("link.txt", to: "real.txt")
    let document = try DocumentLoader().load(DocumentSource(path: link, id: "link"))
    #expect(document.text == "Кисида")
    #expect(document.path == link)
    let subfolder = try folder.folder("sub")
    let folderLink = try folder.link("sublink", to: subfolder)
    #expect(try Self.problem(loading: folderLink) == .unreadable(path: folderLink, reason: "is a folder"))
  }

  @Test("a file without read permission is unreadable", .enabled(if: getuid() != 0))
  func noPermission() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = try folder.write("secret.txt", "Кисида")
    #expect(chmod(path, 0) == 0)
    defer { _ = chmod(path, 0o644) }
    let problem = try #require(try Self.problem(loading: path))
    #expect(problem == .unreadable(path: path, reason: "permission denied"))
  }

  @Test("a FIFO is not a regular file, and is refused without opening it")
  func fifo() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.path("pipe")
    #expect(mkfifo(path, 0o644) == 0)
    #expect(try Self.problem(loading: path) == .unreadable(path: path, reason: "not a regular file"))
  }

  // MARK: Language

  @Test("the manifest's language, title and encoding win over detection")
  func manifestEntry() throws {
    let entry = ManifestEntry(
      id: "brief", path: "doc.txt", language: "uk", encoding: "windows-1251",
      metadata: DocumentMetadata(title: "Бриф", translationOf: "original"))
    let bytes = try Self.encode("Кисида прилетел в Токио.", "windows-1251")
    let document = try Self.load(bytes, entry: entry)
    #expect(document.id == "brief")
    #expect(document.language == "uk")
    #expect(document.languageSource == .manifest)
    #expect(document.metadata.title == "Бриф")
    #expect(document.metadata.translationOf == "original")
    #expect(document.encoding.name == "windows-1251")
    #expect(document.encoding.evidence == "declared")
    #expect(document.text == "Кисида прилетел в Токио.")
  }

  @Test("an encoding the manifest names that ICU does not know makes the file undecodable")
  func unknownDeclaredEncoding() throws {
    let entry = ManifestEntry(
      id: "x", path: "doc.txt", language: "ru", encoding: "x-no-such-charset", metadata: DocumentMetadata())
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = try folder.write("doc.txt", "Кисида")
    let loader = try DocumentLoader()
    let problem = #expect(throws: DocumentProblem.self) {
      try loader.load(DocumentSource(path: path, id: "x", entry: entry))
    }
    guard case .undecodable(let named, let reason) = problem else {
      Issue.record("expected .undecodable, got \(String(describing: problem))")
      return
    }
    #expect(named == path)
    #expect(reason.contains("x-no-such-charset"))
    #expect(problem?.isWarning == false)
    #expect(problem?.description.hasPrefix(path + ": cannot decode: ") == true)
  }

  @Test("an entry without a language leaves it to detection")
  func entryWithoutLanguage() throws {
    let entry = ManifestEntry(
      id: "x", path: "doc.txt", language: nil, encoding: nil, metadata: DocumentMetadata())
    let document = try Self.load(Array("岸田文雄首相は国後島を訪れた。".utf8), entry: entry)
    #expect(document.language == "ja")
    #expect(document.languageSource == .detected)
  }

  @Test(
    "the language of a text without a manifest comes from its letters",
    arguments: [
      ("Kishida met Osechkin in Tokyo.", "en"),
      ("Кисида встретился с Осечкиным в Токио.", "ru"),
      ("岸田首相はオセチキン氏と東京で会談した。", "ja"),
      ("岸田首相在东京会见了奥谢奇金。", "zh"),
      ("Кішіда зустрівся з Осєчкіним у Токіо, і їхня розмова ґрунтувалася на фактах.", "uk"),
      ("2024-09-06 12:00 — 1941, 1945.", "und"),
      ("", "und"),
    ])
  func detectedLanguage(text: String, language: String) throws {
    #expect(LanguageGuess.language(of: text) == language)
    let document = try Self.load(Array(text.utf8))
    #expect(document.language == language)
    #expect(document.languageSource == .detected)
  }

  @Test(
    "a Japanese text mostly in kanji is still Japanese when it has kana; Latin names in Russian stay Russian")
  func mixedScripts() {
    #expect(LanguageGuess.language(of: "日本国憲法第九条の解釈") == "ja")
    #expect(LanguageGuess.language(of: "Кисида (Kishida) встретился с министром в Токио") == "ru")
  }

  // MARK: Documents

  @Test("a document maps offsets to lines and columns of its path")
  func documentLocations() throws {
    let document = try Self.load(Array("😀 Кисида\r\nKishida".utf8), name: "loc.txt")
    let location = document.location(of: 10)
    #expect(location.line == 2 && location.column == 1)
    #expect(location.file == document.path)
    #expect(document.text(of: TextSpan(start: 2, end: 8)) == "Кисида")
    #expect(document.text(of: TextSpan(start: 10, end: 100)) == "Kishida")
    // A span outside the text gives an empty string, never a trap.
    #expect(document.text(of: TextSpan(start: 100, end: 200)).isEmpty)
    #expect(document.text(of: TextSpan(start: -5, end: -1)).isEmpty)
    #expect(document.text(of: TextSpan(start: -5, end: 1)) == "😀")
  }
}
