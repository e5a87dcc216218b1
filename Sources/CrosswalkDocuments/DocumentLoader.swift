import CrosswalkCore
import CrosswalkICU
import Foundation

/// Why a file did not become a document. `binary` is a warning (the file is skipped, the run goes
/// on); the others are errors.
public enum DocumentProblem: Error, Sendable, Equatable, CustomStringConvertible {
  case unreadable(path: String, reason: String)
  case tooLarge(path: String, bytes: Int, limit: Int)
  case binary(path: String, evidence: String)
  case undecodable(path: String, reason: String)

  public var path: String {
    switch self {
    case .unreadable(let path, _), .tooLarge(let path, _, _), .binary(let path, _),
      .undecodable(let path, _):
      path
    }
  }

  /// True when the file is skipped with a warning rather than failing the run.
  public var isWarning: Bool {
    if case .binary = self { return true }
    return false
  }

  public var description: String {
    switch self {
    case .unreadable(let path, let reason): "\(path): cannot read: \(reason)"
    case .tooLarge(let path, let bytes, let limit):
      "\(path): \(bytes) bytes is over the size limit of \(limit) bytes (raise it with --max-size)"
    case .binary(let path, let evidence): "\(path): skipped: looks like a binary file (\(evidence))"
    case .undecodable(let path, let reason): "\(path): cannot decode: \(reason)"
    }
  }
}

/// Reads files into `Document`s: size limit, binary sniffing, encoding detection, language.
///
/// Owns ICU handles (a charset detector, converters), so it is not `Sendable`: give each thread
/// its own.
public final class DocumentLoader {
  /// The default size limit: 50 MB.
  public static let defaultSizeLimit = 50 << 20

  /// Files larger than this many bytes are refused.
  public let sizeLimit: Int
  private let decoder: TextDecoder

  public init(sizeLimit: Int = DocumentLoader.defaultSizeLimit) throws(ICUError) {
    self.sizeLimit = sizeLimit
    decoder = try TextDecoder()
  }

  /// The document at `source`.
  public func load(_ source: DocumentSource) throws(DocumentProblem) -> Document {
    let path = source.path
    let bytes = try read(path)
    if let evidence = TextDecoder.binaryEvidence(bytes) {
      throw .binary(path: path, evidence: evidence)
    }
    return try document(from: bytes, source: source)
  }

  /// A document from bytes already in memory (`source.path` is used for messages only).
  public func document(from bytes: [UInt8], source: DocumentSource) throws(DocumentProblem) -> Document {
    let decoded: DecodedText
    do {
      decoded = try decoder.decode(bytes, declaredEncoding: source.entry?.encoding)
    } catch {
      throw .undecodable(path: source.path, reason: "\(error)")
    }
    var text = decoded.text
    var replacements: [TextSpan] = []
    // U+FFFD marks what the converter could not decode; NUL (past the binary sniff) is not text
    // either and would end strings in many tools, so it is replaced and reported the same way.
    if decoded.replacedSequences > 0 || containsNUL(text) {
      var scalars = String.UnicodeScalarView()
      for (offset, scalar) in text.unicodeScalars.enumerated() {
        if scalar == "\u{FFFD}" || scalar == "\u{0}" {
          replacements.append(TextSpan(start: offset, end: offset + 1))
          scalars.append("\u{FFFD}")
        } else {
          scalars.append(scalar)
        }
      }
      text = String(scalars)
    }
    let encoding = EncodingReport(
      name: decoded.encoding, evidence: decoded.evidence.rawValue, confidence: decoded.confidence,
      byteCount: bytes.count, replacements: replacements)
    let language: String
    let languageSource: LanguageSource
    if let declared = source.entry?.language {
      (language, languageSource) = (declared, .manifest)
    } else {
      (language, languageSource) = (LanguageGuess.language(of: text), .detected)
    }
    return Document(
      id: source.id, path: source.path, language: language, languageSource: languageSource,
      encoding: encoding, text: text, metadata: source.entry?.metadata ?? DocumentMetadata())
  }

  /// Whether `text` holds U+0000, by memchr: the generic `contains` went byte by byte.
  private func containsNUL(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      guard let base = bytes.baseAddress else { return false }
      return memchr(base, 0, bytes.count) != nil
    }
  }

  private func read(_ path: String) throws(DocumentProblem) -> [UInt8] {
    // stat() follows symbolic links; FileManager's attributesOfItem does not, and took a link to
    // a file for something other than a regular file.
    var info = stat()
    guard stat(path, &info) == 0 else {
      let isLink = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
      throw .unreadable(path: path, reason: isLink ? "a broken symbolic link" : "no such file")
    }
    let type = info.st_mode & S_IFMT
    if type == S_IFDIR { throw .unreadable(path: path, reason: "is a folder") }
    // A FIFO or a device would block or never end.
    guard type == S_IFREG else { throw .unreadable(path: path, reason: "not a regular file") }
    let size = Int(info.st_size)
    if size > sizeLimit { throw .tooLarge(path: path, bytes: size, limit: sizeLimit) }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw .unreadable(path: path, reason: "permission denied")
    }
    defer { try? handle.close() }
    let data: Data
    do {
      // One byte past the limit tells a file that grew since it was measured.
      data = try handle.read(upToCount: sizeLimit + 1) ?? Data()
    } catch {
      throw .unreadable(path: path, reason: error.localizedDescription)
    }
    if data.count > sizeLimit { throw .tooLarge(path: path, bytes: data.count, limit: sizeLimit) }
    return [UInt8](data)
  }
}

/// A document's language from its letters, for documents that the manifest does not describe:
/// kana means Japanese, Han alone Chinese, Cyrillic Russian (Ukrainian with і, ї, є, ґ), Latin
/// English. Crude on purpose: the manifest is the place to say more.
public enum LanguageGuess {
  /// The language of `text`, or "und" when it has no letters.
  public static func language(of text: String) -> String {
    var latin = 0
    var cyrillic = 0
    var ukrainian = 0
    var kana = 0
    var han = 0
    var other = 0
    // The first 20,000 letters decide; the common scripts by block, without Unicode property
    // lookups (which dominated this loop).
    var letters = 0
    for scalar in text.unicodeScalars {
      if letters >= 20_000 { break }
      letters += 1
      switch scalar.value {
      case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF: latin += 1
      case 0x456, 0x457, 0x454, 0x491, 0x406, 0x407, 0x404, 0x490: cyrillic += 1; ukrainian += 1
      case 0x400...0x52F: cyrillic += 1
      case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: kana += 1
      case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF: han += 1
      case 0...0x7F: letters -= 1
      default:
        if scalar.properties.isAlphabetic { other += 1 } else { letters -= 1 }
      }
    }
    let japanese = kana + han
    let best = max(latin, cyrillic, japanese, other)
    if best == 0 { return "und" }
    if japanese == best { return kana > 0 ? "ja" : "zh" }
    if cyrillic == best { return ukrainian * 50 > cyrillic ? "uk" : "ru" }
    if latin == best { return "en" }
    return "und"
  }
}
