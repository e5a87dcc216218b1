import CrosswalkCore
import CrosswalkGlossaryData
import Foundation

/// A date, amount or quantity that one sentence of a document states: "600 million roubles",
/// "April 1941", "$7.6 billion", "20隻"; with the entity named nearest to it.
public struct Fact: Sendable, Equatable {
  /// What the number is; units.tsv gives each unit its kind.
  public enum Kind: String, Sendable {
    /// A year, perhaps with its month and day.
    case date
    /// Money.
    case amount
    /// Things counted that say on their own what the fact is about (vessels, incursions).
    case count
    /// People, durations, distances, areas: how much, not of what.
    case quantity
    /// A percentage.
    case percent
  }

  /// A number read with its scale word, or a date: 600 млн and 6億 are one value.
  public struct Value: Hashable, Sendable, Comparable {
    /// The number, or a date's year.
    public let number: Double
    /// A date's month (1...12), when the text gives it.
    public let month: Int?
    /// A date's day, when the text gives it.
    public let day: Int?

    public init(number: Double, month: Int? = nil, day: Int? = nil) {
      self.number = Self.rounded(number)
      self.month = month
      self.day = month == nil ? nil : day
    }

    /// Twelve significant digits, so that 7.6 × 1e9 and 7 600 000 000 are one value. Dividing
    /// by a power of ten above 1e11 keeps large numbers exact (6e12 / 10, not 6e12 × 0.1).
    static func rounded(_ number: Double) -> Double {
      guard number.isFinite, number != 0 else { return number }
      let exponent = log10(abs(number)).rounded(.down) - 11
      guard exponent > 0 else {
        let scale = pow(10, -exponent)
        return (number * scale).rounded() / scale
      }
      let scale = pow(10, exponent)
      return (number / scale).rounded() * scale
    }

    /// Whether both can state one fact: equal, or a date and a more precise date inside it
    /// (1940 and September 1940; April 1941 and 13 April 1941).
    public func agrees(with other: Value) -> Bool {
      guard number == other.number else { return false }
      guard let month, let otherMonth = other.month else { return true }
      guard month == otherMonth, let day, let otherDay = other.day else { return month == otherMonth }
      return day == otherDay
    }

    /// Whether this is a year or month that `other`, a more precise date, falls within.
    public func isWithin(_ other: Value) -> Bool {
      number == other.number && other.month != nil
        && (month == nil || (month == other.month && day == nil && other.day != nil))
    }

    public static func < (a: Value, b: Value) -> Bool {
      (a.number, a.month ?? 0, a.day ?? 0) < (b.number, b.month ?? 0, b.day ?? 0)
    }

    /// "1941-04-13", "1941-04" or "1941" for a date (`isDate`), else "600,000,000" or "7.6".
    public func text(isDate: Bool) -> String {
      if isDate {
        let year = String(Int(number))
        guard let month else { return year }
        let monthText = month < 10 ? "0\(month)" : "\(month)"
        guard let day else { return "\(year)-\(monthText)" }
        return "\(year)-\(monthText)-\(day < 10 ? "0\(day)" : "\(day)")"
      }
      guard number == number.rounded(), abs(number) < 1e15 else { return String(format: "%g", number) }
      let digits = String(Int64(abs(number)))
      var grouped = ""
      for (index, digit) in digits.enumerated() {
        if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
        grouped.append(digit)
      }
      return number < 0 ? "-" + grouped : grouped
    }
  }

  /// The id of the document.
  public let document: String
  /// The sentence's index among the document's non-empty sentences, as `crosswalk align` and
  /// the report's pairs count them.
  public let sentence: Int
  /// The sentence, trimmed.
  public let sentenceText: String
  /// Where `sentenceText` starts in the document, so that the fact can be marked in it.
  public let sentenceStart: Int
  /// Where the fact starts: a 0-based Unicode-scalar offset into the document's text.
  public let start: Int
  /// Where the fact ends, exclusive.
  public let end: Int
  /// The fact as written: "600 млн рублей", "April 13, 1941", "$7.6 billion".
  public let surface: String
  /// Date, amount, count, quantity or percent.
  public let kind: Kind
  /// The number, or the date.
  public let value: Value
  /// The unit id of units.tsv ("RUB", "vessel", "date"), or for a counted word it does not
  /// list, the word folded ("incursion").
  public let unit: String
  /// The glossary id of the entity named nearest to the fact in its sentence (for a date, the
  /// nearest event, when the sentence names one), or nil.
  public let entity: String?
  /// The words read after the number up to its unit ("Soviet", "merchant", "vessels").
  public let keyWords: [String]
}

