/// Where the byte writers of output (`appendDoubleQuoted`, `JSON.append`) put their bytes: an
/// array, or `UnsafeByteWriter` for output of millions of short fields. The writers are
/// inlinable and generic over it, so one implementation serves both at full speed.
public protocol ByteSink {
  mutating func write(_ byte: UInt8)
  mutating func write(_ bytes: UnsafeBufferPointer<UInt8>)
}

extension ByteSink {
  @inlinable @inline(__always)
  public mutating func write(_ bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { write($0) }
  }

  @inlinable @inline(__always)
  public mutating func write(_ text: StaticString) {
    text.withUTF8Buffer { write($0) }
  }
}

extension Array: ByteSink where Element == UInt8 {
  @inlinable @inline(__always)
  public mutating func write(_ byte: UInt8) { append(byte) }

  @inlinable @inline(__always)
  public mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) { append(contentsOf: bytes) }
}

/// A `ByteSink` into memory sized beforehand for everything written: no uniqueness or capacity
/// check and no call per field, which through Array's append cost more than the bytes of a
/// corpus's jsonl. What does not fit is not written and `overflowed` tells it: the caller
/// writes again into an array (a bound that input can beat must not stop the program).
public struct UnsafeByteWriter: ByteSink {
  @usableFromInline let start: UnsafeMutablePointer<UInt8>
  @usableFromInline var next: UnsafeMutablePointer<UInt8>
  @usableFromInline let end: UnsafeMutablePointer<UInt8>
  /// A write did not fit: what was written is incomplete.
  public private(set) var overflowed = false

  /// A writer into `buffer`, or nil when it has no room at all.
  public init?(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
    guard let base = buffer.baseAddress, buffer.count > 0 else { return nil }
    start = base
    next = base
    end = base + buffer.count
  }

  /// The bytes written so far.
  public var count: Int { next - start }

  @inlinable @inline(__always)
  public mutating func write(_ byte: UInt8) {
    guard next < end else { return overflow() }
    next.initialize(to: byte)
    next += 1
  }

  @inlinable @inline(__always)
  public mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let base = bytes.baseAddress else { return }
    guard end - next >= bytes.count else { return overflow() }
    next.initialize(from: base, count: bytes.count)
    next += bytes.count
  }

  @usableFromInline
  mutating func overflow() { overflowed = true }
}
