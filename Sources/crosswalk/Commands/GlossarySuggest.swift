import ArgumentParser
import CrosswalkArtifacts
import CrosswalkCore
import CrosswalkDocuments
import CrosswalkGlossary
import CrosswalkLinking
import CrosswalkMentions
import CrosswalkNames
import Foundation

extension GlossaryCommand {
  /// `crosswalk glossary suggest`: the names documents use that no glossary has, as entries to
  /// review.
  struct Suggest: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Suggest glossary entries for the names documents use that no glossary has.",
      discussion: """
        Every mention that links to nothing is collected, and mentions are grouped across \
        documents and scripts by their phonetic key with the word order ignored (Yosuke \
        Matsuoka, Matsuoka Yosuke, Ёсукэ Мацуока). Each group is written as a YAML glossary \
        entry: id, a guessed type, the most frequent form as name, the other forms as aliases, \
        and a comment with where each form was seen. A name linked to a place or organization \
        of glossaries/mentions/known-names.tsv (Habarovsk) is suggested under that name \
        (Khabarovsk), with its known names as aliases and the documents' misspellings as \
        variants. Nothing is added to any glossary: review the entries, then add them to a \
        glossary of your own with --glossary.

        EXAMPLES
          crosswalk glossary suggest corpus
          crosswalk glossary suggest corpus --min-documents 2 -o suggested.yaml
        """)

    @OptionGroup var documents: DocumentOptions

    @OptionGroup var glossary: GlossaryOptions

    @Option(name: .long, help: "Only names seen in at least this many documents.")
    var minDocuments = 1

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    /// One unresolved mention, as the suggestion needs it.
    struct Seen {
      let surface: String
      let type: String?
      let place: String
      let document: String
      /// The known place or organization (known-names.tsv) the name was linked to, if any.
      var known: Entity? = nil
    }

    func run() throws {
      let listing = try documents.listing()
      let load = try glossary.load()
      let resources: MentionResources
      let normalizer: NameNormalizer
      do {
        resources = try MentionResources(glossary: load.glossary)
        normalizer = try NameNormalizer()
      } catch {
        throw fail("\(error)")
      }
      var seen: [Seen] = []
      let out = try Output(path: output)
      let failed = try documents.process(
        listing, makeWorker: { KnownNameLinker(finder: try MentionFinder(resources: resources)) },
        work: { worker, document in
          Result {
            let mentions = try worker.finder.mentions(in: document)
            // A name linked to a known place (Habarovsk) is suggested as that place.
            return zip(mentions, try worker.linking(mentions)).compactMap { mention, linked -> Seen? in
              guard mention.entity == nil else { return nil }
              return Seen(
                surface: mention.surface, type: mention.type,
                place: "\(document.path):\(document.lines.location(of: mention.span.start).line)", document: document.path,
                known: linked.entity)
            }
          }
        },
        deliver: { document, result in
          switch result {
          case .failure(let error): printDiagnostic("error: \(document.path): \(error)")
          case .success(let found): seen += found
          }
        })
      out.write(Self.yaml(Self.clusters(seen, normalizer: normalizer, minDocuments: minDocuments), normalizer: normalizer))
      try out.finish()
      if failed { throw ExitCode(2) }
    }

    /// Mentions grouped by their phonetic key, word order aside; the groups with the most
    /// documents first, then by name.
    static func clusters(_ seen: [Seen], normalizer: NameNormalizer, minDocuments: Int) -> [[Seen]] {
      // Each distinct surface is read once: a corpus repeats its unknown names.
      var keyOf: [String: String] = [:]
      let phonetic = seen.map { mention in
        if let known = keyOf[mention.surface] { return known }
        let keys = try? normalizer.keys(for: mention.surface)
        let key = keys.map { $0.key(.phonetic).split(separator: " ").sorted().joined(separator: " ") } ?? ""
        keyOf[mention.surface] = key
        return key
      }
      // Spellings linked to one known place are one name (Habarovsk, Khabarovsk), with the forms
      // in other scripts that sound the same (Хабаровск). A Latin form that sounds the same but
      // did not link stays apart: the linker read it and found another name (Several, Sapporo).
      var knownKey: [String: String] = [:]
      for (mention, key) in zip(seen, phonetic) where !key.isEmpty {
        if let entity = mention.known, knownKey[key] == nil { knownKey[key] = "known " + entity.id }
      }
      var groups: [String: [Seen]] = [:]
      for (mention, key) in zip(seen, phonetic) where !key.isEmpty {
        let group =
          mention.known.map { "known " + $0.id } ?? (isLatin(mention.surface) ? nil : knownKey[key]) ?? key
        groups[group, default: []].append(mention)
      }
      // Each group's document count and name computed once, not in every comparison.
      let ranked = groups.values.map { group in (group: group, documents: Set(group.map(\.document)).count, name: name(of: group)) }
      return ranked.filter { $0.documents >= minDocuments }
        .sorted { ($1.documents, $0.name) < ($0.documents, $1.name) }.map(\.group)
    }

    /// The known place's name, else the most frequent form; ties go to a Latin form, then to the
    /// first in order.
    static func name(of group: [Seen]) -> String {
      if let known = known(of: group) { return known.name }
      let forms = forms(of: group)
      return forms.first?.surface ?? ""
    }

    /// The known place or organization the group's names were linked to.
    static func known(of group: [Seen]) -> Entity? { group.lazy.compactMap(\.known).first }

    /// The forms of a group with their counts, most frequent first (Latin first among equals).
    static func forms(of group: [Seen]) -> [(surface: String, count: Int)] {
      var counts: [String: Int] = [:]
      for mention in group { counts[mention.surface, default: 0] += 1 }
      return counts.map { ($0.key, $0.value) }.sorted { a, b in
        if a.1 != b.1 { return a.1 > b.1 }
        let (la, lb) = (isLatin(a.0), isLatin(b.0))
        if la != lb { return la }
        return a.0 < b.0
      }
    }

    /// The type the finder gave, else a guess from the shape: capitals only → organization,
    /// two or three capitalized words → person, a hyphened or single word → place.
    static func type(of group: [Seen]) -> String {
      if let known = group.compactMap(\.type).first { return known }
      let name = name(of: group)
      let words = name.split(separator: " ")
      if words.allSatisfy({ $0.count > 1 && $0 == $0.uppercased() }) { return "organization" }
      if (2...3).contains(words.count) { return "person" }
      return "place"
    }

    static func yaml(_ groups: [[Seen]], normalizer: NameNormalizer) -> String {
      var out = """
        # Suggested by 'crosswalk glossary suggest': names the documents use that no glossary has,
        # grouped by their phonetic key across documents and scripts. The types are guesses and
        # the groups may be wrong: review every entry before adding it to a glossary.
        entities:

        """
      var ids = Set<String>()
      for group in groups {
        let forms = forms(of: group)
        guard var name = forms.first?.surface else { continue }
        // A known place is suggested under its name, with the names known-names.tsv gives it as
        // aliases and the documents' other Latin spellings of it as variants (Habarovsk); its
        // other forms (Хабаровска, a case form) are in the comments.
        let known = known(of: group)
        var aliases = forms.dropFirst().map(\.surface)
        var variants: [String] = []
        if let known {
          name = known.name
          aliases = known.aliases.map(\.text)
          variants = forms.map(\.surface).filter { form in isLatin(form) && !known.names.contains { $0.text == form } }
        }
        // The id from a Latin form, else from the name's romanization (Олег Ракитин → oleg-rakitin).
        let latin =
          known?.name ?? forms.first { isLatin($0.surface) }?.surface ?? (try? normalizer.keys(for: name).latin) ?? name
        var id = makeID(from: latin)
        if id.isEmpty { id = "entity" }
        var unique = id
        var number = 2
        while !ids.insert(unique).inserted {
          unique = "\(id)-\(number)"
          number += 1
        }
        let type = known.map { "\($0.type)  # a known \($0.type): glossaries/mentions/known-names.tsv" } ?? "\(type(of: group))  # guessed"
        out += "  - id: \(unique)\n    type: \(type)\n    name: \(scalar(name))\n"
        if !aliases.isEmpty {
          out += "    aliases:\n" + aliases.map { "      - \(scalar($0))\n" }.joined()
        }
        if !variants.isEmpty {
          out += "    variants:\n" + variants.map { "      - \(scalar($0))\n" }.joined()
        }
        for form in forms {
          let places = group.filter { $0.surface == form.surface }.map(\.place)
          out += "    # '\(form.surface)' (\(form.count)×): \(places.joined(separator: ", "))\n"
        }
        out += "\n"
      }
      return groups.isEmpty ? out + "  []\n" : out
    }

    /// A YAML scalar: quoted when YAML would read it otherwise.
    static func scalar(_ text: String) -> String {
      let plain =
        !text.isEmpty && text.unicodeScalars.allSatisfy { !":#{}[],&*!|>'\"%@`".unicodeScalars.contains($0) }
        && text.first?.isLetter == true && !["yes", "no", "true", "false", "null", "on", "off"].contains(text.lowercased())
      return plain ? text : "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
  }
}