/// Reads the facts of a document's sentences: the numbers of `AlignmentAnchors` (scale words,
/// Japanese units and eras, month names) with the units of glossaries/facts/units.tsv.
public struct Facts: Sendable {
  let anchors: AlignmentAnchors
  let units: Units

  public init(anchors: AlignmentAnchors, units: Units) {
    self.anchors = anchors
    self.units = units
  }

  /// The built-in number words and units.
  public static func builtIn() throws(NumberWords.Problem) -> Facts {
    Facts(anchors: try AlignmentAnchors.builtIn(), units: try Units.builtIn())
  }

  /// A glossary entity named in a document, with its type ("event", "place", …) and where.
  public struct Mention: Sendable {
    public let entity: String
    public let type: String
    public let start: Int
    public let end: Int

    public init(entity: String, type: String, start: Int, end: Int) {
      self.entity = entity
      self.type = type
      self.start = start
      self.end = end
    }
  }

  /// The facts of one document, in text order: `sentences` are scalar ranges of `scalars`
  /// (trimmed here, empty ones skipped), `mentions` its linked mentions in text order.
  public func facts(
    document: String, scalars: [Unicode.Scalar], sentences: [Range<Int>], mentions: [Mention]
  ) -> [Fact] {
    var found: [Fact] = []
    var index = -1
    var nextMention = 0
    for range in sentences {
      var start = max(0, range.lowerBound), end = min(scalars.count, range.upperBound)
      while start < end, Self.isWhitespace(scalars[start]) { start += 1 }
      while end > start, Self.isWhitespace(scalars[end - 1]) { end -= 1 }
      guard start < end else { continue }
      index += 1
      // Most sentences have no digit: they cost one pass over their scalars and nothing else.
      guard scalars[start..<end].contains(where: { AlignmentAnchors.digit($0) != nil }) else { continue }
      while nextMention < mentions.count, mentions[nextMention].start < start { nextMention += 1 }
      var named: [Mention] = []
      var scan = nextMention
      while scan < mentions.count, mentions[scan].start < end {
        named.append(mentions[scan])
        scan += 1
      }
      var text: String?
      for reading in read(scalars[start..<end], named: named) {
        let sentenceText = text ?? makeString(scalars[start..<end])
        text = sentenceText
        found.append(
          Fact(
            document: document, sentence: index, sentenceText: sentenceText, sentenceStart: start,
            start: reading.start, end: reading.end,
            surface: makeString(scalars[reading.start..<reading.end]), kind: reading.kind,
            value: reading.value, unit: reading.unit, entity: reading.entity, keyWords: reading.keyWords))
      }
    }
    return found
  }

  /// A fact before it is tied to its document and sentence.
  struct Reading {
    var start: Int
    var end: Int
    var kind: Fact.Kind
    var value: Fact.Value
    var unit: String
    var entity: String?
    var keyWords: [String]
  }

  /// The facts of one sentence: each number that a unit, a currency sign or a year makes a fact.
  func read(_ sentence: ArraySlice<Unicode.Scalar>, named: [Mention]) -> [Reading] {
    let numbers = anchors.numbers(in: sentence)
    var readings: [Reading] = []
    var consumed = sentence.startIndex
    for number in numbers where (number.eraStart ?? number.start) >= consumed {
      // A number inside a name (Unit 731, 北方4島) or a model (RO-500, Ту-154) is no fact.
      if named.contains(where: { $0.start < number.end && number.start < $0.end }) { continue }
      if number.start - 2 >= sentence.startIndex, sentence[number.start - 1] == "-",
        AlignmentAnchors.isWordLetter(sentence[number.start - 2])
      {
        continue
      }
      guard var reading = date(number, numbers, in: sentence) ?? quantity(number, in: sentence) else {
        continue
      }
      reading.entity = Self.nearest(
        named, to: reading.start..<reading.end, preferring: reading.kind == .date ? "event" : nil)
      readings.append(reading)
      consumed = reading.end
    }
    return readings
  }

