import CrosswalkCore

/// TSV and CSV glossaries: a header row naming the columns, then one entity per row
/// (DESIGN.md 'Glossaries'; docs/glossaries.md describes the format for users).
///
/// List cells (`aliases`, `variants`, `distinct`) hold items separated by `|`, and a name may
/// carry attributes after `;` (`Kunashiri Island;usage=japanese`). A backslash escapes `|`, `;`
/// and itself inside list cells, in both formats. TSV has no quoting: every TSV cell decodes
/// `\t`, `\n`, `\r`, `\\`, `\|` and `\;`. CSV follows RFC 4180 (quoted cells, doubled quotes).
enum TableGlossary {
  /// The columns a header may name, in the order the writer writes them.
  static let columns = ["id", "type", "name", "aliases", "variants", "distinct", "note"]
  /// The attributes a name in `aliases` or `variants` may carry after `;`.
  static let attributes = ["usage", "route"]

  /// The entities of a TSV (`separator` tab) or CSV (any other separator) text, and what is
  /// wrong with it; rows that cannot make an entity are left out.
  static func read(_ text: String, file: String, separator: Character) -> GlossaryFileContents {
    var reader = Reader(file: file, separator: separator)
    reader.read(text)
    return reader.contents
  }

  /// `entities` as a TSV (`separator` tab) or CSV text with a header row.
  static func write(_ entities: [Entity], separator: Character) -> String {
    let dialect = Dialect(separator: separator)
    var out = columns.joined(separator: String(separator)) + "\n"
    for entity in entities {
      let cells = [
        dialect.cell(entity.id), dialect.cell(entity.type), dialect.cell(entity.name),
        dialect.names(entity.aliases), dialect.names(entity.variants),
        entity.distinct.map { dialect.item($0) }.joined(separator: "|"),
        dialect.cell(entity.note ?? ""),
      ]
      out += cells.enumerated().map { position, cell in
        dialect.quoted(cell, first: position == 0)
      }.joined(separator: String(separator))
      out += "\n"
    }
    return out
  }

  /// What differs between TSV and CSV.
  private struct Dialect {
    let separator: Unicode.Scalar
    /// TSV: no quoting, backslash escapes in every cell.
    let isTSV: Bool

    init(separator: Character) {
      self.separator = separator.unicodeScalars.first ?? ","
      isTSV = separator == "\t"
    }

    /// A cell that is not a list, escaped (TSV) or as is (CSV, quoted later when needed).
    func cell(_ text: String) -> String { isTSV ? escaped(text, inList: false) : text }

    /// One item of a list cell, with `|`, `;` and `\` escaped.
    func item(_ text: String) -> String { escaped(text, inList: true) }

    /// A list of names: `name;usage=…;route=…` items joined by `|`.
    func names(_ names: [EntityName]) -> String {
      names.map { name in
        var text = item(name.text)
        if let usage = name.usage { text += ";usage=" + item(usage) }
        if let route = name.route { text += ";route=" + item(route) }
        return text
      }.joined(separator: "|")
    }

    private func escaped(_ text: String, inList: Bool) -> String {
      var out = ""
      for scalar in text.unicodeScalars {
        switch scalar {
        case "\\" where isTSV || inList: out += "\\\\"
        case "|" where inList: out += "\\|"
        case ";" where inList: out += "\\;"
        case "\t" where isTSV: out += "\\t"
        case "\n" where isTSV: out += "\\n"
        case "\r" where isTSV: out += "\\r"
        default: out.unicodeScalars.append(scalar)
        }
      }
      return out
    }

