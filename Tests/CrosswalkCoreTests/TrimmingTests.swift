// Pins trimmingSpaces, which every data file's reader uses on its lines and fields.
import Testing

@testable import CrosswalkCore

@Suite("trimmingSpaces")
struct TrimmingTests {
  @Test func whiteSpaceOfAnyKindGoesFromBothEndsOnly() {
    #expect(" \t Kunashir \t".trimmingSpaces() == "Kunashir")
    #expect("\u{3000}国後島\u{00A0}".trimmingSpaces() == "国後島")
    #expect("La  Pérouse Strait".trimmingSpaces() == "La  Pérouse Strait")
    #expect(" \t ".trimmingSpaces().isEmpty && "".trimmingSpaces().isEmpty)
  }

  @Test func aSubstringTrimsAsItsStringDoes() {
    let line = "place\t Хабаровск \t"
    let fields = line.split(separator: "\t")
    #expect(fields.map { $0.trimmingSpaces() } == ["place", "Хабаровск"])
    // A combining mark at the end stays with its letter.
    #expect("e\u{301} ".trimmingSpaces().unicodeScalars.count == 2)
  }
}