  /// A year (1000–2100 in digits only, or an era year) with nothing after it but a date word
  /// (1941 года, 1941年), and the month and day around it: "April 13, 1941", "13 апреля 1941
  /// года", "昭和16年（1941年）4月13日", "1941-04-13".
  func date(
    _ year: AlignmentAnchors.Number, _ numbers: [AlignmentAnchors.Number],
    in sentence: ArraySlice<Unicode.Scalar>
  )
    -> Reading?
  {
    guard year.isPlain, (1000...2100).contains(year.value),
      year.eraStart != nil || year.end - year.start == 4,
      units.sign(before: year.start, in: sentence) == nil
    else { return nil }
    var start = year.eraStart ?? year.start
    var end = year.end
    var month: Int?, day: Int?
    if let part = Self.isoPart(after: end, within: 1...12, in: sentence) {
      month = part.value
      end = part.end
      if let part = Self.isoPart(after: end, within: 1...31, in: sentence) {
        day = part.value
        end = part.end
      }
      return Reading(
        start: start, end: end, kind: .date, value: Fact.Value(number: year.value, month: month, day: day),
        unit: "date", entity: nil, keyWords: [])
    }
    let marker = units.match(at: Self.skipSpaces(from: end, in: sentence), in: sentence)
    let dated = marker?.form.roles.contains(.date) == true
    if let marker, dated {
      end = marker.end
    } else if marker?.form.measure != nil || Self.gluedToWord(at: end, in: sentence) {
      // 2000 лет, 1500 people: a quantity; 1940s, 1940-х: a decade.
      return nil
    }
    // Japanese: 年, perhaps the year again in brackets, then 4月 and 13日.
    if dated {
      var position = end
      if position < sentence.endIndex, sentence[position] == "（" || sentence[position] == "(" {
        let close = sentence[position..<min(sentence.endIndex, position + 12)].firstIndex {
          $0 == "）" || $0 == ")"
        }
        position = close.map { $0 + 1 } ?? position
      }
      if let part = part(numbers, at: position, within: 1...12, role: .month, in: sentence) {
        month = part.value
        end = part.end
        if let part = self.part(numbers, at: end, within: 1...31, role: .day, in: sentence) {
          day = part.value
          end = part.end
        }
      }
    }
    // Before the year: "April 13, 1941", "13 April 1941", "в апреле 1941".
    if month == nil {
      var position = Self.skipBack(from: start, in: sentence, comma: true)
      var dayNumber = numbers.last { $0.end == position && $0.isPlain && (1...31).contains($0.value) }
      if let found = dayNumber { position = Self.skipBack(from: found.start, in: sentence, comma: false) }
      if let word = Self.word(endingAt: position, in: sentence),
        let named = anchors.words.month(word.text[...])
      {
        month = Int(named)
        start = word.start
        if dayNumber == nil {
          let before = Self.skipBack(from: word.start, in: sentence, comma: false)
          dayNumber = numbers.last { $0.end == before && $0.isPlain && (1...31).contains($0.value) }
          if let found = dayNumber { start = found.start }
        }
        day = dayNumber.map { Int($0.value) }
      }
    }
    return Reading(
      start: start, end: end, kind: .date, value: Fact.Value(number: year.value, month: month, day: day),
      unit: "date",
      entity: nil, keyWords: [])
  }

  /// The month or day of an ISO date: a hyphen and two digits (2024-09-06).
  static func isoPart(
    after position: Int, within range: ClosedRange<Int>, in sentence: ArraySlice<Unicode.Scalar>
  )
    -> (value: Int, end: Int)?
  {
    guard position + 2 < sentence.endIndex, sentence[position] == "-",
      let tens = AlignmentAnchors.digit(sentence[position + 1]),
      let units = AlignmentAnchors.digit(sentence[position + 2]),
      position + 3 == sentence.endIndex || AlignmentAnchors.digit(sentence[position + 3]) == nil,
      range.contains(tens * 10 + units)
    else { return nil }
    return (tens * 10 + units, position + 3)
  }

  /// The month or day of a Japanese date: a number at `position` followed by 月 or 日.
  private func part(
    _ numbers: [AlignmentAnchors.Number], at position: Int, within range: ClosedRange<Double>,
    role: Units.Role,
    in sentence: ArraySlice<Unicode.Scalar>
  ) -> (value: Int, end: Int)? {
    guard let number = numbers.first(where: { $0.start == position }), number.isPlain,
      range.contains(number.value),
      let marker = units.match(at: number.end, in: sentence), marker.form.roles.contains(role)
    else { return nil }
    return (Int(number.value), marker.end)
  }

