// Crosswalk runs its own transform rules (glossaries/transforms) on its own engine, ICU's engine
// being the reference: every word of the glossaries and of the sample corpus gets the same keys
// at every level either way.
import CrosswalkGlossaryData
import Foundation
import Testing

@testable import CrosswalkNames

@Test func everyWordOfTheGlossariesAndTheCorpusGetsICUsKeysOnCrosswalksEngine() throws {
  let own = try NameNormalizer()
  let icu = try NameNormalizer(ownTransformEngine: false)
  own.useWordCache = false
  icu.useWordCache = false
  var texts = EmbeddedGlossaries.paths.compactMap(EmbeddedGlossaries.file)
  let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../corpus")
  if let files = FileManager.default.enumerator(at: corpus, includingPropertiesForKeys: nil) {
    for case let file as URL in files where file.pathExtension == "txt" {
      if let text = try? String(contentsOf: file, encoding: .utf8) { texts.append(text) }
    }
  }
  var words = Set<String>()
  for text in texts {
    for word in text.split(whereSeparator: { !($0.isLetter || $0.isNumber || "'’-.·・".contains($0)) }) {
      words.insert(String(word))
    }
  }
  #expect(words.count > 10_000)
  var differing: [String] = []
  for word in words.sorted() where try own.analyze(word).keys != icu.analyze(word).keys {
    differing.append(word)
  }
  #expect(differing.isEmpty, "\(differing.count) words differ: \(differing.prefix(10))")
}
