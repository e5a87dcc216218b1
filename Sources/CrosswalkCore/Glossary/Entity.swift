/// One name of an entity: its canonical name, an alias (another correct name, in any script),
/// or a variant (a known non-standard rendering, linked and flagged).
///
/// Immutable, and a reference: every mention of a name carries it, and a copy costs one
/// reference count instead of one per field (threads share the glossary's names).
public final class EntityName: Hashable, Sendable {
  /// What standing a name has.
  public enum Kind: String, Hashable, Sendable, Codable {
    case canonical, alias, variant
  }

  /// The name as written in the glossary.
  public let text: String
  public let kind: Kind
  /// A point of view the name belongs to (`japanese` for Northern Territories), for aliases.
  public let usage: String?
  /// The language a text passed through to produce this rendering (`ja` for Gunashiri).
  public let route: String?
  /// Where the glossary wrote it.
  public let location: SourceLocation?

  public init(
    _ text: String, kind: Kind, usage: String? = nil, route: String? = nil,
    location: SourceLocation? = nil
  ) {
    self.text = text
    self.kind = kind
    self.usage = usage
    self.route = route
    self.location = location
  }

  public static func == (a: EntityName, b: EntityName) -> Bool {
    a === b
      || (a.text == b.text && a.kind == b.kind && a.usage == b.usage && a.route == b.route
        && a.location == b.location)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(text)
    hasher.combine(kind)
  }
}

/// A person, place, organization, event or term, with every name it goes by.
///
/// Immutable, and a reference for the same reason as `EntityName`.
public final class Entity: Hashable, Sendable, Identifiable {
  /// Unique over all loaded glossaries: `[a-z0-9][a-z0-9-]*`.
  public let id: String
  /// person, place, organization, event, term, …
  public let type: String
  /// The canonical display name.
  public let name: String
  public let aliases: [EntityName]
  public let variants: [EntityName]
  /// Ids of look-alike entities never to be merged with this one.
  public let distinct: [String]
  public let note: String?
  /// Where the entity's entry starts.
  public let location: SourceLocation?

  public init(
    id: String, type: String, name: String, aliases: [EntityName] = [],
    variants: [EntityName] = [], distinct: [String] = [], note: String? = nil,
    location: SourceLocation? = nil
  ) {
    self.id = id
    self.type = type
    self.name = name
    self.aliases = aliases
    self.variants = variants
    self.distinct = distinct
    self.note = note
    self.location = location
    canonicalName = EntityName(name, kind: .canonical, location: location)
  }

  /// `name` as an `EntityName`.
  public let canonicalName: EntityName

  public static func == (a: Entity, b: Entity) -> Bool {
    a === b
      || (a.id == b.id && a.type == b.type && a.name == b.name && a.aliases == b.aliases
        && a.variants == b.variants && a.distinct == b.distinct && a.note == b.note
        && a.location == b.location)
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(id) }

  /// The canonical name, then the aliases, then the variants.
  public var names: [EntityName] { [canonicalName] + aliases + variants }

  /// How many names `names` has.
  public var nameCount: Int { 1 + aliases.count + variants.count }

  /// `names[position]`, without building the list.
  public func name(at position: Int) -> EntityName {
    if position == 0 { return canonicalName }
    return position <= aliases.count ? aliases[position - 1] : variants[position - 1 - aliases.count]
  }
}

/// The entities of one or more glossary files, by id.
public struct Glossary: Sendable {
  /// The entities in the order they were read.
  public let entities: [Entity]
  private let index: [String: Int]

  /// A glossary of `entities`; for a repeated id the first entity wins (loaders report it).
  public init(entities: [Entity]) {
    var index: [String: Int] = [:]
    for (position, entity) in entities.enumerated() where index[entity.id] == nil {
      index[entity.id] = position
    }
    self.entities = entities
    self.index = index
  }

  /// The entity with this id.
  public func entity(id: String) -> Entity? { position(of: id).map { entities[$0] } }

  /// Where the entity with this id is in `entities`.
  public func position(of id: String) -> Int? { index[id] }
}
