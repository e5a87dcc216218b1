import CrosswalkGlossaryData

/// The words that make numbers comparable across languages, from
/// glossaries/alignment/number-words.tsv: scale words, Japanese units and eras, month names.
public struct NumberWords: Sendable {
  /// Lower-case starts of the word after a number, with their factor (млн: 1e6); as scalars,
  /// because they are compared at every number of a 50 MB corpus.
  let scales: [(prefix: [Unicode.Scalar], factor: Double)]
  /// Characters right after the digits, with their factor (万: 1e4).
  let units: [Unicode.Scalar: Double]
  /// Names right before the digits, with the offset they add (昭和: 1925).
  let eras: [(name: [Unicode.Scalar], offset: Double)]
  /// Month names matched as whole words, any case (мая).
  let monthWords: [String: Double]
  /// Month names matched as whole words written with a capital (May), lower-cased here.
  let capitalizedMonths: [String: Double]
  /// Starts of month names, for words of up to 9 letters (апрел-), by their first letter.
  let monthStems: [Unicode.Scalar: [(stem: String, month: Double)]]
  /// How long a month name can be, in scalars: most words are not months, and are turned away
  /// before they are lower-cased.
  let monthLengths: ClosedRange<Int>
  /// The first letters of month names, lower-cased: the other words are turned away first.
  let monthInitials: Set<Unicode.Scalar>

  /// Why the file could not be read: its line and what is wrong.
  public struct Problem: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let message: String
    public var description: String { "\(file):\(line): error: \(message)" }
  }

  public static let path = "alignment/number-words.tsv"

  /// The built-in words.
  public static func builtIn() throws(Problem) -> NumberWords {
    guard let text = EmbeddedGlossaries.file(path) else {
      throw Problem(file: path, line: 0, message: "missing built-in data file")
    }
    return try NumberWords(text: text, file: path)
  }

  /// The words of a number-words.tsv text; a malformed line is an error naming it.
  public init(text: String, file: String) throws(Problem) {
    var scales: [([Unicode.Scalar], Double)] = []
    var eras: [([Unicode.Scalar], Double)] = []
    var stems: [(String, Double)] = []
    var units: [Unicode.Scalar: Double] = [:]
    var words: [String: Double] = [:]
    var capitalized: [String: Double] = [:]
    for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
      if line.allSatisfy({ $0 == " " }) || line.hasPrefix("#") { continue }
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard fields.count == 4, !fields[1].isEmpty, let value = Double(fields[2]) else {
        throw Problem(file: file, line: offset + 1, message: "expected 4 tab-separated fields: kind, form, a number, note")
      }
      let form = fields[1]
      switch fields[0] {
      case "scale": scales.append((Array(form.lowercased().unicodeScalars), value))
      case "unit":
        guard form.unicodeScalars.count == 1, let scalar = form.unicodeScalars.first else {
          throw Problem(file: file, line: offset + 1, message: "a unit is one character, not '\(form)'")
        }
        units[scalar] = value
      case "era": eras.append((Array(form.unicodeScalars), value))
      case "month":
        if form.hasSuffix("-") {
          stems.append((String(form.dropLast()).lowercased(), value))
        } else if form.first?.isUppercase == true {
          capitalized[form.lowercased()] = value
        } else {
          words[form] = value
        }
      default:
        throw Problem(
          file: file, line: offset + 1, message: "kind '\(fields[0])' is not scale, unit, era or month")
      }
    }
    self.scales = scales
    self.units = units
    self.eras = eras
    self.monthWords = words
    self.capitalizedMonths = capitalized
    self.monthStems = Dictionary(grouping: stems.map { (stem: $0.0, month: $0.1) }) { $0.stem.unicodeScalars.first ?? " " }
    let lengths =
      (Array(words.keys) + Array(capitalized.keys)).map(\.unicodeScalars.count)
      + stems.map(\.0.unicodeScalars.count)
    self.monthLengths = (lengths.min() ?? 0)...max(9, lengths.max() ?? 0)
    self.monthInitials = Set(
      (Array(words.keys) + Array(capitalized.keys) + stems.map(\.0)).compactMap(\.unicodeScalars.first))
  }

  /// The month `word` names, if any.
  func month(_ word: Substring) -> Double? {
    guard monthLengths.contains(word.unicodeScalars.count), let first = word.unicodeScalars.first,
      monthInitials.contains(AlignmentAnchors.lower(first))
    else { return nil }
    let lower = word.lowercased()
    if word.first?.isUppercase == true, let month = capitalizedMonths[lower] { return month }
    if let month = monthWords[lower] { return month }
    guard lower.count <= 9 else { return nil }
    return monthStems[AlignmentAnchors.lower(first)]?.first { lower.hasPrefix($0.stem) }?.month
  }
}
