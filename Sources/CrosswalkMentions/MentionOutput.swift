import CrosswalkCore
import Foundation

/// The output formats of `crosswalk mentions`. Each document renders on its own (on the thread
/// that found its mentions); the command writes `header`, then each document after its
/// `separator`, then `footer`.
public enum MentionFormat: String, CaseIterable, Sendable {
  case text, json, jsonl, tsv

  public var header: String {
    switch self {
    case .json: "{\n  \"documents\": ["
    case .tsv: "path\tline\tcolumn\tstart\tend\tsurface\tentity\tname\ttype\tscore\tmethod\n"
    case .text, .jsonl: ""
    }
  }

  /// What goes before a document's output, after `documentsBefore` others.
  public func separator(documentsBefore: Int) -> String {
    self == .json ? (documentsBefore == 0 ? "\n" : ",\n") : ""
  }

  public func footer(documents: Int) -> String {
    self == .json ? (documents == 0 ? "]\n}\n" : "\n  ]\n}\n") : ""
  }

  /// One document's mentions in UTF-8, as output takes them (jsonl, the bulk format, is made
  /// as bytes and is not checked again as a String).
  public func utf8(_ mentions: [Mention], in document: Document) -> [UInt8] {
    guard self == .jsonl else { return Array(render(mentions, in: document).utf8) }
    // Written through a pointer into one buffer sized for the lines: a line's keys, brackets
    // and numbers take under 300 bytes, a quoted string at most six bytes for each of its own
    // (and the document's path and id are on every line). Should a line not fit, the lines are
    // written again into an array.
    let perLine = 300 + 6 * (document.path.utf8.count + document.id.utf8.count)
    var bound = 0
    for mention in mentions {
      let strings =
        mention.surface.utf8.count + (mention.entity.map { $0.id.utf8.count + $0.name.utf8.count } ?? 0)
        + (mention.type?.utf8.count ?? 0) + (mention.method?.utf8.count ?? 0)
        + (mention.matchedName?.text.utf8.count ?? 0) + mention.source.rawValue.utf8.count
      bound += perLine + 6 * strings
    }
    var overflowed = false
    let written = [UInt8](unsafeUninitializedCapacity: bound) { buffer, initialized in
      initialized = 0
      guard var out = UnsafeByteWriter(buffer) else { return }
      Self.writeLines(mentions, in: document, to: &out)
      overflowed = out.overflowed
      initialized = out.count
    }
    guard overflowed else { return written }
    var out: [UInt8] = []
    Self.writeLines(mentions, in: document, to: &out)
    return out
  }

