import CrosswalkCore
import CrosswalkICU

/// A legacy code page that UTF-8 text is commonly decoded with by mistake.
public enum MojibakeCodePage: Int, CaseIterable, Sendable, CustomStringConvertible {
  /// Windows Cyrillic: "РљСѓСЂРёР»" for "Курил".
  case windows1251
  /// Windows Western: "CafÃ©" for "Café", "â€™" for "’".
  case windows1252
  /// ISO-8859-1, like windows-1252 but with C1 controls for the bytes 0x80–0x9F.
  case latin1
  /// KOI8-R: "п╪п╦я─" for "мир".
  case koi8r
  /// Shift_JIS: "譁ｰ" for "新", "ﾃｩ" for "é".
  case shiftJIS

  /// The charset name ICU knows the code page by.
  public var charset: String {
    switch self {
    case .windows1251: return "windows-1251"
    case .windows1252: return "windows-1252"
    case .latin1: return "ISO-8859-1"
    case .koi8r: return "KOI8-R"
    case .shiftJIS: return "Shift_JIS"
    }
  }

  /// The code page ICU calls `charset` (as written by `charset`), or nil.
  public init?(charset: String) {
    guard let found = Self.allCases.first(where: { $0.charset == charset }) else { return nil }
    self = found
  }

  public var description: String { charset }

  /// Rank among candidates that explain the same text equally well: windows-1252 before
  /// ISO-8859-1, which garble most text identically; lower ranks win.
  var preference: Int {
    switch self {
    case .windows1252: return 0
    case .windows1251: return 1
    case .koi8r: return 2
    case .latin1: return 3
    case .shiftJIS: return 4
    }
  }

  /// True for windows-1252 and ISO-8859-1.
  var isLatin: Bool { self == .windows1252 || self == .latin1 }

  /// True for the one-byte code pages, where every character is one byte.
  var isSingleByte: Bool { self != .shiftJIS }
}

/// A garbled run in a line: UTF-8 text that was decoded with the wrong code page, once or twice.
public struct MojibakeRun: Sendable, Equatable, CustomStringConvertible {
  /// Offset of the first garbled Unicode scalar in the line.
  public let start: Int
  /// Offset just past the last garbled Unicode scalar (exclusive).
  public let end: Int
  /// The code page the UTF-8 bytes were decoded with.
  public let codePage: MojibakeCodePage
  /// 1 when the text was garbled once, 2 when the garbled text was garbled again.
  public let rounds: Int
  /// The text the run stands for.
  public let repaired: String

  /// A run of `start..<end` repaired as `repaired`.
  public init(start: Int, end: Int, codePage: MojibakeCodePage, rounds: Int, repaired: String) {
    self.start = start
    self.end = end
    self.codePage = codePage
    self.rounds = rounds
    self.repaired = repaired
  }

  public var description: String {
    "\(start)..<\(end) \(codePage) ×\(rounds) → \(repaired)"
  }
}

/// Finds and repairs mojibake: UTF-8 text decoded with windows-1251, windows-1252, ISO-8859-1,
/// KOI8-R or Shift_JIS, once ("Ð¡ÐµÑ€Ð³ÐµÐ¹" for "Сергей") or twice ("Р С™Р С‘РЎР‚Р С‘Р В»Р В»" for
/// "Кирилл").
///
/// A line is first scanned without ICU: text can only be garbled UTF-8 if a character that a
/// code page gives a UTF-8 lead byte (0xC2–0xF4) is followed by one it gives a continuation byte
/// (0x80–0xBF), or, for Shift_JIS, if the line holds half-width katakana or a kanji from the rows
/// that UTF-8 lead bytes fall in. Most clean lines stop there (a few percent of Russian lines, with
/// "её" or "Её", go on). Such a line is mapped back to bytes through tables built from ICU once
/// per process, and stretches whose bytes are valid UTF-8 become candidates. A candidate is
/// accepted when it decodes to plausible text (common scripts, one script per word) and has enough
/// evidence: about one per multi-byte sequence, less for sequences that read as ordinary text
/// ("её" in KOI8-R); one is enough between clean text, three when the stretch was cut out of
/// letters that are not garbled. Only accepted candidates go through ICU (`CharsetConverter.encode`
/// with no replacement allowed, then UTF-8); a result that is itself garbled through and through in
/// the same code page is decoded once more (two rounds).
///
/// Owns ICU converters: not `Sendable`, give each thread its own.
public final class MojibakeRepairer {
  private let tables: MojibakeTables
  private let converters: [CharsetConverter]

  /// ICU conversions made so far (each encode counts once): zero for a clean text, since clean
  /// lines are decided by the table scan alone.
  public private(set) var converterCalls = 0

  /// A repairer with its own converters; the shared tables are built on first use.
  public init() throws(ICUError) {
    tables = try MojibakeTables.shared.get()
    var opened: [CharsetConverter] = []
    for codePage in MojibakeCodePage.allCases {
      opened.append(try CharsetConverter(charset: codePage.charset))
    }
    converters = opened
  }

  /// True when the cheap scan finds a pattern that garbled UTF-8 would show; `runs(in:)` is
  /// empty for every line where this is false. Makes no ICU call.
  public func mayContainMojibake(_ line: String) -> Bool {
    triggeredCodePages(line) != 0
  }

