// swift-tools-version:6.0
import PackageDescription

// Crosswalk: names across scripts and spellings, translation artifacts, cross-document alignment.
// ICU comes from the system (Debian/Ubuntu `libicu-dev`), wrapped by the one C target `CICUShim`.
let package = Package(
  name: "Crosswalk",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "crosswalk", targets: ["crosswalk"]),
    .library(name: "CrosswalkNames", targets: ["CrosswalkNames"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    // The only code that includes ICU headers; its public header shows no ICU type.
    .target(
      name: "CICUShim",
      linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n")]
    ),
    .target(name: "CrosswalkCore"),
    .target(name: "CrosswalkICU", dependencies: ["CICUShim", "CrosswalkCore"]),
    // glossaries/ compiled into the binary, so `crosswalk` works from any folder.
    .target(name: "CrosswalkGlossaryData", plugins: ["EmbedGlossaries"]),
    .target(
      name: "CrosswalkGlossary",
      dependencies: [
        "CrosswalkCore", "CrosswalkICU", "CrosswalkGlossaryData",
        .product(name: "Yams", package: "Yams"),
      ]
    ),
    .target(
      name: "CrosswalkDocuments",
      dependencies: ["CrosswalkCore", "CrosswalkICU", "CrosswalkGlossary", .product(name: "Yams", package: "Yams")]
    ),
    .target(
      name: "CrosswalkNames",
      dependencies: ["CrosswalkICU", "CrosswalkCore", "CrosswalkGlossaryData"]
    ),
    .target(
      name: "CrosswalkLinking",
      dependencies: ["CrosswalkNames", "CrosswalkGlossary", "CrosswalkICU", "CrosswalkCore", "CrosswalkGlossaryData"]
    ),
    .target(
      name: "CrosswalkMentions",
      dependencies: [
        "CrosswalkLinking", "CrosswalkDocuments", "CrosswalkNames", "CrosswalkICU", "CrosswalkCore",
        "CrosswalkGlossaryData",
      ]
    ),
    .target(name: "CrosswalkAlignment", dependencies: ["CrosswalkCore", "CrosswalkGlossaryData"]),
    .target(
      name: "CrosswalkArtifacts",
      dependencies: [
        "CrosswalkMentions", "CrosswalkLinking", "CrosswalkNames", "CrosswalkDocuments", "CrosswalkICU", "CrosswalkCore",
        "CrosswalkGlossaryData",
      ]
    ),
    .executableTarget(
      name: "crosswalk",
      dependencies: [
        "CrosswalkAlignment", "CrosswalkArtifacts", "CrosswalkMentions", "CrosswalkDocuments", "CrosswalkLinking", "CrosswalkGlossary", "CrosswalkNames", "CrosswalkCore", "CrosswalkICU",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Yams", package: "Yams"),
      ]
    ),
    .executableTarget(
      name: "crosswalk-bench", dependencies: ["CrosswalkArtifacts", "CrosswalkMentions", "CrosswalkDocuments", "CrosswalkGlossary", "CrosswalkLinking", "CrosswalkNames", "CrosswalkCore"]),
    .executableTarget(
      name: "crosswalk-eval",
      dependencies: [
        "CrosswalkArtifacts", "CrosswalkMentions", "CrosswalkDocuments", "CrosswalkLinking", "CrosswalkGlossary",
        "CrosswalkCore", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(name: "crosswalk-embed"),
    .plugin(
      name: "EmbedGlossaries",
      capability: .buildTool(),
      dependencies: ["crosswalk-embed"]
    ),
    .testTarget(name: "CrosswalkCoreTests", dependencies: ["CrosswalkCore"]),
    .testTarget(name: "CrosswalkAlignmentTests", dependencies: ["CrosswalkAlignment"]),
    .testTarget(name: "CrosswalkICUTests", dependencies: ["CrosswalkICU"]),
    .testTarget(name: "CrosswalkNamesTests", dependencies: ["CrosswalkNames", "CrosswalkCore", "CrosswalkGlossaryData"]),
    .testTarget(name: "CrosswalkDocumentsTests", dependencies: ["CrosswalkDocuments", "CrosswalkCore"]),
    .testTarget(name: "CrosswalkGlossaryTests", dependencies: ["CrosswalkGlossary"]),
    .testTarget(
      name: "CrosswalkMentionsTests",
      dependencies: ["CrosswalkMentions", "CrosswalkDocuments", "CrosswalkLinking", "CrosswalkGlossary"]
    ),
    .testTarget(
      name: "CrosswalkArtifactsTests",
      dependencies: ["CrosswalkArtifacts", "CrosswalkMentions", "CrosswalkDocuments", "CrosswalkLinking", "CrosswalkGlossary", "CrosswalkICU", "CrosswalkCore"]
    ),
    .testTarget(name: "CrosswalkLinkingTests", dependencies: ["CrosswalkLinking", "CrosswalkGlossary"]),
    .testTarget(name: "CrosswalkCLITests", dependencies: ["crosswalk"]),
  ],
  swiftLanguageModes: [.v6]
)
