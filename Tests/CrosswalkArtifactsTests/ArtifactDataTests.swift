import CrosswalkCore
import Testing

@testable import CrosswalkArtifacts

/// The rules' data files: a malformed line is an error that names the file and the line.
@Suite struct ArtifactDataTests {
  /// The line an error names, or nil when `body` did not fail with `invalidData`.
  static func failingLine(_ body: () throws(ArtifactError) -> Void) -> Int? {
    do throws(ArtifactError) {
      try body()
      return nil
    } catch {
      if case .invalidData(_, let line, _) = error { return line }
      return nil
    }
  }

  @Test func acronymThatTheRuleCouldNeverMatchIsRefused() {
    let text = "# acronyms\nSVO\tru\tСВО\t-\t-\nsvo\tru\tсво\t-\t-\n"
    #expect(Self.failingLine { () throws(ArtifactError) in _ = try ArtifactData.acronyms(text, file: "acronyms.tsv") } == 3)
  }

  @Test func rowWithTheWrongNumberOfFieldsNamesItsLine() {
    let text = "# calques\n\nexchange rate\tru\tкурс\tpolicy\n"
    #expect(Self.failingLine { () throws(ArtifactError) in _ = try ArtifactData.calques(text, file: "calques.tsv") } == 3)
  }

  @Test func boilerplateScopeRuleAndIDAreChecked() {
    let badScope = "a\tboilerplate\teverywhere\tread more\t-\n"
    #expect(Self.failingLine { () throws(ArtifactError) in _ = try ArtifactData.boilerplate(badScope, file: "b.tsv") } == 1)
    let twice = "a\tboilerplate\tline\tread more\t-\na\tboilerplate\tline\tsee also\t-\n"
    #expect(Self.failingLine { () throws(ArtifactError) in _ = try ArtifactData.boilerplate(twice, file: "b.tsv") } == 2)
  }

  @Test func badOrBackReferencingPatternNamesItsLine() throws {
    for pattern in ["read (more", "home([/|])x\\1"] {
      let text = "# patterns\nok\tboilerplate\tline\tsee also\t-\nbad\tboilerplate\tinline\t\(pattern)\t-\n"
      let patterns = try ArtifactData.boilerplate(text, file: "b.tsv")
      let data = ArtifactData(
        calques: [], acronyms: [], boilerplate: patterns, allowedDoubles: [], sentenceOpeners: [])
      #expect(Self.failingLine { () throws(ArtifactError) in _ = try BoilerplateMatcher(data: data, rule: "boilerplate") } == 3, "\(pattern)")
    }
  }
}