  /// The garbled runs of `line`, in order, with their repairs; offsets count Unicode scalars.
  public func runs(in line: String) -> [MojibakeRun] {
    let mask = triggeredCodePages(line)
    if mask == 0 { return [] }
    let scalars = unicodeScalars(of: line)
    let accepted = acceptedCandidates(in: scalars, codePages: mask)
    if accepted.isEmpty { return [] }
    var chosen = Self.chooseNonOverlapping(accepted, scalars: scalars)
    Self.harmonizeRounds(&chosen)
    return chosen.compactMap { repair($0, in: scalars) }
  }

  /// The candidates of the code pages in `codePages` (a bit mask) that have enough evidence.
  private func acceptedCandidates(in scalars: [Unicode.Scalar], codePages: Int) -> [Candidate] {
    let nonASCIICount = scalars.reduce(0) { $0 + ($1.isASCII ? 0 : 1) }
    var accepted: [Candidate] = []
    for codePage in MojibakeCodePage.allCases where codePages & (1 << codePage.rawValue) != 0 {
      let found = candidates(in: scalars, codePage: codePage)
      // Once a code page has clearly garbled part of the line, weaker runs in it count too ("Рё",
      // the garbled "и", between garbled words). So do weak runs of three-byte sequences that add
      // up and make a good part of the line ("phá»‘ sá»‘" for "phố số"); two-letter ones never add
      // up: "Её" starts many sentences.
      let weak = found.filter(\.isWeaklyAcceptable)
      let confirmed =
        found.contains { $0.isStrong }
        || (weak.reduce(0) { $0 + $1.longSequenceEvidence } >= 2
          && 4 * weak.reduce(0) { $0 + $1.end - $1.start } >= nonASCIICount)
      accepted += found.filter { $0.isStrong || (confirmed && $0.isWeaklyAcceptable) }
    }
    return accepted
  }

  /// The best of overlapping candidates (most evidence, then longest, then the usual code page),
  /// in line order.
  private static func chooseNonOverlapping(_ candidates: [Candidate], scalars: [Unicode.Scalar])
    -> [Candidate]
  {
    // Text with C1 controls was decoded as ISO-8859-1 rather than windows-1252 (which ICU also
    // lets map five of them).
    let hasC1 =
      candidates.contains { $0.codePage == .latin1 } && scalars.contains { (0x80...0x9F).contains($0.value) }
    let ranked = candidates.sorted { a, b in
      if a.evidence != b.evidence { return a.evidence > b.evidence }
      if a.end - a.start != b.end - b.start { return a.end - a.start > b.end - b.start }
      if hasC1 && a.codePage.isLatin && b.codePage.isLatin { return a.codePage == .latin1 }
      return a.codePage.preference < b.codePage.preference
    }
    var chosen: [Candidate] = []
    for candidate in ranked
    where !chosen.contains(where: { $0.start < candidate.end && candidate.start < $0.end }) {
      chosen.append(candidate)
    }
    return chosen.sorted { $0.start < $1.start }
  }

  /// One line is garbled the same number of times throughout: when at least half the evidence in
  /// a code page (windows-1252 and ISO-8859-1 together) is for two rounds, short runs that could
  /// be either ("Р С”" → "Рє" → "к") get two too.
  private static func harmonizeRounds(_ chosen: inout [Candidate]) {
    for family in [[MojibakeCodePage.windows1252, .latin1], [.windows1251], [.koi8r], [.shiftJIS]] {
      var twice = 0.0
      var once = 0.0
      for candidate in chosen where family.contains(candidate.codePage) {
        if candidate.rounds == 2 { twice += candidate.evidence } else { once += candidate.evidence }
      }
      guard twice > 0 && twice >= once else { continue }
      for index in chosen.indices
      where family.contains(chosen[index].codePage) && chosen[index].rounds == 1
        && chosen[index].secondTier != 0
      {
        chosen[index].rounds = 2
        chosen[index].tier = chosen[index].secondTier
      }
    }
  }

  /// `line` with every garbled run replaced by its repair.
  public func repaired(_ line: String) -> String {
    let found = runs(in: line)
    if found.isEmpty { return line }
    return Self.apply(found, to: line)
  }

  /// `line` with `runs` (sorted, not overlapping, offsets in Unicode scalars) replaced.
  public static func apply(_ runs: [MojibakeRun], to line: String) -> String {
    let scalars = unicodeScalars(of: line)
    var result = String.UnicodeScalarView()
    var position = 0
    for run in runs where run.start >= position && run.end <= scalars.count {
      result.append(contentsOf: scalars[position..<run.start])
      result.append(contentsOf: run.repaired.unicodeScalars)
      position = run.end
    }
    result.append(contentsOf: scalars[position...])
    return String(result)
  }

  // MARK: - Scan

  /// Bit `codePage.rawValue` is set for each code page whose tell-tale pattern occurs in `line`.
  private func triggeredCodePages(_ line: String) -> Int {
    let flags = tables.flags
    if let mask = line.utf8.withContiguousStorageIfAvailable({ bytes in
      flags.withUnsafeBufferPointer { Self.scan(bytes, flags: $0) }
    }) {
      return mask
    }
    var copy = line
    copy.makeContiguousUTF8()
    return copy.utf8.withContiguousStorageIfAvailable { bytes in
      flags.withUnsafeBufferPointer { Self.scan(bytes, flags: $0) }
    } ?? 0
  }

