
/// A JSON value whose objects keep their keys in the order written, so that output follows the
/// documented contracts (DESIGN.md 'Command line') and is byte-identical from run to run.
/// Not `indirect`: arrays already hold their elements apart, and a box per value is a large
/// part of writing millions of them.
public enum JSON {
  case string(String)
  case number(Double)
  case int(Int)
  case bool(Bool)
  case null
  case array([JSON])
  case object([(String, JSON)])

  /// A string, or null for nil.
  public static func optional(_ text: String?) -> JSON { text.map(JSON.string) ?? .null }

  /// A score or other fraction, rounded to three decimals.
  public static func fraction(_ value: Double) -> JSON { .number((value * 1000).rounded() / 1000) }

  /// On one line (JSON Lines).
  public var compact: String {
    var out: [UInt8] = []
    write(to: &out, indent: nil, level: 0)
    return String(decoding: out, as: UTF8.self)
  }

  /// Indented by two spaces.
  public var pretty: String {
    var out: [UInt8] = []
    write(to: &out, indent: 2, level: 0)
    return String(decoding: out, as: UTF8.self)
  }

  /// Appends the value on one line: many values into one buffer.
  public func appendCompact(to out: inout [UInt8]) {
    write(to: &out, indent: nil, level: 0)
  }

  /// Written in UTF-8: appending bytes is several times cheaper than appending strings, which
  /// matters for the millions of values of a corpus's output.
  private func write(to out: inout [UInt8], indent: Int?, level: Int) {
    func newline(_ level: Int) {
      guard let indent else { return }
      out.append(0x0A)
      out.append(contentsOf: repeatElement(0x20, count: indent * level))
    }
    switch self {
    case .string(let text): appendDoubleQuoted(text, to: &out)
    case .number(let value):
      if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
        out.append(contentsOf: String(Int(value)).utf8)
      } else if value.isFinite {
        out.append(contentsOf: String(value).utf8)
      } else {
        out.append(contentsOf: "null".utf8)
      }
    case .int(let value): out.append(contentsOf: String(value).utf8)
    case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
    case .null: out.append(contentsOf: "null".utf8)
    case .array(let items):
      out.append(UInt8(ascii: "["))
      for (index, item) in items.enumerated() {
        if index > 0 { out.append(UInt8(ascii: ",")) }
        newline(level + 1)
        item.write(to: &out, indent: indent, level: level + 1)
      }
      if !items.isEmpty { newline(level) }
      out.append(UInt8(ascii: "]"))
    case .object(let pairs):
      out.append(UInt8(ascii: "{"))
      for (index, (key, value)) in pairs.enumerated() {
        if index > 0 { out.append(UInt8(ascii: ",")) }
        newline(level + 1)
        appendDoubleQuoted(key, to: &out)
        out.append(UInt8(ascii: ":"))
        if indent != nil { out.append(0x20) }
        value.write(to: &out, indent: indent, level: level + 1)
      }
      if !pairs.isEmpty { newline(level) }
      out.append(UInt8(ascii: "}"))
    }
  }

  // MARK: Writing lines field by field

  /// The pieces of a JSON object written straight into bytes, for output of millions of
  /// objects (a corpus's mentions) where building a `JSON` value per object would cost more
  /// than the work that found them. Each writes what `compact` writes for the same value.

  @inlinable
  public static func append<Sink: ByteSink>(_ value: Int, to out: inout Sink) {
    if value < 0 {
      out.write(UInt8(ascii: "-"))
      if value == .min {
        out.write(Array(String(value).utf8.dropFirst()))
        return
      }
    }
    var magnitude = abs(value)
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
      UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
      (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var count = 0
    withUnsafeMutableBytes(of: &digits) { buffer in
      repeat {
        buffer[19 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
        count += 1
      } while magnitude > 0
      out.write(UnsafeBufferPointer(rebasing: buffer.bindMemory(to: UInt8.self)[(20 - count)...]))
    }
  }

  /// A string, or null for nil.
  @inlinable
  public static func append<Sink: ByteSink>(_ text: String?, to out: inout Sink) {
    if let text { appendDoubleQuoted(text, to: &out) } else { out.write("null" as StaticString) }
  }

  /// As `fraction(value)` writes it: rounded to three decimals, trailing zeros dropped.
  @inlinable
  public static func appendFraction<Sink: ByteSink>(_ value: Double, to out: inout Sink) {
    let thousandths = (value * 1000).rounded()
    guard thousandths.isFinite, abs(thousandths) < 1e15 else {
      out.write(Array(JSON.fraction(value).compact.utf8))
      return
    }
    let whole = Int(thousandths)
    if whole < 0 { out.write(UInt8(ascii: "-")) }
    append(abs(whole) / 1000, to: &out)
    var fraction = abs(whole) % 1000
    guard fraction > 0 else { return }
    out.write(UInt8(ascii: "."))
    var divisor = 100
    while fraction > 0 {
      out.write(UInt8(ascii: "0") + UInt8(fraction / divisor))
      fraction %= divisor
      divisor /= 10
    }
  }
}