  /// A number with its unit: a currency sign before it ($7.6 billion), or a unit word after
  /// it, perhaps after two other words (20 Soviet merchant vessels), or else a lower-case word
  /// right after it that it counts.
  func quantity(_ number: AlignmentAnchors.Number, in sentence: ArraySlice<Unicode.Scalar>) -> Reading? {
    // After an abbreviated scale word (600 млн. руб.), its point.
    var position = number.end
    if position < sentence.endIndex, sentence[position] == ".", position > number.start,
      AlignmentAnchors.isWordLetter(sentence[position - 1])
    {
      position += 1
    }
    let after = Self.skipSpaces(from: position, in: sentence)
    if let sign = units.sign(before: number.start, in: sentence) {
      return Reading(
        start: sign.start, end: number.end, kind: sign.measure.kind, value: Fact.Value(number: number.value),
        unit: sign.measure.unit, entity: nil, keyWords: [])
    }
    var keyWords: [String] = []
    position = after
    for _ in 0...2 {
      if let match = units.match(at: position, in: sentence) {
        guard let measure = match.form.measure else { return nil }
        // 46年4月: a date whose century the text leaves out, not 46 years.
        if match.form.roles.contains(.date), match.end < sentence.endIndex,
          AlignmentAnchors.digit(sentence[match.end]) != nil
        {
          return nil
        }
        keyWords.append(makeString(sentence[position..<match.end]))
        return Reading(
          start: number.start, end: match.end, kind: measure.kind, value: Fact.Value(number: number.value),
          unit: measure.unit, entity: nil, keyWords: keyWords)
      }
      guard let word = Self.word(startingAt: position, in: sentence) else { break }
      keyWords.append(word.text)
      position = Self.skipSpaces(from: word.end, in: sentence)
    }
    // A word the table does not know: what the number counts, when it looks like a noun.
    guard !Self.gluedToWord(at: number.end, in: sentence),
      let word = Self.word(startingAt: after, in: sentence),
      word.text.unicodeScalars.count >= 3, word.text.unicodeScalars.first?.properties.isLowercase == true,
      anchors.words.month(word.text[...]) == nil
    else { return nil }
    return Reading(
      start: number.start, end: word.end, kind: .count, value: Fact.Value(number: number.value),
      unit: Self.countKey(word.text), entity: nil, keyWords: [word.text])
  }

  /// The unit of a counted word no table lists: lower-cased; English plurals made singular
  /// (incursions: incursion), Russian words cut to five letters, a short stem that most of their
  /// case forms share (нарушений, нарушения: наруш).
  static func countKey(_ word: String) -> String {
    let lower = word.lowercased()
    if lower.unicodeScalars.contains(where: { (0x400...0x4FF).contains($0.value) }) {
      return String(lower.prefix(5))
    }
    if lower.hasSuffix("ies"), lower.count > 4 { return String(lower.dropLast(3)) + "y" }
    if lower.hasSuffix("s"), !lower.hasSuffix("ss"), lower.count > 3 { return String(lower.dropLast()) }
    return lower
  }

  /// The nearest mention to `span` (the one before wins a tie), among those of `type` when
  /// there is one.
  static func nearest(_ named: [Mention], to span: Range<Int>, preferring type: String?) -> String? {
    let preferred = named.filter { $0.type == type }
    var best: (distance: Int, id: String)?
    for mention in preferred.isEmpty ? named : preferred {
      let distance =
        mention.end <= span.lowerBound
        ? span.lowerBound - mention.end : max(0, mention.start - span.upperBound)
      if let best, best.distance <= distance { continue }
      best = (distance, mention.entity)
    }
    return best?.id
  }