  /// The scan of `triggeredCodePages` over the UTF-8 of a line (valid, as every String is).
  private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, flags: UnsafeBufferPointer<UInt16>) -> Int {
    guard let base = bytes.baseAddress else { return 0 }
    let count = bytes.count
    var index = 0
    var mask: UInt16 = 0
    var previousLeads: UInt16 = 0
    while index < count {
      if index + 8 <= count,
        UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
      {
        index += 8
        previousLeads = 0
        continue
      }
      let first = UInt32(base[index])
      if first < 0x80 {
        index += 1
        previousLeads = 0
        continue
      }
      let scalar: UInt32
      if first < 0xE0 {
        scalar = (first & 0x1F) << 6 | UInt32(base[index + 1] & 0x3F)
        index += 2
      } else if first < 0xF0 {
        scalar = (first & 0x0F) << 12 | UInt32(base[index + 1] & 0x3F) << 6 | UInt32(base[index + 2] & 0x3F)
        index += 3
      } else {
        // Outside the BMP: no code page here maps a byte to it.
        index += 4
        previousLeads = 0
        continue
      }
      let flag = flags[Int(scalar)]
      mask |= previousLeads & (flag >> MojibakeTables.continuationShift)
      mask |= flag & MojibakeTables.shiftJISSuspect
      previousLeads = flag & MojibakeTables.leadMask
    }
    var codePages = Int(mask & MojibakeTables.leadMask)
    if mask & MojibakeTables.shiftJISSuspect != 0 { codePages |= 1 << MojibakeCodePage.shiftJIS.rawValue }
    return codePages
  }

  // MARK: - Candidates

  /// A stretch of a line whose bytes in a code page are valid UTF-8 with multi-byte sequences.
  private struct Candidate {
    var start: Int
    var end: Int
    var codePage: MojibakeCodePage
    /// How strongly the stretch looks garbled (about one per multi-byte sequence; less for
    /// sequences that also read as ordinary text).
    var evidence: Double
    /// The part of `evidence` from sequences of three or four bytes.
    var longSequenceEvidence: Double
    /// True when the characters on both sides are ASCII, unmappable, or the line's ends; false
    /// when the stretch was cut out of text that is not valid UTF-8 in the code page.
    var cleanBounded: Bool
    /// The least plausible character of the repaired text: 0 impossible, 1 common, 2 needs
    /// strong evidence.
    var tier: Int
    /// 2 when the decoded text is garbled again in the same code page.
    var rounds: Int
    /// The tier of the text after a second round, or 0 when there cannot be one.
    var secondTier: Int

    var isStrong: Bool {
      guard tier != 0 else { return false }
      let needed = cleanBounded && tier == 1 ? 1.0 : 3.0
      return evidence >= needed - 1e-9
    }

    var isWeaklyAcceptable: Bool { tier == 1 && cleanBounded && evidence > 0 }
  }

  /// One multi-byte UTF-8 sequence found in a code page's bytes.
  private struct Sequence {
    var byteStart: Int
    var length: Int
    var scalar: UInt32
  }

  /// The candidates of `scalars` for `codePage`, in order.
  private func candidates(in scalars: [Unicode.Scalar], codePage: MojibakeCodePage) -> [Candidate] {
    var result: [Candidate] = []
    let count = scalars.count
    var index = 0
    while index < count {
      while index < count && tables.code(scalars[index], codePage) == MojibakeTables.unmappable { index += 1 }
      let segmentStart = index
      var hasHigh = false
      while index < count {
        let code = tables.code(scalars[index], codePage)
        if code == MojibakeTables.unmappable { break }
        if code >= 0x80 { hasHigh = true }
        index += 1
      }
      if hasHigh {
        result += candidates(in: scalars, segment: segmentStart..<index, codePage: codePage)
      }
    }
    return result
  }

  /// The candidates inside one segment: a stretch of characters that all map to bytes.
  private func candidates(
    in scalars: [Unicode.Scalar], segment: Range<Int>, codePage: MojibakeCodePage
  ) -> [Candidate] {
    // Bytes of the segment, and where each character's bytes start (one entry past the end).
    guard let encoded = encodeWithTables(scalars[segment], codePage: codePage) else { return [] }
    let bytes = encoded.bytes
    let charStart = encoded.charStart
    let (states, sequences) = Self.parseUTF8(bytes)
    // A character is part of garbled text when all its bytes are valid UTF-8 and one is in a
    // multi-byte sequence.
    let charCount = segment.count
    var garbled = [Bool](repeating: false, count: charCount)
    for char in 0..<charCount {
      var valid = true
      var multi = false
      for byte in charStart[char]..<charStart[char + 1] {
        if states[byte] & ByteState.valid == 0 { valid = false }
        if states[byte] & ByteState.multi != 0 { multi = true }
      }
      garbled[char] = valid && multi
    }

    // Units: maximal stretches of garbled characters, trimmed to whole sequences.
    var units: [Range<Int>] = []
    var char = 0
    while char < charCount {
      guard garbled[char] else {
        char += 1
        continue
      }
      var lower = char
      while char < charCount && garbled[char] { char += 1 }
      var upper = char
      while lower < upper && states[charStart[lower]] & ByteState.sequenceStart == 0 { lower += 1 }
      while lower < upper && states[charStart[upper] - 1] & ByteState.sequenceEnd == 0 { upper -= 1 }
      if lower < upper { units.append(lower..<upper) }
    }
    if units.isEmpty { return [] }

    // Runs: units joined over spaces and ASCII punctuation between them.
    var runs: [Range<Int>] = []
    var current = units[0]
    for unit in units.dropFirst() {
      let gap = current.upperBound..<unit.lowerBound
      let joinable = gap.allSatisfy { offset in
        let value = scalars[segment.lowerBound + offset].value
        return value < 0x80 && !Self.isASCIIAlphanumeric(value)
      }
      if joinable {
        current = current.lowerBound..<unit.upperBound
      } else {
        runs.append(current)
        current = unit
      }
    }
    runs.append(current)

    var result: [Candidate] = []
    var sequenceIndex = 0
    for run in runs {
      let byteRange = charStart[run.lowerBound]..<charStart[run.upperBound]
      while sequenceIndex < sequences.count && sequences[sequenceIndex].byteStart < byteRange.lowerBound {
        sequenceIndex += 1
      }
      var runSequences: [Sequence] = []
      var scan = sequenceIndex
      while scan < sequences.count && sequences[scan].byteStart < byteRange.upperBound {
        runSequences.append(sequences[scan])
        scan += 1
      }
      let evidence = self.evidence(
        of: runSequences, scalars: scalars, scalarOffset: segment.lowerBound, codePage: codePage,
        singleByte: encoded.singleByte)
      let lineStart = segment.lowerBound + run.lowerBound
      let lineEnd = segment.lowerBound + run.upperBound
      let cleanBounded =
        isCleanNeighbor(scalars, lineStart - 1, codePage) && isCleanNeighbor(scalars, lineEnd, codePage)

      // What the run decodes to, and whether that is garbled again (two rounds).
      let runBytes = Array(bytes[byteRange])
      let firstRound = Self.decodeUTF8(runBytes)
      let before = lineStart > 0 ? scalars[lineStart - 1] : nil
      let after = lineEnd < scalars.count ? scalars[lineEnd] : nil
      let firstTier = Self.plausibility(of: firstRound, before: before, after: after)
      var candidate = Candidate(
        start: lineStart, end: lineEnd, codePage: codePage, evidence: evidence.total,
        longSequenceEvidence: evidence.long, cleanBounded: cleanBounded, tier: firstTier, rounds: 1,
        secondTier: 0)
      if let second = secondRound(firstRound, before: before, after: after, codePage: codePage) {
        candidate.secondTier = Self.plausibility(of: second.scalars, before: before, after: after)
        // Text that is garbled through and through, or not plausible as it is, was garbled twice.
        if candidate.secondTier != 0 && (second.evidence >= 0.5 || firstTier == 0) {
          candidate.rounds = 2
          candidate.tier = candidate.secondTier
        }
      }
      result.append(candidate)
    }
    return result
  }

  /// The evidence of `sequences`, found in the bytes of `scalars[scalarOffset...]`; for Shift_JIS,
  /// `singleByte` tells which bytes are characters of their own (half-width katakana).
  private func evidence(
    of sequences: [Sequence], scalars: [Unicode.Scalar], scalarOffset: Int, codePage: MojibakeCodePage,
    singleByte: [Bool]
  ) -> (total: Double, long: Double) {
    var total = 0.0
    var long = 0.0
    // Consecutive sequences (no byte between them) show the alternating pattern of garbled
    // text, so even sequences that read as ordinary letters count more there.
    for (position, sequence) in sequences.enumerated() {
      let adjacent =
        (position > 0
          && sequences[position - 1].byteStart + sequences[position - 1].length == sequence.byteStart)
        || (position + 1 < sequences.count
          && sequence.byteStart + sequence.length == sequences[position + 1].byteStart)
      let value: Double
      if codePage.isSingleByte {
        value = sequenceEvidence(sequence, adjacent: adjacent, scalars: scalars, segmentStart: scalarOffset)
      } else {
        // Shift_JIS: two-byte sequences come from half-width katakana ("ﾃｩ" for "é"); longer ones
        // that hold half-width katakana too ("譁ｰ" for "新") are telling, while two kanji that
        // happen to make an ideograph ("魏街" → "鰊X") are not.
        let range = sequence.byteStart..<(sequence.byteStart + sequence.length)
        let halfWidth = range.contains { $0 < singleByte.count && singleByte[$0] }
        value = sequence.length == 2 || halfWidth || !Self.isIdeographOrHangul(sequence.scalar) ? 1 : 0.5
      }
      total += value
      if sequence.length > 2 { long += value }
    }
    return (total, long)
  }

  /// The bytes of `scalars` in `codePage` (nil if one has none), and which of them are characters
  /// of their own.
  private func encodeWithTables(
    _ scalars: ArraySlice<Unicode.Scalar>, codePage: MojibakeCodePage
  ) -> (bytes: [UInt8], singleByte: [Bool], charStart: [Int])? {
    var bytes: [UInt8] = []
    var singleByte: [Bool] = []
    var charStart: [Int] = []
    bytes.reserveCapacity(scalars.count * (codePage.isSingleByte ? 1 : 2))
    charStart.reserveCapacity(scalars.count + 1)
    for scalar in scalars {
      let code = tables.code(scalar, codePage)
      if code == MojibakeTables.unmappable { return nil }
      charStart.append(bytes.count)
      if code > 0xFF {
        bytes.append(UInt8(code >> 8))
        singleByte.append(false)
        singleByte.append(false)
      } else {
        singleByte.append(true)
      }
      bytes.append(UInt8(code & 0xFF))
    }
    charStart.append(bytes.count)
    return (bytes, singleByte, charStart)
  }

  /// When every non-ASCII character of `text` is part of garbled text in `codePage`: the text it
  /// decodes to and the evidence, judged with the characters around it in the line.
  private func secondRound(
    _ text: [Unicode.Scalar], before: Unicode.Scalar?, after: Unicode.Scalar?, codePage: MojibakeCodePage
  ) -> (scalars: [Unicode.Scalar], evidence: Double)? {
    guard let encoded = encodeWithTables(text[...], codePage: codePage) else { return nil }
    let (states, sequences) = Self.parseUTF8(encoded.bytes)
    guard !sequences.isEmpty, states.allSatisfy({ $0 & ByteState.valid != 0 }) else { return nil }
    var context: [Unicode.Scalar] = []
    if let before { context.append(before) }
    context += text
    if let after { context.append(after) }
    let evidence = self.evidence(
      of: sequences, scalars: context, scalarOffset: before == nil ? 0 : 1, codePage: codePage,
      singleByte: encoded.singleByte)
    return (Self.decodeUTF8(encoded.bytes), evidence.total)
  }

  /// How much one multi-byte sequence of a one-byte code page says that the text is garbled:
  /// 1, or less when its characters could be ordinary text.
  private func sequenceEvidence(
    _ sequence: Sequence, adjacent: Bool, scalars: [Unicode.Scalar], segmentStart: Int
  ) -> Double {
    let leadIndex = segmentStart + sequence.byteStart
    let lead = scalars[leadIndex]
    let continuation = scalars[leadIndex + 1]
    switch sequence.length {
    case 2:
      // Two letters ("её" in KOI8-R, "Рё" in windows-1251), or a one-letter word and a space or
      // closing quote ("В" and a no-break space).
      let before = leadIndex > 0 ? scalars[leadIndex - 1] : nil
      let after = leadIndex + 2 < scalars.count ? scalars[leadIndex + 2] : nil
      guard Self.isCommonLetter(lead) else { return 1 }
      let natural: Bool
      if Self.isCommonLetter(continuation) {
        // Two Latin letters in ordinary text have the same case ("ÍŽ" in Czech capitals, not "Åž"),
        // two Cyrillic ones are not inside a Latin word ("ZГјrich"), and no lower-case letter is
        // followed by a capital ("ÃœBER").
        let latin =
          Self.scriptClass(lead.value) == ScriptClass.latin
          && Self.scriptClass(continuation.value) == ScriptClass.latin
        let asciiAround = [before, after].contains { $0.map { Self.isASCIILetter($0.value) } ?? false }
        // Œ œ Ÿ ƒ never follow an accented capital ("ÄŒ" is "Č").
        let sameCase =
          TextScan.isUppercase(lead) == TextScan.isUppercase(continuation)
          && ![0x152, 0x153, 0x178, 0x192].contains(continuation.value)
        natural =
          (latin ? sameCase : !asciiAround) && Self.hasOrdinaryCase([before, lead, continuation, after])
      } else {
        // A one-letter word ("В", "É") and then punctuation, not followed by a letter.
        let startsWord = before.map { !TextScan.isLetter($0) } ?? true
        let endsWord = after.map { !TextScan.isLetter($0) } ?? true
        natural =
          startsWord && endsWord && Self.isTextPunctuation(continuation, symbols: false)
          && Self.isOneLetterWord(lead)
      }
      if !natural { return 1 }
      return adjacent ? 0.8 : 0.4
    case 3:
      // A letter and a continuation letter, or a letter and closing punctuation ("её»" and "ä»…"
      // decode to ideographs), can be ordinary text: count those half.
      let last = scalars[leadIndex + 2]
      let before = leadIndex > 0 ? scalars[leadIndex - 1] : nil
      let natural =
        Self.isCommonLetter(lead)
        && ((Self.isCommonLetter(continuation) && Self.hasOrdinaryCase([before, lead, continuation]))
          || (Self.isTextPunctuation(continuation, symbols: true)
            && Self.isTextPunctuation(last, symbols: true)))
      return natural ? 0.5 : 1
    default:
      return (0x1F000...0x1FAFF).contains(sequence.scalar) ? 1 : 0.5
    }
  }

  /// True when the character at `index` cannot continue garbled text: the line's ends, ASCII,
  /// or a character the code page has no byte for.
  private func isCleanNeighbor(_ scalars: [Unicode.Scalar], _ index: Int, _ codePage: MojibakeCodePage)
    -> Bool
  {
    guard index >= 0 && index < scalars.count else { return true }
    let scalar = scalars[index]
    return scalar.value < 0x80 || tables.code(scalar, codePage) == MojibakeTables.unmappable
  }

  // MARK: - Repair

  /// The run `candidate` stands for after ICU confirms it, or nil when ICU disagrees.
  private func repair(_ candidate: Candidate, in scalars: [Unicode.Scalar]) -> MojibakeRun? {
    let garbled = String(String.UnicodeScalarView(scalars[candidate.start..<candidate.end]))
    guard var repaired = decodeThroughICU(garbled, codePage: candidate.codePage) else { return nil }
    if candidate.rounds == 2 {
      guard let second = decodeThroughICU(repaired, codePage: candidate.codePage) else { return nil }
      repaired = second
    }
    return MojibakeRun(
      start: candidate.start, end: candidate.end, codePage: candidate.codePage, rounds: candidate.rounds,
      repaired: repaired)
  }

  /// `text` encoded with the code page by ICU and decoded as UTF-8, or nil when a character has
  /// no byte or the bytes are not UTF-8.
  private func decodeThroughICU(_ text: String, codePage: MojibakeCodePage) -> String? {
    let input = codePage == .shiftJIS ? MojibakeTables.icuShiftJISForms(text) : text
    converterCalls += 1
    guard let (bytes, replaced) = try? converters[codePage.rawValue].encode(input), replaced == 0 else {
      return nil
    }
    return String(validating: bytes, as: UTF8.self)
  }

  /// The scalars of `bytes`, which are valid UTF-8.
  private static func decodeUTF8(_ bytes: [UInt8]) -> [Unicode.Scalar] {
    var scalars: [Unicode.Scalar] = []
    scalars.reserveCapacity(bytes.count)
    var decoder = UTF8()
    var iterator = bytes.makeIterator()
    while case .scalarValue(let scalar) = decoder.decode(&iterator) { scalars.append(scalar) }
    return scalars
  }

  // MARK: - UTF-8

  /// Per-byte flags of `parseUTF8`.
  private enum ByteState {
    static let valid: UInt8 = 1
    static let sequenceStart: UInt8 = 2
    static let sequenceEnd: UInt8 = 4
    static let multi: UInt8 = 8
  }

  /// Each byte's `ByteState`, and the valid multi-byte sequences, of `bytes` read as UTF-8 from
  /// the start (UTF-8 resynchronizes at every lead byte, so where the read starts does not matter).
  private static func parseUTF8(_ bytes: [UInt8]) -> (states: [UInt8], sequences: [Sequence]) {
    var states = [UInt8](repeating: 0, count: bytes.count)
    var sequences: [Sequence] = []
    var position = 0
    while position < bytes.count {
      let lead = bytes[position]
      if lead < 0x80 {
        states[position] = ByteState.valid | ByteState.sequenceStart | ByteState.sequenceEnd
        position += 1
        continue
      }
      let length: Int
      var low: UInt8 = 0x80
      var high: UInt8 = 0xBF
      switch lead {
      case 0xC2...0xDF: length = 2
      case 0xE0:
        length = 3
        low = 0xA0
      case 0xED:
        length = 3
        high = 0x9F
      case 0xE1...0xEF: length = 3
      case 0xF0:
        length = 4
        low = 0x90
      case 0xF4:
        length = 4
        high = 0x8F
      case 0xF1...0xF3: length = 4
      default: length = 0
      }
      var valid = length > 0 && position + length <= bytes.count
      if valid {
        for offset in 1..<length {
          let byte = bytes[position + offset]
          let (min, max) = offset == 1 ? (low, high) : (0x80, 0xBF)
          if byte < min || byte > max {
            valid = false
            break
          }
        }
      }
      guard valid else {
        position += 1
        continue
      }
      var scalar = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
      for offset in 1..<length {
        scalar = scalar << 6 | UInt32(bytes[position + offset] & 0x3F)
        states[position + offset] = ByteState.valid | ByteState.multi
      }
      states[position] = ByteState.valid | ByteState.multi | ByteState.sequenceStart
      states[position + length - 1] |= ByteState.sequenceEnd
      sequences.append(Sequence(byteStart: position, length: length, scalar: scalar))
      position += length
    }
    return (states, sequences)
  }

  // MARK: - Plausibility

  /// The highest `tier` of the characters of `scalars`, or 0 when one of them has tier 0.
  private static func tier(of scalars: [Unicode.Scalar]) -> Int {
    var result = 1
    for scalar in scalars {
      let value = tier(scalar.value)
      if value == 0 { return 0 }
      result = max(result, value)
    }
    return result
  }

  /// The `tier` of decoded text, or 0 when a word of it (with the letters around the run in the
  /// line) mixes scripts that never share a word, as random bytes do ("ѐҒŗi").
  private static func plausibility(
    of scalars: [Unicode.Scalar], before: Unicode.Scalar?, after: Unicode.Scalar?
  ) -> Int {
    let result = tier(of: scalars)
    if result == 0 { return 0 }
    var word: Set<Int> = []
    var sequence: [Unicode.Scalar] = []
    if let before { sequence.append(before) }
    sequence += scalars
    if let after { sequence.append(after) }
    for scalar in sequence {
      // Combining diacritics and modifier letters ("ʹ" in transliterations) go with any script.
      if (0x2B0...0x36F).contains(scalar.value) || (0x1AB0...0x1AFF).contains(scalar.value)
        || (0x1DC0...0x1DFF).contains(scalar.value) || (0x20D0...0x20FF).contains(scalar.value)
      {
        continue
      }
      guard TextScan.isLetter(scalar) else {
        word.removeAll(keepingCapacity: true)
        continue
      }
      word.insert(scriptClass(scalar.value))
      if word.count > 1
        && !(word.count == 2 && word.contains(ScriptClass.latin) && word.contains(ScriptClass.cjk))
      {
        return 0
      }
    }
    return result
  }

  /// Script classes for `plausibility`: Latin may share a word with CJK ("JR東日本"), nothing else mixes.
  private enum ScriptClass {
    static let latin = 0
    static let greek = 1
    static let cyrillic = 2
    static let cjk = 3
    static let hangul = 4
  }

  private static func scriptClass(_ value: UInt32) -> Int {
    switch value {
    case 0x41...0x5A, 0x61...0x7A, 0xAA, 0xB5, 0xBA, 0xC0...0x2AF, 0x1E00...0x1EFF, 0xFF21...0xFF3A,
      0xFF41...0xFF5A:
      return ScriptClass.latin
    case 0x370...0x3FF, 0x1F00...0x1FFF: return ScriptClass.greek
    case 0x400...0x52F: return ScriptClass.cyrillic
    case 0x3000...0x30FF, 0x31F0...0x31FF, 0x3400...0x9FFF, 0xF900...0xFAFF, 0xFF66...0xFF9F,
      0x20000...0x2FFFF:
      return ScriptClass.cjk
    case 0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7A3: return ScriptClass.hangul
    case 0x530...0x58F: return 5
    case 0x590...0x5FF: return 6
    case 0x600...0x6FF, 0x750...0x77F, 0x8A0...0x8FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: return 7
    case 0x900...0x97F: return 8
    case 0xE00...0xE7F: return 9
    case 0x10A0...0x10FF: return 10
    default: return 16 + Int(value >> 8)
    }
  }

  /// 1 for characters common in text (Latin, Greek, Russian and Ukrainian Cyrillic, CJK, kana,
  /// usual punctuation and symbols), 2 for those that need strong evidence (other scripts,
  /// combining marks, box drawing, arrows), 0 for characters repaired text should not hold
  /// (controls, private use, unassigned and rare blocks).
  private static func tier(_ value: UInt32) -> Int {
    switch value {
    case 0x09, 0x20...0x7E: return 1
    case 0xA0...0x17F: return 1
    case 0x18F, 0x192, 0x1A0, 0x1A1, 0x1AF, 0x1B0, 0x1CD...0x1DC, 0x218...0x21B, 0x259: return 1
    case 0x2B9...0x2BC: return 1
    case 0x2C6...0x2DD, 0x300...0x36F: return 2
    case 0x386, 0x388...0x38A, 0x38C, 0x38E...0x3A1, 0x3A3...0x3CE: return 1
    // Russian, Ukrainian and Belarusian letters; other Cyrillic letters need strong evidence.
    case 0x401, 0x404, 0x406, 0x407, 0x40E, 0x410...0x44F, 0x451, 0x454, 0x456, 0x457, 0x45E, 0x490, 0x491:
      return 1
    case 0x400...0x4FF: return 2
    case 0x531...0x556, 0x561...0x587, 0x5B0...0x5C7, 0x5D0...0x5EA, 0x5F3, 0x5F4, 0x60C, 0x61B, 0x61F,
      0x621...0x65F, 0x660...0x66D, 0x670...0x6D3, 0x6F0...0x6F9, 0x900...0x97F, 0xE01...0xE5B,
      0x10D0...0x10FA:
      return 2
    case 0x1E00...0x1EFF: return 1
    case 0x2010...0x2027, 0x2030...0x203A, 0x2044, 0x20A0...0x20C0, 0x2103, 0x2116, 0x2122, 0x2190...0x2199,
      0x2212, 0x2260...0x2265:
      return 1
    case 0x3000...0x303F, 0x3041...0x3096, 0x3099...0x30FF, 0x4E00...0x9FFF, 0xFF01...0xFF9F, 0xFFE0...0xFFE6:
      return 1
    case 0x3400...0x4DBF, 0xF900...0xFAFF, 0xAC00...0xD7A3, 0x20000...0x2FFFF: return 2
    case 0x2190...0x22FF, 0x2500...0x27BF: return 2
    case 0x1F300...0x1FAFF: return 1
    default: return 0
    }
  }

  /// Punctuation that follows words in ordinary text: no-break space, closing quotes, ellipsis,
  /// dashes; with `symbols`, also degree, copyright and the like.
  private static func isTextPunctuation(_ scalar: Unicode.Scalar, symbols: Bool) -> Bool {
    switch scalar.value {
    case 0xA0, 0xAB, 0xBB, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x203A: return true
    case 0xB0, 0xA9, 0xAE, 0xB7, 0x2122: return symbols
    default: return false
    }
  }

  /// Letters that are words on their own in Russian, Ukrainian or Western European languages.
  private static func isOneLetterWord(_ scalar: Unicode.Scalar) -> Bool {
    "ВКСУОИЯАЄІЇвксуоияаєії".unicodeScalars.contains(scalar)
      || "ÄÅÈÉÌÒÓÖØÙÚÝàáèéìòóùúý".unicodeScalars.contains(scalar)
  }

  /// A letter of the common alphabets (`tier` 1), not an ordinal indicator or micro sign.
  private static func isCommonLetter(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0xAA, 0xB5, 0xBA: return false
    default: return TextScan.isLetter(scalar) && tier(scalar.value) == 1
    }
  }

  /// False when, within the letters of `scalars` (nil and non-letters end a word), a lower-case
  /// letter is followed by a capital.
  private static func hasOrdinaryCase(_ scalars: [Unicode.Scalar?]) -> Bool {
    var previousLower = false
    for scalar in scalars {
      guard let scalar, TextScan.isLetter(scalar) else {
        previousLower = false
        continue
      }
      if previousLower && TextScan.isUppercase(scalar) { return false }
      previousLower = TextScan.isLowercase(scalar)
    }
    return true
  }

  private static func isIdeographOrHangul(_ value: UInt32) -> Bool {
    (0x3400...0x9FFF).contains(value) || (0xF900...0xFAFF).contains(value)
      || (0xAC00...0xD7A3).contains(value)
  }

  private static func isASCIILetter(_ value: UInt32) -> Bool {
    (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
  }

  private static func isASCIIAlphanumeric(_ value: UInt32) -> Bool {
    isASCIILetter(value) || (0x30...0x39).contains(value)
  }
}

