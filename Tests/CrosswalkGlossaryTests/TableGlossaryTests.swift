import CrosswalkCore
import Testing

@testable import CrosswalkGlossary

/// TSV and CSV glossaries: reading, validation with exact places, writing, round trips.
@Suite struct TableGlossaryTests {
  static let kunashir = Entity(
    id: "kunashir", type: "place", name: "Kunashir",
    aliases: [
      EntityName("Kunashiri", kind: .alias), EntityName("Кунашир", kind: .alias),
      EntityName("Kunashiri Island", kind: .alias, usage: "japanese"),
    ],
    variants: [EntityName("Gunashiri", kind: .variant, route: "ja")], distinct: ["iturup", "shikotan"],
    note: "Largest of the southern Kuril islands, 1,490 km²")

  func tsv(_ text: String) -> GlossaryFileContents {
    TableGlossary.read(text, file: "g.tsv", separator: "\t")
  }

  func csv(_ text: String) -> GlossaryFileContents {
    TableGlossary.read(text, file: "g.csv", separator: ",")
  }

  func at(_ line: Int, _ column: Int, file: String = "g.tsv") -> SourceLocation {
    SourceLocation(file: file, line: line, column: column)
  }

  // MARK: Round trips

  @Test func builtInGlossaryRoundTripsThroughTSV() {
    let entities = builtInEntities()
    let text = TableGlossary.write(entities, separator: "\t")
    let back = tsv(text)
    #expect(back.diagnostics.isEmpty, "\(back.diagnostics.prefix(3))")
    #expect(plain(back.entities) == plain(entities))
    #expect(TableGlossary.write(back.entities, separator: "\t") == text)
  }

  @Test func builtInGlossaryRoundTripsThroughCSV() {
    let entities = builtInEntities()
    let text = TableGlossary.write(entities, separator: ",")
    let back = csv(text)
    #expect(back.diagnostics.isEmpty, "\(back.diagnostics.prefix(3))")
    #expect(plain(back.entities) == plain(entities))
    #expect(TableGlossary.write(back.entities, separator: ",") == text)
  }