  /// Unicode's White_Space, as the sentences of `crosswalk align` are trimmed; spelt out,
  /// because the property lookup costs more than the rest of a sentence without digits.
  static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
    default: false
    }
  }

  /// Whether a letter, or a hyphen and a letter, follows the digits (1940s, 1940-х, 3rd).
  static func gluedToWord(at position: Int, in sentence: ArraySlice<Unicode.Scalar>) -> Bool {
    guard position < sentence.endIndex else { return false }
    if AlignmentAnchors.isWordLetter(sentence[position]) { return true }
    return sentence[position] == "-" && position + 1 < sentence.endIndex
      && AlignmentAnchors.isWordLetter(sentence[position + 1])
  }

  /// A space between a number and its words: ordinary, no-break, narrow or thin.
  static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    scalar == " " || scalar == "\u{A0}" || scalar == "\u{202F}" || scalar == "\u{2009}"
  }

  /// The first position at or after `position` that is not a space.
  static func skipSpaces(from position: Int, in sentence: ArraySlice<Unicode.Scalar>) -> Int {
    var position = position
    while position < sentence.endIndex, isSpace(sentence[position]) { position += 1 }
    return position
  }

  /// Back over spaces and, with `comma`, one comma: from "1941" in "April 13, 1941" to after "13".
  static func skipBack(from position: Int, in sentence: ArraySlice<Unicode.Scalar>, comma: Bool) -> Int {
    var position = position
    while position > sentence.startIndex, isSpace(sentence[position - 1]) { position -= 1 }
    if comma, position > sentence.startIndex, sentence[position - 1] == "," {
      position -= 1
      while position > sentence.startIndex, isSpace(sentence[position - 1]) { position -= 1 }
    }
    return position
  }

  /// The word (letters of a spaced script) that starts at `position`.
  static func word(startingAt position: Int, in sentence: ArraySlice<Unicode.Scalar>) -> (
    text: String, start: Int, end: Int
  )? {
    var end = position
    while end < sentence.endIndex, AlignmentAnchors.isWordLetter(sentence[end]) { end += 1 }
    guard end > position else { return nil }
    return (makeString(sentence[position..<end]), position, end)
  }

  /// The word that ends at `position`.
  static func word(endingAt position: Int, in sentence: ArraySlice<Unicode.Scalar>) -> (
    text: String, start: Int, end: Int
  )? {
    var start = position
    while start > sentence.startIndex, AlignmentAnchors.isWordLetter(sentence[start - 1]) { start -= 1 }
    guard start < position else { return nil }
    return (makeString(sentence[start..<position]), start, position)
  }
}

extension Facts {
  /// The words of glossaries/facts/units.tsv: what a number counts, by language.
  public struct Units: Sendable {
    /// A unit id with its kind.
    struct Measure: Sendable, Equatable {
      let unit: String
      let kind: Fact.Kind
    }

    /// What a form says about the number before it.
    enum Role: Sendable, Equatable {
      /// It counts or measures this unit.
      case unit(Measure)
      /// After a year, the year is a date (1941 года); a month or day of a date (4月, 13日).
      case date, month, day
      /// It is never what a number counts.
      case stop
    }

    /// One form of the file, with everything its lines say it is.
    struct Form: Sendable {
      /// Lower-case scalars.
      let scalars: [Unicode.Scalar]
      /// Matched as the start of a word (рубл- for рублей).
      let isStem: Bool
      /// What its lines say: a unit, a date word, a stop word, or a date word and a unit (года).
      var roles: [Role]

      /// The unit it names, if any.
      var measure: Measure? {
        for role in roles { if case .unit(let measure) = role { return measure } }
        return nil
      }
    }

    /// Forms by their first scalar, longest first.
    let forms: [Unicode.Scalar: [Form]]
    /// Currency signs, which may also stand before a number ($7.6 billion).
    let signs: [Form]

    /// The file's path under glossaries/.
    public static let path = "facts/units.tsv"

    /// The built-in units.
    public static func builtIn() throws(NumberWords.Problem) -> Units {
      guard let text = EmbeddedGlossaries.file(path) else {
        throw NumberWords.Problem(file: path, line: 0, message: "missing built-in data file")
      }
      return try Units(text: text, file: path)
    }

