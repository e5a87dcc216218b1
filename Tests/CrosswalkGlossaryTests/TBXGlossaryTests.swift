import CrosswalkCore
import Testing

@testable import CrosswalkGlossary

/// TBX glossaries: the TBX v3 writer, the v3 and TBX 2008 reader, validation and round trips.
@Suite struct TBXGlossaryTests {
  /// A TBX 2008 (MARTIF) file as a CAT tool writes it: `tig` and `ntig` term groups, a
  /// DOCTYPE, groups and elements Crosswalk does not use.
  static let martif = """
    <?xml version="1.0" encoding="UTF-8"?>
    <!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
    <martif type="TBX" xml:lang="en">
      <martifHeader>
        <fileDesc><sourceDesc><p>Exported from a CAT tool</p></sourceDesc></fileDesc>
        <encodingDesc><p type="XCSURI">TBXXCSV02.xcs</p></encodingDesc>
      </martifHeader>
      <text>
        <body>
          <termEntry id="kunashir">
            <descrip type="subjectField">place</descrip>
            <descripGrp>
              <descrip type="definition">Largest of the southern <hi>Kuril</hi> islands.</descrip>
              <admin type="source">an atlas</admin>
            </descripGrp>
            <langSet xml:lang="ja">
              <tig>
                <term>国後島</term>
                <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
              </tig>
            </langSet>
            <langSet xml:lang="en">
              <ntig>
                <termGrp>
                  <term>Kunashir</term>
                  <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
                  <termNote type="partOfSpeech">noun</termNote>
                </termGrp>
              </ntig>
              <ntig>
                <termGrp>
                  <term>Kunashiri Island</term>
                </termGrp>
                <note>usage: japanese</note>
              </ntig>
              <tig>
                <term>Gunashiri</term>
                <termNote type="normativeAuthorization">supersededTerm</termNote>
                <note>route: ja</note>
                <note>seen in a 1990s translation</note>
              </tig>
            </langSet>
          </termEntry>
          <termEntry id="T-0042">
            <langSet xml:lang="en-GB">
              <tig><term>Iturup</term></tig>
            </langSet>
            <langSet xml:lang="ru">
              <tig>
                <term>Итуруп</term>
                <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>
              </tig>
            </langSet>
            <ref type="crossReference" target="kunashir">see also</ref>
          </termEntry>
          <termEntry>
            <langSet xml:lang="ja"><tig><term>択捉島</term></tig></langSet>
          </termEntry>
          <termEntry id="empty">
            <descrip type="subjectField">place</descrip>
          </termEntry>
        </body>
      </text>
    </martif>
    """

