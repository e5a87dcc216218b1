internal import CICUShim

/// Decodes bytes in a charset to text and encodes text back, through an ICU converter.
public final class CharsetConverter {
  /// The charset name as given.
  public let charset: String
  private let handle: OpaquePointer

  /// A converter for `charset` ("windows-1251", "KOI8-R", "Shift_JIS", "EUC-JP", "UTF-16LE");
  /// a name ICU does not know throws `.unknownCharset`.
  public init(charset: String) throws(ICUError) {
    self.charset = charset
    var status: Int32 = 0
    let opened = cicu_converter_open(charset, &status)
    guard status <= 0, let opened else {
      cicu_converter_close(opened)
      throw .unknownCharset(charset)
    }
    handle = opened
  }

  deinit { cicu_converter_close(handle) }

  /// ICU's canonical name of the charset ("ibm-5347_P100-1998" for windows-1251).
  public var canonicalName: String {
    var status: Int32 = 0
    return String(cString: cicu_converter_name(handle, &status))
  }

  /// The text of `bytes`; each undecodable sequence becomes U+FFFD and is counted in `replaced`.
  public func decode(_ bytes: [UInt8]) throws(ICUError) -> (text: String, replaced: Int) {
    if bytes.isEmpty { return ("", 0) }
    guard bytes.count < Int(Int32.max) / 2 else {
      throw .textTooLong(operation: "decoding \(charset)", length: bytes.count)
    }
    var capacity = bytes.count + 16
    for attempt in 0..<2 {
      var status: Int32 = 0
      var needed: Int32 = 0
      var replaced: Int32 = 0
      let units = [UInt16](unsafeUninitializedCapacity: capacity) { buffer, count in
        needed = bytes.withUnsafeBufferPointer { source in
          source.withMemoryRebound(to: CChar.self) { chars in
            cicu_converter_decode(
              handle, chars.baseAddress, Int32(chars.count), buffer.baseAddress, Int32(capacity),
              &replaced, &status)
          }
        }
        count = status > 0 ? 0 : min(Int(needed), capacity)
      }
      if status == CICU_BUFFER_OVERFLOW && attempt == 0 {
        capacity = Int(needed) + 1
        continue
      }
      try ICUError.check(status, "decoding \(charset)")
      return (String(utf16Units: units), Int(replaced))
    }
    throw .failed(
      operation: "decoding \(charset)", code: CICU_BUFFER_OVERFLOW,
      name: ICUError.name(of: CICU_BUFFER_OVERFLOW))
  }

  /// The bytes of `text` in the charset; each unmappable character becomes the charset's
  /// substitute and is counted in `replaced`.
  public func encode(_ text: String) throws(ICUError) -> (bytes: [UInt8], replaced: Int) {
    if text.isEmpty { return ([], 0) }
    let units = Array(text.utf16)
    guard units.count < Int(Int32.max) / 4 else {
      throw .textTooLong(operation: "encoding \(charset)", length: units.count)
    }
    var capacity = units.count * 2 + 16
    for attempt in 0..<2 {
      var status: Int32 = 0
      var needed: Int32 = 0
      var replaced: Int32 = 0
      let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
        needed = buffer.withMemoryRebound(to: CChar.self) { out in
          cicu_converter_encode(
            handle, units, Int32(units.count), out.baseAddress, Int32(capacity), &replaced, &status)
        }
        count = status > 0 ? 0 : min(Int(needed), capacity)
      }
      if status == CICU_BUFFER_OVERFLOW && attempt == 0 {
        capacity = Int(needed) + 1
        continue
      }
      try ICUError.check(status, "encoding \(charset)")
      return (bytes, Int(replaced))
    }
    throw .failed(
      operation: "encoding \(charset)", code: CICU_BUFFER_OVERFLOW,
      name: ICUError.name(of: CICU_BUFFER_OVERFLOW))
  }
}