/// Per-process tables from ICU: each code page's byte(s) for a character, and the scan flags.
final class MojibakeTables: Sendable {
  /// The tables, built on first use.
  static let shared: Result<MojibakeTables, ICUError> = Result { () throws(ICUError) in try MojibakeTables() }

  /// Marks a character a code page has no bytes for.
  static let unmappable: UInt16 = 0xFFFF
  /// Flag bits 0–3: the one-byte code page gives the character a UTF-8 lead byte (0xC2–0xF4).
  static let leadMask: UInt16 = 0x0F
  /// Flag bits 5–8: the one-byte code page gives the character a continuation byte (0x80–0xBF).
  static let continuationShift: UInt16 = 5
  /// Flag bit 10: in Shift_JIS the character is half-width katakana or a kanji whose first byte
  /// is a UTF-8 lead byte (0xE0–0xEF) and second a continuation byte, as garbled UTF-8 shows.
  static let shiftJISSuspect: UInt16 = 1 << 10

  /// For each code page, 65,536 entries: the byte (below 0x100) or the two bytes (lead << 8 |
  /// trail) of each BMP character, or `unmappable`.
  private let codes: [UInt16]
  /// Scan flags for each BMP character.
  let flags: [UInt16]

  /// Characters Python's and JIS's Shift_JIS tables give where ICU's (Microsoft's) have the second:
  /// garbled text from either source maps back to the same bytes.
  static let shiftJISAliases: [(jis: UInt32, icu: UInt32)] = [
    (0x301C, 0xFF5E), (0x2016, 0x2225), (0x2212, 0xFF0D), (0xA2, 0xFFE0), (0xA3, 0xFFE1), (0xAC, 0xFFE2),
  ]