    /// The units of a units.tsv text; a malformed line is an error naming it.
    public init(text: String, file: String) throws(NumberWords.Problem) {
      var byForm: [String: (form: Form, line: Int)] = [:]
      var kinds: [String: (kind: Fact.Kind, line: Int)] = [:]
      for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
        if line.allSatisfy({ $0 == " " }) || line.hasPrefix("#") { continue }
        func problem(_ message: String) -> NumberWords.Problem {
          NumberWords.Problem(file: file, line: offset + 1, message: message)
        }
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 4, !fields[1].isEmpty, !fields[2].isEmpty else {
          throw problem("expected 4 tab-separated fields: kind, form, unit, note")
        }
        let (kindName, text, unit) = (fields[0], fields[1], fields[2])
        guard text == text.lowercased() else { throw problem("form '\(text)' is not lower-case") }
        let role: Role
        switch kindName {
        case "date", "month", "day", "stop":
          guard unit == "-" else { throw problem("a \(kindName) line has '-' as its unit, not '\(unit)'") }
          role = kindName == "date" ? .date : kindName == "month" ? .month : kindName == "day" ? .day : .stop
        default:
          guard let kind = Fact.Kind(rawValue: kindName), kind != .date else {
            throw problem(
              "kind '\(kindName)' is not amount, count, quantity, percent, date, month, day or stop")
          }
          let isCode = unit.count == 3 && unit.allSatisfy { $0.isASCII && $0.isUppercase }
          guard isCode || unit.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") })
          else {
            throw problem("unit '\(unit)' is neither an ISO 4217 code (RUB) nor lower-case ascii (vessel)")
          }
          if let known = kinds[unit], known.kind != kind {
            throw problem(
              "unit '\(unit)' is a \(known.kind.rawValue) on line \(known.line), not a \(kindName)")
          }
          kinds[unit] = (kind, offset + 1)
          role = .unit(Measure(unit: unit, kind: kind))
        }
        let isStem = text.count > 1 && text.hasSuffix("-")
        let scalars = Array((isStem ? String(text.dropLast()) : text).unicodeScalars)
        var entry = byForm[text] ?? (Form(scalars: scalars, isStem: isStem, roles: []), offset + 1)
        if case .unit(let measure) = role, let other = entry.form.measure, other.unit != measure.unit {
          throw problem("form '\(text)' already means '\(other.unit)' (line \(entry.line))")
        }
        if !entry.form.roles.contains(role) { entry.form.roles.append(role) }
        byForm[text] = entry
      }
      var forms: [Unicode.Scalar: [Form]] = [:]
      for (_, entry) in byForm.sorted(by: { $0.key < $1.key }) {
        guard let first = entry.form.scalars.first else { continue }
        forms[first, default: []].append(entry.form)
      }
      self.forms = forms.mapValues { $0.sorted { $0.scalars.count > $1.scalars.count } }
      self.signs = byForm.keys.sorted().compactMap { key in
        guard let form = byForm[key]?.form, form.measure?.kind == .amount,
          form.scalars.last?.properties.generalCategory == .currencySymbol
        else { return nil }
        return form
      }
    }

    /// The longest form at `position` and where its word ends.
    func match(at position: Int, in sentence: ArraySlice<Unicode.Scalar>) -> (form: Form, end: Int)? {
      guard position < sentence.endIndex, let candidates = forms[AlignmentAnchors.lower(sentence[position])]
      else {
        return nil
      }
      for form in candidates where AlignmentAnchors.starts(form.scalars, at: position, in: sentence) {
        var end = position + form.scalars.count
        let spaced = form.scalars.last.map(AlignmentAnchors.isWordLetter) ?? false
        if form.isStem {
          while end < sentence.endIndex, AlignmentAnchors.isWordLetter(sentence[end]) { end += 1 }
        } else if spaced, end < sentence.endIndex, AlignmentAnchors.isWordLetter(sentence[end]) {
          continue
        }
        return (form, end)
      }
      return nil
    }

    /// A currency sign right before `position`, perhaps with a space: its unit, kind and start.
    func sign(before position: Int, in sentence: ArraySlice<Unicode.Scalar>) -> (
      measure: Measure, start: Int
    )? {
      var end = position
      if end > sentence.startIndex, Facts.isSpace(sentence[end - 1]) { end -= 1 }
      for form in signs
      where AlignmentAnchors.starts(form.scalars, at: end - form.scalars.count, in: sentence) {
        guard let measure = form.measure else { continue }
        return (measure, end - form.scalars.count)
      }
      return nil
    }
  }
}

/// The facts of several documents about one thing, one unit and one entity (and for dates, one
/// year), with their values side by side.
public struct FactGroup: Sendable {
  /// How the documents' values compare.
  public enum Status: String, Sendable {
    /// Every value agrees with every other (1940 and September 1940 agree).
    case agree
    /// Every two documents share a value, but not every value is everywhere.
    case partial
    /// Two documents share no value.
    case conflict
  }

  /// The unit id the facts share.
  public let unit: String
  /// The glossary id of the entity they share, or nil (money and counts with no entity near).
  public let entity: String?
  /// The kind of the unit.
  public let kind: Fact.Kind
  /// Whether the documents agree.
  public let status: Status
  /// Each distinct value in order, with the facts that state it in document order.
  public let values: [(value: Fact.Value, facts: [Fact])]

