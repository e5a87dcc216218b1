import CrosswalkCore
import CrosswalkGlossary
import CrosswalkLinking
import CrosswalkMentions
import Testing

/// The jsonl writer writes field by field for speed: it must write exactly what the `JSON`
/// value of each mention writes, whatever the text holds.
@Suite struct MentionOutputTests {
  @Test("jsonl lines equal the JSON values of the mentions, escapes and nulls included")
  func jsonlEqualsJSONValues() throws {
    let finder = try MentionFinder(resources: try #require(MentionFinderTests.resources))
    let text = """
      Fumio Kishida met Tervaoe "Yuterieov" in Kunashiri.\r\nOzekin wrote to Vladimir Osechkin \\ Kisida.
      Визит Кисиды на Кунашир. Mr. Zzyzx\u{2028}Qwerty said so to the visiting writer Dashikaou Eyutsyu.
      """
    let document = Document(
      id: "odd \"id\"", path: "dir/odd\tname.txt", language: "en", languageSource: .manifest,
      encoding: EncodingReport(name: "UTF-8", evidence: "valid-utf8", confidence: 100, byteCount: text.utf8.count),
      text: text)
    let mentions = try finder.mentions(in: document)
    #expect(mentions.contains { $0.entity == nil }, "an unresolved mention, for the nulls")
    #expect(mentions.contains { $0.entity != nil })
    let lines = MentionFormat.jsonl.render(mentions, in: document).split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == mentions.count + 1 && lines.last == "")
    for (line, mention) in zip(lines, mentions) {
      #expect(String(line) == MentionFormat.json(mention, in: document).compact)
    }
  }
}

@Suite struct JSONFieldWriterTests {
  @Test("fractions are written as JSON.fraction writes them")
  func fractions() {
    var values = (0...2_000).map { Double($0) / 1000 }
    values += [0.8499999, 0.0005, 0.00049, 0.123456, 12.3456, -0.25, -3, 1e14, 1e16, .infinity, .nan]
    for value in values {
      var bytes: [UInt8] = []
      JSON.appendFraction(value, to: &bytes)
      #expect(String(decoding: bytes, as: UTF8.self) == JSON.fraction(value).compact, "\(value)")
    }
  }

  @Test("integers are written as String(_:) writes them")
  func integers() {
    for value in [0, 7, -7, 10, 99, 100, 123_456_789, Int.max, Int.min, Int.min + 1] {
      var bytes: [UInt8] = []
      JSON.append(value, to: &bytes)
      #expect(String(decoding: bytes, as: UTF8.self) == String(value))
    }
  }
}
