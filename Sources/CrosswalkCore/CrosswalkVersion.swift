/// The version of Crosswalk, reported by `crosswalk --version` and written into reports.
public enum CrosswalkVersion {
  /// Semantic version of the tool and of its output formats.
  public static let string = "0.1.0"
}