  /// The 1-based line and Unicode-scalar column where `needle` first occurs in `text`.
  func position(of needle: String, in text: String, file: String = "g.tbx") -> SourceLocation? {
    for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      guard let range = line.range(of: needle) else { continue }
      let column = line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: range.lowerBound)
      return SourceLocation(file: file, line: number + 1, column: column + 1)
    }
    return nil
  }

  /// `entity` as the TBX reader gives it back: names grouped by language (TBX keeps one
  /// `langSec` per language), in the order the languages first appear.
  func regrouped(_ entity: Entity) -> Entity {
    var order: [String] = []
    for name in entity.names {
      let language = TBXGlossary.language(of: name.text)
      if !order.contains(language) { order.append(language) }
    }
    func grouped(_ names: [EntityName]) -> [EntityName] {
      names.enumerated().sorted {
        let left = order.firstIndex(of: TBXGlossary.language(of: $0.element.text)) ?? 0
        let right = order.firstIndex(of: TBXGlossary.language(of: $1.element.text)) ?? 0
        return (left, $0.offset) < (right, $1.offset)
      }.map(\.element)
    }
    return Entity(
      id: entity.id, type: entity.type, name: entity.name, aliases: grouped(entity.aliases),
      variants: grouped(entity.variants), distinct: entity.distinct, note: entity.note)
  }

  // MARK: Round trips

  @Test func builtInGlossaryRoundTrips() {
    let entities = builtInEntities()
    let text = TBXGlossary.write(entities)
    let back = TBXGlossary.read(text, file: "g.tbx")
    #expect(back.diagnostics.isEmpty, "\(back.diagnostics.prefix(3))")
    #expect(plain(back.entities) == plain(entities.map(regrouped)))
    // Once grouped by language, the text is stable.
    #expect(TBXGlossary.write(back.entities) == text)
    // Nothing is lost: every name comes back with its kind, usage and route.
    for (original, read) in zip(entities, back.entities) {
      #expect(
        Set(original.names.map(PlainName.init)) == Set(read.names.map(PlainName.init)), "\(original.id)")
    }
  }

  @Test func markupCharactersAreEscaped() {
    let awkward = "A <&> \"B\" 'C' ]]>"
    let entity = Entity(
      id: "awkward", type: "a&b", name: awkward,
      aliases: [EntityName("x<y", kind: .alias, usage: "\"u\"", route: "r&r")],
      variants: [EntityName("tab\there", kind: .variant)], distinct: ["o'brien"],
      note: "line one\r\nline two\tand <tags> & \"quotes\"")
    let text = TBXGlossary.write([entity])
    #expect(text.contains("<term>A &lt;&amp;&gt; &quot;B&quot; &apos;C&apos; ]]&gt;</term>"))
    #expect(text.contains("<descrip type=\"subjectField\">a&amp;b</descrip>"))
    #expect(text.contains("target=\"o&apos;brien\""))
    #expect(text.contains("line one&#13;&#10;line two&#9;and &lt;tags&gt;"))
    let back = TBXGlossary.read(text, file: "g.tbx")
    #expect(back.diagnostics.isEmpty, "\(back.diagnostics)")
    #expect(plain(back.entities) == plain([entity]))
  }

  @Test func controlCharactersXMLCannotHoldAreReplaced() {
    let text = TBXGlossary.write([Entity(id: "a", type: "term", name: "bell\u{7}here")])
    let back = TBXGlossary.read(text, file: "g.tbx")
    #expect(back.diagnostics.isEmpty)
    #expect(back.entities.first?.name == "bell\u{FFFD}here")
  }

  // MARK: Writing

  @Test func writesTBXv3Basic() {
    let entity = Entity(
      id: "kunashir", type: "place", name: "Kunashir",
      aliases: [
        EntityName("Кунашир", kind: .alias), EntityName("Kunashiri Island", kind: .alias, usage: "japanese"),
      ],
      variants: [EntityName("Gunashiri", kind: .variant, route: "ja")], distinct: ["iturup"],
      note: "Largest of the southern Kuril islands.")
    #expect(
      TBXGlossary.write([entity]) == """
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
              <conceptEntry id="kunashir">
                <descrip type="subjectField">place</descrip>
                <descrip type="definition">Largest of the southern Kuril islands.</descrip>
                <ref type="crossReference" target="iturup">distinct</ref>
                <langSec xml:lang="en">
                  <termSec>
                    <term>Kunashir</term>
                    <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
                  </termSec>
                  <termSec>
                    <term>Kunashiri Island</term>
                    <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>
                    <note>usage: japanese</note>
                  </termSec>
                  <termSec>
                    <term>Gunashiri</term>
                    <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>
                    <note>route: ja</note>
                  </termSec>
                </langSec>
                <langSec xml:lang="ru">
                  <termSec>
                    <term>Кунашир</term>
                    <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>
                  </termSec>
                </langSec>
              </conceptEntry>
            </body>
          </text>
        </tbx>

        """)
  }

  @Test func writesAnEmptyGlossary() {
    let text = TBXGlossary.write([])
    #expect(text.contains("<body>\n    </body>"))
    let back = TBXGlossary.read(text, file: "g.tbx")
    #expect(back.diagnostics.isEmpty)
    #expect(back.entities.isEmpty)
  }

  @Test func languageComesFromTheScript() {
    let table: [(name: String, language: String)] = [
      ("Kunashir", "en"), ("Kunashir Ōshima", "en"), ("Кунашир", "ru"), ("РФ", "ru"),
      ("1945 год", "ru"), ("国後島", "ja"), ("クナシリ", "ja"), ("くなしり", "ja"), ("ｸﾅｼﾘ", "ja"),
      ("々", "ja"), ("𠮷野家", "ja"), ("국후도", "ko"), ("Ἀθῆναι", "en"), ("", "en"), ("1941", "en"),
      ("(Кунашир)", "ru"),
    ]
    for row in table {
      #expect(TBXGlossary.language(of: row.name) == row.language, "\(row.name)")
    }
  }

  // MARK: Reading

  @Test func readsTBX2008() {
    let contents = TBXGlossary.read(Self.martif, file: "g.tbx")
    #expect(contents.entities.count == 2)
    let kunashir = contents.entities.first
    #expect(kunashir?.id == "kunashir")
    #expect(kunashir?.type == "place")
    // The English preferred term wins over the Japanese one written first.
    #expect(kunashir?.name == "Kunashir")
    #expect(
      kunashir?.aliases.map(PlainName.init).map(\.description) == [
        "国後島[alias]", "Kunashiri Island[alias usage=japanese]",
      ])
    #expect(kunashir?.variants.map(PlainName.init).map(\.description) == ["Gunashiri[variant route=ja]"])
    #expect(kunashir?.note == "Largest of the southern Kuril islands.")
    #expect(kunashir?.distinct == [])
    #expect(kunashir?.location == position(of: "<termEntry id=\"kunashir\">", in: Self.martif))
    #expect(kunashir?.aliases.first?.location == position(of: "<term>国後島", in: Self.martif))
    #expect(kunashir?.variants.first?.location == position(of: "<term>Gunashiri", in: Self.martif))

    // No preferred term: the first term is the name; an id that is not valid is made anew.
    let iturup = contents.entities.last
    #expect(iturup?.id == "iturup")
    #expect(iturup?.name == "Iturup")
    #expect(iturup?.type == "term")
    #expect(iturup?.variants.map(\.text) == ["Итуруп"])
    // Other tools' cross-references mean 'see also', not 'distinct'.
    #expect(iturup?.distinct == [])

    #expect(
      contents.diagnostics == [
        Diagnostic(
          .error, at: position(of: "<termEntry>", in: Self.martif) ?? SourceLocation(file: "?"),
          "entry has no valid id and its name '択捉島' gives none; give it an id attribute like id=\"kunashir\""),
        Diagnostic(
          .error, at: position(of: "<termEntry id=\"empty\">", in: Self.martif) ?? SourceLocation(file: "?"),
          "entry 'empty' has no term"),
      ])
  }

  @Test func readsNamespacePrefixesAndMultilineTags() {
    let text = """
      <tbx:tbx xmlns:tbx="urn:iso:std:iso:30042:ed-2" type="TBX-Basic">
      <tbx:text><tbx:body>
        <tbx:conceptEntry
            id="alpha">
          <tbx:langSec xml:lang="en"><tbx:termSec><tbx:term>Alpha</tbx:term></tbx:termSec></tbx:langSec>
          <tbx:ref type="crossReference" target="#beta">distinct</tbx:ref>
        </tbx:conceptEntry>
      </tbx:body></tbx:text></tbx:tbx>
      """
    let contents = TBXGlossary.read(text, file: "g.tbx")
    #expect(contents.diagnostics.isEmpty, "\(contents.diagnostics)")
    #expect(contents.entities.first?.id == "alpha")
    #expect(contents.entities.first?.name == "Alpha")
    #expect(contents.entities.first?.distinct == ["beta"])
    #expect(contents.entities.first?.location == SourceLocation(file: "g.tbx", line: 3, column: 3))
  }

  @Test func termLocationsAfterWideCharacters() {
    let text = """
      <tbx><text><body><conceptEntry id="a"><langSec xml:lang="ja"><termSec><term>国後島</term></termSec><termSec><term x="🇯🇵">クナシリ</term></termSec></langSec></conceptEntry></body></text></tbx>
      """
    let contents = TBXGlossary.read(text, file: "g.tbx")
    #expect(contents.entities.first?.location == SourceLocation(file: "g.tbx", line: 1, column: 18))
    #expect(contents.entities.first?.aliases.first?.location == position(of: "<term x=", in: text))
  }

  @Test func malformedXMLReportsItsLine() {
    let text = """
      <?xml version="1.0" encoding="UTF-8"?>
      <tbx>
        <text>
          <body>
            <conceptEntry id="a">
          </body>
        </text>
      </tbx>
      """
    let contents = TBXGlossary.read(text, file: "g.tbx")
    #expect(contents.diagnostics.count == 1)
    let diagnostic = contents.diagnostics.first
    #expect(diagnostic?.severity == .error)
    #expect(diagnostic?.location.file == "g.tbx")
    #expect(diagnostic?.location.line == 6)
    #expect(diagnostic?.location.column != nil)
    #expect(diagnostic?.message == "malformed TBX: a closing tag that does not match the open element")
  }

  @Test func malformedXMLOtherProblems() {
    let table: [(text: String, line: Int, message: String)] = [
      (
        "<tbx>\n<text>Tom & Jerry</text></tbx>", 2,
        "malformed TBX: a name is missing; a bare '&' is written &amp;"
      ),
      (
        "<tbx>\n\n<text>&nbsp;</text></tbx>", 3,
        "malformed TBX: an unknown entity; XML knows &amp; &lt; &gt; &quot; &apos; and &#…; references"
      ),
      ("<tbx a='1' a='2'></tbx>", 1, "malformed TBX: an attribute written twice"),
      (
        "<tbx></tbx>\n<tbx></tbx>", 2,
        "malformed TBX: the document ends too early, or text follows its root element"
      ),
      ("just text", 1, "malformed TBX: no element where the document should start"),
    ]
    for row in table {
      let contents = TBXGlossary.read(row.text, file: "g.tbx")
      #expect(contents.diagnostics.map(\.message) == [row.message], "\(row.text.debugDescription)")
      #expect(contents.diagnostics.first?.location.line == row.line, "\(row.text.debugDescription)")
    }
  }

  @Test func unclosedElementIsReported() {
    // The parser notices some unclosed elements and not others; both are reported alike.
    let table: [(text: String, line: Int, column: Int?, element: String, opened: String)] = [
      ("<tbx>\n  <text>\n", 2, nil, "text", "2:3"),
      ("<tbx>\n  <text>", 2, 9, "text", "2:3"),
      ("<tbx>", 1, 6, "tbx", "1:1"),
    ]
    for row in table {
      let contents = TBXGlossary.read(row.text, file: "g.tbx")
      #expect(contents.diagnostics.count == 1, "\(row.text.debugDescription)")
      let diagnostic = contents.diagnostics.first
      #expect(diagnostic?.location.line == row.line, "\(row.text.debugDescription)")
      if let column = row.column { #expect(diagnostic?.location.column == column) }
      #expect(
        diagnostic?.message
          == "malformed TBX: the file ends inside element '\(row.element)' opened at \(row.opened); its closing tag is missing"
      )
    }
  }

  @Test func otherXMLIsNotTBX() {
    let contents = TBXGlossary.read("<?xml version=\"1.0\"?>\n<html><body/></html>", file: "g.tbx")
    #expect(
      contents.diagnostics == [
        Diagnostic(
          .error, at: SourceLocation(file: "g.tbx", line: 2, column: 1),
          "not a TBX file: the root element is 'html', not 'tbx' (TBX v3) or 'martif' (TBX 2008)")
      ])
    #expect(contents.entities.isEmpty)
  }

  @Test func emptyFileIsFine() {
    for text in ["", "  \n", "\u{FEFF}"] {
      let contents = TBXGlossary.read(text, file: "g.tbx")
      #expect(contents.diagnostics.isEmpty)
      #expect(contents.entities.isEmpty)
    }
  }

  @Test func emptyTermIsLeftOutWithAWarning() {
    let text = """
      <tbx><text><body><conceptEntry id="a">
        <langSec xml:lang="en">
          <termSec><term>A</term></termSec>
          <termSec><term>  </term></termSec>
        </langSec>
      </conceptEntry></body></text></tbx>
      """
    let contents = TBXGlossary.read(text, file: "g.tbx")
    #expect(
      contents.diagnostics == [
        Diagnostic(.warning, at: SourceLocation(file: "g.tbx", line: 4, column: 14), "empty term left out")
      ])
    #expect(contents.entities.first?.aliases == [])
  }

  @Test func loaderChecksApplyToTBX() {
    let text = TBXGlossary.write([
      Entity(id: "a", type: "place", name: "Alpha", distinct: ["bet"]),
      Entity(id: "beta", type: "place", name: "Beta", aliases: [EntityName("alpha", kind: .alias)]),
    ])
    let load = GlossaryLoader.load(text: text, file: "g.tbx", format: .tbx)
    #expect(load.diagnostics.map(\.severity) == [.error, .warning])
    #expect(
      load.diagnostics.first?.message == "'distinct' of 'a' names unknown id 'bet'; did you mean 'beta'?")
    #expect(load.diagnostics.first?.location == position(of: "<conceptEntry id=\"a\">", in: text))
    #expect(load.diagnostics.last?.location == position(of: "<term>alpha", in: text))
  }
}
