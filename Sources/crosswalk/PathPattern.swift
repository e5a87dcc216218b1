/// A glob of the configuration's `exclude` list, matched against a document's path relative to
/// the configuration file's folder, the way `.gitignore` patterns are: `*` is any run of
/// characters within one path component, `?` one character, `**` any run across components
/// (`**/` also none at all). A pattern without a `/` matches any one component at any depth
/// (`*.md`, `drafts`); a pattern with one matches from the folder down (`corpus/drafts/**`). A
/// pattern that matches a folder matches everything under it.
struct PathPattern: Sendable, Equatable {
  /// The pattern as written.
  let text: String
  private let scalars: [Unicode.Scalar]
  private let anchored: Bool

  /// A pattern as written in the configuration; a leading or trailing `/` only anchors it.
  init(_ text: String) {
    self.text = text
    var body = Substring(text)
    while body.hasSuffix("/") { body = body.dropLast() }
    anchored = body.contains("/")
    while body.hasPrefix("/") { body = body.dropFirst() }
    scalars = Array(body.unicodeScalars)
  }

  /// Whether the pattern matches `relativePath` or a folder on its way.
  func matches(_ relativePath: String) -> Bool {
    let components = relativePath.split(separator: "/").map { Array($0.unicodeScalars) }
    if !anchored { return components.contains { Self.glob(scalars, $0) } }
    var prefix: [Unicode.Scalar] = []
    for (index, component) in components.enumerated() {
      if index > 0 { prefix.append("/") }
      prefix.append(contentsOf: component)
      if Self.glob(scalars, prefix) { return true }
    }
    return false
  }

  /// Whole-text glob match, by dynamic programming over (pattern position, text position) so
  /// that many stars cost no backtracking.
  private static func glob(_ pattern: [Unicode.Scalar], _ text: [Unicode.Scalar]) -> Bool {
    // reachable[j]: the pattern consumed so far can match text[..<j].
    var reachable = [Bool](repeating: false, count: text.count + 1)
    reachable[0] = true
    var index = 0
    while index < pattern.count {
      var next = [Bool](repeating: false, count: text.count + 1)
      switch pattern[index] {
      case "*" where index + 1 < pattern.count && pattern[index + 1] == "*":
        // `**`: any run, slashes included; `**/` may also stand for no folder at all.
        var run = false
        for j in 0...text.count {
          run = run || reachable[j]
          next[j] = run
        }
        index += 2
        if index < pattern.count, pattern[index] == "/" {
          var afterSlash = [Bool](repeating: false, count: text.count + 1)
          for j in 0..<text.count where next[j] && text[j] == "/" { afterSlash[j + 1] = true }
          for j in 0...text.count where reachable[j] { afterSlash[j] = true }
          next = afterSlash
          index += 1
        }
        reachable = next
        continue
      case "*":
        var run = false
        for j in 0...text.count {
          if j > 0, text[j - 1] == "/" { run = false }
          run = run || reachable[j]
          next[j] = run
        }
      case "?":
        for j in 0..<text.count where reachable[j] && text[j] != "/" { next[j + 1] = true }
      case let literal:
        for j in 0..<text.count where reachable[j] && text[j] == literal { next[j + 1] = true }
      }
      reachable = next
      index += 1
    }
    return reachable[text.count]
  }
}
