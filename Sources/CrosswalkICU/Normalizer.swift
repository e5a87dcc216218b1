internal import CICUShim

/// Unicode normalization through ICU's shared, thread-safe normalizer instances.
public enum NormalForm: Sendable, CaseIterable {
  /// Canonical composition: the form every text and key is stored in.
  case nfc
  /// Canonical decomposition: base letters followed by their combining marks.
  case nfd
  /// Compatibility composition: full-width and half-width forms, ligatures folded.
  case nfkc
  /// Compatibility decomposition.
  case nfkd
  /// NFKC with case folding and default-ignorables removed (Unicode's NFKC_Casefold).
  case nfkcCasefold

  fileprivate var shim: cicu_normal_form {
    switch self {
    case .nfc: CICU_NFC
    case .nfd: CICU_NFD
    case .nfkc: CICU_NFKC
    case .nfkd: CICU_NFKD
    case .nfkcCasefold: CICU_NFKC_CASEFOLD
    }
  }
}

extension NormalForm {
  /// `text` in this normal form. Already-normalized text is returned without a copy.
  public func apply(_ text: String) throws(ICUError) -> String {
    if text.isEmpty { return text }
    // ASCII is in every form but the case-folded one, where only capitals change.
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
      return self == .nfkcCasefold ? text.lowercased() : text
    }
    let form = shim
    var copy = text
    let normalized = copy.withUTF8 { bytes in
      bytes.withMemoryRebound(to: CChar.self) { chars in
        var status: Int32 = 0
        return cicu_is_normalized_utf8(form, chars.baseAddress, Int32(chars.count), &status) == 1
      }
    }
    if normalized { return text }
    return try utf8Result("normalizing to \(self)", input: text) {
      source, length, out, capacity, status in
      cicu_normalize_utf8(form, source, length, out, capacity, &status)
    }
  }
}
