import CrosswalkCore
import CrosswalkICU
import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// TBX glossaries (TermBase eXchange, ISO 30042), the terminology format of CAT tools.
///
/// Written as TBX v3 (ISO 30042:2019) in the TBX-Basic dialect: one `conceptEntry` per
/// entity, one `langSec` per language, one `termSec` per name, the canonical name a
/// `preferredTerm`, aliases `admittedTerm`s and variants `deprecatedTerm`s. Read from TBX v3
/// and from TBX 2008 (MARTIF: `termEntry`, `langSet`, `tig`, `ntig`); what Crosswalk has no
/// use for is skipped. docs/glossaries.md gives the mapping for users.
enum TBXGlossary {
  /// The entities of a TBX text, and what is wrong with it.
  static func read(_ text: String, file: String) -> GlossaryFileContents {
    var body = text
    if body.unicodeScalars.first == "\u{FEFF}" { body.unicodeScalars.removeFirst() }
    // An empty file holds no entities, as an empty YAML file does.
    guard body.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
      return GlossaryFileContents()
    }
    let reader = Reader(file: file, text: body)
    let parser = XMLParser(data: Data(body.utf8))
    parser.shouldProcessNamespaces = false
    parser.shouldResolveExternalEntities = false
    parser.delegate = reader
    _ = parser.parse()
    reader.finish(parser)
    return reader.contents
  }

  /// `entities` as a TBX v3 (TBX-Basic) document in UTF-8.
  static func write(_ entities: [Entity]) -> String {
    var out = """
      <?xml version="1.0" encoding="UTF-8"?>
      <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
        <tbxHeader>
          <fileDesc>
            <sourceDesc>
              <p>Crosswalk glossary</p>
            </sourceDesc>
          </fileDesc>
        </tbxHeader>
        <text>
          <body>

      """
    for entity in entities {
      out += "      <conceptEntry id=\"\(markupEscaped(entity.id))\">\n"
      out += "        <descrip type=\"subjectField\">\(markupEscaped(entity.type))</descrip>\n"
      if let note = entity.note {
        out += "        <descrip type=\"definition\">\(markupEscaped(note))</descrip>\n"
      }
      for other in entity.distinct {
        out += "        <ref type=\"crossReference\" target=\"\(markupEscaped(other))\">distinct</ref>\n"
      }
      let names = entity.names.map { (name: $0, language: language(of: $0.text)) }
      var languages: [String] = []
      for name in names where !languages.contains(name.language) {
        languages.append(name.language)
      }
      for language in languages {
        out += "        <langSec xml:lang=\"\(language)\">\n"
        for (name, _) in names.filter({ $0.language == language }) {
          let status: String =
            switch name.kind {
            case .canonical: "preferredTerm-admn-sts"
            case .alias: "admittedTerm-admn-sts"
            case .variant: "deprecatedTerm-admn-sts"
            }
          out += "          <termSec>\n"
          out += "            <term>\(markupEscaped(name.text))</term>\n"
          out += "            <termNote type=\"administrativeStatus\">\(status)</termNote>\n"
          if let usage = name.usage { out += "            <note>usage: \(markupEscaped(usage))</note>\n" }
          if let route = name.route { out += "            <note>route: \(markupEscaped(route))</note>\n" }
          out += "          </termSec>\n"
        }
        out += "        </langSec>\n"
      }
      out += "      </conceptEntry>\n"
    }
    out += "    </body>\n  </text>\n</tbx>\n"
    return out
  }

  /// The language a name is filed under, from the script (ICU) of its first letter that has
  /// one: Cyrillic `ru`, kana and Han `ja`, Hangul `ko`, anything else `en`.
  static func language(of name: String) -> String {
    let script = name.unicodeScalars.lazy.map(Script.init(of:)).first { !$0.isShared }
    switch script {
    case .cyrillic?: return "ru"
    case .hiragana?, .katakana?, .han?: return "ja"
    case .hangul?: return "ko"
    default: return "en"
    }
  }

  /// The standing a term's administrative status gives it.
  enum Status {
    case preferred, admitted, deprecated

    /// The status a `termNote` value names: TBX v3 `…-admn-sts` values and the bare TBX 2008
    /// ones; anything else counts as admitted.
    init(_ value: String) {
      var value = value.trimmingSpaces().lowercased()
      if value.hasSuffix("-admn-sts") { value.removeLast("-admn-sts".count) }
      switch value {
      case "preferredterm": self = .preferred
      case "deprecatedterm", "supersededterm": self = .deprecated
      default: self = .admitted
      }
    }
  }

  /// One term of an entry as read.
  private struct Term {
    var text = ""
    var location: SourceLocation?
    var language: String?
    var status: Status?
    var usage: String?
    var route: String?
  }

  /// One entry as read, until its end tag.
  private struct Entry {
    var id: String?
    let location: SourceLocation
    var terms: [Term] = []
    var subjectField: String?
    var definition: String?
    var distinct: [String] = []
  }

  /// The text of the element being read, and what it is for.
  private struct Capture {
    enum Purpose {
      case term, status, note, subjectField, definition
      case crossReference(target: String)
    }
    let purpose: Purpose
    /// The depth of the element in the element stack.
    let depth: Int
    var text = ""
  }

  /// The XML parser's delegate: builds entities from the element events.
  private final class Reader: NSObject, XMLParserDelegate {
    let file: String
    let scalars: [Unicode.Scalar]
    /// The offset in `scalars` where each line starts.
    let lineStarts: [Int]
    var contents = GlossaryFileContents()
    /// Open elements: local name, and the position the parser gave for the start tag.
    var open: [(name: String, qualified: String, line: Int, column: Int)] = []
    var sawRoot = false
    var failed = false
    var entry: Entry?
    var language: String?
    var term: Term?
    /// True when `term` was started by a `term` outside any term group; it stays open for
    /// the notes that follow it until the next group or term.
    var termWithoutGroup = false
    var capture: Capture?

    init(file: String, text: String) {
      self.file = file
      scalars = Array(text.unicodeScalars)
      var starts = [0]
      for (offset, scalar) in scalars.enumerated() where scalar == "\n" { starts.append(offset + 1) }
      lineStarts = starts
    }

    func error(at location: SourceLocation, _ message: String) {
      contents.diagnostics.append(Diagnostic(.error, at: location, message))
    }

    /// Where a start tag begins. The parser reports a position at the tag's end, so the
    /// position is walked back to the `<` (which attribute values cannot hold).
    func startTag(_ qualified: String, line: Int, column: Int) -> SourceLocation {
      let reported = SourceLocation(file: file, line: line, column: column)
      guard line >= 1, line <= lineStarts.count, !scalars.isEmpty else { return reported }
      var index = min(lineStarts[line - 1] + max(column - 1, 0), scalars.count - 1)
      while index >= 0 && scalars[index] != "<" { index -= 1 }
      let name = Array(qualified.unicodeScalars)
      guard index >= 0, index + name.count < scalars.count,
        Array(scalars[(index + 1)...(index + name.count)]) == name
      else { return reported }
      var low = 0
      var high = lineStarts.count - 1
      while low < high {  // The last line starting at or before `index`.
        let middle = (low + high + 1) / 2
        if lineStarts[middle] <= index { low = middle } else { high = middle - 1 }
      }
      return SourceLocation(file: file, line: low + 1, column: index - lineStarts[low] + 1)
    }

    /// The value of the attribute with this local name (`lang` finds `xml:lang`).
    func attribute(_ name: String, in attributes: [String: String]) -> String? {
      if let value = attributes[name] { return value }
      return attributes.first { $0.key.hasSuffix(":" + name) }?.value
    }

    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
      qualifiedName: String?, attributes: [String: String] = [:]
    ) {
      guard !failed else { return }
      let name = String(elementName.split(separator: ":").last ?? Substring(elementName))
      open.append((name, elementName, parser.lineNumber, parser.columnNumber))
      let here = { self.startTag(elementName, line: parser.lineNumber, column: parser.columnNumber) }
      if !sawRoot {
        sawRoot = true
        guard name == "tbx" || name == "martif" else {
          error(
            at: here(),
            "not a TBX file: the root element is '\(elementName)', not 'tbx' (TBX v3) or 'martif' (TBX 2008)")
          failed = true
          parser.abortParsing()
          return
        }
      }
      guard capture == nil else { return }  // Markup inside a term or a note: its text counts.
      let type = attribute("type", in: attributes)
      switch name {
      case "conceptEntry", "termEntry":
        entry = Entry(id: attribute("id", in: attributes), location: here())
        language = nil
        term = nil
      case "langSec", "langSet":
        language = attribute("lang", in: attributes)
      case "termSec", "tig", "ntig":
        commitTerm()
        if entry != nil { term = Term(language: language) }
        termWithoutGroup = false
      case "term" where entry != nil:
        if term == nil || term?.location != nil {  // A term outside a group, or a second one.
          commitTerm()
          term = Term(language: language)
          termWithoutGroup = true
        }
        term?.location = here()
        capture = Capture(purpose: .term, depth: open.count)
      case "termNote"
      where term != nil && (type == "administrativeStatus" || type == "normativeAuthorization"):
        capture = Capture(purpose: .status, depth: open.count)
      case "note" where term != nil:
        capture = Capture(purpose: .note, depth: open.count)
      case "descrip" where entry != nil && type == "subjectField":
        capture = Capture(purpose: .subjectField, depth: open.count)
      case "descrip" where entry != nil && type == "definition":
        capture = Capture(purpose: .definition, depth: open.count)
      case "ref" where entry != nil && type == "crossReference":
        capture = Capture(
          purpose: .crossReference(target: attribute("target", in: attributes) ?? ""), depth: open.count)
      default:
        break
      }
    }

    func parser(
      _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
      qualifiedName: String?
    ) {
      guard !failed, let closing = open.popLast() else { return }
      if let done = capture, done.depth == open.count + 1 {
        capture = nil
        finishCapture(done)
      }
      guard capture == nil else { return }
      switch closing.name {
      case "termSec", "tig", "ntig": commitTerm()
      case "langSec", "langSet":
        commitTerm()
        language = nil
      case "conceptEntry", "termEntry":
        commitTerm()
        if let entry { finishEntry(entry) }
        entry = nil
      default: break
      }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      capture?.text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
      capture?.text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
      guard !failed else { return }
      failed = true
      let code = (parseError as NSError).code
      error(
        at: SourceLocation(file: file, line: parser.lineNumber, column: parser.columnNumber),
        "malformed TBX: \(code == 5 && !open.isEmpty ? unclosed() : Reader.explain(code))")
      parser.abortParsing()
    }

    /// Why a file that ends inside an element is malformed, naming the element.
    func unclosed() -> String {
      guard let element = open.last else { return Reader.explain(5) }
      let start = startTag(element.qualified, line: element.line, column: element.column)
      let place = [start.line, start.column].compactMap { $0.map(String.init) }.joined(separator: ":")
      return
        "the file ends inside element '\(element.qualified)' opened at \(place); its closing tag is missing"
    }

    /// Reports what the parser left unsaid: an unclosed element, a document without one.
    func finish(_ parser: XMLParser) {
      guard !failed else { return }
      if !open.isEmpty {
        let lastLine = lineStarts.count
        error(
          at: SourceLocation(
            file: file, line: lastLine, column: scalars.count - lineStarts[lastLine - 1] + 1),
          "malformed TBX: \(unclosed())")
      } else if !sawRoot {
        error(at: SourceLocation(file: file, line: 1, column: 1), "malformed TBX: no root element")
      }
    }

    func finishCapture(_ done: Capture) {
      let text = done.text.trimmingSpaces()
      switch done.purpose {
      case .term: term?.text = text
      case .status: term?.status = Status(text)
      case .note:
        let lowered = text.lowercased()
        for field in ["usage", "route"] where lowered.hasPrefix(field + ":") {
          let value = String(text.dropFirst(field.count + 1)).trimmingSpaces()
          if field == "usage" { term?.usage = value.isEmpty ? nil : value }
          if field == "route" { term?.route = value.isEmpty ? nil : value }
        }
      case .subjectField:
        if entry?.subjectField == nil, !text.isEmpty { entry?.subjectField = text }
      case .definition:
        if entry?.definition == nil, !text.isEmpty { entry?.definition = text }
      case .crossReference(let target):
        // Only Crosswalk's own 'distinct' links: other tools' cross-references mean 'see also'.
        var target = target.trimmingSpaces()
        if target.hasPrefix("#") { target.removeFirst() }
        if text.lowercased() == "distinct", !target.isEmpty { entry?.distinct.append(target) }
      }
    }

    /// Adds the term being read to the entry.
    func commitTerm() {
      defer {
        term = nil
        termWithoutGroup = false
      }
      guard let term, entry != nil else { return }
      guard term.location != nil else { return }  // A group without a term element.
      guard !term.text.isEmpty else {
        contents.diagnostics.append(
          Diagnostic(
            .warning, at: term.location ?? SourceLocation(file: file), "empty term left out"))
        return
      }
      entry?.terms.append(term)
    }

    func finishEntry(_ entry: Entry) {
      let label = entry.id.map { "entry '\($0)'" } ?? "entry"
      guard !entry.terms.isEmpty else {
        error(at: entry.location, "\(label) has no term")
        return
      }
      func isEnglish(_ term: Term) -> Bool {
        let language = term.language?.lowercased() ?? ""
        return language == "en" || language.hasPrefix("en-") || language.hasPrefix("en_")
      }
      let canonical =
        entry.terms.firstIndex { $0.status == .preferred && isEnglish($0) }
        ?? entry.terms.firstIndex { $0.status == .preferred } ?? 0
      let name = entry.terms[canonical].text
      var id = entry.id?.trimmingSpaces() ?? ""
      if !isValidID(id) {
        id = makeID(from: name)
        guard !id.isEmpty else {
          error(
            at: entry.location,
            "\(label) has no valid id and its name '\(name)' gives none; give it an id attribute like id=\"kunashir\""
          )
          return
        }
      }
      var aliases: [EntityName] = []
      var variants: [EntityName] = []
      for (position, term) in entry.terms.enumerated() where position != canonical {
        let kind: EntityName.Kind = term.status == .deprecated ? .variant : .alias
        let name = EntityName(
          term.text, kind: kind, usage: term.usage, route: term.route, location: term.location)
        if kind == .variant { variants.append(name) } else { aliases.append(name) }
      }
      contents.entities.append(
        Entity(
          id: id, type: entry.subjectField ?? "term", name: name, aliases: aliases,
          variants: variants, distinct: entry.distinct, note: entry.definition,
          location: entry.location))
    }

    /// A phrase for a libxml2 error number (the numbers FoundationXML passes on).
    static func explain(_ code: Int) -> String {
      switch code {
      case 4: "no element where the document should start"
      case 5: "the document ends too early, or text follows its root element"
      case 9: "a character XML does not allow"
      case 23: "an entity reference without its ';'"
      case 26: "an unknown entity; XML knows &amp; &lt; &gt; &quot; &apos; and &#…; references"
      case 38: "'<' inside an attribute value (write &lt;), or an attribute's closing quote is missing"
      case 41: "an attribute without a value"
      case 42: "an attribute written twice"
      case 45: "a comment that never ends ('-->' is missing)"
      case 62: "']]>' outside a CDATA section (write ]]&gt;)"
      case 64: "an XML declaration that is not at the start of the file"
      case 65: "a space is missing between attributes"
      case 68: "a name is missing; a bare '&' is written &amp;"
      case 73: "a start tag that does not end with '>'"
      case 76: "a closing tag that does not match the open element"
      case 201: "an undeclared namespace prefix"
      default: "XML error \(code)"
      }
    }
  }
}