  private init() throws(ICUError) {
    let pageSize = 0x10000
    var codes = [UInt16](repeating: Self.unmappable, count: pageSize * MojibakeCodePage.allCases.count)
    var flags = [UInt16](repeating: 0, count: pageSize)
    for codePage in MojibakeCodePage.allCases {
      let base = codePage.rawValue * pageSize
      for byte in 0..<0x80 { codes[base + byte] = UInt16(byte) }
      let converter = try CharsetConverter(charset: codePage.charset)
      var mappings: [(bytes: UInt16, scalar: UInt32)] = []
      for byte in 0x80...0xFF {
        let (text, replaced) = try converter.decode([UInt8(byte)])
        if replaced == 0, let scalar = Self.singleScalar(text) { mappings.append((UInt16(byte), scalar)) }
      }
      if codePage == .shiftJIS {
        mappings += try Self.shiftJISPairs(converter)
      }
      for (bytes, scalar) in mappings where scalar < pageSize && codes[base + Int(scalar)] == Self.unmappable
      {
        codes[base + Int(scalar)] = bytes
        if codePage.isSingleByte {
          let bit = UInt16(1) << UInt16(codePage.rawValue)
          if (0xC2...0xF4).contains(bytes) { flags[Int(scalar)] |= bit }
          if (0x80...0xBF).contains(bytes) { flags[Int(scalar)] |= bit << Self.continuationShift }
        } else {
          let lead = bytes >> 8
          let trail = bytes & 0xFF
          if (0xA1...0xDF).contains(bytes) || ((0xE0...0xEF).contains(lead) && (0x80...0xBF).contains(trail))
          {
            flags[Int(scalar)] |= Self.shiftJISSuspect
          }
        }
      }
      if codePage == .shiftJIS {
        for (jis, icu) in Self.shiftJISAliases where codes[base + Int(jis)] == Self.unmappable {
          codes[base + Int(jis)] = codes[base + Int(icu)]
        }
      }
    }
    self.codes = codes
    self.flags = flags
  }

