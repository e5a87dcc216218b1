/// Where each line of a text starts, in Unicode scalars, to turn the scalar offsets Crosswalk
/// stores into the 1-based lines and columns people read, and back.
///
/// A line ends after LF, after CR LF (one line end, two scalars), or after a CR on its own. A
/// column counts Unicode scalars, so a combining mark is a column of its own and a character
/// outside the BMP is one column, as in DESIGN.md's output contracts.
public struct LineIndex: Sendable, Equatable {
  /// The scalar offset where each line starts; the first is 0.
  public let lineStarts: [Int]
  /// How many scalars the text has.
  public let scalarCount: Int

  /// The line index of `text`.
  public init(_ text: String) {
    self.init(scalars: text.unicodeScalars)
  }

  /// The line index of a scalar sequence.
  public init<S: Sequence>(scalars: S) where S.Element == Unicode.Scalar {
    var starts = [0]
    var offset = 0
    var previousWasCR = false
    for scalar in scalars {
      offset += 1
      switch scalar {
      case "\n":
        if previousWasCR { starts[starts.count - 1] = offset } else { starts.append(offset) }
        previousWasCR = false
      case "\r":
        starts.append(offset)
        previousWasCR = true
      default:
        previousWasCR = false
      }
    }
    lineStarts = starts
    scalarCount = offset
  }

  /// How many lines the text has: an empty text has one, and a final line end opens a last,
  /// empty line.
  public var lineCount: Int { lineStarts.count }

  /// The 1-based line and column of a scalar offset; an offset past the end is clamped to it.
  public func location(of offset: Int) -> (line: Int, column: Int) {
    let clamped = max(0, min(offset, scalarCount))
    // The last line start at or before the offset.
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if lineStarts[middle] <= clamped { low = middle } else { high = middle - 1 }
    }
    return (low + 1, clamped - lineStarts[low] + 1)
  }

  /// The scalar offset of a 1-based line and column, or nil when the text has no such line or
  /// the column lies past the line's end (its line end included).
  public func offset(line: Int, column: Int) -> Int? {
    guard line >= 1, line <= lineStarts.count, column >= 1 else { return nil }
    let start = lineStarts[line - 1]
    let next = line < lineStarts.count ? lineStarts[line] : scalarCount + 1
    // Compared as a length, so that a huge column cannot overflow.
    return column - 1 < next - start ? start + column - 1 : nil
  }

  /// The span of line `line` (1-based) without its line end, or nil when there is no such line.
  public func span(ofLine line: Int, in scalars: [Unicode.Scalar]) -> TextSpan? {
    guard line >= 1, line <= lineStarts.count else { return nil }
    let start = lineStarts[line - 1]
    var end = line < lineStarts.count ? lineStarts[line] : scalarCount
    while end > start, scalars[end - 1] == "\n" || scalars[end - 1] == "\r" { end -= 1 }
    return TextSpan(start: start, end: end)
  }
}