  /// `|`, `;`, `\`, `=`, quotes, separators and line breaks survive in every cell of both formats.
  @Test func awkwardTextRoundTrips() {
    let awkward = [
      "A|B", "A;B", "a;usage=x", "back\\slash", "ends\\", "\\|", "\\;", "x=y", "comma, here",
      "\"quoted\"", "tab\there", "two\nlines", "cr\rlf\r\nx", "# not a comment", "emoji 🇯🇵", "Кунашир",
      "|", ";",
    ]
    for text in awkward {
      let entity = Entity(
        id: "a", type: text, name: text,
        aliases: [EntityName(text, kind: .alias, usage: text, route: text), EntityName("B", kind: .alias)],
        variants: [EntityName(text, kind: .variant)], distinct: [text, "b"], note: text)
      for separator: Character in ["\t", ","] {
        let written = TableGlossary.write([entity], separator: separator)
        let back = TableGlossary.read(written, file: "t", separator: separator)
        #expect(
          back.diagnostics.isEmpty, "\(text.debugDescription) \(separator): \(back.diagnostics)\n\(written)")
        #expect(plain(back.entities) == plain([entity]), "\(text.debugDescription) \(separator)\n\(written)")
      }
    }
  }

  @Test func writerEscapesPipesAndSemicolonsInLists() {
    let entity = Entity(
      id: "a", type: "term", name: "X|Y;Z",
      aliases: [EntityName("A|B;C", kind: .alias, usage: "u;v")], distinct: ["d|e"], note: "n;o|te")
    #expect(
      TableGlossary.write([entity], separator: "\t")
        == "id\ttype\tname\taliases\tvariants\tdistinct\tnote\na\tterm\tX|Y;Z\tA\\|B\\;C;usage=u\\;v\t\td\\|e\tn;o|te\n"
    )
    #expect(
      TableGlossary.write([entity], separator: ",")
        == "id,type,name,aliases,variants,distinct,note\na,term,X|Y;Z,A\\|B\\;C;usage=u\\;v,,d\\|e,n;o|te\n")
    let back = tsv("name\taliases\nX\tA\\|B\\;C;usage=u\\;v|D\n")
    #expect(back.entities.first?.aliases.map(\.text) == ["A|B;C", "D"])
    #expect(back.entities.first?.aliases.first?.usage == "u;v")
  }

  // MARK: Writing

  @Test func writesTSV() {
    #expect(
      TableGlossary.write([Self.kunashir], separator: "\t") == """
        id\ttype\tname\taliases\tvariants\tdistinct\tnote
        kunashir\tplace\tKunashir\tKunashiri|Кунашир|Kunashiri Island;usage=japanese\tGunashiri;route=ja\titurup|shikotan\tLargest of the southern Kuril islands, 1,490 km²

        """)
  }

  @Test func writesCSV() {
    let multiline = Entity(id: "b", type: "term", name: "B", note: "say \"hi\"\nthen go")
    #expect(
      TableGlossary.write([Self.kunashir, multiline], separator: ",") == """
        id,type,name,aliases,variants,distinct,note
        kunashir,place,Kunashir,Kunashiri|Кунашир|Kunashiri Island;usage=japanese,Gunashiri;route=ja,iturup|shikotan,"Largest of the southern Kuril islands, 1,490 km²"
        b,term,B,,,,"say ""hi""
        then go"

        """)
  }

  @Test func writesTSVEscapes() {
    let entity = Entity(id: "a", type: "term", name: "tab\there", note: "line\nbreak, back\\slash\r")
    #expect(
      TableGlossary.write([entity], separator: "\t")
        == "id\ttype\tname\taliases\tvariants\tdistinct\tnote\na\tterm\ttab\\there\t\t\t\tline\\nbreak, back\\\\slash\\r\n"
    )
  }

  // MARK: Reading

  @Test func readsTheDesignExample() {
    let text = """
      # Kuril islands
      ID\tType\tName\tAliases\tVariants\tDistinct\tNote

      kunashir\tplace\tKunashir\tKunashiri | Кунашир | Kunashiri Island;usage=japanese\tGunashiri;route=ja\t\tLargest of the southern Kuril islands.
      """
    let contents = tsv(text)
    #expect(contents.diagnostics.isEmpty)
    #expect(contents.entities.count == 1)
    let entity = contents.entities.first
    #expect(entity?.location == at(4, 1))
    #expect(
      entity?.aliases.map(PlainName.init).map(\.description) == [
        "Kunashiri[alias]", "Кунашир[alias]", "Kunashiri Island[alias usage=japanese]",
      ])
    #expect(entity?.variants.map(PlainName.init).map(\.description) == ["Gunashiri[variant route=ja]"])
    #expect(entity?.distinct == [])
    #expect(entity?.note == "Largest of the southern Kuril islands.")
  }

  @Test func columnsInAnyOrderAndOnlyNameRequired() {
    let contents = csv("Note,NAME\nA note,Kunashir\n,La Pérouse Strait\n")
    #expect(contents.diagnostics.isEmpty)
    #expect(contents.entities.map(\.id) == ["kunashir", "la-perouse-strait"])
    #expect(contents.entities.map(\.type) == ["term", "term"])
    #expect(contents.entities.map(\.note) == ["A note", nil])
  }

  @Test func commentsBlankLinesAndCRLF() {
    let contents = tsv(
      "# a comment\r\n\r\nid\tname\r\n# another\r\nkunashir\tKunashir\r\n   \r\n\t\r\niturup\tIturup\r\n")
    #expect(contents.diagnostics.isEmpty, "\(contents.diagnostics)")
    #expect(contents.entities.map(\.id) == ["kunashir", "iturup"])
    #expect(contents.entities.map(\.name) == ["Kunashir", "Iturup"])
    #expect(contents.entities.map(\.location) == [at(5, 1), at(8, 1)])
  }

  @Test func locationsOfNamesAreTheirCells() {
    // Columns count Unicode scalars: 'Кунашир' is 7, the flag two.
    let contents = tsv("id\tname\taliases\tvariants\nk\tКунашир🇯🇵\tKunashiri\tGunashiri|Kunasiri\n")
    let entity = contents.entities.first
    #expect(entity?.aliases.first?.location == at(2, 13))
    #expect(entity?.variants.map(\.location) == [at(2, 23), at(2, 23)])
  }

  @Test func locationsAfterAMultilineCSVCell() {
    let contents = csv("name,note,aliases\nA,\"one\ntwo\",Alpha\nB,,Bravo\n")
    #expect(contents.diagnostics.isEmpty)
    #expect(contents.entities.first?.note == "one\ntwo")
    #expect(contents.entities.first?.aliases.first?.location == at(3, 6, file: "g.csv"))
    #expect(contents.entities.map(\.location) == [at(2, 1, file: "g.csv"), at(4, 1, file: "g.csv")])
  }

  @Test func csvQuoting() {
    let contents = csv(
      "id,name,aliases,note\n"
        + "a,\"Smith, John\",\"O\"\"Brien|\"\"Jack\"\"\",  \"spaced, quoted\"  \n"
        + "\"b\",\"B\",,plain \"inner\" quotes")
    #expect(contents.diagnostics.isEmpty, "\(contents.diagnostics)")
    #expect(contents.entities.map(\.name) == ["Smith, John", "B"])
    #expect(contents.entities.first?.aliases.map(\.text) == ["O\"Brien", "\"Jack\""])
    #expect(contents.entities.map(\.note) == ["spaced, quoted", "plain \"inner\" quotes"])
  }

  @Test func tsvEscapesAreDecoded() {
    let contents = tsv("name\tnote\nA\\tB\tline\\nbreak \\\\ \\r \\x kept\n")
    #expect(contents.entities.first?.name == "A\tB")
    #expect(contents.entities.first?.note == "line\nbreak \\ \r \\x kept")
  }

  @Test func csvHasNoBackslashEscapesOutsideLists() {
    let contents = csv("name,note,aliases\nA\\tB,C:\\path\\n,x\\|y\n")
    #expect(contents.entities.first?.name == "A\\tB")
    #expect(contents.entities.first?.note == "C:\\path\\n")
    #expect(contents.entities.first?.aliases.map(\.text) == ["x|y"])
  }

  // MARK: Validation

  @Test func unknownColumnWithDidYouMean() {
    let contents = tsv("id\tnamé\tName\taliasses\tpopulation\nkunashir\tx\tKunashir\tKunashiri\t7\n")
    #expect(
      contents.diagnostics == [
        Diagnostic(.error, at: at(1, 4), "unknown column 'namé'; did you mean 'name'?"),
        Diagnostic(.error, at: at(1, 14), "unknown column 'aliasses'; did you mean 'aliases'?"),
        Diagnostic(
          .error, at: at(1, 23),
          "unknown column 'population'; the columns are id, type, name, aliases, variants, distinct, note"),
      ])
    // Rows are still read, without the unknown columns.
    #expect(contents.entities.map(\.name) == ["Kunashir"])
    #expect(contents.entities.first?.aliases == [])
  }

  @Test func duplicateAndEmptyColumns() {
    let contents = csv("name,id,Name,\nA,a,B,\n")
    #expect(
      contents.diagnostics == [
        Diagnostic(.error, at: at(1, 9, file: "g.csv"), "duplicate column 'name'"),
        Diagnostic(
          .error, at: at(1, 14, file: "g.csv"),
          "empty column name; the columns are id, type, name, aliases, variants, distinct, note"),
      ])
    #expect(contents.entities.map(\.name) == ["A"])
  }

  @Test func missingNameColumn() {
    let contents = tsv("# header next\nid\ttype\tnote\nkunashir\tplace\tan island\n")
    #expect(
      contents.diagnostics == [
        Diagnostic(
          .error, at: at(2, 1),
          "no 'name' column; the header row names the columns: id, type, name, aliases, variants, distinct, note"
        )
      ])
    #expect(contents.entities.isEmpty)
  }

  @Test func unknownAttributeWithDidYouMean() {
    let contents = tsv("name\taliases\nKunashir\tKunashiri Island;usge=japanese|Kunashiri;colour=red\n")
    #expect(
      contents.diagnostics == [
        Diagnostic(
          .error, at: at(2, 10), "unknown attribute 'usge' on 'Kunashiri Island'; did you mean 'usage'?"),
        Diagnostic(
          .error, at: at(2, 10), "unknown attribute 'colour' on 'Kunashiri'; the attributes are usage, route"),
      ])
    // The names are kept, without the attributes.
    #expect(contents.entities.first?.aliases.map(\.text) == ["Kunashiri Island", "Kunashiri"])
    #expect(contents.entities.first?.aliases.first?.usage == nil)
  }

  @Test func attributeWithoutEqualsAndDuplicateAttribute() {
    let contents = csv("name,variants\nA,B;ja|C;route=ja;ROUTE=ru\n")
    #expect(contents.diagnostics.count == 2)
    #expect(contents.diagnostics.map(\.location) == [at(2, 3, file: "g.csv"), at(2, 3, file: "g.csv")])
    #expect(
      contents.diagnostics.first?.message.hasPrefix("'ja' after ';' in 'variants' is not key=value") == true)
    #expect(contents.diagnostics.last?.message == "duplicate attribute 'route' on 'C'")
    #expect(contents.entities.first?.variants.map(\.route) == [nil, "ja"])
  }

  @Test func emptyItemsAreReported() {
    let contents = tsv("name\taliases\tdistinct\nA\tB||C\tb;x\n")
    #expect(
      contents.diagnostics == [
        Diagnostic(.error, at: at(2, 3), "empty name in 'aliases'"),
        Diagnostic(
          .error, at: at(2, 8), "'distinct' holds ids without attributes; remove what follows ';' in 'b'"),
      ])
    #expect(contents.entities.first?.aliases.map(\.text) == ["B", "C"])
  }

  @Test func idMadeFromTheName() {
    let contents = tsv("id\tname\n\tLa Pérouse Strait\n")
    #expect(contents.diagnostics.isEmpty)
    #expect(contents.entities.first?.id == "la-perouse-strait")
  }

  @Test func rowWithNoIDWhoseNameGivesNone() {
    let contents = tsv("id\tname\n\t国後島\n")
    #expect(contents.entities.isEmpty)
    #expect(contents.diagnostics.count == 1)
    #expect(contents.diagnostics.first?.location == at(2, 1))
    #expect(contents.diagnostics.first?.message.hasPrefix("row has no id and its name gives none") == true)
    // Without an id column, the name cell is named.
    let noColumn = csv("type,name\nplace,国後島\n")
    #expect(noColumn.diagnostics.first?.location == at(2, 7, file: "g.csv"))
  }

  @Test func badIDWithSuggestion() {
    let contents = csv("name,id\nKunashir,Kunashir Island\nIturup,iturup\n")
    #expect(
      contents.diagnostics == [
        Diagnostic(
          .error, at: at(2, 10, file: "g.csv"),
          "bad id 'Kunashir Island': ids are lowercase ASCII letters, digits and hyphens; try 'kunashir-island'"
        )
      ])
    #expect(contents.entities.map(\.id) == ["iturup"])
  }

  @Test func emptyNameCell() {
    let contents = tsv("id\tname\ttype\nkunashir\t  \tplace\n")
    #expect(contents.diagnostics == [Diagnostic(.error, at: at(2, 10), "row has no 'name'")])
    #expect(contents.entities.isEmpty)
  }

  @Test func rowsWithTheWrongNumberOfCells() {
    let contents = csv("id,name,type\na,A\nb,B,place,extra\nc,C,place\n")
    #expect(
      contents.diagnostics == [
        Diagnostic(.error, at: at(2, 1, file: "g.csv"), "row has 2 cells; the header has 3"),
        Diagnostic(.error, at: at(3, 11, file: "g.csv"), "row has 4 cells; the header has 3"),
      ])
    #expect(contents.entities.map(\.id) == ["c"])
  }

  @Test func unterminatedQuoteIsReportedWhereItOpened() {
    let contents = csv("id,name,note\na,A,fine\nb,B,\"never\nclosed\nat all\n")
    #expect(
      contents.diagnostics.map(\.location) == [at(3, 5, file: "g.csv")])
    #expect(contents.diagnostics.first?.message.hasPrefix("unterminated quote") == true)
    #expect(contents.entities.map(\.id) == ["a"])
  }

  @Test func textAfterAClosingQuote() {
    let contents = csv("name,note\n\"A\"B,x\n")
    #expect(
      contents.diagnostics.map(\.location) == [at(2, 4, file: "g.csv")])
    #expect(contents.diagnostics.first?.message.hasPrefix("text after the closing quote") == true)
  }

  @Test func tsvHasNoQuoting() {
    let contents = tsv("name\tnote\n\"A\tB\"\n")
    #expect(contents.diagnostics.isEmpty)
    #expect(contents.entities.first?.name == "\"A")
    #expect(contents.entities.first?.note == "B\"")
  }

  @Test func emptyAndHeaderOnlyFiles() {
    for text in ["", "\n", "# only a comment\n", "id,name\n"] {
      let contents = csv(text)
      #expect(contents.diagnostics.isEmpty, "\(text.debugDescription)")
      #expect(contents.entities.isEmpty)
    }
  }

  @Test func byteOrderMarkIsIgnored() {
    let contents = csv("\u{FEFF}name\nA\n")
    #expect(contents.diagnostics.isEmpty)
    #expect(contents.entities.map(\.name) == ["A"])
  }

  /// The loader's checks apply to table glossaries as well: duplicate ids within one file.
  @Test func loaderReportsDuplicateIDsInATable() {
    let load = GlossaryLoader.load(text: "id,name\na,A\na,B\n", file: "g.csv", format: .csv)
    #expect(
      load.diagnostics == [
        Diagnostic(.error, at: at(3, 1, file: "g.csv"), "duplicate id 'a', first defined at g.csv:2:1")
      ])
  }
}
