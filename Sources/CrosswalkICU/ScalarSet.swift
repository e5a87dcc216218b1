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
