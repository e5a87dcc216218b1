/// One text of a corpus, decoded, with what is known about it. Every position inside is a
/// Unicode-scalar offset into `scalars` (see `TextSpan`); `lines` turns them into lines and
/// columns.
public struct Document: Sendable {
  /// A short stable name: the manifest's id, else the path without its extension.
  public let id: String
  /// The file as the user named it (or as found under a folder they named).
  public let path: String
  /// BCP 47 language ("en", "ru", "ja"), or "und" when neither the manifest nor the text says.
  public let language: String
  /// Whether the language came from the manifest or from the scripts of the text.
  public let languageSource: LanguageSource
  /// How the bytes were decoded.
  public let encoding: EncodingReport
  /// The decoded text, without a byte order mark; line ends kept as written.
  public let text: String
  /// The text's Unicode scalars, for offset arithmetic in constant time.
  public let scalars: [Unicode.Scalar]
  /// Where each line starts.
  public let lines: LineIndex
  /// Title, source, date, translation_of and notes from the manifest.
  public let metadata: DocumentMetadata

  public init(
    id: String, path: String, language: String, languageSource: LanguageSource,
    encoding: EncodingReport, text: String, metadata: DocumentMetadata = DocumentMetadata()
  ) {
    self.id = id
    self.path = path
    self.language = language
    self.languageSource = languageSource
    self.encoding = encoding
    self.text = text
    self.scalars = unicodeScalars(of: text)
    self.lines = LineIndex(scalars: scalars)
    self.metadata = metadata
  }

  /// The text of `span`, cut to the text (empty when the span lies outside it).
  public func text(of span: TextSpan) -> String {
    let end = max(0, min(span.end, scalars.count))
    return makeString(scalars[min(max(0, span.start), end)..<end])
  }

  /// The 1-based line and column of a scalar offset.
  public func location(of offset: Int) -> SourceLocation {
    let (line, column) = lines.location(of: offset)
    return SourceLocation(file: path, line: line, column: column)
  }
}

/// The scalars of `text`, decoded from its UTF-8 in two passes over the bytes (one to count,
/// one to decode): `Array(text.unicodeScalars)` decodes twice through the generic collection
/// path, a fiftieth of the time of finding a corpus's mentions.
public func unicodeScalars(of text: String) -> [Unicode.Scalar] {
  var text = text
  return text.withUTF8 { bytes in
    // A String's UTF-8 is valid: every scalar starts at a byte that is not a continuation byte.
    var count = 0
    for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
    return [Unicode.Scalar](unsafeUninitializedCapacity: count) { buffer, initialized in
      var i = 0, n = 0
      while i < bytes.count, n < count {
        let lead = UInt32(bytes[i])
        var value = lead
        var length = 1
        if lead >= 0xF0 {
          length = 4
          value = lead & 0x07
        } else if lead >= 0xE0 {
          length = 3
          value = lead & 0x0F
        } else if lead >= 0xC0 {
          length = 2
          value = lead & 0x1F
        }
        if length > 1 {
          for k in 1..<length where i + k < bytes.count { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
        }
        buffer.initializeElement(at: n, to: Unicode.Scalar(value) ?? "\u{FFFD}")
        n += 1
        i += length
      }
      initialized = n
    }
  }
}

/// Where a document's language came from.
public enum LanguageSource: String, Sendable {
  case manifest, detected
}

/// How a document's bytes became text, to be reported: encoding, how it was decided, and what
/// could not be decoded.
public struct EncodingReport: Sendable, Equatable {
  /// The encoding's name ("UTF-8", "UTF-16LE", "windows-1251", "Shift_JIS", …).
  public let name: String
  /// How it was decided ("valid-utf8", "byte-order-mark", "detected", …).
  public let evidence: String
  /// How sure the decision is, 0…100.
  public let confidence: Int
  /// The size of the file in bytes.
  public let byteCount: Int
  /// Where undecodable bytes (and NUL bytes) were replaced by U+FFFD, in the decoded text.
  public let replacements: [TextSpan]

  public init(name: String, evidence: String, confidence: Int, byteCount: Int, replacements: [TextSpan] = []) {
    self.name = name
    self.evidence = evidence
    self.confidence = confidence
    self.byteCount = byteCount
    self.replacements = replacements
  }
}

/// What a manifest says about a document beyond its path and language.
public struct DocumentMetadata: Sendable, Equatable {
  public var title: String?
  public var source: String?
  public var date: String?
  /// The id of the document this one translates.
  public var translationOf: String?
  public var notes: String?

  public init(
    title: String? = nil, source: String? = nil, date: String? = nil, translationOf: String? = nil,
    notes: String? = nil
  ) {
    self.title = title
    self.source = source
    self.date = date
    self.translationOf = translationOf
    self.notes = notes
  }
}

/// The text of some scalars, through UTF-8 bytes: appending scalars to a String one by one, or
/// `String.UnicodeScalarView(_:)` of a slice (unspecialized generic code), is several times
/// slower, and names and facts are cut out of documents by the hundred thousand.
public func makeString(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
  let byteCount = scalars.reduce(0) { $0 + UTF8.width($1) }
  return String(unsafeUninitializedCapacity: byteCount) { buffer in
    var position = 0
    for scalar in scalars {
      UTF8.encode(scalar) { byte in
        buffer[position] = byte
        position += 1
      }
    }
    return position
  }
}
