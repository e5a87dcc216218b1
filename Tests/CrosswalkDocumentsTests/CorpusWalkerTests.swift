// Pins CorpusWalker on temporary folder trees: files listed recursively in byte order of path,
// hidden files and folders left out, ids from the path under the named folder; a folder with a
// manifest listing only its entries; a symbolic link loop ending with a warning; a file named
// twice listed once; a file named on its own described by a manifest in its folder or above; a
// missing path kept for the loader to report; and the package's own corpus.
import CrosswalkCore
import Foundation
import Testing

@testable import CrosswalkDocuments

@Suite("CorpusWalker")
struct CorpusWalkerTests {
  /// Paths relative to `folder`, for short expectations.
  static func relative(_ listing: CorpusListing, to folder: TemporaryFolder) -> [String] {
    listing.sources.map { String($0.path.dropFirst(folder.path.count + 1)) }
  }

  @Test("a folder without a manifest is every file under it, in byte order of path")
  func recursiveByteOrder() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    for name in [
      "b.txt", "a.txt", "B.txt", "sub/z.txt", "sub/deeper/y.md", "sub-file.txt", "é.txt", "z/a.txt",
      "Ж.txt", "岸田.txt", "a b.txt",
    ] {
      try folder.write(name, "text of \(name)")
    }
    let listing = try CorpusWalker.list([folder.path])
    let paths = Self.relative(listing, to: folder)
    // "sub-file" before "sub/": '-' (0x2D) sorts before '/' (0x2F) in bytes.
    #expect(
      paths == [
        "B.txt", "a b.txt", "a.txt", "b.txt", "sub-file.txt", "sub/deeper/y.md", "sub/z.txt", "z/a.txt",
        "é.txt", "Ж.txt", "岸田.txt",
      ])
    #expect(
      paths.map { Array($0.utf8) }.elementsEqual(
        paths.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) }))
    #expect(listing.sources.map(\.id) == paths.map { ($0 as NSString).deletingPathExtension })
    #expect(listing.sources.allSatisfy { $0.entry == nil })
    #expect(listing.warnings.isEmpty)
    #expect(listing.manifests.isEmpty)
  }

  @Test("hidden files and folders are left out")
  func hidden() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    for name in ["a.txt", ".hidden.txt", ".git/config", ".cache/b.txt", "sub/.DS_Store", "sub/c.txt"] {
      try folder.write(name, "x")
    }
    let listing = try CorpusWalker.list([folder.path])
    #expect(Self.relative(listing, to: folder) == ["a.txt", "sub/c.txt"])
    #expect(listing.warnings.isEmpty)
  }

  @Test("the ids of files under a named folder are their paths under it without extension")
  func ids() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("corpus/en/kishida.txt", "x")
    try folder.write("corpus/ru/kisida.v2.txt", "x")
    try folder.write("corpus/README", "x")
    for root in [folder.path("corpus"), folder.path("corpus") + "/"] {
      let listing = try CorpusWalker.list([root])
      #expect(listing.sources.map(\.id) == ["README", "en/kishida", "ru/kisida.v2"], "\(root)")
    }
  }

  @Test("a subfolder with a manifest is the manifest's documents, with their ids and languages")
  func subfolderManifest() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("loose.txt", "x")
    try folder.write(
      "described/manifest.yaml",
      """
      documents:
        - id: kishida-ja
          path: ja/kishida.txt
          language: ja
          title: 岸田
        - id: kishida-en
          path: en/kishida.txt
          language: en
          translation_of: kishida-ja
      """)
    try folder.write("described/ja/kishida.txt", "岸田")
    try folder.write("described/en/kishida.txt", "Kishida")
    try folder.write("described/en/unlisted.txt", "not in the manifest")
    try folder.write("described/notes.txt", "not in the manifest")
    let listing = try CorpusWalker.list([folder.path])
    #expect(
      Self.relative(listing, to: folder) == [
        "described/en/kishida.txt", "described/ja/kishida.txt", "loose.txt",
      ])
    #expect(listing.sources.map(\.id) == ["kishida-en", "kishida-ja", "loose"])
    #expect(listing.sources.map { $0.entry?.language } == ["en", "ja", nil])
    #expect(listing.sources.first?.entry?.metadata.translationOf == "kishida-ja")
    #expect(listing.manifests.count == 1)
    #expect(listing.manifests.first?.file == folder.path("described/manifest.yaml"))
    // The documents load with the manifest's language.
    let loader = try DocumentLoader()
    let document = try loader.load(try #require(listing.sources.first))
    #expect(document.language == "en" && document.languageSource == .manifest)
  }

  @Test("a manifest named directly, or its folder, gives the same documents")
  func manifestNamedDirectly() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("c/manifest.yaml", "documents:\n  - {id: one, path: one.txt, language: ru}\n")
    try folder.write("c/one.txt", "Кисида")
    let byFile = try CorpusWalker.list([folder.path("c/manifest.yaml")])
    let byFolder = try CorpusWalker.list([folder.path("c")])
    #expect(byFile.sources == byFolder.sources)
    #expect(byFile.sources.map(\.id) == ["one"])
  }

  @Test("a malformed manifest stops the walk with its diagnostics")
  func malformedManifest() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("c/manifest.yaml", "documents:\n  - id: one\n    paht: one.txt\n")
    do {
      _ = try CorpusWalker.list([folder.path])
      Issue.record("walked a folder with a broken manifest")
    } catch {
      #expect(
        error.diagnostics.map(\.location.file) == [
          folder.path("c/manifest.yaml"), folder.path("c/manifest.yaml"),
        ])
      #expect(error.diagnostics.contains { $0.message == "unknown key 'paht'; did you mean 'path'?" })
    }
  }

  @Test("a symbolic link loop ends with a warning naming the link, and each file is listed once")
  func symbolicLinkLoop() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("a.txt", "x")
    try folder.write("sub/b.txt", "x")
    try folder.link("sub/loop", to: "..")
    let listing = try CorpusWalker.list([folder.path])
    #expect(Self.relative(listing, to: folder) == ["a.txt", "sub/b.txt"])
    #expect(listing.warnings.count == 1)
    #expect(listing.warnings.first?.hasPrefix(folder.path("sub/loop") + ": ") == true)
  }

  @Test("a link to a folder already walked is walked once; a link to a file is listed once")
  func linksToThingsAlreadyListed() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("real/a.txt", "x")
    try folder.link("zlink", to: "real")
    try folder.link("real-a.txt", to: "real/a.txt")
    let listing = try CorpusWalker.list([folder.path])
    // "real" comes first in byte order (a prefix of "real-a.txt"); the link to its file and the
    // link to the folder are passed over.
    #expect(Self.relative(listing, to: folder) == ["real/a.txt"])
    #expect(listing.warnings.count == 1)
    #expect(listing.warnings.first?.hasPrefix(folder.path("zlink") + ": ") == true)
  }

  @Test("the same file named twice, or by two spellings, is listed once")
  func namedTwice() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let file = try folder.write("sub/a.txt", "x")
    try folder.write("sub/b.txt", "x")
    let listing = try CorpusWalker.list([
      file, file, folder.path("sub/../sub/a.txt"), folder.path("sub/./a.txt"), folder.path("sub"),
    ])
    #expect(listing.sources.map(\.path) == [file, folder.path("sub/b.txt")])
    #expect(listing.sources.map(\.id) == ["a", "b"])
  }

  @Test("a file named on its own takes the entry of a manifest in its folder that lists it")
  func fileDescribedByItsFolder() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write(
      "c/manifest.yaml", "documents:\n  - {id: kisida, path: brief.txt, language: uk, title: Бриф}\n")
    let listed = try folder.write("c/brief.txt", "Кисида")
    let unlisted = try folder.write("c/other.txt", "x")
    let listing = try CorpusWalker.list([listed, unlisted])
    #expect(listing.sources.map(\.path) == [listed, unlisted])
    #expect(listing.sources.map(\.id) == ["kisida", "other"])
    #expect(listing.sources.first?.entry?.language == "uk")
    #expect(listing.sources.first?.entry?.metadata.title == "Бриф")
    #expect(listing.sources.last?.entry == nil)
  }

  @Test("a file named on its own takes the entry of a manifest in a folder above")
  func fileDescribedByAParentFolder() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write(
      "c/manifest.yaml", "documents:\n  - {id: kisida-ja, path: ja/deep/brief.txt, language: ja}\n")
    let file = try folder.write("c/ja/deep/brief.txt", "岸田")
    let listing = try CorpusWalker.list([file])
    #expect(listing.sources.map(\.id) == ["kisida-ja"])
    #expect(listing.sources.first?.path == file)
    #expect(listing.sources.first?.entry?.language == "ja")
  }

  @Test("a file named by a relative path finds the manifest of its folder")
  func relativePath() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("c/manifest.yaml", "documents:\n  - {id: kisida, path: brief.txt}\n")
    let file = try folder.write("c/brief.txt", "x")
    // A path relative to the working directory, going up to the root and down again.
    let cwd = FileManager.default.currentDirectoryPath
    let depth = cwd.split(separator: "/").count
    let relative = String(repeating: "../", count: depth) + String(file.dropFirst())
    #expect(FileManager.default.fileExists(atPath: relative))
    let listing = try CorpusWalker.list([relative])
    #expect(listing.sources.map(\.id) == ["kisida"])
    #expect(listing.sources.first?.path == relative)
  }

  @Test("a missing path is listed, for the loader to report")
  func missingPath() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let missing = folder.path("nope/missing.txt")
    let dangling = try folder.link("dangling.txt", to: "gone.txt")
    let listing = try CorpusWalker.list([missing, dangling])
    #expect(listing.sources.map(\.path) == [dangling, missing])
    #expect(listing.sources.map(\.id) == ["dangling", "missing"])
    let loader = try DocumentLoader()
    for source in listing.sources {
      #expect(throws: DocumentProblem.self) { try loader.load(source) }
    }
  }

  @Test("a manifest entry whose file is missing is listed, for the loader to report")
  func manifestEntryMissing() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("manifest.yaml", "documents:\n  - {id: gone, path: gone.txt}\n")
    let listing = try CorpusWalker.list([folder.path])
    #expect(listing.sources.map(\.path) == [folder.path("gone.txt")])
    let source = try #require(listing.sources.first)
    #expect(source.id == "gone" && source.entry?.id == "gone")
    let loader = try DocumentLoader()
    #expect(throws: DocumentProblem.unreadable(path: folder.path("gone.txt"), reason: "no such file")) {
      try loader.load(source)
    }
  }

  @Test("the sample corpus gives the manifest's 11 documents, sorted by path")
  func sampleCorpus() throws {
    let listing = try CorpusWalker.list([corpusFolder])
    #expect(listing.sources.count == 11)
    #expect(listing.warnings.isEmpty)
    #expect(listing.manifests.count == 1)
    let relative = listing.sources.map { String($0.path.dropFirst(corpusFolder.count + 1)) }
    #expect(relative == relative.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    #expect(relative.first == "en/kurils-ja-mt.txt")
    #expect(relative.last == "ru/kurils-ru.txt")
    #expect(!relative.contains("README.md"))
    #expect(listing.sources.allSatisfy { $0.entry != nil && $0.entry?.id == $0.id })
    #expect(listing.sources.first { $0.id == "brief-ja-sjis" }?.path == corpusFolder + "/ja/brief-sjis.txt")
    // Every document loads, in the manifest's language, without replaced bytes.
    let loader = try DocumentLoader()
    for source in listing.sources {
      let document = try loader.load(source)
      #expect(document.language == source.entry?.language)
      #expect(document.languageSource == .manifest)
      #expect(document.encoding.replacements.isEmpty, "\(source.id)")
      #expect(LanguageGuess.language(of: document.text) == document.language, "\(source.id)")
    }
  }
}
