import CrosswalkCore
import Testing

@testable import CrosswalkGlossary

@Suite struct BuiltInGlossaryTests {
  @Test func loadsWithoutErrors() {
    let load = GlossaryLoader.builtIn()
    #expect(!load.hasErrors, "\(load.diagnostics)")
    #expect(load.glossary.entities.count >= 80)
  }
}