  /// The byte(s) of `scalar` in `codePage`, or `unmappable`.
  @inline(__always)
  func code(_ scalar: Unicode.Scalar, _ codePage: MojibakeCodePage) -> UInt16 {
    let value = scalar.value
    guard value < 0x10000 else { return Self.unmappable }
    return codes[codePage.rawValue << 16 | Int(value)]
  }

  /// `text` with the JIS forms of `shiftJISAliases` replaced by the ones ICU encodes.
  static func icuShiftJISForms(_ text: String) -> String {
    guard
      text.unicodeScalars.contains(where: { scalar in shiftJISAliases.contains { $0.jis == scalar.value } })
    else { return text }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if let alias = shiftJISAliases.first(where: { $0.jis == scalar.value }),
        let icu = Unicode.Scalar(alias.icu)
      {
        result.append(icu)
      } else {
        result.append(scalar)
      }
    }
    return String(result)
  }

  /// Every two-byte Shift_JIS character ICU decodes, with its bytes, from one decode call.
  private static func shiftJISPairs(_ converter: CharsetConverter) throws(ICUError) -> [(UInt16, UInt32)] {
    var pairs: [UInt16] = []
    for lead in Array(0x81...0x9F) + Array(0xE0...0xFC) {
      for trail in Array(0x40...0x7E) + Array(0x80...0xFC) { pairs.append(UInt16(lead << 8 | trail)) }
    }
    // Each pair on its own line, so an unassigned pair cannot shift the ones after it.
    var bytes: [UInt8] = []
    bytes.reserveCapacity(pairs.count * 3)
    for pair in pairs { bytes += [UInt8(pair >> 8), UInt8(pair & 0xFF), 0x0A] }
    let (text, _) = try converter.decode(bytes)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    var result: [(UInt16, UInt32)] = []
    // The text ends with a line break, so there is one empty line more than pairs.
    if lines.count == pairs.count + 1 {
      for (pair, line) in zip(pairs, lines) {
        if let scalar = singleScalar(String(line)), scalar != 0xFFFD { result.append((pair, scalar)) }
      }
    } else {
      for pair in pairs {
        let (text, replaced) = try converter.decode([UInt8(pair >> 8), UInt8(pair & 0xFF)])
        if replaced == 0, let scalar = singleScalar(text) { result.append((pair, scalar)) }
      }
    }
    return result
  }

  /// The one scalar of `text` unless it is U+FFFD or a control ICU substitutes; else nil.
  private static func singleScalar(_ text: String) -> UInt32? {
    var iterator = text.unicodeScalars.makeIterator()
    guard let first = iterator.next(), iterator.next() == nil else { return nil }
    if first.value == 0xFFFD || first.value == 0x1A { return nil }
    return first.value
  }
}
