import Foundation

// Entity ids (`Entity.id`) and the Latin script: what glossaries, the mention finder and the
// commands all ask of names.

/// True for ids of the form `[a-z0-9][a-z0-9-]*`.
public func isValidID(_ id: String) -> Bool {
  guard let first = id.utf8.first, isLowerAlphanumeric(first) else { return false }
  return id.utf8.allSatisfy { isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") }
}

private func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
  (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
}

/// An id made from a name: lowercase ASCII letters and digits, other runs as one hyphen
/// ('La Pérouse Strait' → 'la-perouse-strait'). Empty when the name has no such letter.
public func makeID(from name: String) -> String {
  var id = ""
  var pendingHyphen = false
  let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
  for scalar in folded.unicodeScalars {
    if scalar.isASCII, let byte = UInt8(exactly: scalar.value), isLowerAlphanumeric(byte) {
      if pendingHyphen && !id.isEmpty { id += "-" }
      pendingHyphen = false
      id.unicodeScalars.append(scalar)
    } else {
      pendingHyphen = true
    }
  }
  return id
}

/// Whether every scalar of `text` is Latin (or ASCII punctuation and digits): below U+0250.
public func isLatin(_ text: String) -> Bool { text.unicodeScalars.allSatisfy { $0.value < 0x250 } }
