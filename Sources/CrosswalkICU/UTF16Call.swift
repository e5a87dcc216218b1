internal import CICUShim

/// Runs an ICU call that writes UTF-16 into a caller's buffer and returns the length it needed,
/// retrying once with the exact size when the first guess was too small. Every string-producing
/// wrapper goes through here, so the overflow protocol lives in one place.
func utf16Result(
  _ operation: @autoclosure () -> String,
  input: [UInt16],
  initialCapacity: Int? = nil,
  _ call: (UnsafePointer<UInt16>?, Int32, UnsafeMutablePointer<UInt16>?, Int32, inout Int32) ->
    Int32
) throws(ICUError) -> [UInt16] {
  guard input.count < Int(Int32.max) / 4 else {
    throw .textTooLong(operation: operation(), length: input.count)
  }
  var capacity = max(initialCapacity ?? (input.count + input.count / 2 + 16), 1)
  for attempt in 0..<2 {
    var status: Int32 = 0
    var needed: Int32 = 0
    let output = [UInt16](unsafeUninitializedCapacity: capacity) { buffer, count in
      needed = input.withUnsafeBufferPointer { source in
        call(source.baseAddress, Int32(source.count), buffer.baseAddress, Int32(capacity), &status)
      }
      count = status > 0 ? 0 : min(Int(needed), capacity)
    }
    if status == CICU_BUFFER_OVERFLOW && attempt == 0 && needed > 0 {
      capacity = Int(needed) + 1
      continue
    }
    try ICUError.check(status, operation())
    return output
  }
  throw .failed(
    operation: operation(), code: CICU_BUFFER_OVERFLOW, name: ICUError.name(of: CICU_BUFFER_OVERFLOW))
}

/// Runs an ICU call that takes UTF-8 and writes UTF-8 into a string's own storage, retrying once
/// with the exact size when the first guess was too small. Names and keys go through here:
/// no intermediate arrays, one allocation for the result.
func utf8Result(
  _ operation: @autoclosure () -> String,
  input: String,
  _ call: (UnsafePointer<CChar>?, Int32, UnsafeMutablePointer<CChar>?, Int32, inout Int32) -> Int32
) throws(ICUError) -> String {
  var text = input
  let result = text.withUTF8 { source -> Result<String, ICUError> in
    guard source.count < Int(Int32.max) / 8 else {
      return .failure(.textTooLong(operation: operation(), length: source.count))
    }
    var capacity = source.count * 2 + 16
    for attempt in 0..<2 {
      var status: Int32 = 0
      var needed: Int32 = 0
      let output = source.withMemoryRebound(to: CChar.self) { chars in
        String(unsafeUninitializedCapacity: capacity) { buffer in
          needed = buffer.withMemoryRebound(to: CChar.self) { out in
            call(chars.baseAddress, Int32(chars.count), out.baseAddress, Int32(capacity), &status)
          }
          return status > 0 ? 0 : min(Int(needed), capacity)
        }
      }
      if status == CICU_BUFFER_OVERFLOW && attempt == 0 && needed > 0 {
        capacity = Int(needed) + 1
        continue
      }
      if status > 0 {
        return .failure(.failed(operation: operation(), code: status, name: ICUError.name(of: status)))
      }
      return .success(output)
    }
    return .failure(
      .failed(
        operation: operation(), code: CICU_BUFFER_OVERFLOW, name: ICUError.name(of: CICU_BUFFER_OVERFLOW)))
  }
  return try result.get()
}

extension String {
  /// The string decoded from ICU's UTF-16 output; an unpaired surrogate becomes U+FFFD.
  ///
  /// Transcodes straight into the string's UTF-8 storage: the generic
  /// `String(decoding:as: UTF16.self)` was the largest single cost of short transliterations.
  init(utf16Units units: [UInt16]) {
    self = String(unsafeUninitializedCapacity: units.count * 3) { out in
      var written = 0
      var i = 0
      while i < units.count {
        var scalar = UInt32(units[i])
        i += 1
        if scalar < 0x80 {
          out[written] = UInt8(scalar)
          written += 1
          continue
        }
        if UTF16.isLeadSurrogate(UInt16(scalar)) {
          if i < units.count, UTF16.isTrailSurrogate(units[i]) {
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (UInt32(units[i]) - 0xDC00)
            i += 1
          } else {
            scalar = 0xFFFD
          }
        } else if UTF16.isTrailSurrogate(UInt16(scalar)) {
          scalar = 0xFFFD
        }
        if scalar < 0x800 {
          out[written] = UInt8(0xC0 | (scalar >> 6))
          out[written + 1] = UInt8(0x80 | (scalar & 0x3F))
          written += 2
        } else if scalar < 0x10000 {
          out[written] = UInt8(0xE0 | (scalar >> 12))
          out[written + 1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
          out[written + 2] = UInt8(0x80 | (scalar & 0x3F))
          written += 3
        } else {
          out[written] = UInt8(0xF0 | (scalar >> 18))
          out[written + 1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
          out[written + 2] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
          out[written + 3] = UInt8(0x80 | (scalar & 0x3F))
          written += 4
        }
      }
      return written
    }
  }
}
