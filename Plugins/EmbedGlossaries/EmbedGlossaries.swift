import Foundation
import PackagePlugin

/// Compiles every file under `glossaries/` into the target as Swift string literals, so the
/// built-in glossaries and transform rules travel inside the binary: `crosswalk` run from any
/// folder finds them, and a changed data file rebuilds the target.
@main
struct EmbedGlossaries: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let root = context.package.directoryURL.appending(path: "glossaries")
    var inputs: [URL] = []
    if let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
    {
      for case let url as URL in walker {
        let isFile = (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) ?? false
        if isFile, !url.lastPathComponent.hasPrefix(".") { inputs.append(url) }
      }
    }
    inputs.sort { $0.path < $1.path }
    let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedGlossaryFiles.swift")
    return [
      .buildCommand(
        displayName: "Embedding \(inputs.count) glossary files",
        executable: try context.tool(named: "crosswalk-embed").url,
        arguments: [output.path, root.path] + inputs.map(\.path),
        inputFiles: inputs,
        outputFiles: [output])
    ]
  }
}
