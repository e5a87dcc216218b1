import CrosswalkAlignment
import CrosswalkArtifacts
import CrosswalkCore
import Foundation

/// The corpus report as JSON (versioned, docs/report.md), Markdown and one self-contained HTML
/// page. Every piece of document text in HTML is escaped.
struct ReportRendering {
  let report: CorpusReport
  static let version = 1

  // MARK: JSON

  var json: String {
    let documents = report.documents.map { entry in
      JSON.object([
        ("id", .string(entry.document.id)), ("path", .string(entry.document.path)),
        ("language", .string(entry.document.language)), ("encoding", .string(entry.document.encoding.name)),
        ("bytes", .int(entry.document.encoding.byteCount)), ("title", .optional(entry.document.metadata.title)),
        ("translationOf", .optional(entry.document.metadata.translationOf)),
        (
          "route",
          .object([
            ("language", .optional(entry.route.language)), ("score", .fraction(entry.route.score)),
            ("evidence", .array(entry.route.evidence.map(JSON.string))),
          ])
        ),
        ("findings", .object(entry.findings.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
      ])
    }
    let entities = report.entities.map { entity in
      JSON.object([
        ("id", .string(entity.id)), ("name", .string(entity.name)), ("type", .string(entity.type)),
        (
          "documents",
          .object(
            entity.documents.sorted { $0.key < $1.key }.map { id, forms in
              (
                id,
                .object([
                  ("count", .int(forms.values.reduce(0, +))),
                  ("forms", .object(forms.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
                ])
              )
            })
        ),
        (
          "renderings",
          .array(
            Self.renderings(entity).map { form, kind, documents in
              .object([("form", .string(form)), ("kind", .string(kind)), ("documents", .array(documents.map(JSON.string)))])
            })
        ),
      ])
    }
    let unresolved = report.unresolved.map { group in
      JSON.object([
        ("name", .string(GlossaryCommand.Suggest.name(of: group))),
        (
          "known",
          GlossaryCommand.Suggest.known(of: group).map { .object([("name", .string($0.name)), ("type", .string($0.type))]) }
            ?? .null
        ),
        (
          "forms",
          .array(
            GlossaryCommand.Suggest.forms(of: group).map { form in
              .object([
                ("form", .string(form.surface)), ("count", .int(form.count)),
                ("seen", .array(group.filter { $0.surface == form.surface }.map { JSON.string($0.place) })),
              ])
            })
        ),
      ])
    }
    let pairs = report.pairs.map { pair in
      JSON.object([
        ("source", .string(pair.source.document.id)), ("translation", .string(pair.translation.document.id)),
        (
          "beads",
          .array(
            pair.beads.map {
              .object([
                ("source", .array($0.source.map(JSON.int))), ("translation", .array($0.translation.map(JSON.int))),
                ("score", .fraction($0.score)),
              ])
            })
        ),
        (
          "findings",
          .array(
            pair.mismatches.map {
              .object([("bead", .int($0.bead)), ("rule", .string($0.rule)), ("message", .string($0.message))])
            })
        ),
      ])
    }
    let facts = report.facts.map { group in
      JSON.object([
        ("unit", .string(group.unit)), ("entity", .optional(group.entity)),
        ("kind", .string(group.kind.rawValue)), ("status", .string(group.status.rawValue)),
        (
          "values",
          .array(
            group.values.map { value, facts in
              .object([
                ("value", group.kind == .date ? .string(value.text(isDate: true)) : .number(value.number)),
                ("surfaces", .array(Set(facts.map(\.surface)).sorted().map(JSON.string))),
                (
                  "documents",
                  .array(
                    facts.map { fact in
                      .object([
                        ("id", .string(fact.document)), ("sentence", .int(fact.sentence)),
                        ("start", .int(fact.start)), ("end", .int(fact.end)),
                      ])
                    })
                ),
              ])
            })
        ),
      ])
    }
    return JSON.object([
      ("version", .int(Self.version)), ("documents", .array(documents)), ("entities", .array(entities)),
      ("unresolved", .array(unresolved)), ("facts", .array(facts)), ("pairs", .array(pairs)),
    ]).pretty + "\n"
  }

  /// A fact group's heading: unit and kind (or a date group's year), and the entity's name.
  private func title(of group: FactGroup) -> String {
    let entity = group.entity.map { id in report.entities.first { $0.id == id }?.name ?? id } ?? "no entity"
    guard group.kind == .date, let year = group.values.first?.value.number else {
      return "\(group.unit) (\(group.kind.rawValue)), \(entity)"
    }
    return "date \(Int(year)), \(entity)"
  }

  /// The sentence of a fact cut around it, so that the fact can be marked.
  private static func pieces(of fact: Fact) -> (before: String, fact: String, after: String) {
    let scalars = Array(fact.sentenceText.unicodeScalars)
    let from = min(max(0, fact.start - fact.sentenceStart), scalars.count)
    let to = min(max(from, fact.end - fact.sentenceStart), scalars.count)
    func text(_ range: Range<Int>) -> String { makeString(scalars[range]) }
    return (text(0..<from), text(from..<to), text(to..<scalars.count))
  }

  /// What the facts section shows.
  static let factsIntroduction =
    "Dates, amounts and quantities that two documents or more give for one unit and one entity"

  /// "11 documents, 123 entities, …": the report's opening line.
  private var summary: String {
    [
      "\(report.documents.count) documents", "\(report.entities.count) entities",
      "\(report.unresolved.count) unresolved names", "\(report.facts.count) fact groups",
      "\(report.pairs.count) translation pairs",
    ].joined(separator: ", ")
  }

  /// Links to the sections, so that the pairs at the end are one click away.
  private var navigation: String {
    let sections = [
      ("documents", "Documents"), ("matrix", "Entities × documents"), ("renderings", "Renderings"),
      ("unresolved", "Unresolved names"), ("facts", "Facts"),
    ]
    let pairs = report.pairs.enumerated().map { number, pair in
      ("pair-\(number + 1)", "Pair \(pair.source.document.id) → \(pair.translation.document.id)")
    }
    return (sections + pairs).map { "<a href=\"#\($0.0)\">\(markupEscaped($0.1))</a>" }.joined(separator: " ")
  }

  /// "3 agree, 1 partial, 2 conflict", and the groups left out.
  private var factCounts: String {
    let counts = [FactGroup.Status.agree, .partial, .conflict].map { status in
      "\(report.facts.filter { $0.status == status }.count) \(status.rawValue)"
    }.joined(separator: ", ")
    guard report.factsLeftOut > 0 else { return counts }
    return counts
      + "; \(report.factsLeftOut) groups with more than \(FactGroup.maximumValues) values left out (several facts about one entity, not one fact)"
  }

  /// Each surface form of an entity: how the glossary knows it and the documents it is in.
  static func renderings(_ entity: CorpusReport.EntityEntry) -> [(form: String, kind: String, documents: [String])] {
    entity.kinds.keys.sorted().map { form in
      (form, entity.kinds[form] ?? "linked", entity.documents.filter { $0.value[form] != nil }.map(\.key).sorted())
    }
  }

  /// 'a known place, not in the glossary' for a group linked to known-names.tsv.
  static func knownNote(_ group: [GlossaryCommand.Suggest.Seen]) -> String? {
    GlossaryCommand.Suggest.known(of: group).map { "a known \($0.type), not in the glossary" }
  }

  // MARK: Markdown

  var markdown: String {
    var out = "# Corpus report\n\n\(summary).\n\n"
    out += "## Documents\n\n| id | language | encoding | route | findings |\n|---|---|---|---|---|\n"
    for entry in report.documents {
      let route = entry.route.language.map { "\($0) (\(entry.route.score))" } ?? "none"
      let findings = entry.findings.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
      out += "| \(markdownCell(entry.document.id)) | \(entry.document.language) | \(entry.document.encoding.name) | \(route) | \(findings) |\n"
    }
    out += "\n## Entities\n\n| entity | type | mentions | renderings (kind: documents) |\n|---|---|---|---|\n"
    for entity in report.entities {
      let forms = Self.renderings(entity).map { "\(markdownCell($0.form)) (\($0.kind): \($0.documents.joined(separator: ", ")))" }
      out += "| \(markdownCell(entity.name)) | \(entity.type) | \(entity.total) | \(forms.joined(separator: "; ")) |\n"
    }
    out += "\n## Unresolved names\n\n"
    for group in report.unresolved {
      let forms = GlossaryCommand.Suggest.forms(of: group).map { "\(markdownCell($0.surface)) ×\($0.count)" }
      out += "- \(forms.joined(separator: ", "))\(Self.knownNote(group).map { " (\(markdownCell($0)))" } ?? "")\n"
    }
    out += "\n## Facts\n\n\(Self.factsIntroduction): \(factCounts).\n"
    for group in report.facts {
      let status = group.status == .conflict ? "**conflict**" : group.status.rawValue
      out += "\n### \(markdownCell(title(of: group))): \(status)\n\n| value | document | sentence |\n|---|---|---|\n"
      for (value, facts) in group.values {
        for fact in facts {
          let (before, marked, after) = Self.pieces(of: fact)
          let sentence = "\(markdownCell(before))**\(markdownCell(marked))**\(markdownCell(after))"
          out += "| \(value.text(isDate: group.kind == .date)) | \(markdownCell(fact.document)) | \(sentence) |\n"
        }
      }
    }
    for pair in report.pairs {
      out += "\n## \(markdownCell(pair.source.document.id)) → \(markdownCell(pair.translation.document.id))\n\n"
      out += "\(pair.beads.count) beads, \(pair.mismatches.count) mismatches.\n\n"
      out += AlignmentRendering(pair: pair).markdown
    }
    return out
  }


  // MARK: HTML

  var html: String {
    let documents = report.documents.map(\.document)
    var out = """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
      <title>Crosswalk corpus report</title>
      <style>
      body{font:14px/1.45 system-ui,sans-serif;margin:1.5em auto;max-width:1400px;padding:0 1em;color:#222}
      h2{margin-top:2em;border-bottom:1px solid #ccc}
      table{border-collapse:collapse;margin:.5em 0}
      td,th{border:1px solid #ddd;padding:.3em .5em;vertical-align:top;text-align:left}
      th{background:#f2f2f2;cursor:pointer}
      .matrix td{text-align:center;min-width:3.2em}
      .matrix th.doc{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;font-weight:normal}
      .form{display:inline-block;margin:0 .3em .2em 0;padding:0 .3em;border-radius:3px;background:#eef}
      .variant,.fuzzy{background:#fde7c8}
      .canonical{background:#d8f0d8;font-weight:600}
      .pair td{width:45%}
      .pair td.n{width:6em;color:#666}
      .mismatch{color:#a00;font-weight:600;margin-top:.2em}
      tr.empty td{background:#fde8e8}
      tr.weak td{background:#fff4e0}
      .scroll{max-height:34em;overflow:auto;border:1px solid #eee;margin:.5em 0}
      .scroll table{margin:0}
      .scroll table th{position:sticky;top:0;z-index:1}
      nav a{margin-right:1em}
      </style></head><body>
      <h1>Crosswalk corpus report</h1>
      <p>\(summary). Click a column head to sort; long tables scroll in their box.</p>
      <nav>\(navigation)</nav>
      <h2 id="documents">Documents</h2>
      <table class="sortable"><tr><th>id</th><th>language</th><th>encoding</th><th>route</th><th>score</th><th>findings</th></tr>

      """
    for entry in report.documents {
      let findings = entry.findings.sorted { $0.key < $1.key }.map { "\(markupEscaped($0.key)) \($0.value)" }.joined(separator: ", ")
      out +=
        "<tr><td title=\"\(markupEscaped(entry.document.path))\">\(markupEscaped(entry.document.id))</td><td>\(markupEscaped(entry.document.language))</td><td>\(markupEscaped(entry.document.encoding.name))</td><td title=\"\(markupEscaped(entry.route.evidence.prefix(8).joined(separator: "; ")))\">\(markupEscaped(entry.route.language ?? "none"))</td><td>\(entry.route.score)</td><td>\(findings)</td></tr>\n"
    }
    out += "</table>\n<h2 id=\"matrix\">Entities × documents</h2>\n<div class=\"scroll\"><table class=\"matrix sortable\"><tr><th>entity</th><th>type</th><th>total</th>"
    for document in documents { out += "<th class=\"doc\" title=\"\(markupEscaped(document.path))\">\(markupEscaped(document.id))</th>" }
    out += "</tr>\n"
    let most = max(1, report.entities.flatMap { $0.documents.values.map { $0.values.reduce(0, +) } }.max() ?? 1)
    for entity in report.entities {
      out += "<tr><td>\(markupEscaped(entity.name))</td><td>\(markupEscaped(entity.type))</td><td>\(entity.total)</td>"
      for document in documents {
        let forms = entity.documents[document.id] ?? [:]
        let count = forms.values.reduce(0, +)
        // The heat: a blue whose strength follows the count (square root, so small counts show).
        let strength = count == 0 ? 0 : 0.15 + 0.85 * (Double(count) / Double(most)).squareRoot()
        let tip = forms.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", ")
        out +=
          "<td style=\"background:rgba(40,90,200,\(String(format: "%.2f", strength)))\" title=\"\(markupEscaped(tip))\">\(count == 0 ? "" : String(count))</td>"
      }
      out += "</tr>\n"
    }
    out += "</table></div>\n<h2 id=\"renderings\">Renderings</h2>\n<p>Canonical names in green, variants and fuzzy links in orange; each with the documents it is in.</p>\n<div class=\"scroll\"><table class=\"sortable\"><tr><th>entity</th><th>renderings</th></tr>\n"
    for entity in report.entities {
      let forms = Self.renderings(entity).map {
        "<span class=\"form \(markupEscaped($0.kind))\" title=\"\(markupEscaped($0.kind)): \(markupEscaped($0.documents.joined(separator: ", ")))\">\(markupEscaped($0.form))</span>"
      }
      out += "<tr><td>\(markupEscaped(entity.name))</td><td>\(forms.joined())</td></tr>\n"
    }
    out += "</table></div>\n<h2 id=\"unresolved\">Unresolved names</h2>\n<div class=\"scroll\"><table class=\"sortable\"><tr><th>name</th><th>forms</th><th>seen</th></tr>\n"
    for group in report.unresolved {
      let forms = GlossaryCommand.Suggest.forms(of: group)
      out +=
        "<tr><td>\(markupEscaped(GlossaryCommand.Suggest.name(of: group)))\(Self.knownNote(group).map { "<br><small>\(markupEscaped($0))</small>" } ?? "")</td><td>\(markupEscaped(forms.map { "\($0.surface) ×\($0.count)" }.joined(separator: ", ")))</td><td>\(markupEscaped(group.map(\.place).joined(separator: ", ")))</td></tr>\n"
    }
    out += "</table></div>\n<h2 id=\"facts\">Facts</h2>\n<p>\(Self.factsIntroduction): \(factCounts); conflicts in red. "
    out += "Each fact is marked in its sentence.</p>\n<div class=\"scroll\">\n"
    for group in report.facts {
      let status = markupEscaped(group.status.rawValue)
      out +=
        "<h3>\(markupEscaped(title(of: group))): \(group.status == .conflict ? "<span class=\"mismatch\">\(status)</span>" : status)</h3>\n<table><tr><th>value</th><th>document</th><th>sentence</th></tr>\n"
      for (value, facts) in group.values {
        for fact in facts {
          let (before, marked, after) = Self.pieces(of: fact)
          out +=
            "<tr><td>\(markupEscaped(value.text(isDate: group.kind == .date)))</td><td>\(markupEscaped(fact.document))</td><td>\(markupEscaped(before))<mark>\(markupEscaped(marked))</mark>\(markupEscaped(after))</td></tr>\n"
        }
      }
      out += "</table>\n"
    }
    out += "</div>\n"
    for (number, pair) in report.pairs.enumerated() {
      out +=
        "<h2 id=\"pair-\(number + 1)\">Translation pair: \(markupEscaped(pair.source.document.id)) → \(markupEscaped(pair.translation.document.id))</h2>\n<p>\(pair.beads.count) beads; \(pair.mismatches.count) mismatches called out in red; beads scoring under 0.5 shaded.</p>\n"
      out += AlignmentRendering(pair: pair).htmlTable
    }
    out += """
      <script>
      // Sorting by a column head: numbers as numbers, the rest as text; a second click reverses.
      document.querySelectorAll("table.sortable").forEach(function (table) {
        var heads = table.rows[0].cells;
        Array.prototype.forEach.call(heads, function (head, column) {
          head.addEventListener("click", function () {
            var rows = Array.prototype.slice.call(table.rows, 1);
            var descending = head.dataset.order !== "desc";
            head.dataset.order = descending ? "desc" : "asc";
            rows.sort(function (a, b) {
              var x = a.cells[column].textContent, y = b.cells[column].textContent;
              var nx = parseFloat(x), ny = parseFloat(y);
              var order = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
              return descending ? -order : order;
            });
            rows.forEach(function (row) { table.tBodies[0].appendChild(row); });
          });
        });
      });
      </script>
      </body></html>

      """
    return out
  }
}
