internal import CICUShim

/// A set of Unicode scalars held as sorted ranges, with a bitmap for the Basic Multilingual
/// Plane so that membership is one lookup for the scalars of almost every text.
public struct ScalarSet: Sendable {
  private let ranges: [ClosedRange<UInt32>]
  private let bmp: [UInt64]

  /// Every scalar.
  public static let everything = ScalarSet(ranges: [0...0x10FFFF])

  /// The scalars in `ranges` (any order, overlaps allowed).
  public init(ranges: [ClosedRange<UInt32>]) {
    // Merged into disjoint ranges, so that upper bounds are sorted too and a binary search holds.
    var merged: [ClosedRange<UInt32>] = []
    for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
      if let last = merged.last, range.lowerBound <= last.upperBound &+ 1 {
        merged[merged.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
      } else {
        merged.append(range)
      }
    }
    self.ranges = merged
    var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
    for range in ranges where range.lowerBound < 0x10000 {
      for value in range.lowerBound...min(range.upperBound, 0xFFFF) {
        bits[Int(value >> 6)] |= 1 << (value & 63)
      }
    }
    bmp = bits
  }

  /// The set an ICU call writes as inclusive ranges, `ranges[2i]...ranges[2i+1]`, returning
  /// their number (`cicu_translit_source_ranges`, `cicu_set_pattern_ranges`): retried once with
  /// room for all of them. Nil when the call fails or returns a negative number (a set it
  /// cannot write as ranges).
  init?(icuRanges call: (_ ranges: UnsafeMutablePointer<UInt32>, _ capacity: Int32, _ status: inout Int32) -> Int32) {
    var capacity = 256
    for _ in 0..<2 {
      var ranges = [UInt32](repeating: 0, count: capacity)
      var status: Int32 = 0
      let count = Int(call(&ranges, Int32(capacity), &status))
      if status == CICU_BUFFER_OVERFLOW {
        capacity = 2 * count
        continue
      }
      guard status <= 0, count >= 0 else { return nil }
      self.init(ranges: (0..<count).map { ranges[2 * $0]...ranges[2 * $0 + 1] })
      return
    }
    return nil
  }

  /// True when `scalar` is in the set.
  public func contains(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x10000 { return bmp[Int(value >> 6)] & (1 << (value & 63)) != 0 }
    var low = 0, high = ranges.count
    while low < high {
      let mid = (low + high) / 2
      if ranges[mid].upperBound < value { low = mid + 1 } else { high = mid }
    }
    return low < ranges.count && ranges[low].contains(value)
  }

  /// True when some scalar of `text` is in the set.
  public func containsAny(of text: String) -> Bool {
    text.unicodeScalars.contains(where: contains)
  }
}
