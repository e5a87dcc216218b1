// Pins `ScalarSet`: membership for ranges inside the BMP (the bitmap) and beyond it (the sorted
// ranges), both ends of a range, a range across the BMP boundary, unsorted input, the empty set,
// `everything`, and `containsAny(of:)` on Latin, Cyrillic, kana, kanji, emoji and the empty string.
import Testing

@testable import CrosswalkICU

@Suite struct ScalarSetTests {
  private static func scalar(_ value: UInt32) -> Unicode.Scalar {
    guard let scalar = Unicode.Scalar(value) else { fatalError("not a scalar: \(value)") }
    return scalar
  }

  static let cyrillicAndEmoji = ScalarSet(ranges: [0x1F600...0x1F64F, 0x0410...0x044F])

  @Test func bmpRangeContainsItsEndsAndNothingOutside() {
    let set = ScalarSet(ranges: [0x0410...0x044F])
    #expect(set.contains("А"))  // U+0410
    #expect(set.contains("я"))  // U+044F
    #expect(set.contains("Ж"))
    #expect(!set.contains(Self.scalar(0x040F)))
    #expect(!set.contains(Self.scalar(0x0450)))  // ѐ
    #expect(!set.contains("a"))
  }

  @Test func rangeBeyondTheBMPContainsItsEndsAndNothingOutside() {
    let set = Self.cyrillicAndEmoji
    #expect(set.contains(Self.scalar(0x1F600)))
    #expect(set.contains("😀"))
    #expect(set.contains(Self.scalar(0x1F64F)))
    #expect(!set.contains(Self.scalar(0x1F5FF)))
    #expect(!set.contains(Self.scalar(0x1F650)))
    #expect(!set.contains(Self.scalar(0x10FFFF)))
  }

  @Test func rangeAcrossTheBMPBoundary() {
    let set = ScalarSet(ranges: [0xFFF0...0x10010])
    #expect(set.contains(Self.scalar(0xFFF0)))
    #expect(set.contains(Self.scalar(0xFFFF)))
    #expect(set.contains(Self.scalar(0x10000)))
    #expect(set.contains(Self.scalar(0x10010)))
    #expect(!set.contains(Self.scalar(0xFFEF)))
    #expect(!set.contains(Self.scalar(0x10011)))
  }

  @Test func manyDisjointRangesBeyondTheBMPInAnyOrder() {
    let set = ScalarSet(ranges: [0x20000...0x2A6DF, 0x1F300...0x1F5FF, 0x10000...0x1007F, 0x30A0...0x30FF])
    for inside: UInt32 in [0x20000, 0x2A6DF, 0x1F300, 0x1F5FF, 0x10000, 0x1007F, 0x20B9F] {
      #expect(set.contains(Self.scalar(inside)), "U+\(String(inside, radix: 16))")
    }
    for outside: UInt32 in [0x1FFFF, 0x2A6E0, 0x1F2FF, 0x1F600, 0x10080, 0x1F000] {
      #expect(!set.contains(Self.scalar(outside)), "U+\(String(outside, radix: 16))")
    }
    #expect(set.contains("ア"))
  }

  @Test func overlappingRangesInsideTheBMP() {
    let set = ScalarSet(ranges: [0x3040...0x30FF, 0x3090...0x30A0])
    #expect(set.contains("あ"))
    #expect(set.contains("ア"))
    #expect(!set.contains("国"))
  }

  @Test func overlappingRangesBeyondTheBMP() {
    // Overlapping ranges are merged, so the binary search over upper bounds holds: before the
    // merge, [U+10000…U+20000, U+10010…U+10020] answered false for U+10030.
    let set = ScalarSet(ranges: [0x10000...0x20000, 0x10010...0x10020])
    #expect(set.contains(Self.scalar(0x10015)))
    #expect(set.contains(Self.scalar(0x10030)))
    #expect(set.contains(Self.scalar(0x1F600)))

  }

  @Test func emptySetContainsNothing() {
    let set = ScalarSet(ranges: [])
    #expect(!set.contains("a"))
    #expect(!set.contains("😀"))
    #expect(!set.containsAny(of: "Kishida 岸田 キシダ Кисида 😀"))
  }

  @Test func everythingContainsEveryKindOfScalar() {
    for scalar: Unicode.Scalar in ["\u{0}", "a", "é", "Ж", "ア", "国", "\u{FFFD}", "😀", "\u{10FFFF}"] {
      #expect(ScalarSet.everything.contains(scalar))
    }
    #expect(!ScalarSet.everything.containsAny(of: ""))
  }

  @Test(arguments: [
    ("Kishida", false), ("Pérouse", false), ("Кисида", true), ("Kishida Ж", true),
    ("キシダ", false), ("国後島", false), ("😀", true), ("Kishida 😀", true), ("", false),
  ])
  func containsAnyLooksAtEveryScalar(text: String, expected: Bool) {
    #expect(Self.cyrillicAndEmoji.containsAny(of: text) == expected)
  }

  @Test func containsAnySeesDecomposedMarks() {
    let marks = ScalarSet(ranges: [0x0300...0x036F])
    #expect(marks.containsAny(of: "Pe\u{0301}rouse"))
    #expect(!marks.containsAny(of: "P\u{00E9}rouse"))
  }
}