  /// Whether a fact can be compared across documents: it has an entity, or its unit says on
  /// its own what it is about (money, counted things). Dates, people, durations and
  /// percentages with no entity near them would put unrelated facts side by side.
  public static func admits(_ fact: Fact) -> Bool {
    fact.entity != nil || fact.kind == .amount || fact.kind == .count
  }

  /// The most values a group may have and still be one fact told several ways: more are several
  /// facts about one entity (its dates across a year, the people at its many events). A year or
  /// month that a more precise date of the group falls within does not count.
  public static let maximumValues = 3

  /// The groups of `facts`, given in document order, that two documents or more report, and
  /// how many such groups were left out for having more than `maximumValues` values. Ordered
  /// by unit, then entity (groups with none last), then year; values by value. A group of dates
  /// is one entity's dates of one year: an entity's dates are mostly different events (a pact
  /// signed in 1941, broken in 1945), while two dates of one year for one entity are likely one
  /// event, whose month and day can then agree or not.
  public static func groups(_ facts: [Fact]) -> (groups: [FactGroup], leftOut: Int) {
    // Indices, not copies: most groups are dropped, and a fact is ten references.
    var byKey: [GroupKey: [Int]] = [:]
    for index in facts.indices where admits(facts[index]) {
      let year = facts[index].kind == .date ? facts[index].value.number : nil
      byKey[GroupKey(unit: facts[index].unit, entity: facts[index].entity, year: year), default: []].append(
        index)
    }
    var groups: [FactGroup] = []
    var leftOut = 0
    for (key, members) in byKey {
      // Which document each member is from (0, 1, …), hashing an id only when it changes:
      // a document's facts come together.
      var documentOf: [Int] = []
      var documentIndex: [String: Int] = [:]
      var previous = (document: "", position: -1)
      var byValue: [Fact.Value: [Int]] = [:]
      for index in members {
        let document = facts[index].document
        if document != previous.document || previous.position < 0 {
          let position = documentIndex[document] ?? documentIndex.count
          documentIndex[document] = position
          previous = (document, position)
        }
        documentOf.append(previous.position)
        byValue[facts[index].value, default: []].append(index)
      }
      guard documentIndex.count >= 2, let kind = members.first.map({ facts[$0].kind }) else { continue }
      let values = byValue.keys.sorted()
      // Only dates can fall within one another; a year has at most 379 of them.
      let counted =
        kind == .date
        ? values.filter { value in !values.contains { value.isWithin($0) } }.count : values.count
      guard counted <= maximumValues else {
        leftOut += 1
        continue
      }
      var documents = [Set<Fact.Value>](repeating: [], count: documentIndex.count)
      for (member, index) in members.enumerated() { documents[documentOf[member]].insert(facts[index].value) }
      groups.append(
        FactGroup(
          unit: key.unit, entity: key.entity, kind: kind, status: status(values, documents: documents),
          values: values.map { value in (value, (byValue[value] ?? []).map { facts[$0] }) }))
    }
    func order(_ group: FactGroup) -> (String, Int, String, Double) {
      (group.unit, group.entity == nil ? 1 : 0, group.entity ?? "", group.values.first?.value.number ?? 0)
    }
    return (groups.sorted { order($0) < order($1) }, leftOut)
  }

  /// Agree when all values agree; conflict when two documents have no value in common (one
  /// says 600 million, the other 60 million); partial otherwise (one document gives both, the
  /// other one of them: not a contradiction).
  static func status(_ distinct: [Fact.Value], documents: [Set<Fact.Value>]) -> Status {
    var agree = true
    for (index, value) in distinct.enumerated() where agree {
      agree = distinct[(index + 1)...].allSatisfy { value.agrees(with: $0) }
    }
    if agree { return .agree }
    // Equal values are the common case and a set answers for them; only dates of different
    // precision need the pairwise look.
    let dated = distinct.contains { $0.month != nil }
    for (index, values) in documents.enumerated() {
      for other in documents[(index + 1)...] where values.isDisjoint(with: other) {
        if !dated || !values.contains(where: { value in other.contains { value.agrees(with: $0) } }) {
          return .conflict
        }
      }
    }
    return .partial
  }

  private struct GroupKey: Hashable {
    let unit: String
    let entity: String?
    let year: Double?
  }
}