    /// A CSV cell in quotes when it holds the separator, a quote or a line break, or when a
    /// row's first cell would read as a comment; TSV cells are already escaped.
    func quoted(_ cell: String, first: Bool) -> String {
      guard !isTSV else { return cell }
      let needsQuotes =
        cell.unicodeScalars.contains { $0 == separator || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        || (first && cell.hasPrefix("#"))
      guard needsQuotes else { return cell }
      var out = "\""
      for scalar in cell.unicodeScalars {
        if scalar == "\"" { out += "\"" }
        out.unicodeScalars.append(scalar)
      }
      return out + "\""
    }

    /// `raw` with escapes decoded: every cell in TSV, list items in CSV. A backslash before
    /// any other character stays as written.
    func decoded(_ raw: some Collection<Unicode.Scalar>, inList: Bool) -> String {
      var out = String.UnicodeScalarView()
      guard isTSV || inList else {
        out.append(contentsOf: raw)
        return String(out)
      }
      var escaping = false
      for scalar in raw {
        guard escaping else {
          if scalar == "\\" { escaping = true } else { out.append(scalar) }
          continue
        }
        escaping = false
        switch scalar {
        case "\\", "|", ";": out.append(scalar)
        case "t" where isTSV: out.append("\t")
        case "n" where isTSV: out.append("\n")
        case "r" where isTSV: out.append("\r")
        default:
          out.append("\\")
          out.append(scalar)
        }
      }
      if escaping { out.append("\\") }
      return String(out)
    }
  }

  /// One cell as written: its text (CSV quotes removed, escapes not yet decoded) and where
  /// it starts.
  private struct Cell {
    var raw: [Unicode.Scalar] = []
    let line: Int
    let column: Int
  }

  /// One row: its cells and the line it starts on.
  private struct Row {
    var cells: [Cell] = []
    let line: Int
  }

  /// The header's columns: the cell position of each known column.
  private struct Header {
    var position: [String: Int] = [:]
    var count = 0
  }

  private struct Reader {
    let file: String
    let dialect: Dialect
    var contents = GlossaryFileContents()

    init(file: String, separator: Character) {
      self.file = file
      dialect = Dialect(separator: separator)
    }

    mutating func error(line: Int, column: Int, _ message: String) {
      contents.diagnostics.append(
        Diagnostic(.error, at: SourceLocation(file: file, line: line, column: column), message))
    }

    mutating func error(at cell: Cell, _ message: String) {
      error(line: cell.line, column: cell.column, message)
    }

    func location(of cell: Cell) -> SourceLocation {
      SourceLocation(file: file, line: cell.line, column: cell.column)
    }

    mutating func read(_ text: String) {
      var scalars = Array(text.unicodeScalars)
      if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
      let rows = self.rows(in: scalars)
      guard let first = rows.first, let header = readHeader(first) else { return }
      for row in rows.dropFirst() { readRow(row, header: header) }
    }

    // MARK: Rows and cells

