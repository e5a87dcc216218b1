/// The files of the project's `glossaries/` folder, compiled into the binary at build time.
///
/// Paths are relative to `glossaries/` and use `/` ("transforms/romanization.txt").
public enum EmbeddedGlossaries {
  /// The text of the embedded file at `path`, or nil when there is none.
  public static func file(_ path: String) -> String? { contents[path] }

  /// Every embedded path, sorted.
  public static var paths: [String] { contents.keys.sorted() }
}
