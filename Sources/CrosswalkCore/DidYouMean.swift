/// The closest of `candidates` to a misspelled `word`, when one is close enough to be what
/// was meant (for 'unknown key … did you mean …' messages).
public func closestMatch(to word: String, among candidates: some Sequence<String>) -> String? {
  let target = Array(word.lowercased().unicodeScalars)
  var best: (candidate: String, distance: Int)?
  for candidate in candidates {
    let distance = editDistance(target, Array(candidate.lowercased().unicodeScalars))
    if distance < (best?.distance ?? .max) { best = (candidate, distance) }
  }
  guard let best else { return nil }
  // One edit in four letters, and at least two: 'aliasses' → 'aliases', never 'id' → 'note'.
  return best.distance <= max(2, target.count / 4) && best.distance < target.count
    ? best.candidate : nil
}

/// The tail of an 'unknown …' message: "; did you mean 'aliases'?" when a known word is close to
/// `word`, else "; " and `otherwise` (the list of what is known), else nothing.
public func didYouMean(_ word: String, among candidates: some Sequence<String>, otherwise: String? = nil) -> String {
  if let close = closestMatch(to: word, among: candidates) { return "; did you mean '\(close)'?" }
  return otherwise.map { "; \($0)" } ?? ""
}

/// Levenshtein distance, with one adjacent transposition counted as one edit.
public func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  var before = [Int](repeating: 0, count: b.count + 1)
  var previous = Array(0...b.count)
  var current = [Int](repeating: 0, count: b.count + 1)
  for i in 1...a.count {
    current[0] = i
    for j in 1...b.count {
      var cost = min(
        previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
        cost = min(cost, before[j - 2] + 1)
      }
      current[j] = cost
    }
    (before, previous, current) = (previous, current, before)
  }
  return previous[b.count]
}