  /// The jsonl lines of `mentions`: what `json(_:in:).compact` writes, field by field (a
  /// third of the time of the whole command went into building a JSON value per mention).
  private static func writeLines<Sink: ByteSink>(_ mentions: [Mention], in document: Document, to out: inout Sink) {
    var lead = Array(#"{"path":"#.utf8)
    appendDoubleQuoted(document.path, to: &lead)
    lead += #","line":"#.utf8
    var documentField = Array(#","document":"#.utf8)
    appendDoubleQuoted(document.id, to: &documentField)
    documentField += #","found":"#.utf8
    // A document names a few entities many times: their fields are quoted once.
    var entityFields: [ObjectIdentifier: [UInt8]] = [:]
    var matchedNames: [ObjectIdentifier: [UInt8]] = [:]
    for mention in mentions {
      let location = document.lines.location(of: mention.span.start)
      out.write(lead)
      JSON.append(location.line, to: &out)
      out.write(#","column":"#)
      JSON.append(location.column, to: &out)
      out.write(#","start":"#)
      JSON.append(mention.span.start, to: &out)
      out.write(#","end":"#)
      JSON.append(mention.span.end, to: &out)
      out.write(#","surface":"#)
      JSON.append(mention.surface, to: &out)
      if let linked = mention.entity, mention.type == linked.type {
        let id = ObjectIdentifier(linked)
        if entityFields[id] == nil {
          var fields = Array(#","entity":"#.utf8)
          appendDoubleQuoted(linked.id, to: &fields)
          fields += #","name":"#.utf8
          appendDoubleQuoted(linked.name, to: &fields)
          fields += #","type":"#.utf8
          appendDoubleQuoted(linked.type, to: &fields)
          entityFields[id] = fields
        }
        out.write(entityFields[id] ?? [])
      } else {
        out.write(#","entity":"#)
        JSON.append(mention.entity?.id, to: &out)
        out.write(#","name":"#)
        JSON.append(mention.entity?.name, to: &out)
        out.write(#","type":"#)
        JSON.append(mention.type, to: &out)
      }
      out.write(#","score":"#)
      JSON.appendFraction(mention.score, to: &out)
      out.write(#","method":"#)
      JSON.append(mention.method, to: &out)
      out.write(documentField)
      JSON.append(mention.source.rawValue, to: &out)
      out.write(#","matched":"#)
      if let name = mention.matchedName {
        let id = ObjectIdentifier(name)
        if matchedNames[id] == nil {
          var quoted: [UInt8] = []
          appendDoubleQuoted(name.text, to: &quoted)
          matchedNames[id] = quoted
        }
        out.write(matchedNames[id] ?? [])
      } else {
        JSON.append(nil, to: &out)
      }
      out.write(UInt8(ascii: "}"))
      out.write(UInt8(ascii: "\n"))
    }
  }

  /// One document's mentions.
  public func render(_ mentions: [Mention], in document: Document) -> String {
    switch self {
    case .jsonl:
      return String(decoding: utf8(mentions, in: document), as: UTF8.self)
    case .json:
      let object = JSON.object([
        ("id", .string(document.id)), ("path", .string(document.path)),
        ("language", .string(document.language)), ("encoding", .string(document.encoding.name)),
        ("mentions", .array(mentions.map { Self.json($0, in: document) })),
      ])
      return object.pretty.split(separator: "\n", omittingEmptySubsequences: false)
        .map { "    " + $0 }.joined(separator: "\n")
    case .tsv:
      return mentions.map { mention in
        let (line, column) = document.lines.location(of: mention.span.start)
        let fields = [
          document.path, String(line), String(column), String(mention.span.start), String(mention.span.end),
          mention.surface, mention.entity?.id ?? "", mention.entity?.name ?? "", mention.type ?? "",
          String(format: "%.3f", mention.score), mention.method ?? "",
        ]
        return fields.map { $0.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }
          .joined(separator: "\t") + "\n"
      }.joined()
    case .text:
      let linked = mentions.filter { $0.entity != nil }.count
      var lines = [
        "\(document.path) (\(document.language), \(document.encoding.name)): \(mentions.count) mention\(mentions.count == 1 ? "" : "s"), \(linked) linked"
      ]
      for mention in mentions {
        let (line, column) = document.lines.location(of: mention.span.start)
        let link =
          mention.entity.map { "\($0.name) [\($0.id)] \(mention.method ?? "") \(String(format: "%.2f", mention.score))" }
          ?? "unresolved"
        lines.append("  \(line):\(column)\t\(mention.surface) → \(link)")
      }
      return lines.joined(separator: "\n") + "\n"
    }
  }

  /// The jsonl contract of DESIGN.md, then the extras.
  public static func json(_ mention: Mention, in document: Document) -> JSON {
    let (line, column) = document.lines.location(of: mention.span.start)
    return .object([
      ("path", .string(document.path)), ("line", .int(line)), ("column", .int(column)),
      ("start", .int(mention.span.start)), ("end", .int(mention.span.end)),
      ("surface", .string(mention.surface)), ("entity", .optional(mention.entity?.id)),
      ("name", .optional(mention.entity?.name)), ("type", .optional(mention.type)),
      ("score", .fraction(mention.score)), ("method", .optional(mention.method)),
      ("document", .string(document.id)), ("found", .string(mention.source.rawValue)),
      ("matched", .optional(mention.matchedName?.text)),
    ])
  }
}
