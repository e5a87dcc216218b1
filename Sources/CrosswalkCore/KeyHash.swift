/// 64-bit FNV-1a over UTF-8 bytes, mixed at the end: the hash of name keys, cache entries and
/// `HashedKeyTable` keys. Swift's own String hashing normalizes the text first, which dominated
/// the cost of indexing Cyrillic and kana names; two of a million keys meet by chance with a
/// probability near 10⁻⁸.
///
/// Inlinable, so that callers in other modules get code specialized for their string or
/// scalar type rather than generic code through witness tables (3 % of mention finding).
public struct KeyHasher {
  @usableFromInline var state: UInt64 = 0xcbf2_9ce4_8422_2325

  @inlinable public init() {}

  @inlinable @inline(__always)
  public mutating func add(_ byte: UInt8) {
    state ^= UInt64(byte)
    state &*= 0x0000_0100_0000_01b3
  }

  @inlinable
  public mutating func add(_ text: some StringProtocol) {
    let done: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
      for byte in bytes { add(byte) }
    }
    if done == nil { for byte in text.utf8 { add(byte) } }
  }

  /// A value of up to 32 bits in one step: for keys that only ever meet keys made the same way
  /// (the mention finder's word keys), a third of the work of hashing a scalar's bytes.
  @inlinable @inline(__always)
  public mutating func add(value: UInt32) {
    state ^= UInt64(value)
    state &*= 0x0000_0100_0000_01b3
  }

  /// The scalar's UTF-8 bytes: scalars hash as the string they spell.
  @inlinable @inline(__always)
  public mutating func add(_ scalar: Unicode.Scalar) {
    UTF8.encode(scalar) { add($0) }
  }

  @inlinable public var value: UInt64 { mix(state) }
}

/// The `KeyHasher` value of the string these scalars spell, without making the string.
@inlinable
public func keyHash(scalars: some Sequence<Unicode.Scalar>) -> UInt64 {
  var hasher = KeyHasher()
  for scalar in scalars { hasher.add(scalar) }
  return hasher.value
}

/// The `KeyHasher` value of `text`.
@inlinable
public func keyHash(_ text: some StringProtocol) -> UInt64 {
  var hasher = KeyHasher()
  hasher.add(text)
  return hasher.value
}

/// The finalizer of SplitMix64: spreads every input bit over the output.
@inlinable @inline(__always)
public func mix(_ value: UInt64) -> UInt64 {
  var z = value
  z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
  z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
  return z ^ (z >> 31)
}

/// Whether two strings have the same UTF-8 bytes (not merely canonical equivalence).
public func sameBytes(_ a: String, _ b: String) -> Bool {
  guard a.utf8.count == b.utf8.count else { return false }
  return a.utf8.withContiguousStorageIfAvailable { x in
    b.utf8.withContiguousStorageIfAvailable { y in x.elementsEqual(y) }
  }.flatMap { $0 } ?? a.utf8.elementsEqual(b.utf8)
}