    /// The rows of the text, comments and blank rows left out. An unterminated CSV quote is
    /// reported and ends the text.
    mutating func rows(in text: [Unicode.Scalar]) -> [Row] {
      var rows: [Row] = []
      var index = 0
      var line = 1
      var lineStart = 0

      func atLineEnd(_ index: Int) -> Bool {
        text[index] == "\n" || (text[index] == "\r" && index + 1 < text.count && text[index + 1] == "\n")
      }

      while index < text.count {
        if text[index] == "#" || atLineEnd(index) {  // A comment or a blank line.
          while index < text.count && text[index] != "\n" { index += 1 }
          index += 1
          line += 1
          lineStart = index
          continue
        }
        var row = Row(line: line)
        while true {
          var cell = Cell(line: line, column: index - lineStart + 1)
          var probe = index
          while probe < text.count && (text[probe] == " " || text[probe] == "\t")
            && text[probe] != dialect.separator
          {
            probe += 1
          }
          if !dialect.isTSV && probe < text.count && text[probe] == "\"" {
            let (openLine, openColumn) = (line, probe - lineStart + 1)
            index = probe + 1
            var closed = false
            while index < text.count {
              let scalar = text[index]
              index += 1
              if scalar == "\"" {
                guard index < text.count && text[index] == "\"" else {
                  closed = true
                  break
                }
                index += 1
              } else if scalar == "\n" {
                line += 1
                lineStart = index
              }
              cell.raw.append(scalar)
            }
            guard closed else {
              error(
                line: openLine, column: openColumn,
                "unterminated quote: this quoted cell never ends; close it with '\"' (a quote inside a quoted cell is written '\"\"')"
              )
              return rows
            }
            var extra: [Unicode.Scalar] = []
            let extraColumn = index - lineStart + 1
            while index < text.count && text[index] != dialect.separator && !atLineEnd(index) {
              extra.append(text[index])
              index += 1
            }
            if extra.contains(where: { !$0.properties.isWhitespace }) {
              error(
                line: line, column: extraColumn,
                "text after the closing quote of a cell; a quote inside a quoted cell is written '\"\"'")
              cell.raw += extra
            }
          } else {
            while index < text.count && text[index] != dialect.separator && !atLineEnd(index) {
              cell.raw.append(text[index])
              index += 1
            }
          }
          row.cells.append(cell)
          if index < text.count && text[index] == dialect.separator {
            index += 1
            continue
          }
          if index < text.count {  // A line end.
            index += text[index] == "\r" ? 2 : 1
            line += 1
            lineStart = index
          }
          break
        }
        if row.cells.contains(where: { !trimmed($0.raw).isEmpty }) { rows.append(row) }
      }
      return rows
    }

    // MARK: Header and rows

    mutating func readHeader(_ row: Row) -> Header? {
      var header = Header(count: row.cells.count)
      for (position, cell) in row.cells.enumerated() {
        let name = dialect.decoded(trimmed(cell.raw), inList: false).lowercased()
        let known = TableGlossary.columns
        if name.isEmpty {
          error(at: cell, "empty column name; the columns are \(known.joined(separator: ", "))")
        } else if !known.contains(name) {
          error(
            at: cell,
            "unknown column '\(name)'\(didYouMean(name, among: known, otherwise: "the columns are \(known.joined(separator: ", "))"))")
        } else if header.position[name] != nil {
          error(at: cell, "duplicate column '\(name)'")
        } else {
          header.position[name] = position
        }
      }
      guard header.position["name"] != nil else {
        error(
          line: row.line, column: 1,
          "no 'name' column; the header row names the columns: \(TableGlossary.columns.joined(separator: ", "))"
        )
        return nil
      }
      return header
    }

    mutating func readRow(_ row: Row, header: Header) {
      guard row.cells.count == header.count else {
        let column = row.cells.count > header.count ? row.cells[header.count].column : 1
        error(
          line: row.line, column: column,
          "row has \(row.cells.count) cells; the header has \(header.count)")
        return
      }
      func cell(_ column: String) -> Cell? { header.position[column].map { row.cells[$0] } }
      func text(_ column: String) -> String {
        cell(column).map { dialect.decoded(trimmed($0.raw), inList: false) } ?? ""
      }

      let name = text("name")
      guard let nameCell = cell("name"), !name.isEmpty else {
        error(at: cell("name") ?? Cell(line: row.line, column: 1), "row has no 'name'")
        return
      }
      let id: String
      let written = text("id")
      if written.isEmpty {
        id = makeID(from: name)
        guard !id.isEmpty else {
          error(
            at: cell("id") ?? nameCell,
            "row has no id and its name gives none; write one in an 'id' column")
          return
        }
      } else if isValidID(written) {
        id = written
      } else {
        let fixed = makeID(from: written)
        error(
          at: cell("id") ?? nameCell,
          "bad id '\(written)': ids are lowercase ASCII letters, digits and hyphens"
            + (fixed.isEmpty ? "" : "; try '\(fixed)'"))
        return
      }
      let type = text("type")
      let note = text("note")
      let aliases = cell("aliases").map { names($0, column: "aliases", kind: .alias) } ?? []
      let variants = cell("variants").map { names($0, column: "variants", kind: .variant) } ?? []
      var distinct: [String] = []
      if let cell = cell("distinct") {
        for pieces in items(cell) {
          let item = dialect.decoded(trimmed(pieces[0]), inList: true)
          if item.isEmpty {
            error(at: cell, "empty item in 'distinct'")
            continue
          }
          if pieces.count > 1 {
            error(at: cell, "'distinct' holds ids without attributes; remove what follows ';' in '\(item)'")
          }
          distinct.append(item)
        }
      }
      contents.entities.append(
        Entity(
          id: id, type: type.isEmpty ? "term" : type, name: name,
          aliases: aliases, variants: variants, distinct: distinct, note: note.isEmpty ? nil : note,
          location: SourceLocation(file: file, line: row.line, column: 1)))
    }

    /// The items of a list cell, each split into its name and its attributes (not decoded).
    func items(_ cell: Cell) -> [[ArraySlice<Unicode.Scalar>]] {
      guard !trimmed(cell.raw).isEmpty else { return [] }
      return split(cell.raw[...], on: "|").map { split($0, on: ";") }
    }

    /// The names of an `aliases` or `variants` cell with their attributes.
    mutating func names(_ cell: Cell, column: String, kind: EntityName.Kind) -> [EntityName] {
      var result: [EntityName] = []
      for pieces in items(cell) {
        let text = dialect.decoded(trimmed(pieces[0]), inList: true)
        if text.isEmpty {
          error(at: cell, "empty name in '\(column)'")
          continue
        }
        var values: [String: String] = [:]
        for piece in pieces.dropFirst() {
          let attribute = trimmed(piece)
          guard let equals = attribute.firstIndex(of: "=") else {
            let shown = dialect.decoded(attribute, inList: true)
            error(
              at: cell,
              "'\(shown)' after ';' in '\(column)' is not key=value (usage=…, route=…); a ';' inside a name is written '\\;'"
            )
            continue
          }
          let key = dialect.decoded(trimmed(attribute[..<equals]), inList: true).lowercased()
          let value = dialect.decoded(trimmed(attribute[(equals + 1)...]), inList: true)
          let known = TableGlossary.attributes
          guard known.contains(key) else {
            error(
              at: cell,
              "unknown attribute '\(key)' on '\(text)'\(didYouMean(key, among: known, otherwise: "the attributes are \(known.joined(separator: ", "))"))"
            )
            continue
          }
          guard values[key] == nil else {
            error(at: cell, "duplicate attribute '\(key)' on '\(text)'")
            continue
          }
          values[key] = value
        }
        result.append(
          EntityName(
            text, kind: kind, usage: values["usage"].flatMap { $0.isEmpty ? nil : $0 },
            route: values["route"].flatMap { $0.isEmpty ? nil : $0 }, location: location(of: cell)))
      }
      return result
    }
  }
}

/// `scalars` without white space at either end.
private func trimmed(_ scalars: some BidirectionalCollection<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
  let all = Array(scalars)
  guard let first = all.firstIndex(where: { !$0.properties.isWhitespace }),
    let last = all.lastIndex(where: { !$0.properties.isWhitespace })
  else { return [] }
  return all[first...last]
}

/// `scalars` split on `separator` where no backslash escapes it; escapes are kept.
private func split(
  _ scalars: ArraySlice<Unicode.Scalar>, on separator: Unicode.Scalar
) -> [ArraySlice<Unicode.Scalar>] {
  var parts: [ArraySlice<Unicode.Scalar>] = []
  var start = scalars.startIndex
  var index = scalars.startIndex
  while index < scalars.endIndex {
    if scalars[index] == "\\" {
      index += 2
      continue
    }
    if scalars[index] == separator {
      parts.append(scalars[start..<index])
      start = index + 1
    }
    index += 1
  }
  parts.append(scalars[start..<min(index, scalars.endIndex)])
  return parts
}
